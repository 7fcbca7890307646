-- customer_identity 0.7.0 -> 0.8.0: sharded mode (tenants spread over several servers,
-- behind the customer_identity_proxy extension).  A single-server install is unchanged:
-- nothing here acts until enable_sharding is called.
-- A fresh install of 0.8.0 runs this script too (customer_identity--0.8.0.sql is built from
-- the chain, see CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

------------------------------------------------------------------------------
-- Shard keys (src/shard_key.hpp): a tenant's bucket, and the bucket an id or token carries
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tenant_bucket(tenant_id text) RETURNS integer
    AS 'MODULE_PATHNAME', 'ci_tenant_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tenant_bucket(text) IS
    'the bucket (0-1023) of a tenant: a stable hash of its id; a shard directory maps buckets to shards';
CREATE FUNCTION @extschema@.id_bucket(id bigint) RETURNS integer
    AS 'MODULE_PATHNAME', 'ci_id_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.id_bucket(bigint) IS
    'the bucket an id handed out by a shard carries (0 for the ids of a single-server install)';
CREATE FUNCTION @extschema@.token_bucket(token text) RETURNS integer
    AS 'MODULE_PATHNAME', 'ci_token_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.token_bucket(text) IS
    'the bucket an invite token issued by a shard carries; NULL for text that is no token';

------------------------------------------------------------------------------
-- Sharded mode: this database is shard `node` (0-255) of a cluster
------------------------------------------------------------------------------
CREATE TABLE @extschema@.shard_node (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    node       integer NOT NULL CHECK (node BETWEEN 0 AND 255),
    enabled_by text NOT NULL DEFAULT @extschema@.caller(),
    enabled_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.shard_node IS
    'set by enable_sharding: this database is one shard; every id it hands out carries its tenant''s bucket and this node number';
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.shard_node
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
SELECT pg_catalog.pg_extension_config_dump('@extschema@.shard_node', '');

CREATE FUNCTION @extschema@.shard_row_id() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_shard_row_id' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.shard_row_id() FROM PUBLIC;

-- Makes this database shard `node` of a cluster.  It must hold no tenant's rows yet: ids
-- handed out before carry no bucket, so no proxy could route them.
CREATE FUNCTION @extschema@.enable_sharding(node integer) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    current integer;
    t text;
    has_rows boolean;
BEGIN
    IF node IS NULL THEN
        RAISE EXCEPTION 'node must not be null' USING ERRCODE = '22004';
    END IF;
    IF node < 0 OR node > 255 THEN
        RAISE EXCEPTION 'node must be between 0 and 255, not %', node USING ERRCODE = '22023';
    END IF;
    SELECT s.node INTO current FROM @extschema@.shard_node s;
    IF FOUND THEN
        IF current = node THEN
            RETURN;
        END IF;
        RAISE EXCEPTION 'this database is shard node % already', current USING ERRCODE = '55000';
    END IF;
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'vendor_customer', 'invite_token', 'identity_claim',
                             'identity_event'] LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE tenant_id IS NOT NULL)', '@extschema@', t)
           INTO has_rows;
        IF has_rows THEN
            RAISE EXCEPTION 'sharded mode starts on a database without tenants: %.% has rows', '@extschema@', t
                USING ERRCODE = '55000',
                      HINT = 'Enable sharding on a new database, then bring tenants in through the proxy.';
        END IF;
    END LOOP;
    INSERT INTO @extschema@.shard_node (node) VALUES (node);
    FOREACH t IN ARRAY ARRAY['invite_token', 'identity_claim', 'identity_event'] LOOP
        EXECUTE format('CREATE TRIGGER shard_row_id BEFORE INSERT OR UPDATE OF tenant_id ON %I.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION %I.shard_row_id()', '@extschema@', t, '@extschema@');
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.enable_sharding(integer) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.enable_sharding(integer) IS
    'makes this database shard node (0-255) of a cluster: ids and invite tokens carry their tenant''s bucket from now on; only on a database without tenants';
