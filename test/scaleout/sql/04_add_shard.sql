-- Adding a shard: a new server with a shard database (enable_sharding(2), run.sh), the
-- proxy told about it, the API regenerated (every-shard calls now reach it), buckets
-- moved to it; calls find the same customers, check_integrity holds on all three.
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT add_shard(:'new_shard') AS new_shard;
SELECT count(*) AS functions FROM create_api();
SELECT grant_application_role('ci_app');   -- on every shard, the new one included
SELECT grant_proxy_access('ci_app');
SELECT customer_id AS ann FROM resolve_customer_identity(tenant_id => 'acme', user_id => 'ann-login') \gset
CALL move_tenant('acme', 2);
CALL move_tenant('globex', 2);
SELECT t AS tenant, shard_of_tenant(t) AS shard FROM (VALUES ('acme'), ('globex'), ('movable')) AS v(t);
\c - ci_app
SET search_path = customer_identity;
SELECT customer_id = :ann AS same_customer, created FROM resolve_customer_identity(tenant_id => 'acme', user_id => 'ann-login');
SELECT customer_id AS fay, created FROM resolve_customer_identity(tenant_id => 'acme', email => 'fay@acme.test') \gset
SELECT (:fay >> 40) & 255 AS made_by_node;
\c - postgres
SET search_path = customer_identity;
SELECT count(*) AS violations FROM check_integrity();
SELECT count(*) AS shards FROM all_shards();
