-- A catalog of bad input: every SQL function of the extension, and direct writes to its
-- tables, called with NULLs, empty and blank strings, 1 MB strings, malformed and Unicode
-- emails, letters for phones, unknown / zero / negative ids, unknown option values, bad
-- intervals and max_uses, malformed invite tokens, and SQL metacharacters in every text
-- argument (tenant_id included). Each call gets its documented SQLSTATE or result, and an
-- error changes nothing (regress.unchanged()).
-- 1 MB values never reach the output: calls that could print them are run at
-- VERBOSITY sqlstate or through pg_temp.try(), which shows the SQLSTATE and the size of
-- the error text (the section "error text size" checks that no message echoes 1 MB).
-- Tenants: bad_input (main), bad_input_2 (another tenant).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(11000);

-- pg_temp.try runs one statement and undoes it; returns 'ok <first value>' or the
-- SQLSTATE, with the size of the error's text (message + detail + hint) and its first
-- characters; control and invisible characters are shown as <U+XXXX>.
CREATE FUNCTION pg_temp.visible(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(CASE WHEN ascii(c) < 32 OR ascii(c) BETWEEN 127 AND 159
                                OR ascii(c) BETWEEN 8203 AND 8207 OR ascii(c) BETWEEN 8234 AND 8238
                                OR ascii(c) BETWEEN 8288 AND 8292 OR ascii(c) = 65279
                           THEN format('<U+%s>', upper(lpad(to_hex(ascii(c)), 4, '0'))) ELSE c END, '' ORDER BY n)
      FROM regexp_split_to_table(left(value, 60), '') WITH ORDINALITY AS t(c, n) WHERE c <> '';
$$;
CREATE FUNCTION pg_temp.try(stmt text, OUT outcome text, OUT error_bytes integer, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    result text;
    msg text; det text; hnt text;
BEGIN
    BEGIN
        EXECUTE stmt INTO result;
        -- undo what a call that succeeded wrote: every try leaves the tables as they were
        RAISE EXCEPTION USING ERRCODE = 'ZZ999';
    EXCEPTION WHEN SQLSTATE 'ZZ999' THEN
        outcome := 'ok ' || coalesce(pg_temp.visible(result)
                                     || CASE WHEN length(result) > 60 THEN format('... (%s chars)', length(result)) ELSE '' END,
                                     'NULL');
    END;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS outcome = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                            det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    error_bytes := octet_length(msg) + coalesce(octet_length(det), 0) + coalesce(octet_length(hnt), 0);
    message := pg_temp.visible(msg);
END $$;

-- The bad text values every text argument is given (label, value).
CREATE TEMP TABLE bad_text (n serial, label text NOT NULL, value text);
INSERT INTO bad_text (label, value) VALUES
    ('null',           NULL),
    ('empty',          ''),
    ('spaces',         '   '),
    ('tab_newline',    E'\t\r\n'),
    ('nbsp_ideo_sp',   E'\xc2\xa0\xe3\x80\x80'),                   -- U+00A0 U+3000
    ('zero_width',     E'\xe2\x80\x8b'),                           -- U+200B
    ('sql_drop',       $q$'; DROP TABLE customer_identity.customer; --$q$),
    ('quotes',         $q$O'Brien "x" ''$q$),
    ('backslashes',    E'\\\\x\\n\\'),
    ('dollars',        '$$ $1 $q$'),
    ('format_chars',   '%s%n%d%x %%'),
    ('unicode',        'ü@exämple.com'),
    ('emoji_rtl',      E'\xf0\x9f\x98\x80\xe2\x80\xaeevil'),        -- U+1F600 U+202E
    ('control',        E'a\x01b\x7f'),
    ('a@b@c',          'a@b@c'),
    ('@x',             '@x'),
    ('x@',             'x@'),
    ('letters',        'abcd'),
    ('1mb',            repeat('a', 1024 * 1024)),
    ('1mb_local_part', repeat('a', 1024 * 1024) || '@x.example');
SELECT n, label, pg_temp.visible(value) AS value, octet_length(value) AS bytes FROM bad_text ORDER BY n;

-- Runs a statement template (%s: the quoted bad value) once per bad value.
CREATE FUNCTION pg_temp.matrix(template text)
RETURNS TABLE (label text, outcome text, error_bytes integer, message text) LANGUAGE sql AS $$
    SELECT b.label, t.outcome, t.error_bytes, t.message
      FROM bad_text b, pg_temp.try(format(template, quote_nullable(b.value))) t ORDER BY b.n;
$$;

------------------------------------------------------------------------------
-- Fixtures
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id)
VALUES ('bad_input', 'Bea', 'bea@bad.example', '+15550200001', 'cus_bea', 'u_bea') RETURNING id AS bea \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('bad_input', 'Cal', 'cal@bad.example') RETURNING id AS cal \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('bad_input', 'Dup', 'dup@bad.example') RETURNING id AS dup \gset
SELECT merge_customers(:cal, :dup);
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'Shop', 'shop@bad.example')
RETURNING id AS shop \gset
INSERT INTO customer (tenant_id, name, email, roles)
VALUES ('bad_input', 'Shop owner', 'shop@bad.example', '{customer,vendor}') RETURNING id AS owner \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'Free shop', 'free@bad.example')
RETURNING id AS free_shop \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('bad_input_2', 'Other', 'other@bad.example') RETURNING id AS other \gset
INSERT INTO vendor (tenant_id, name) VALUES ('bad_input_2', 'Other shop') RETURNING id AS other_shop \gset
SELECT create_invite_token(:shop) AS tok \gset
SELECT * FROM regress.customers('bad_input');
SELECT * FROM regress.vendors('bad_input');

------------------------------------------------------------------------------
-- Calling a trigger function directly: refused, nothing changed (no crash)
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT customer_before_write();
:sqlstate
SELECT customer_vendor_role_rule();
:sqlstate
SELECT vendor_before_write();
:sqlstate
SELECT identity_event_append_only();
:sqlstate
-- (this one does not check that it is called as a trigger: it runs, and only the output
-- of its trigger-typed result fails; see the IS NULL form, which shows it returns)
SELECT customer_redeem_invites();
:sqlstate
SELECT customer_redeem_invites() IS NULL AS returned_null;
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- normalize_email: STRICT (NULL -> NULL); malformed -> 22023; Unicode kept, ASCII lower-cased
------------------------------------------------------------------------------
SELECT normalize_email(NULL) IS NULL AS null_is_null;
SELECT normalize_email('');
:sqlstate
SELECT normalize_email('   ');
:sqlstate
SELECT normalize_email('a@b@c');
:sqlstate
SELECT normalize_email('@x');
:sqlstate
SELECT normalize_email('x@');
:sqlstate
-- (control characters: VERBOSITY sqlstate, the message would carry them raw)
\set VERBOSITY sqlstate
SELECT normalize_email(E'a\x01b@x.example');
:sqlstate
SELECT normalize_email(E'a\tb@x.example');
:sqlstate
SELECT normalize_email(E'a\x7f@x.example');
:sqlstate
SELECT normalize_email(E'a@x.example\nBcc: b@y.example');
:sqlstate
\set VERBOSITY default
SELECT normalize_email($q$'; DROP TABLE customer_identity.customer; --$q$);
:sqlstate
\set VERBOSITY sqlstate
SELECT length(normalize_email(repeat('a', 1024 * 1024)));
:sqlstate
SELECT length(normalize_email(repeat('a', 1024 * 1024) || '@x.example'));
:sqlstate
SELECT length(normalize_email('a@' || repeat('b', 1024 * 1024)));
:sqlstate
\set VERBOSITY default
-- accepted: Unicode (only ASCII is lower-cased), Unicode spaces trimmed, quotes kept
SELECT normalize_email('ü@exämple.com') AS unicode, normalize_email('Ü@EXÄMPLE.COM') AS unicode_upper,
       normalize_email(E'\xc2\xa0A@X.example\xe3\x80\x80') AS unicode_spaces_trimmed,
       normalize_email($q$O'Brien@X.example$q$) AS quote, normalize_email('a\b$$@x.example') AS backslash_dollars;
-- a zero-width space (U+200B) or a right-to-left override (U+202E) is refused, inside or
-- at an edge
SELECT * FROM pg_temp.try($$SELECT customer_identity.normalize_email(E'a\xe2\x80\x8b@x.example')$$);
SELECT * FROM pg_temp.try($$SELECT customer_identity.normalize_email(E'\xe2\x80\x8ba@x.example')$$);
SELECT * FROM pg_temp.try($$SELECT customer_identity.normalize_email(E'a@x.example\xe2\x80\x8b')$$);
SELECT * FROM pg_temp.try($$SELECT customer_identity.normalize_email(E'a\xe2\x80\xae@x.example')$$);
-- fullwidth @ is not an @
SELECT * FROM pg_temp.try($$SELECT customer_identity.normalize_email('a＠x.example')$$);
-- every bad value
SELECT * FROM pg_temp.matrix('SELECT customer_identity.normalize_email(%s)');

------------------------------------------------------------------------------
-- normalize_phone: STRICT; letters, too few / too many digits -> 22023
------------------------------------------------------------------------------
SELECT normalize_phone(NULL) IS NULL AS null_is_null;
SELECT normalize_phone('');
:sqlstate
SELECT normalize_phone('   ');
:sqlstate
SELECT normalize_phone('abcd');
:sqlstate
SELECT normalize_phone('555-CALL-NOW');
:sqlstate
SELECT normalize_phone('+');
:sqlstate
SELECT normalize_phone('++15550100');
:sqlstate
SELECT normalize_phone('٥٥٥١٢٣٤');
:sqlstate
SELECT normalize_phone($q$'; DROP TABLE customer_identity.customer; --$q$);
:sqlstate
\set VERBOSITY sqlstate
SELECT length(normalize_phone(repeat('1', 1024 * 1024)));
:sqlstate
SELECT length(normalize_phone(repeat('a', 1024 * 1024)));
:sqlstate
\set VERBOSITY default
-- accepted: fullwidth digits folded, 4 digits, 20 digits
SELECT normalize_phone('５５５１２３４') AS fullwidth, normalize_phone('0000') AS four_digits,
       normalize_phone('+12345678901234567890') AS twenty_digits;
SELECT normalize_phone('+123456789012345678901');
:sqlstate
SELECT * FROM pg_temp.matrix('SELECT customer_identity.normalize_phone(%s)');

------------------------------------------------------------------------------
-- resolve_customer_identity: tenant, identifiers, options; every error changes nothing
------------------------------------------------------------------------------
-- tenant_id NULL, empty, blank: 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => NULL, email => 'bea@bad.example');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => '', email => 'bea@bad.example');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => '   ', email => 'bea@bad.example');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => E'\t\n', email => 'bea@bad.example');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => E'\xe3\x80\x80', email => 'bea@bad.example');
:sqlstate
SELECT regress.unchanged();
-- no identifier at all (all NULL, or only a name): 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', name => 'Nobody');
:sqlstate
SELECT * FROM resolve_customer_identity(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
:sqlstate
SELECT regress.unchanged();
-- empty or blank external_customer_id / user_id: 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => '');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => '   ');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', user_id => '');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', user_id => E' \t ');
:sqlstate
SELECT regress.unchanged();
-- empty, blank or malformed email: 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => '');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => '   ');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'a@b@c');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => '@x');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'x@');
:sqlstate
\set VERBOSITY sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => E'bea\x01@bad.example');
:sqlstate
\set VERBOSITY default
-- ... also next to an identifier that would match (validation comes first)
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => 'cus_bea', email => 'x@');
:sqlstate
SELECT regress.unchanged();
-- phone of letters, too short: 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', phone => 'abcd');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', phone => '');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', phone => '12');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', user_id => 'u_bea', phone => 'call me');
:sqlstate
SELECT regress.unchanged();
-- customer_ref 0, negative, unknown: CI011; of another tenant: CI008; merged away: followed
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => 0);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => -1);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => 999999999);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => -9223372036854775808);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => :other);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'no_such_tenant', customer_ref => :bea, create_missing => false);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => 0, create_missing => false);
:sqlstate
SELECT customer_id = :cal AS followed_to_cal, method, created
  FROM resolve_customer_identity(tenant_id => 'bad_input', customer_ref => :dup);
