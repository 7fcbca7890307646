-- normalize_email / normalize_phone: the SQL face of the unit-tested normalizers.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT normalize_email('  Foo.Bar@Example.COM ') AS email,
       normalize_email(E'\tx@y.org\n') AS tabs,
       normalize_phone('+1 (555) 010-9999') AS phone,
       normalize_phone('00 44 20 7946 0000') AS intl;
SELECT normalize_email(NULL) IS NULL AS strict_email, normalize_phone(NULL) IS NULL AS strict_phone;
-- malformed input raises 22023
\set VERBOSITY sqlstate
SELECT normalize_email('no-at-sign');
SELECT normalize_email('a@');
SELECT normalize_email('@b.com');
SELECT normalize_email('a b@c.com');
SELECT normalize_email('a@b@c.com');
SELECT normalize_email('   ');
SELECT normalize_phone('123');
SELECT normalize_phone('555-CALL-NOW');
SELECT normalize_phone('12+345');
\set VERBOSITY default
SELECT normalize_phone('abc');
-- usable in an index expression (IMMUTABLE)
CREATE TEMP TABLE contacts (email text);
CREATE INDEX ON contacts (customer_identity.normalize_email(email));
INSERT INTO contacts VALUES ('X@Y.com');
SELECT count(*) FROM contacts WHERE customer_identity.normalize_email(email) = 'x@y.com';
