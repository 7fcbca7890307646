-- normalize_email(email, mode): an email's canonical form through ICU and libidn2 (issue 28,
-- the email half; src/identifiers/email.hpp).  The local part in NFC with full Unicode case
-- folding, the domain through UTS #46 to ASCII A-labels without its trailing dot; mode
-- 'provider' also reduces an address at a listed mail provider to its mailbox.  Nothing
-- stores it yet: normalize_email(text), the triggers' normalizer, is unchanged (its column
-- below).  Then the same calls as an application role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'

-- pairs of spellings: one identity or not, in each mode (U&'' spells the invisible ones:
-- U+0308 COMBINING DIAERESIS after a plain "a" is the NFD of "ä")
CREATE TEMP TABLE email_pairs (example text, a text, b text);
INSERT INTO email_pairs VALUES
    ('case',         'ÄNN@x.de',                    'änn@x.de'),
    ('nfd',          U&'a\0308nn@x.de',             'änn@x.de'),
    ('idn',          'änn@bücher.de',               'änn@xn--bcher-kva.de'),
    ('root dot',     'ann@example.com.',            'ann@example.com'),
    ('full-width',   'ann@ｅｘａｍｐｌｅ.com',      'ann@example.com'),
    ('sharp s',      'Straße@x.de',                 'strasse@x.de'),
    ('domain ß',     'ann@straße.de',               'ann@strasse.de'),
    ('gmail',        'Ann.Lee+news@googlemail.com', 'annlee@gmail.com'),
    ('outlook',      'Ann.Lee+x@hotmail.co.uk',     'ann.lee@hotmail.co.uk'),
    ('outlook dots', 'ann.lee@outlook.com',         'annlee@outlook.com'),
    ('icloud',       'ann+shop@me.com',             'ann@me.com'),
    ('fastmail',     'ann+shop@fastmail.fm',        'ann@fastmail.fm'),
    ('proton',       'ann+shop@pm.me',              'ann@pm.me'),
    ('not listed',   'ann+shop@example.com',        'ann@example.com');
SELECT example, normalize_email(a) AS today_a, normalize_email(b) AS today_b,
       normalize_email(a) = normalize_email(b) AS today_one,
       normalize_email(a, 'exact') AS exact_a, normalize_email(b, 'exact') AS exact_b,
       normalize_email(a, 'exact') = normalize_email(b, 'exact') AS exact_one,
       normalize_email(a, 'provider') AS provider_a, normalize_email(b, 'provider') AS provider_b,
       normalize_email(a, 'provider') = normalize_email(b, 'provider') AS provider_one
  FROM email_pairs ORDER BY example;
-- plain ASCII addresses keep today's value, but for the root dot
SELECT e, normalize_email(e) AS today, normalize_email(e, 'exact') AS exact,
       normalize_email(e, 'provider') AS provider
  FROM unnest(ARRAY['  Foo.Bar@Example.COM ', 'x@y.org', 'o''brien@example.ie', 'ANN@EXAMPLE.COM.']) AS e;
SELECT normalize_email(NULL, 'exact') IS NULL AS strict_email, normalize_email('a@b.c', NULL) IS NULL AS strict_mode;

-- malformed input raises 22023 with normalize_email(text)'s reasons, or libidn2's for a domain
SELECT normalize_email('no-at-sign', 'exact');
:sqlstate
SELECT normalize_email('a@b@c.com', 'provider');
:sqlstate
SELECT normalize_email('@b.com', 'exact');
:sqlstate
SELECT normalize_email('a@', 'exact');
:sqlstate
SELECT normalize_email('a b@c.com', 'exact');
:sqlstate
SELECT normalize_email(E'a\x01b@c.com', 'exact');
:sqlstate
SELECT normalize_email('   ', 'exact');
:sqlstate
SELECT normalize_email('ann@xn--zz.com', 'exact');
:sqlstate
SELECT normalize_email('ann@-x.com', 'provider');
:sqlstate
SELECT normalize_email('ann@' || repeat('a', 64) || '.com', 'exact');
:sqlstate
SELECT normalize_email('ann@.', 'exact');
:sqlstate
-- longer than 320 bytes: refused as given (trimmed, normalize_email(text) would accept it)
SELECT normalize_email(rpad('ann@x.de', 321), 'exact');
:sqlstate
SELECT length(normalize_email(rpad('ann@x.de', 321))) AS today_accepts;
SELECT normalize_email(repeat('a', 309) || '@example.com', 'exact');
:sqlstate
-- the mode is 'exact' or 'provider'
SELECT normalize_email('ann@x.de', 'Exact');
:sqlstate
SELECT normalize_email('ann@x.de', '');
:sqlstate

-- usable in an index expression (IMMUTABLE)
CREATE TEMP TABLE contacts (email text);
CREATE INDEX ON contacts (customer_identity.normalize_email(email, 'provider'));
INSERT INTO contacts VALUES ('A.N.N+x@GoogleMail.com.');
SELECT count(*) FROM contacts WHERE customer_identity.normalize_email(email, 'provider') = 'ann@gmail.com';

-- which libraries derived the values
SELECT email_library_version() ~ '^ICU [0-9.]+, libidn2 [0-9.]+$' AS version_named;
SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, p.provolatile, p.proisstrict,
       p.proparallel, p.prosecdef, has_function_privilege('public', p.oid, 'EXECUTE') AS public
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'customer_identity' AND p.proname IN ('normalize_email', 'email_library_version')
 ORDER BY p.proname, args;

------------------------------------------------------------------------------
-- The same as an application role
------------------------------------------------------------------------------
CREATE ROLE regress_ci_email_app NOLOGIN;
SELECT grant_application_role('regress_ci_email_app');
GRANT SELECT ON email_pairs TO regress_ci_email_app;
SET ROLE regress_ci_email_app;
SELECT example, normalize_email(a, 'exact') AS exact_a,
       normalize_email(a, 'exact') = normalize_email(b, 'exact') AS exact_one,
       normalize_email(a, 'provider') AS provider_a,
       normalize_email(a, 'provider') = normalize_email(b, 'provider') AS provider_one
  FROM email_pairs ORDER BY example;
SELECT normalize_email('no-at-sign', 'exact');
:sqlstate
SELECT normalize_email('a@b@c.com', 'provider');
:sqlstate
SELECT normalize_email('@b.com', 'exact');
:sqlstate
SELECT normalize_email('a@', 'exact');
:sqlstate
SELECT normalize_email('a b@c.com', 'exact');
:sqlstate
SELECT normalize_email(E'a\x01b@c.com', 'exact');
:sqlstate
SELECT normalize_email('   ', 'exact');
:sqlstate
SELECT normalize_email('ann@xn--zz.com', 'exact');
:sqlstate
SELECT normalize_email('ann@-x.com', 'provider');
:sqlstate
SELECT normalize_email('ann@' || repeat('a', 64) || '.com', 'exact');
:sqlstate
SELECT normalize_email('ann@.', 'exact');
:sqlstate
SELECT normalize_email(rpad('ann@x.de', 321), 'exact');
:sqlstate
SELECT normalize_email('ann@x.de', 'gmail');
:sqlstate
SELECT email_library_version() ~ '^ICU [0-9.]+, libidn2 [0-9.]+$' AS version_named;
RESET ROLE;

DROP TABLE email_pairs, contacts;
DROP OWNED BY regress_ci_email_app;
DROP ROLE regress_ci_email_app;