SELECT regress.unchanged();
-- on_conflict other than 'raise' / 'return' (also 'merge', '', NULL, 'RAISE'): 22023
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => 'merge');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => '');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => NULL);
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => 'RAISE');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => ' raise');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example',
                                        on_conflict => $q$raise'; DROP TABLE customer_identity.customer; --$q$);
:sqlstate
-- create_missing NULL: 22023
SELECT * FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', create_missing => NULL);
:sqlstate
SELECT regress.unchanged();
-- 1 MB values: tenant, external id, user id, email, phone (a lookup that finds nothing)
SELECT regress.save_state();
\set VERBOSITY sqlstate
SELECT count(*) FROM resolve_customer_identity(tenant_id => repeat('a', 1024 * 1024), email => 'bea@bad.example', create_missing => false);
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => repeat('a', 1024 * 1024), create_missing => false);
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', user_id => repeat('a', 1024 * 1024), create_missing => false);
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', email => repeat('a', 1024 * 1024), create_missing => false);
:sqlstate
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', email => repeat('a', 1024 * 1024) || '@x.example', create_missing => false);
:sqlstate
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', phone => repeat('1', 1024 * 1024), create_missing => false);
:sqlstate
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => 'cus_bea',
                                               email => 'bea@bad.example', name => repeat('a', 1024 * 1024));
