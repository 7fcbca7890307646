-- Administration reaches every shard: a role bound to a tenant through the proxy is bound
-- on every shard, a shard added later included, and stays bound when its tenant's bucket
-- moves; through the proxy, or on any shard directly, it cannot reach another tenant.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SET search_path = customer_identity, public;
SET client_min_messages = warning;
-- the role on every server (roles are per server), its password in its user mapping (the
-- proxy connects a role that is not a superuser only with one), granted on every shard
-- and on the proxy
CREATE ROLE ci_bound LOGIN PASSWORD 'bound-password';
SELECT dblink_exec(:'shard1', 'CREATE ROLE ci_bound LOGIN PASSWORD ''bound-password''');
SELECT dblink_exec(:'new_shard', 'CREATE ROLE ci_bound LOGIN PASSWORD ''bound-password''');
CREATE USER MAPPING FOR ci_bound SERVER customer_identity_shards OPTIONS (password 'bound-password');
SELECT grant_application_role('ci_bound');
SELECT grant_proxy_access('ci_bound');
-- two tenants on different shards; the second has a customer
SELECT t AS tenant, shard_of_tenant(t) AS shard FROM (VALUES ('bound-a'), ('bound-b')) AS v(t);
SELECT customer_id AS b_customer FROM resolve_customer_identity(tenant_id => 'bound-b', email => 'b1@bound-b.test') \gset
-- each shard's bindings, its isolation, and its role_bound / role_unbound events (functions
-- of the test, not temporary: the file changes sessions)
CREATE FUNCTION public.shard_view() RETURNS TABLE (shard integer, bindings text, isolation boolean, events text)
LANGUAGE sql AS $$
    SELECT s.shard, x.bindings, x.isolation, x.events FROM customer_identity.shard s,
           LATERAL dblink(s.conninfo, $q$
               SELECT (SELECT COALESCE(string_agg(role_id::text || ' -> ' || tenant_id, ', ' ORDER BY 1), '')
                         FROM customer_identity.tenant_binding),
                      (SELECT relrowsecurity FROM pg_class WHERE oid = 'customer_identity.customer'::regclass),
                      (SELECT COALESCE(string_agg(event_type || ' ' || tenant_id, ', ' ORDER BY id), '')
                         FROM customer_identity.identity_event WHERE event_type IN ('role_bound', 'role_unbound'))
           $q$) AS x(bindings text, isolation boolean, events text)
     ORDER BY 1
$$;
-- what the bound role may do, directly on every shard: write bound-b's data, having set
-- customer_identity.tenant to it
CREATE FUNCTION public.as_bound_on_every_shard(statement text) RETURNS TABLE (shard integer, result text)
LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT * FROM customer_identity.shard ORDER BY 1 LOOP
        shard := s.shard;
        BEGIN
            PERFORM dblink_exec(s.conninfo || ' user=ci_bound password=bound-password', statement);
            result := 'done';
        EXCEPTION WHEN OTHERS THEN
            result := 'SQLSTATE ' || SQLSTATE;
        END;
        RETURN NEXT;
    END LOOP;
END $$;
\set sneak 'SELECT * FROM public.as_bound_on_every_shard($$SET customer_identity.tenant = ''bound-b''; INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''bound-b'', ''sneak@bound-b.test'')$$);'

-- Bound through the proxy: every shard holds the binding and has isolation on; the event
-- is in the tenant's audit trail, on its shard only
SELECT bind_role_to_tenant('ci_bound', 'bound-a');
SELECT * FROM public.shard_view();
SELECT shard_of_tenant('bound-a') AS a_shard;
\set VERBOSITY sqlstate
:sneak
\set VERBOSITY default

