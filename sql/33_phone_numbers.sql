-- Phone numbers through libphonenumber (issue 28): normalize_phone(phone, region) gives a
-- phone's E.164 identity however it is written in the region; without a region ('') a
-- number written with its country code is parsed and a national one keeps
-- normalize_phone(text)'s form.  At the end, the same spellings through the tenant rules
-- that the triggers and resolution use (36_identifier_rules tests those rules).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'

------------------------------------------------------------------------------
-- Issue 28's measurement: 15 numbers x 8 spellings
------------------------------------------------------------------------------
-- One example mobile number per country, as libphonenumber 8.12.57 formats it (the unit
-- test's output: test/unit/phone_test.cpp), and the prefixes a person there dials: the
-- international prefix (00 but US 011, AU 0011, JP 010, NG 009, BR 00 + a carrier's code)
-- and the national trunk prefix (none in IT and ES).
CREATE TEMP TABLE phone_example (region text, e164 text, national text, international text,
                                 idd text, trunk text);
INSERT INTO phone_example VALUES
    ('US', '+12015550123',   '(201) 555-0123',  '+1 201-555-0123',    '011',  '1'),
    ('GB', '+447400123456',  '07400 123456',    '+44 7400 123456',    '00',   '0'),
    ('DE', '+4915123456789', '01512 3456789',   '+49 1512 3456789',   '00',   '0'),
    ('FR', '+33612345678',   '06 12 34 56 78',  '+33 6 12 34 56 78',  '00',   '0'),
    ('IN', '+918123456789',  '081234 56789',    '+91 81234 56789',    '00',   '0'),
    ('BR', '+5511961234567', '(11) 96123-4567', '+55 11 96123-4567',  '0021', '0'),
    ('AU', '+61412345678',   '0412 345 678',    '+61 412 345 678',    '0011', '0'),
    ('JP', '+819012345678',  '090-1234-5678',   '+81 90-1234-5678',   '010',  '0'),
    ('MX', '+522221234567',  '222 123 4567',    '+52 222 123 4567',   '00',   '01'),
    ('ZA', '+27711234567',   '071 123 4567',    '+27 71 123 4567',    '00',   '0'),
    ('NG', '+2348021234567', '0802 123 4567',   '+234 802 123 4567',  '009',  '0'),
    ('IT', '+393123456789',  '312 345 6789',    '+39 312 345 6789',   '00',   ''),
    ('ES', '+34612345678',   '612 34 56 78',    '+34 612 34 56 78',   '00',   ''),
    ('NL', '+31612345678',   '06 12345678',     '+31 6 12345678',     '00',   '0'),
    ('CH', '+41781234567',   '078 123 45 67',   '+41 78 123 45 67',   '00',   '0');
-- The 8 spellings of each: national, international, E.164, RFC 3966, digits only, dashes,
-- the international prefix, and "+CC (0) ..." with the trunk prefix ("(+CC) ..." without one).
CREATE TEMP VIEW phone_spelling AS
SELECT e.region, e.e164, w.way, w.spelling
  FROM phone_example e,
       LATERAL (SELECT substring(e.international FROM '^\+(\d+) ') AS cc,
                       substring(e.international FROM '^\+\d+ (.*)$') AS rest) p,
       LATERAL (VALUES (1, 'national', e.national),
                       (2, 'international', e.international),
                       (3, 'E.164', '+' || regexp_replace(e.international, '\D', '', 'g')),
                       (4, 'RFC 3966', 'tel:' || replace(e.international, ' ', '-')),
                       (5, 'digits', regexp_replace(e.national, '\D', '', 'g')),
                       (6, 'dashes', trim(BOTH '-' FROM regexp_replace(e.national, '\D+', '-', 'g'))),
                       (7, 'international prefix', e.idd || ' ' || p.cc || ' ' || p.rest),
                       (8, 'trunk prefix', CASE WHEN e.trunk <> '' THEN '+' || p.cc || ' (' || e.trunk || ') ' || p.rest
                                                ELSE '(+' || p.cc || ') ' || p.rest END)) AS w(n, way, spelling)
 ORDER BY e.region, w.n;
-- every spelling and its identity in its country
SELECT region, way, spelling, normalize_phone(spelling, region) AS identity FROM phone_spelling;
-- one identity per country, the E.164 form, over 8 spellings
SELECT region, count(*) AS spellings, count(DISTINCT normalize_phone(spelling, region)) AS identities,
       bool_and(normalize_phone(spelling, region) = e164) AS e164
  FROM phone_spelling GROUP BY region ORDER BY region;
SELECT count(*) AS spellings, count(DISTINCT normalize_phone(spelling, region)) AS identities
  FROM phone_spelling;
-- without a region: the spellings with a country code are parsed, the national ones keep
-- normalize_phone(text)'s form (legacy: NULL where normalize_phone(text) refuses the spelling).
-- National spellings give 14 identities for 15 numbers: France's 06 12 34 56 78 and the
-- Netherlands' 06 12345678 are both 0612345678 without a region.
CREATE FUNCTION pg_temp.legacy(phone text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN customer_identity.normalize_phone(phone);
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN NULL;
END $$;
SELECT way, count(DISTINCT normalize_phone(spelling, '')) AS identities,
       bool_and(normalize_phone(spelling, '') = e164) AS e164,
       bool_and(normalize_phone(spelling, '') = pg_temp.legacy(spelling)) AS legacy,
       count(DISTINCT pg_temp.legacy(spelling)) AS legacy_identities,
       count(*) - count(pg_temp.legacy(spelling)) AS legacy_refused
  FROM phone_spelling GROUP BY way ORDER BY bool_and(spelling ~ '^(\+|\(\+|tel:)'), way;
-- in all: 120 spellings, and 0.9.0's count of identities (normalize_phone(text)) and of
-- spellings it refused
SELECT count(*) AS spellings, count(DISTINCT normalize_phone(spelling, '')) AS identities,
       count(DISTINCT pg_temp.legacy(spelling)) AS legacy_identities,
       count(*) - count(pg_temp.legacy(spelling)) AS legacy_refused
  FROM phone_spelling;

------------------------------------------------------------------------------
-- Issue 28's examples
------------------------------------------------------------------------------
-- in the US: one customer, however written; 001 is not the US international prefix (011
-- is): from the US, '001 555 010 4242' is no possible number (below), from GB it is hers
SELECT phone, normalize_phone(phone, 'US') AS us
  FROM (VALUES ('555-010-4242'), ('1-555-010-4242'), ('+1 (555) 010-4242'),
               ('011 1 555 010 4242'), ('tel:+1-555-010-4242')) AS t(phone);
SELECT normalize_phone('001 555 010 4242', 'GB') AS from_gb, normalize_phone('001 555 010 4242', 'DE') AS from_de;
-- "00" dialled where the region's own international prefix is another (Nigeria's is 009,
-- the US's 011): the number after it when only that reading is a valid number (from NG,
-- 0.10.0's first builds stored '0044 7911 123456' as +2340447911123456); a national number
-- keeps its reading, and 555-010-4242, fictional, is valid in neither (the error below)
SELECT normalize_phone('0044 7911 123456', 'NG') AS from_ng, normalize_phone('009 44 7911 123456', 'NG') AS ng_prefix,
       normalize_phone('00 44 20 7946 0000', 'US') AS from_us, normalize_phone('0803 123 4567', 'NG') AS ng_national;
-- in Great Britain: one customer; '+44 (0)20 ...' drops the trunk prefix (0.9.0 kept it:
-- +4402079460000, a number that does not exist)
SELECT phone, normalize_phone(phone, 'GB') AS gb, normalize_phone(phone, 'gb') AS any_case,
       pg_temp.legacy(phone) AS legacy
  FROM (VALUES ('020 7946 0000'), ('0044 20 7946 0000'), ('+44 20 7946 0000'),
               ('+44 (0)20 7946 0000'), ('tel:+44-20-7946-0000'),
               ('tel:7946-0000;phone-context=+44-20'), ('(020) 7946-0000'), ('020.7946.0000')) AS t(phone);
-- from other regions, their own international prefixes
SELECT normalize_phone('011 44 20 7946 0000', 'US') AS us, normalize_phone('0011 44 20 7946 0000', 'AU') AS au,
       normalize_phone('010 44 20 7946 0000', 'JP') AS jp;
-- extensions are not part of the identity
SELECT phone, normalize_phone(phone, 'GB') AS gb
  FROM (VALUES ('020 7946 0000 x123'), ('020 7946 0000 ext. 123'), ('tel:+44-20-7946-0000;ext=123'),
               ('+44 20 7946 0000;ext=123')) AS t(phone);
-- without a region
SELECT phone, normalize_phone(phone, '') AS no_region, pg_temp.legacy(phone) AS legacy
  FROM (VALUES ('+44 (0)20 7946 0000'), ('tel:+44-20-7946-0000'), ('+44 20 7946 0000 x123'),
               ('(+39) 312 345 6789'), ('020 7946 0000'), ('0044 20 7946 0000'), ('555-010-4242')) AS t(phone);

------------------------------------------------------------------------------
-- Errors: 22023, the message says why
------------------------------------------------------------------------------
-- an unknown region
SELECT normalize_phone('020 7946 0000', 'XX');
:sqlstate
SELECT normalize_phone('020 7946 0000', 'GBR');
:sqlstate
SELECT normalize_phone('020 7946 0000', ' ');
:sqlstate
-- a number that is not possible in the region: too short, a local number without its area
-- code, too long, a country code that does not exist
SELECT normalize_phone('123', 'GB');
:sqlstate
SELECT normalize_phone('7946 0000', 'GB');
:sqlstate
SELECT normalize_phone('+44 20 7946 00000000', 'GB');
:sqlstate
SELECT normalize_phone('001 555 010 4242', 'US');
:sqlstate
SELECT normalize_phone('+999 1234', 'GB');
:sqlstate
SELECT normalize_phone('+999 1234', '');
:sqlstate
-- letters: not a number, a vanity number, text around the number
SELECT normalize_phone('abc', 'GB');
:sqlstate
SELECT normalize_phone('555-CALL-NOW', 'US');
:sqlstate
SELECT normalize_phone('Ann 020 7946 0000', 'GB');
:sqlstate
-- empty, blank
SELECT normalize_phone('', 'GB');
:sqlstate
SELECT normalize_phone('   ', '');
:sqlstate
-- a national number without a region: normalize_phone(text)'s errors
SELECT normalize_phone('123', '');
:sqlstate
SELECT normalize_phone('555-CALL-NOW', '');
:sqlstate
-- longer than a phone column takes (64 bytes), as the triggers refuse it
SELECT normalize_phone(repeat('0', 65), 'GB');
:sqlstate
SELECT length(normalize_phone('+44 20 7946 0000' || repeat(' ', 48), 'GB')) AS sixty_four_bytes;
-- STRICT: a NULL phone or region gives NULL (there is no "NULL region": '' is none)
SELECT normalize_phone(NULL, 'GB') IS NULL AS null_phone, normalize_phone('020 7946 0000', NULL) IS NULL AS null_region;

------------------------------------------------------------------------------
-- The functions
------------------------------------------------------------------------------
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public
  FROM pg_proc p
 WHERE p.oid IN ('normalize_phone(text, text)'::regprocedure, 'phone_library_version()'::regprocedure,
                 'normalize_phone(text)'::regprocedure)
 ORDER BY 1::text;
SELECT phone_library_version() ~ '^libphonenumber 8\.[0-9]+, metadata [0-9a-f]{16}, 00 from any region$' AS version_shape;
-- usable in an index expression (IMMUTABLE)
CREATE TEMP TABLE contacts (phone text);
CREATE INDEX ON contacts (customer_identity.normalize_phone(phone, 'GB'));
INSERT INTO contacts VALUES ('020 7946 0000'), ('+44 (0)20 7946 0000'), ('07400 123456');
SET enable_seqscan = off;
SELECT count(*) FROM contacts WHERE customer_identity.normalize_phone(phone, 'GB') = '+442079460000';
RESET enable_seqscan;

------------------------------------------------------------------------------
-- As the application role
------------------------------------------------------------------------------
CREATE ROLE regress_ci_phone_app NOLOGIN;
SELECT grant_application_role('regress_ci_phone_app');
GRANT SELECT ON phone_spelling, phone_example TO regress_ci_phone_app;
SET ROLE regress_ci_phone_app;
SELECT has_function_privilege('normalize_phone(text, text)', 'EXECUTE') AS normalize_phone,
       has_function_privilege('phone_library_version()', 'EXECUTE') AS phone_library_version;
SELECT count(*) AS spellings, count(DISTINCT normalize_phone(spelling, region)) AS identities,
       bool_and(normalize_phone(spelling, region) = e164) AS e164,
       count(DISTINCT normalize_phone(spelling, '')) AS without_region
  FROM phone_spelling;
SELECT normalize_phone('+44 (0)20 7946 0000', 'GB') AS gb, normalize_phone('555-010-4242', 'US') AS us,
       normalize_phone('020 7946 0000', '') AS no_region;
SELECT phone_library_version() ~ '^libphonenumber 8\.[0-9]+, metadata [0-9a-f]{16}, 00 from any region$' AS version_shape;
SELECT normalize_phone('020 7946 0000', 'XX');
:sqlstate
SELECT normalize_phone('123', 'GB');
:sqlstate
SELECT normalize_phone('555-CALL-NOW', 'US');
:sqlstate
RESET ROLE;

------------------------------------------------------------------------------
-- The same 120 spellings through the rules: one tenant per country, its region set by the
-- owner; the application resolves every spelling, and there is one customer per number
------------------------------------------------------------------------------
SELECT count(*) AS regions_set FROM phone_example e, LATERAL set_phone_region(e.region, 'pn_' || e.region);
SET ROLE regress_ci_phone_app;
CREATE TEMP TABLE phone_resolved AS
SELECT s.region, s.way, s.spelling, r.customer_id, r.created
  FROM phone_spelling s,
       LATERAL resolve_customer_identity(tenant_id => 'pn_' || s.region, phone => s.spelling) r;
SELECT count(*) AS spellings, count(DISTINCT customer_id) AS customers, count(*) FILTER (WHERE created) AS created
  FROM phone_resolved;
SELECT r.region, count(DISTINCT r.customer_id) AS customers, bool_and(c.phone_normalized = e.e164) AS e164
  FROM phone_resolved r JOIN customer c ON c.id = r.customer_id JOIN phone_example e USING (region)
 GROUP BY r.region ORDER BY r.region;
RESET ROLE;
REVOKE SELECT ON phone_spelling, phone_example FROM regress_ci_phone_app;
DROP OWNED BY regress_ci_phone_app;
DROP ROLE regress_ci_phone_app;
-- (the rules of the 15 tenants go with the test)
DELETE FROM identifier_rules WHERE tenant_id LIKE 'pn\_%';