\set VERBOSITY default
SELECT regress.unchanged();
-- 1 MB values that would create a customer
SELECT regress.save_state();
\set VERBOSITY sqlstate
SELECT count(*) FROM resolve_customer_identity(tenant_id => repeat('a', 1024 * 1024), email => 'big@bad.example');
:sqlstate
SELECT regress.unchanged();
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => repeat('a', 1024 * 1024));
:sqlstate
SELECT regress.unchanged();
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', user_id => repeat('a', 1024 * 1024));
:sqlstate
SELECT regress.unchanged();
-- ... also a 3.2 KB identifier that does not compress (100 md5 hex strings)
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input',
    external_customer_id => (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i));
:sqlstate
SELECT regress.unchanged();
-- ... and filled into an existing customer (Cal has no external id)
SELECT count(*) FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'cal@bad.example',
                                               external_customer_id => repeat('a', 1024 * 1024));
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
-- a name longer than 500 bytes is refused (22023), nothing written; 500 bytes are data
SELECT regress.save_state();
SELECT method, created FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bigname@bad.example',
                                                      name => repeat('a', 501));
:sqlstate
SELECT regress.unchanged();
BEGIN;
SELECT method, created FROM resolve_customer_identity(tenant_id => 'bad_input', email => 'bigname@bad.example',
                                                      name => repeat('é', 250));
SELECT length(name) FROM customer WHERE tenant_id = 'bad_input' AND email = 'bigname@bad.example';
ROLLBACK;
-- SQL metacharacters and Unicode as values are data: stored and found verbatim
BEGIN;
SELECT method, created FROM resolve_customer_identity(
    tenant_id => $q$'; DROP TABLE customer_identity.customer; --$q$,
    external_customer_id => $q$'; DROP TABLE customer_identity.customer; --$q$,
    user_id => E'\\\\x\\n\\ $$ %s%n ''', email => 'ü@exämple.com', phone => '５５５ ０１０ ２０２０',
    name => $q$Robert'); DROP TABLE customer_identity.vendor;--$q$);
SELECT customer_id IS NOT NULL AS found, method, created FROM resolve_customer_identity(
    tenant_id => $q$'; DROP TABLE customer_identity.customer; --$q$,
    user_id => E'\\\\x\\n\\ $$ %s%n ''', create_missing => false);
SELECT tenant_id, external_customer_id, user_id, email, email_normalized, phone_normalized, name
  FROM customer WHERE tenant_id = $q$'; DROP TABLE customer_identity.customer; --$q$;
ROLLBACK;
SELECT count(*) > 0 AS customer_table_still_there FROM customer;
-- every bad value as each text argument (lookups only: create_missing => false)
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => %s, email => 'bea@bad.example', create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => %s, create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', email => %s, create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', user_id => %s, create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', phone => %s, create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => 'cus_bea', name => %s, create_missing => false)$$);
SELECT * FROM pg_temp.matrix($$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => 'cus_bea', on_conflict => %s)$$);
SELECT regress.unchanged();
-- ... and as the values of a customer to create (each call undone by pg_temp.try)
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix($$SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => %s, email => 'new@bad.example')$$);
SELECT * FROM pg_temp.matrix($$SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => %s)$$);
SELECT * FROM pg_temp.matrix($$SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', user_id => %s)$$);
SELECT * FROM pg_temp.matrix($$SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', email => 'new@bad.example', name => %s)$$);
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- link_vendor_to_customer: NULL -> 22004, unknown / 0 / negative -> CI011, other tenant -> CI008
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT link_vendor_to_customer(NULL, :cal);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, NULL);
:sqlstate
SELECT link_vendor_to_customer(NULL, NULL);
:sqlstate
SELECT link_vendor_to_customer(0, :cal);
:sqlstate
SELECT link_vendor_to_customer(-1, :cal);
:sqlstate
SELECT link_vendor_to_customer(999999999, :cal);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, 0);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, -1);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, 999999999);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, -9223372036854775808);
:sqlstate
SELECT link_vendor_to_customer(:other_shop, :cal);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, :other);
:sqlstate
SELECT link_vendor_to_customer(:free_shop, :dup);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- unlink_vendor_from_customer: NULL -> 22004, unknown / 0 / negative -> CI011
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT unlink_vendor_from_customer(NULL);
:sqlstate
SELECT unlink_vendor_from_customer(0);
:sqlstate
SELECT unlink_vendor_from_customer(-1);
:sqlstate
SELECT unlink_vendor_from_customer(999999999);
:sqlstate
SELECT regress.unchanged();
-- a vendor without a link is left as it is
SELECT unlink_vendor_from_customer(:free_shop);
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- upgrade_customer_to_vendor: NULL -> 22004, blank name -> 22023, unknown ids -> CI011
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(NULL, 'New shop');
:sqlstate
SELECT upgrade_customer_to_vendor(:bea, NULL);
:sqlstate
SELECT upgrade_customer_to_vendor(:bea, '');
:sqlstate
SELECT upgrade_customer_to_vendor(:bea, '   ');
:sqlstate
SELECT upgrade_customer_to_vendor(:bea, E'\t\n');
:sqlstate
SELECT upgrade_customer_to_vendor(:bea, E'\xc2\xa0');
:sqlstate
SELECT upgrade_customer_to_vendor(0, 'New shop');
:sqlstate
SELECT upgrade_customer_to_vendor(-1, 'New shop');
:sqlstate
SELECT upgrade_customer_to_vendor(999999999, 'New shop');
:sqlstate
SELECT upgrade_customer_to_vendor(:dup, 'New shop');
:sqlstate
SELECT upgrade_customer_to_vendor(:owner, 'Second shop');
:sqlstate
SELECT regress.unchanged();
-- a name with SQL metacharacters or Unicode is data (rolled back); over 500 bytes it is 22023
BEGIN;
SELECT upgrade_customer_to_vendor(:bea, $q$'; DROP TABLE customer_identity.vendor; -- ü 😀 \ $$ %s$q$) > 0 AS created;
SELECT name FROM vendor WHERE primary_contact_email = 'bea@bad.example';
ROLLBACK;
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:bea, repeat('a', 1024 * 1024)) > 0 AS created;
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix(format('SELECT customer_identity.upgrade_customer_to_vendor(%s, %%s) > 0', :bea));
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- vendor_for_customer: STRICT; NULL, 0, negative, unknown -> NULL
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT vendor_for_customer(NULL) AS null_id, vendor_for_customer(0) AS zero, vendor_for_customer(-1) AS negative,
       vendor_for_customer(999999999) AS unknown, vendor_for_customer(:other) AS other_tenant,
       vendor_for_customer(:owner) = :shop AS owner_is_shop;
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- create_invite_token: NULL vendor -> 22004, unknown -> CI011, non-positive interval or
-- max_uses -> 22023
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT create_invite_token(NULL);
:sqlstate
SELECT create_invite_token(0);
:sqlstate
SELECT create_invite_token(-1);
:sqlstate
SELECT create_invite_token(999999999);
:sqlstate
SELECT create_invite_token(:shop, expires_in => '0 seconds');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '-1 day');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '-1 microsecond');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '1 day -25 hours');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '1 month -40 days');
:sqlstate
SELECT create_invite_token(:shop, max_uses => 0);
:sqlstate
SELECT create_invite_token(:shop, max_uses => -1);
:sqlstate
SELECT create_invite_token(:shop, max_uses => -2147483648);
:sqlstate
SELECT create_invite_token(:shop, expires_in => '-1 day', max_uses => 0);
:sqlstate
SELECT create_invite_token(999999999, expires_in => '-1 day', max_uses => 0);
:sqlstate
SELECT regress.unchanged();
-- an interval that puts the expiry past the end (or before the start) of time; the
-- interval itself is valid (terse: the CONTEXT names the extension's internal statement)
SELECT regress.save_state();
\set VERBOSITY terse
SELECT create_invite_token(:shop, expires_in => '100000000 years');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '300000 years');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '-300000 years');
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();
-- an interval too large for its type is refused by the cast, before the call
SELECT create_invite_token(:shop, expires_in => '200000000 years');
:sqlstate
-- malformed interval text is refused by the cast, before the call
SELECT create_invite_token(:shop, expires_in => 'soon');
:sqlstate
SELECT create_invite_token(:shop, expires_in => '');
:sqlstate

