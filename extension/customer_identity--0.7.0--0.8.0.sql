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

-- Buckets this shard served and moved to another (move_bucket writes it): writes of their
-- tenants are refused here (55000), so a writer still connected here learns it instead of
-- writing where nobody reads.
CREATE TABLE @extschema@.moved_bucket (
    bucket   integer PRIMARY KEY CHECK (bucket BETWEEN 0 AND 1023),
    moved_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.moved_bucket IS
    'buckets this shard moved to another one: customer and vendor writes of their tenants are refused here (55000)';
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.moved_bucket
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
SELECT pg_catalog.pg_extension_config_dump('@extschema@.moved_bucket', '');

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

------------------------------------------------------------------------------
-- Function forms of what applications otherwise do with tables, so that everything can
-- go through a proxy (which routes calls, not statements)
------------------------------------------------------------------------------
-- Registration: inserts a customer as an application's INSERT would (the row triggers
-- hold every rule, an invite token in the metadata is redeemed the same way), and returns
-- its id.  Runs with the caller's rights: the application role's INSERT on customer.
CREATE FUNCTION @extschema@.register_customer(
    tenant_id            text,
    email                text    DEFAULT NULL,
    phone                text    DEFAULT NULL,
    name                 text    DEFAULT NULL,
    external_customer_id text    DEFAULT NULL,
    user_id              text    DEFAULT NULL,
    metadata             jsonb   DEFAULT '{}',
    invite_token         text    DEFAULT NULL,
    email_verified       boolean DEFAULT false,
    phone_verified       boolean DEFAULT false)
RETURNS bigint LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO @extschema@.customer (tenant_id, email, phone, name, external_customer_id, user_id, metadata,
                                      email_verified_at, phone_verified_at)
    VALUES ($1, $2, $3, $4, $5, $6,
            CASE WHEN $8 IS NULL THEN COALESCE($7, '{}') ELSE COALESCE($7, '{}') || jsonb_build_object('invite_token', $8) END,
            CASE WHEN $9 THEN now() END, CASE WHEN $10 THEN now() END)
    RETURNING id
$$;
COMMENT ON FUNCTION @extschema@.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) IS
    'registration as a function (what an INSERT into customer does, invite token included): for applications that go through a proxy';

-- import_customers for rows given as a jsonb array of objects (keys named like customer's
-- columns), for a caller on another server: a proxy cannot pass a regclass.
CREATE FUNCTION @extschema@.import_customer_rows(rows jsonb, tenant_id text DEFAULT 'default', dry_run boolean DEFAULT true)
RETURNS TABLE (source_row text, action text, customer_id bigint, group_row text, reason text)
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF rows IS NULL OR jsonb_typeof(rows) <> 'array' THEN
        RAISE EXCEPTION 'rows must be a json array of objects' USING ERRCODE = '22023';
    END IF;
    IF to_regclass('pg_temp.customer_identity_import_rows') IS NOT NULL THEN
        DROP TABLE pg_temp.customer_identity_import_rows;
    END IF;
    CREATE TEMP TABLE customer_identity_import_rows ON COMMIT DROP AS
    SELECT (n - 1)::bigint AS id, r.external_customer_id, r.user_id, r.email, r.phone, r.name, r.metadata
      FROM jsonb_array_elements(rows) WITH ORDINALITY AS e(j, n),
           LATERAL jsonb_to_record(e.j) AS r(external_customer_id text, user_id text, email text, phone text,
                                             name text, metadata jsonb);
    RETURN QUERY SELECT * FROM @extschema@.import_customers('pg_temp.customer_identity_import_rows'::regclass,
                                                            tenant_id, dry_run);
END $$;
REVOKE ALL ON FUNCTION @extschema@.import_customer_rows(jsonb, text, boolean) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.import_customer_rows(jsonb, text, boolean) IS
    'import_customers for a json array of rows (source_row is the position, from 0): the form a proxy can route';
REVOKE ALL ON FUNCTION @extschema@.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF app IS NULL THEN
        RAISE EXCEPTION 'app must not be null' USING ERRCODE = '22004';
    END IF;
    -- regrole prints as a quoted identifier: nothing reaches the statements unquoted.
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %s', '@extschema@', app);
    EXECUTE pg_catalog.format(
        'GRANT EXECUTE ON FUNCTION %1$I.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean),'
        ' %1$I.link_vendor_to_customer(bigint, bigint), %1$I.unlink_vendor_from_customer(bigint),'
        ' %1$I.upgrade_customer_to_vendor(bigint, text), %1$I.vendor_for_customer(bigint),'
        ' %1$I.create_invite_token(bigint, interval, integer), %1$I.redeem_invite_token(text, bigint),'
        ' %1$I.revoke_invite_token(text), %1$I.rotate_invite_token(text), %1$I.pending_invites(bigint),'
        ' %1$I.merge_customers(bigint, bigint), %1$I.unmerge_customer(bigint),'
        ' %1$I.trust_policy(text), %1$I.is_blocked_identifier(text, text, text),'
        ' %1$I.current_tenant(), %1$I.erase_customer(bigint),'
        ' %1$I.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) TO %2$s',
        '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
END $$;

-- upgrade-only-begin
-- Roles that may INSERT into customer may register through the function too: it does no
-- more than their INSERT.
DO $$
DECLARE
    r regrole;
BEGIN
    FOR r IN SELECT DISTINCT a.grantee::pg_catalog.regrole
               FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
              WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass
                AND a.privilege_type OPERATOR(pg_catalog.=) 'INSERT'
                AND a.grantee OPERATOR(pg_catalog.<>) 0 AND a.grantee OPERATOR(pg_catalog.<>) c.relowner LOOP
        EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION @extschema@.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) TO %s', r);
    END LOOP;
END $$;
-- upgrade-only-end

------------------------------------------------------------------------------
-- The hit path: resolve_customer_identity without a pinned search_path
------------------------------------------------------------------------------
-- A SET clause costs every call a GUC save and restore (8-11% of a hit, measured with
-- perf at 300k customers).  The function is C, and every statement it and the triggers it
-- fires run is schema-qualified, operators and casts included (src/spi.hpp), so the
-- caller's search_path reaches nothing: 12_security plants look-alike tables, functions
-- and an = operator earlier in search_path and checks that no call reaches them.  It still
-- runs as the owner (SECURITY DEFINER).
ALTER FUNCTION @extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean)
    RESET search_path;