-- As the bound role through the proxy: its tenant works; bound-b (on the other shard) is
-- refused whatever it names or sets
\c - ci_bound
\set VERBOSITY sqlstate
SET search_path = customer_identity;
SELECT created FROM resolve_customer_identity(tenant_id => 'bound-a', email => 'a1@bound-a.test');
SELECT * FROM resolve_customer_identity(tenant_id => 'bound-b', email => 'b2@bound-b.test');
:sqlstate
SET customer_identity.tenant = 'bound-b';
SELECT * FROM register_customer(tenant_id => 'bound-b', email => 'b3@bound-b.test');
:sqlstate
SELECT upgrade_customer_to_vendor(:b_customer, 'Not Mine');
:sqlstate
SELECT vendor_for_customer(:b_customer) AS other_tenants_vendor;
SELECT trust_policy('bound-b');
:sqlstate
RESET customer_identity.tenant;
\set VERBOSITY default
\c - postgres
SET search_path = customer_identity, public;
SET client_min_messages = warning;

-- The bucket of bound-a moves: the binding stays on every shard (the source's included),
-- the event goes with the tenant's audit trail
SELECT shard_of_tenant('bound-a') AS a_from, (shard_of_tenant('bound-a') + 1) % 3 AS a_to \gset
CALL move_tenant('bound-a', :a_to);
SELECT shard_of_tenant('bound-a') = :a_to AS moved;
SELECT * FROM public.shard_view();
\set VERBOSITY sqlstate
:sneak
\set VERBOSITY default
\c - ci_bound
\set VERBOSITY sqlstate
SET search_path = customer_identity;
SELECT created FROM resolve_customer_identity(tenant_id => 'bound-a', email => 'a1@bound-a.test');
SELECT * FROM resolve_customer_identity(tenant_id => 'bound-b', email => 'b2@bound-b.test');
:sqlstate
\set VERBOSITY default
\c - postgres
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT count(*) AS bound_b_violations FROM check_integrity('bound-b');
SELECT count(*) AS violations FROM check_integrity();

-- A shard added later (a fourth database, on the second server) gets the bindings, the
-- isolation, the application roles' grants and the defaults (a default trust policy and
-- email canonicalization, set through the proxy before, equal to the built-in ones)
SELECT set_trust_policy('verified');
SELECT set_email_canonicalization('exact');
SELECT replace(:'shard1', 'dbname=shard ', 'dbname=shard3 ') AS shard3 \gset
SELECT dblink_exec(:'shard1', 'CREATE DATABASE shard3');
SELECT dblink_exec(:'shard3', 'SET client_min_messages = warning; CREATE EXTENSION customer_identity');
SELECT dblink_exec(:'shard3', 'DO $$ BEGIN PERFORM customer_identity.enable_sharding(3); END $$');
SELECT add_shard(:'shard3') AS added;
SELECT * FROM public.shard_view();
SELECT s.shard, x.* FROM shard s, LATERAL dblink(s.conninfo, $q$
    SELECT (SELECT policy || ', builtin blocklist ' || builtin_blocklist FROM customer_identity.trust_policy WHERE tenant_id IS NULL),
           (SELECT email FROM customer_identity.identifier_rules WHERE tenant_id IS NULL),
           has_function_privilege('ci_bound', 'customer_identity.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean)', 'EXECUTE')
$q$) AS x(default_policy text, default_email text, ci_bound_granted boolean) ORDER BY 1;
\set VERBOSITY sqlstate
:sneak
\set VERBOSITY default

-- Unbound through the proxy: on every shard (the event on the tenant's shard); isolation
-- off again on every shard (the application role of the other files names no tenant)
SELECT unbind_role_from_tenant('ci_bound');
SELECT set_tenant_isolation(false);
SELECT * FROM public.shard_view();
-- (the fourth database goes again)
DELETE FROM shard WHERE shard = 3;
ALTER SERVER customer_identity_shards OPTIONS (DROP p3);
SELECT dblink_exec(:'shard1', 'DROP DATABASE shard3 WITH (FORCE)');
DROP FUNCTION public.shard_view();
DROP FUNCTION public.as_bound_on_every_shard(text);
DROP USER MAPPING FOR ci_bound SERVER customer_identity_shards;
