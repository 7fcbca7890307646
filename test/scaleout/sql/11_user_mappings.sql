-- Issue 29, the operator's setup: the application role's user mapping (the README's setup,
-- which start_cluster runs) carries its password, which the shards ask of it
-- (pg_hba.conf: scram-sha-256 for ci_app in the shard databases); only the owner writes the
-- mappings of customer_identity_shards, although the application has USAGE on the server.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set VERBOSITY sqlstate
SET search_path = customer_identity, public;
SET client_min_messages = warning;
CREATE VIEW public.mappings AS
    SELECT m.usename, m.umoptions FROM pg_user_mappings m WHERE m.srvname = 'customer_identity_shards';
CREATE TABLE public.mappings_before AS SELECT * FROM public.mappings;
GRANT SELECT ON public.mappings, public.mappings_before TO PUBLIC;
SELECT * FROM public.mappings ORDER BY usename;
-- a role that has none yet, given what grant_proxy_access gives (USAGE on the server)
CREATE ROLE ci_mapper LOGIN;
SELECT grant_proxy_access('ci_mapper');

-- The application role: 42501 for each change of its own mapping; a role without one may
-- not create one (naming the owner, or anyone).  Nothing changed.
\c - ci_app
SET search_path = customer_identity;
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (ADD user 'postgres');
:sqlstate
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (SET password 'mine');
:sqlstate
DROP USER MAPPING FOR ci_app SERVER customer_identity_shards;
:sqlstate
SELECT customer_identity.normalize_email('Ann@Example.test') AS still_routed;
-- (what add_shard's conninfo becomes, the server's options, it can read: no passwords there)
SELECT array_length(srvoptions, 1) AS server_options_it_reads FROM pg_foreign_server
 WHERE srvname = 'customer_identity_shards';
\c - ci_mapper
CREATE USER MAPPING FOR ci_mapper SERVER customer_identity_shards OPTIONS (user 'postgres');
:sqlstate
CREATE USER MAPPING FOR CURRENT_USER SERVER customer_identity_shards;
:sqlstate
\c - postgres
SET search_path = customer_identity, public;
SELECT count(*) AS changed FROM (SELECT * FROM public.mappings EXCEPT SELECT * FROM public.mappings_before) c;

-- The password is what lets the application in: a wrong one in its mapping (set by the
-- owner) and a new session's call is refused by the shard; put back, it works again.
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (SET password 'wrong');
\c - ci_app
\set VERBOSITY terse
DO $$
DECLARE
    detail text;
BEGIN
    PERFORM customer_identity.normalize_email('Ann@Example.test');
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RAISE NOTICE '%: %: %', SQLSTATE, regexp_replace(SQLERRM, '[0-9]+', 'n'),
        substring(detail FROM 'password authentication failed for user "[a-z_]+"');
END $$;
\set VERBOSITY sqlstate
\c - postgres
SET search_path = customer_identity, public;
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (SET password :'app_password');
\c - ci_app
SELECT customer_identity.normalize_email('Ann@Example.test');
\c - postgres
SET search_path = customer_identity, public;
SELECT count(*) AS changed FROM (SELECT * FROM public.mappings EXCEPT SELECT * FROM public.mappings_before) c;
-- The owner too logs into the shards with its password (here from the servers' passfile,
-- as from ~postgres/.pgpass on the proxy's server): a wrong one is refused.
SET ci.shard1 = :'shard1';
\set VERBOSITY terse
DO $$
DECLARE
    detail text;
BEGIN
    PERFORM dblink_exec(current_setting('ci.shard1') || ' password=wrong', 'SELECT 1');
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RAISE NOTICE '%: %: %', SQLSTATE, SQLERRM, substring(detail FROM 'password authentication failed for user "[a-z_]+"');
END $$;
\set VERBOSITY sqlstate
DROP OWNED BY ci_mapper;
DROP ROLE ci_mapper;
DROP VIEW public.mappings;
DROP TABLE public.mappings_before;
