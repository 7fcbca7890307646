-- customer_identity_proxy 0.1.0 -> 0.2.0: the shards' customer_identity 0.10.0 has helpers
-- and a per-server figure that mean nothing through a proxy.  A fresh install of 0.2.0 runs
-- 0.1.0's script and then this one.
\echo Use "ALTER EXTENSION customer_identity_proxy UPDATE" to load this file. \quit

-- Functions that stay on the shards (see 0.1.0), and: event_search_keys (erasure's index
-- expression), lock_budget (the lock budget of the server it runs on) and
-- identifier_derived_otherwise (check_integrity's helper).
CREATE OR REPLACE FUNCTION @extschema@.not_proxied() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['enable_sharding', 'tenant_bucket', 'id_bucket', 'token_bucket', 'derived_identifier',
                 'erased_text', 'erased_jsonb', 'payload_mentions', 'caller', 'current_tenant',
                 'import_customers', 'event_search_keys', 'lock_budget', 'identifier_derived_otherwise']
$$;
