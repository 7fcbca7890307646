-- libphonenumber is in a library of its own, customer_identity_phone.so, loaded on a backend's
-- first phone: the module, which every session of an application role preloads, does not link
-- it (README "Performance": what preloading costs a connection).  A session that touches no
-- phone maps the module but not the phone library; the first phone maps it.  What a backend
-- has mapped is read from /proc/self/maps (the first 4 MB: it holds some 50 kB); on a system
-- that is not Linux, the check gives Linux's answer (on Linux, an unreadable file fails it).
SET search_path = customer_identity;
CREATE FUNCTION pg_temp.mapped(library text, otherwise boolean) RETURNS boolean LANGUAGE sql
    AS $$ SELECT CASE WHEN version() !~* 'linux' THEN otherwise
                      ELSE pg_read_file('/proc/self/maps', 0, 4000000, true)
                           ~ ('/' || library || '\.so') END $$;

-- Emails and the legacy phone form need no libphonenumber: ICU and libidn2 only.
SELECT normalize_email('Ann.Lee+x@hotmail.co.uk', 'provider') AS email,
       normalize_phone('+44 (20) 7946-0000') AS legacy_phone,
       email_library_version() ~ '^ICU' AS email_library;
SELECT pg_temp.mapped('customer_identity', true) AS module,
       pg_temp.mapped('customer_identity_phone', false) AS phone_library,
       pg_temp.mapped('libphonenumber', false) AS libphonenumber,
       pg_temp.mapped('libprotobuf', false) AS protobuf;

-- A resolution by email (the hit path and a miss) under a fresh install's rules needs no
-- phone either: the rules' record of the libraries is read when a row is written.
SELECT r.created FROM resolve_customer_identity(tenant_id => 'phone_lib', email => 'nobody@phone-lib.example',
                                                create_missing => false) r;
SELECT pg_temp.mapped('customer_identity_phone', false) AS phone_library;

-- The first phone through libphonenumber loads it, and the rest of the session uses it.
SELECT normalize_phone('020 7946 0000', 'GB') AS gb, normalize_phone('+1 212 555 0123', '') AS us;
SELECT pg_temp.mapped('customer_identity_phone', true) AS phone_library,
       pg_temp.mapped('libphonenumber', true) AS libphonenumber;
SELECT phone_library_version() ~ '^libphonenumber' AS phone_library_version;
