-- The proxy's administration: each error with its SQLSTATE and nothing changed; the
-- application role reaches none of it (it may only call the API and ask where a tenant is).
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set VERBOSITY sqlstate
SET search_path = customer_identity, public;
SET client_min_messages = warning;
-- the proxy's state, and a copy to compare with (tables of the test, not temporary: the
-- application role's part runs in another session)
CREATE VIEW public.admin_state AS
    SELECT 'shard ' || shard AS what, conninfo AS content FROM customer_identity.shard
    UNION ALL SELECT 'bucket ' || bucket, shard::text FROM customer_identity.bucket_directory
    UNION ALL SELECT 'move ' || bucket, to_shard::text FROM customer_identity.bucket_move
    UNION ALL SELECT 'server option ' || o, '' FROM pg_foreign_server s, unnest(s.srvoptions) AS o
     WHERE s.srvname = 'customer_identity_shards';
CREATE TABLE public.admin_before AS SELECT * FROM public.admin_state;
CREATE FUNCTION public.admin_changed() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM ((TABLE public.admin_before EXCEPT TABLE public.admin_state)
                          UNION ALL (TABLE public.admin_state EXCEPT TABLE public.admin_before)) d
$$;
-- 22023 an empty conninfo; 22004 / 22023 a move without a bucket or to no shard; 22004 a
-- tenant move without a tenant; 22004 no role to grant
SELECT add_shard('  ');
:sqlstate
SELECT add_shard(NULL);
:sqlstate
CALL move_bucket(NULL, 0);
:sqlstate
CALL move_bucket(tenant_bucket('movable'), 99);
:sqlstate
CALL move_tenant(NULL, 0);
:sqlstate
SELECT grant_proxy_access(NULL);
:sqlstate
SELECT public.admin_changed() AS changed;
-- 55000 a bucket being moved elsewhere already (a killed move of it waits to be finished)
INSERT INTO bucket_move (bucket, from_shard, to_shard, phase)
SELECT bucket, shard, 1 - shard, 'copying' FROM bucket_directory WHERE bucket = tenant_bucket('loaded');
CALL move_tenant('loaded', 2);
:sqlstate
DELETE FROM bucket_move;
SELECT public.admin_changed() AS changed;
-- 55000 a call for a bucket no shard serves (the directory row taken away, then put back)
CREATE TEMP TABLE taken AS SELECT * FROM bucket_directory WHERE bucket = tenant_bucket('nowhere');
DELETE FROM bucket_directory WHERE bucket = tenant_bucket('nowhere');
SELECT * FROM resolve_customer_identity(tenant_id => 'nowhere', email => 'x@nowhere.test');
:sqlstate
INSERT INTO bucket_directory SELECT * FROM taken;
SELECT public.admin_changed() AS changed;
-- 55000 buckets before any shard (a new proxy database)
CREATE DATABASE proxy_empty;
\c proxy_empty
SET client_min_messages = warning;
CREATE EXTENSION customer_identity_proxy CASCADE;
SELECT customer_identity.assign_buckets();
:sqlstate
SELECT count(*) AS buckets FROM customer_identity.bucket_directory;
\c proxy
DROP DATABASE proxy_empty;

-- The application role: 42501 for every administration function and the directory;
-- it may ask which shard serves a tenant.  Nothing changed.
\c - ci_app
SET search_path = customer_identity;
SELECT add_shard('host=/tmp dbname=evil');
:sqlstate
SELECT assign_buckets();
:sqlstate
SELECT * FROM create_api();
:sqlstate
SELECT grant_proxy_access('ci_app');
:sqlstate
CALL move_tenant('acme', 0);
:sqlstate
CALL move_bucket(0, 0);
:sqlstate
SELECT * FROM bucket_directory;
:sqlstate
UPDATE bucket_directory SET shard = 0;
:sqlstate
SELECT * FROM shard;
:sqlstate
SELECT * FROM shard_api();
:sqlstate
SELECT shard_of_tenant('acme') AS acme_shard;
\c - postgres
SET search_path = customer_identity, public;
SELECT public.admin_changed() AS changed;
DROP VIEW public.admin_state;
DROP TABLE public.admin_before;
DROP FUNCTION public.admin_changed();