------------------------------------------------------------------------------
-- redeem_invite_token: NULL -> 22004, malformed / unknown token -> CI002, unknown
-- customer -> CI011, other tenant -> CI008, archived -> CI010
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(NULL, :bea);
:sqlstate
SELECT * FROM redeem_invite_token(:'tok', NULL);
:sqlstate
SELECT * FROM redeem_invite_token(NULL, NULL);
:sqlstate
SELECT * FROM redeem_invite_token('', :bea);
:sqlstate
SELECT * FROM redeem_invite_token('   ', :bea);
:sqlstate
SELECT * FROM redeem_invite_token('cit_', :bea);
:sqlstate
SELECT * FROM redeem_invite_token('not-a-token', :bea);
:sqlstate
SELECT * FROM redeem_invite_token(' ' || :'tok', :bea);
:sqlstate
SELECT * FROM redeem_invite_token(upper(:'tok'), :bea);
:sqlstate
SELECT * FROM redeem_invite_token($q$cit_'; DROP TABLE customer_identity.invite_token; --$q$, :bea);
:sqlstate
SELECT * FROM redeem_invite_token(E'cit_\\\\$$%s%n\xe2\x80\x8b', :bea);
:sqlstate
\set VERBOSITY sqlstate
SELECT * FROM redeem_invite_token('cit_' || repeat('a', 1024 * 1024), :bea);
:sqlstate
\set VERBOSITY default
SELECT * FROM redeem_invite_token(:'tok', 0);
:sqlstate
SELECT * FROM redeem_invite_token(:'tok', -1);
:sqlstate
SELECT * FROM redeem_invite_token(:'tok', 999999999);
:sqlstate
SELECT * FROM redeem_invite_token(:'tok', :other);
:sqlstate
SELECT * FROM redeem_invite_token(:'tok', :dup);
:sqlstate
-- a bad token with a bad customer id: the token is checked first
SELECT * FROM redeem_invite_token('not-a-token', 999999999);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- revoke_invite_token / rotate_invite_token: NULL -> 22004, malformed / unknown -> CI002
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT revoke_invite_token(NULL);
:sqlstate
SELECT revoke_invite_token('');
:sqlstate
SELECT revoke_invite_token('   ');
:sqlstate
SELECT revoke_invite_token('cit_');
:sqlstate
SELECT revoke_invite_token($q$'; DROP TABLE customer_identity.invite_token; --$q$);
:sqlstate
SELECT revoke_invite_token(upper(:'tok'));
:sqlstate
\set VERBOSITY sqlstate
SELECT revoke_invite_token(repeat('a', 1024 * 1024));
:sqlstate
\set VERBOSITY default
SELECT rotate_invite_token(NULL);
:sqlstate
SELECT rotate_invite_token('');
:sqlstate
SELECT rotate_invite_token('   ');
:sqlstate
SELECT rotate_invite_token('cit_');
:sqlstate
SELECT rotate_invite_token($q$'; DROP TABLE customer_identity.invite_token; --$q$);
:sqlstate
SELECT rotate_invite_token(:'tok' || ' ');
:sqlstate
\set VERBOSITY sqlstate
SELECT rotate_invite_token(repeat('a', 1024 * 1024));
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();
-- every bad value as the token of the three token functions (the errors are caught, so
-- redemptions refused are recorded at commit: run in a transaction rolled back)
BEGIN;
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix(format('SELECT count(*) FROM customer_identity.redeem_invite_token(%%s, %s)', :bea));
SELECT * FROM pg_temp.matrix('SELECT customer_identity.revoke_invite_token(%s)');
SELECT * FROM pg_temp.matrix('SELECT customer_identity.rotate_invite_token(%s)');
SELECT regress.unchanged();
ROLLBACK;

------------------------------------------------------------------------------
-- pending_invites: NULL -> 22004, unknown / 0 / negative -> CI011
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM pending_invites(NULL);
:sqlstate
SELECT * FROM pending_invites(0);
:sqlstate
SELECT * FROM pending_invites(-1);
:sqlstate
SELECT * FROM pending_invites(999999999);
:sqlstate
SELECT count(*) AS free_shop_invites FROM pending_invites(:free_shop);
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- merge_customers: NULL -> 22004, itself -> 22023, unknown -> CI011, other tenant -> CI008,
-- archived -> CI010
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT merge_customers(NULL, :bea);
:sqlstate
SELECT merge_customers(:bea, NULL);
:sqlstate
SELECT merge_customers(NULL, NULL);
:sqlstate
SELECT merge_customers(:bea, :bea);
:sqlstate
SELECT merge_customers(0, 0);
:sqlstate
SELECT merge_customers(0, :bea);
:sqlstate
SELECT merge_customers(:bea, 0);
:sqlstate
SELECT merge_customers(-1, :bea);
:sqlstate
SELECT merge_customers(:bea, -1);
:sqlstate
SELECT merge_customers(999999999, :bea);
:sqlstate
SELECT merge_customers(:bea, 999999999);
:sqlstate
SELECT merge_customers(:bea, :other);
:sqlstate
SELECT merge_customers(:dup, :bea);
:sqlstate
SELECT merge_customers(:bea, :dup);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- unmerge_customer: NULL -> 22004, unknown / 0 / negative -> CI011, not merged -> 22023
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT unmerge_customer(NULL);
:sqlstate
SELECT unmerge_customer(0);
:sqlstate
SELECT unmerge_customer(-1);
:sqlstate
SELECT unmerge_customer(999999999);
:sqlstate
SELECT unmerge_customer(:bea);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- reconcile: NULL / blank tenant -> 22023, NULL dry_run -> 22023; any other tenant text is
-- a tenant (with no rows: an empty plan)
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM reconcile(NULL);
:sqlstate
SELECT * FROM reconcile('');
:sqlstate
SELECT * FROM reconcile('   ');
:sqlstate
SELECT * FROM reconcile(E'\t\n');
:sqlstate
SELECT * FROM reconcile('bad_input', NULL);
:sqlstate
SELECT * FROM reconcile(NULL, NULL);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix('SELECT count(*) FROM customer_identity.reconcile(%s)');
SELECT * FROM pg_temp.matrix('SELECT count(*) FROM customer_identity.reconcile(%s, dry_run => false)');
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- import_customers: NULL source -> 22004, bad tenant / dry_run -> 22023; bad values in the
-- staging rows are skipped with a reason
------------------------------------------------------------------------------
CREATE TEMP TABLE bad_staging (id integer, email text, phone text, external_customer_id text,
                               user_id text, name text, metadata jsonb);
INSERT INTO bad_staging VALUES
    (1,  '',                   NULL,           NULL,            NULL,  'empty email',       NULL),
    (2,  '   ',                NULL,           NULL,            NULL,  'blank email',       NULL),
    (3,  'a@b@c',              NULL,           NULL,            NULL,  'two @',             NULL),
    (4,  '@x',                 NULL,           NULL,            NULL,  'no local part',     NULL),
    (5,  'x@',                 NULL,           NULL,            NULL,  'no domain',         NULL),
    (6,  E'a\x01b@x.example',  NULL,           NULL,            NULL,  'control char',      NULL),
    (7,  'ok7@bad.example',    'abcd',         NULL,            NULL,  'letters phone',     NULL),
    (8,  'ok8@bad.example',    NULL,           '   ',           NULL,  'blank external id', NULL),
    (9,  'ok9@bad.example',    NULL,           NULL,            '',    'empty user id',     NULL),
    (10, repeat('a', 1024 * 1024), NULL,       NULL,            NULL,  '1 MB email',        NULL),
    (11, NULL,                 repeat('1', 1024 * 1024), NULL,  NULL,  '1 MB phone',        NULL),
    (12, NULL,                 NULL,           NULL,            NULL,  'no identifier',     NULL),
    (13, 'ü@exämple.com',      NULL,           $q$'; DROP TABLE customer_identity.customer; --$q$,
         E'\\\\x$$%s', $q$O'Brien$q$, '{"k": "''; --"}');
SELECT regress.save_state();
SELECT * FROM import_customers(NULL, 'bad_input', false);
:sqlstate
SELECT * FROM import_customers('bad_staging', NULL, false);
:sqlstate
SELECT * FROM import_customers('bad_staging', '', false);
:sqlstate
SELECT * FROM import_customers('bad_staging', '   ', false);
:sqlstate
SELECT * FROM import_customers('bad_staging', 'bad_input', NULL);
:sqlstate
SELECT * FROM import_customers(0, 'bad_input', false);
:sqlstate
SELECT * FROM import_customers(-1, 'bad_input', false);
:sqlstate
SELECT * FROM import_customers('pg_class', 'bad_input', true);
:sqlstate
SELECT regress.unchanged();
-- a source name with SQL metacharacters is refused by the regclass cast, before the call
SELECT * FROM import_customers($q$bad_staging; DROP TABLE customer_identity.customer; --$q$, 'bad_input', false);
:sqlstate
-- the dry run: every bad row skipped with its reason (reasons shown without 1 MB values)
SELECT regress.save_state();
SELECT source_row, action, customer_id IS NOT NULL AS has_customer, group_row,
       pg_temp.visible(reason) AS reason, octet_length(reason) AS reason_bytes
  FROM import_customers('bad_staging', 'bad_input') ORDER BY source_row::int;
SELECT regress.unchanged();
-- applied (rolled back): only row 13 is created, its values verbatim
BEGIN;
SELECT source_row, action, pg_temp.visible(reason) AS reason
  FROM import_customers('bad_staging', 'bad_input', dry_run => false) WHERE action <> 'skip' ORDER BY source_row::int;
SELECT name, email, email_normalized, external_customer_id, user_id, metadata FROM customer
 WHERE tenant_id = 'bad_input' AND email = 'ü@exämple.com';
ROLLBACK;
-- every bad value as the tenant
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix('SELECT count(*) FROM customer_identity.import_customers(''bad_staging'', %s)');
SELECT regress.unchanged();
-- identifiers over the 1000-byte limit (1 MB; 3.2 KB that does not compress) are skipped,
-- in the dry run and when applying; a 1 MB tenant is 22023 in both modes
CREATE TEMP TABLE big_staging (id integer, external_customer_id text, user_id text);
INSERT INTO big_staging VALUES
    (1, repeat('a', 1024 * 1024), NULL),
    (2, NULL, (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i));
SELECT regress.save_state();
SELECT source_row, action, pg_temp.visible(reason) AS reason FROM import_customers('big_staging', 'bad_input') ORDER BY 1;
SELECT regress.unchanged();
\set VERBOSITY sqlstate
-- applying skips them as well: only the decisions to leave them alone are recorded
SELECT action, count(*) FROM import_customers('big_staging', 'bad_input', dry_run => false) GROUP BY 1;
SELECT regress.unchanged_except_events();
SELECT regress.save_state();
SELECT count(*) FROM import_customers('bad_staging', repeat('a', 1024 * 1024), dry_run => false);
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default

------------------------------------------------------------------------------
-- reconcile over rows written before the rules held (triggers off, README "Adopting an
-- existing database" step 1): each malformed row is skipped with a short reason, and
-- applying records each decision with no 1 MB value in it (all rolled back)
------------------------------------------------------------------------------
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id, roles) VALUES
    ('bad_input_legacy', 'L1 two @',       'a@b@c',                   NULL,                     NULL,  NULL, '{customer}'),
    ('bad_input_legacy', 'L2 1 MB email',  repeat('a', 1024 * 1024),  NULL,                     NULL,  NULL, '{customer}'),
    ('bad_input_legacy', 'L3 letters',     NULL,                      'abcd',                   NULL,  NULL, '{customer}'),
    ('bad_input_legacy', 'L4 blank ext',   NULL,                      NULL,                     '   ', NULL, '{customer}'),
    ('bad_input_legacy', 'L5 control',     E'x\x01@y.example',        NULL,                     NULL,  '',   '{customer}'),
    ('bad_input_legacy', 'L6 1 MB phone',  $q$'; DROP TABLE customer_identity.customer; --$q$,
                                                                      repeat('1', 1024 * 1024), NULL,  NULL, '{admin}');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('bad_input_legacy', 'LV 1 MB email', repeat('b', 1024 * 1024) || '@x.example'),
    ('bad_input_legacy', 'LV quote', $q$'; DROP TABLE customer_identity.vendor; --$q$);
SET LOCAL session_replication_role = origin;
SELECT r.action, coalesce(c.name, v.name) AS row_name, pg_temp.visible(r.reason) AS reason,
       octet_length(r.reason) AS reason_bytes
  FROM reconcile('bad_input_legacy') r
  LEFT JOIN customer c ON c.id = r.customer_id LEFT JOIN vendor v ON v.id = r.vendor_id
 ORDER BY 2, 1;
SELECT count(*) AS applied FROM reconcile('bad_input_legacy', dry_run => false);
SELECT event_type, count(*), max(octet_length(detail::text)) < 1000 AS small_detail
  FROM identity_event WHERE tenant_id = 'bad_input_legacy' GROUP BY event_type ORDER BY 1;
ROLLBACK;

------------------------------------------------------------------------------
-- Direct INSERT into customer: the trigger refuses each bad value, nothing changed
------------------------------------------------------------------------------
SELECT regress.save_state();
-- tenant NULL, empty, blank
INSERT INTO customer (tenant_id, email) VALUES (NULL, 'x1@bad.example');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('', 'x1@bad.example');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('   ', 'x1@bad.example');
:sqlstate
-- email empty, blank, malformed, with control characters
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', '');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', '   ');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', 'a@b@c');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', '@x');
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', 'x@');
:sqlstate
\set VERBOSITY sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', E'x\x01@bad.example');
:sqlstate
\set VERBOSITY default
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', $q$'; DROP TABLE customer_identity.customer; --$q$);
:sqlstate
-- phone of letters, empty
INSERT INTO customer (tenant_id, phone) VALUES ('bad_input', 'abcd');
:sqlstate
INSERT INTO customer (tenant_id, phone) VALUES ('bad_input', '');
:sqlstate
-- external id / user id empty or blank
INSERT INTO customer (tenant_id, external_customer_id) VALUES ('bad_input', '');
:sqlstate
INSERT INTO customer (tenant_id, user_id) VALUES ('bad_input', E' \t');
:sqlstate
-- roles unknown, NULL, a NULL element, empty
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', '{admin}');
:sqlstate
\set VERBOSITY terse
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', NULL);
:sqlstate
\set VERBOSITY default
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', '{customer,NULL}');
:sqlstate
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', ARRAY[$q$'; DROP TABLE customer_identity.customer; --$q$]);
:sqlstate
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', '{""}');
:sqlstate
-- metadata invite_token: unknown / malformed -> CI002, not a string -> 22023
INSERT INTO customer (tenant_id, email, metadata) VALUES ('bad_input', 'x2@bad.example', '{"invite_token": ""}');
:sqlstate
INSERT INTO customer (tenant_id, email, metadata) VALUES ('bad_input', 'x2@bad.example', '{"invite_token": "cit_; DROP TABLE x; --"}');
:sqlstate
INSERT INTO customer (tenant_id, email, metadata) VALUES ('bad_input', 'x2@bad.example', '{"invite_token": 42}');
:sqlstate
INSERT INTO customer (tenant_id, email, metadata) VALUES ('bad_input', 'x2@bad.example', '{"invite_token": ["a"]}');
:sqlstate
-- an identifier another active customer holds: 23505
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', ' BEA@bad.example');
:sqlstate
-- role vendor with no vendor to link: CI007 (the message names the new row's id)
\set VERBOSITY sqlstate
INSERT INTO customer (tenant_id, email, roles) VALUES ('bad_input', 'x3@bad.example', '{customer,vendor}');
:sqlstate
\set VERBOSITY default
-- merged_into written directly, even to an unknown id: CI006 (only merges write it)
INSERT INTO customer (tenant_id, email, archived_at, merged_into) VALUES ('bad_input', 'x4@bad.example', now(), 999999999);
:sqlstate
SELECT regress.unchanged();
-- 1 MB values
SELECT regress.save_state();
\set VERBOSITY sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', repeat('a', 1024 * 1024));
:sqlstate
INSERT INTO customer (tenant_id, email) VALUES ('bad_input', repeat('a', 1024 * 1024) || '@x.example');
:sqlstate
INSERT INTO customer (tenant_id, phone) VALUES ('bad_input', repeat('1', 1024 * 1024));
:sqlstate
INSERT INTO customer (tenant_id, roles) VALUES ('bad_input', ARRAY[repeat('a', 1024 * 1024)]);
:sqlstate
INSERT INTO customer (tenant_id, email, metadata) VALUES ('bad_input', 'x5@bad.example', jsonb_build_object('invite_token', repeat('a', 1024 * 1024)));
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, email) VALUES (repeat('a', 1024 * 1024), 'x6@bad.example');
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, external_customer_id) VALUES ('bad_input', repeat('a', 1024 * 1024));
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, user_id) VALUES ('bad_input', repeat('a', 1024 * 1024));
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, external_customer_id)
VALUES ('bad_input', (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i));
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
-- a JSON null invite_token is taken as no token: the key is dropped, nothing redeemed
BEGIN;
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('bad_input', 'x2@bad.example', '{"invite_token": null, "k": 1}') RETURNING email, metadata;
ROLLBACK;
-- every bad value in each text column
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, email) VALUES (%s, ''x7@bad.example'') RETURNING ''inserted''');
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''bad_input'', %s) RETURNING email_normalized');
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, phone) VALUES (''bad_input'', %s) RETURNING phone_normalized');
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, external_customer_id) VALUES (''bad_input'', %s) RETURNING external_customer_id');
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, user_id) VALUES (''bad_input'', %s) RETURNING user_id');
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.customer (tenant_id, roles) VALUES (''bad_input'', ARRAY[%s]) RETURNING roles::text');
SELECT regress.unchanged();
-- the normalized columns are never written by callers: a value given is replaced
BEGIN;
INSERT INTO customer (tenant_id, email, email_normalized, phone, phone_normalized)
VALUES ('bad_input', 'X8@Bad.example', $q$'; DROP TABLE customer_identity.customer; --$q$, NULL, 'abcd')
RETURNING email, email_normalized, phone, phone_normalized;
ROLLBACK;

------------------------------------------------------------------------------
-- Direct UPDATE of customer: the same rules, nothing changed
------------------------------------------------------------------------------
SELECT regress.save_state();
UPDATE customer SET tenant_id = '' WHERE id = :bea;
:sqlstate
UPDATE customer SET tenant_id = NULL WHERE id = :bea;
:sqlstate
UPDATE customer SET email = 'a@b@c' WHERE id = :bea;
:sqlstate
UPDATE customer SET email = '' WHERE id = :bea;
:sqlstate
UPDATE customer SET phone = 'abcd' WHERE id = :bea;
:sqlstate
UPDATE customer SET external_customer_id = '  ' WHERE id = :bea;
:sqlstate
UPDATE customer SET user_id = '' WHERE id = :bea;
:sqlstate
UPDATE customer SET roles = '{root}' WHERE id = :bea;
:sqlstate
\set VERBOSITY terse
UPDATE customer SET roles = NULL WHERE id = :bea;
:sqlstate
\set VERBOSITY default
UPDATE customer SET roles = '{customer}' WHERE id = :owner;
:sqlstate
UPDATE customer SET email = 'cal@bad.example' WHERE id = :bea;
:sqlstate
UPDATE customer SET metadata = '{"invite_token": "nope"}' WHERE id = :bea;
:sqlstate
UPDATE customer SET metadata = '{"invite_token": 1}' WHERE id = :bea;
:sqlstate
\set VERBOSITY sqlstate
UPDATE customer SET email = repeat('a', 1024 * 1024) WHERE id = :bea;
:sqlstate
UPDATE customer SET phone = repeat('1', 1024 * 1024) WHERE id = :bea;
:sqlstate
UPDATE customer SET external_customer_id = repeat('a', 1024 * 1024) WHERE id = :bea;
:sqlstate
UPDATE customer SET tenant_id = repeat('a', 1024 * 1024) WHERE id = :bea;
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Direct INSERT / UPDATE of vendor: bad tenant or contact email refused; customer_id
-- written directly -> CI006 whatever the value
------------------------------------------------------------------------------
SELECT regress.save_state();
\set VERBOSITY terse
INSERT INTO vendor (tenant_id, name) VALUES ('bad_input', NULL);
:sqlstate
\set VERBOSITY default
INSERT INTO vendor (tenant_id, name) VALUES (NULL, 'V');
:sqlstate
INSERT INTO vendor (tenant_id, name) VALUES ('', 'V');
:sqlstate
INSERT INTO vendor (tenant_id, name) VALUES ('   ', 'V');
:sqlstate
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'V', 'a@b@c');
:sqlstate
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'V', '');
:sqlstate
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'V', $q$'; DROP TABLE customer_identity.vendor; --$q$);
:sqlstate
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('bad_input', 'V', 0);
:sqlstate
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('bad_input', 'V', -1);
:sqlstate
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('bad_input', 'V', 999999999);
:sqlstate
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('bad_input', 'V', :bea);
:sqlstate
UPDATE vendor SET customer_id = 999999999 WHERE id = :free_shop;
:sqlstate
UPDATE vendor SET customer_id = NULL WHERE id = :shop;
:sqlstate
UPDATE vendor SET primary_contact_email = 'x@' WHERE id = :free_shop;
:sqlstate
UPDATE vendor SET tenant_id = '' WHERE id = :free_shop;
:sqlstate
\set VERBOSITY sqlstate
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'V', repeat('a', 1024 * 1024) || '@x.example');
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.vendor (tenant_id, name) VALUES (%s, ''V'') RETURNING ''inserted''');
-- (the NULL name, 23502, is above; its DETAIL holds a timestamp)
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.vendor (tenant_id, name) VALUES (''bad_input'', %s) RETURNING length(name)')
 WHERE label <> 'null';
SELECT * FROM pg_temp.matrix('INSERT INTO customer_identity.vendor (tenant_id, name, primary_contact_email) VALUES (''bad_input'', ''V'', %s) RETURNING primary_contact_email_normalized');
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Direct writes of vendor_customer and invite_token: the table constraints refuse bad values
------------------------------------------------------------------------------
SELECT regress.save_state();
\set VERBOSITY terse
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (999999999, :bea, 'bad_input', 'api');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:shop, -1, 'bad_input', 'api');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:shop, :bea, 'bad_input', 'merge');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:shop, :bea, NULL, 'api');
:sqlstate
INSERT INTO invite_token (vendor_id, token_hash, max_uses) VALUES (:shop, '\x00', 0);
:sqlstate
INSERT INTO invite_token (vendor_id, token_hash, max_uses) VALUES (:shop, '\x00', -1);
:sqlstate
INSERT INTO invite_token (vendor_id, token_hash) VALUES (999999999, '\x00');
:sqlstate
UPDATE invite_token SET use_count = -1 WHERE vendor_id = :shop;
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();
-- identity_event is append-only: 42501
SELECT regress.save_state();
UPDATE identity_event SET detail = $q${"x": "'; DROP TABLE customer_identity.customer; --"}$q$ WHERE tenant_id = 'bad_input';
:sqlstate
DELETE FROM identity_event WHERE tenant_id = 'bad_input';
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Error text size: no message, detail or hint echoes a 1 MB value (at most ~80 bytes of
-- a value are quoted). Redemptions are rolled back with the transaction.
------------------------------------------------------------------------------
BEGIN;
SELECT stmt, t.outcome, t.error_bytes < 1000 AS small, t.message
  FROM (VALUES
    ('normalize_email', $$SELECT customer_identity.normalize_email(repeat('a', 1024 * 1024))$$),
    ('normalize_email local', $$SELECT customer_identity.normalize_email(repeat('a', 1024 * 1024) || '@x.example')$$),
    ('normalize_phone', $$SELECT customer_identity.normalize_phone(repeat('1', 1024 * 1024))$$),
    ('resolve email', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', email => repeat('a', 1024 * 1024))$$),
    ('resolve phone', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', phone => repeat('a', 1024 * 1024))$$),
    ('resolve on_conflict', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', email => 'bea@bad.example', on_conflict => repeat('a', 1024 * 1024))$$),
    ('resolve tenant', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => repeat('a', 1024 * 1024), email => 'big@bad.example')$$),
    ('resolve external id', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => repeat('a', 1024 * 1024))$$),
    ('resolve conflict', $$SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => 'bad_input', external_customer_id => 'cus_bea', email => repeat('a', 1024 * 1024) || '@x.example')$$),
    ('upgrade name', $$SELECT customer_identity.upgrade_customer_to_vendor(999999999, repeat('a', 1024 * 1024))$$),
    ('redeem', $$SELECT count(*) FROM customer_identity.redeem_invite_token(repeat('a', 1024 * 1024), 1)$$),
    ('revoke', $$SELECT customer_identity.revoke_invite_token(repeat('a', 1024 * 1024))$$),
    ('rotate', $$SELECT customer_identity.rotate_invite_token(repeat('a', 1024 * 1024))$$),
    ('reconcile tenant', $$SELECT count(*) FROM customer_identity.reconcile(repeat('a', 1024 * 1024), false)$$),
    ('import tenant', $$SELECT count(*) FROM customer_identity.import_customers('bad_staging', repeat('a', 1024 * 1024), false)$$),
    ('insert email', $$INSERT INTO customer_identity.customer (tenant_id, email) VALUES ('bad_input', repeat('a', 1024 * 1024)) RETURNING 'inserted'$$),
    ('insert role', $$INSERT INTO customer_identity.customer (tenant_id, roles) VALUES ('bad_input', ARRAY[repeat('a', 1024 * 1024)]) RETURNING 'inserted'$$),
    ('insert tenant', $$INSERT INTO customer_identity.customer (tenant_id, email) VALUES (repeat('a', 1024 * 1024), 'x9@bad.example') RETURNING 'inserted'$$),
    ('insert external id', $$INSERT INTO customer_identity.customer (tenant_id, external_customer_id) VALUES ('bad_input', repeat('a', 1024 * 1024)) RETURNING 'inserted'$$),
    ('insert external id 3.2 KB', $$INSERT INTO customer_identity.customer (tenant_id, external_customer_id) VALUES ('bad_input', (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i)) RETURNING 'inserted'$$),
    ('insert user id 3.2 KB', $$INSERT INTO customer_identity.customer (tenant_id, user_id) VALUES ('bad_input', (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i)) RETURNING 'inserted'$$),
    ('insert tenant 3.2 KB, email', $$INSERT INTO customer_identity.customer (tenant_id, email) VALUES ((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i), 'x9@bad.example') RETURNING 'inserted'$$),
    ('insert tenant 3.2 KB, no identifier', $$INSERT INTO customer_identity.customer (tenant_id) VALUES ((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i)) RETURNING 'inserted'$$),
    ('insert invite_token', $$INSERT INTO customer_identity.customer (tenant_id, metadata) VALUES ('bad_input', jsonb_build_object('invite_token', repeat('a', 1024 * 1024))) RETURNING 'inserted'$$),
    ('vendor email', $$INSERT INTO customer_identity.vendor (tenant_id, name, primary_contact_email) VALUES ('bad_input', 'V', repeat('a', 1024 * 1024)) RETURNING 'inserted'$$)
  ) AS s(stmt, sql), pg_temp.try(s.sql) t;
ROLLBACK;

-- the bad values left the tables as they were: the tenants hold only the fixtures
SELECT * FROM regress.customers('bad_input');
SELECT * FROM regress.vendors('bad_input');
SELECT count(*) AS customers_after_fixtures FROM customer WHERE id > :other;
SELECT count(*) AS vendors_after_fixtures FROM vendor WHERE id > :other_shop;
