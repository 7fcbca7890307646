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

------------------------------------------------------------------------------
-- Administration on every shard (bindings, isolation, grants, defaults)
------------------------------------------------------------------------------
-- A role's tenant binding, tenant isolation, an application role's grants and the defaults
-- (the rows with tenant_id NULL of trust_policy and identifier_rules) are the install's,
-- not a tenant's: they hold on every shard, a shard added later included, and never move
-- with a bucket.  (0.1.0 routed bind_role_to_tenant by its tenant to one shard, leaving the
-- role unbound on the others, and moved the binding rows with the bucket.)

-- apply_tenant_binding (customer_identity 0.10.0) is the proxy's helper on the shards.
CREATE OR REPLACE FUNCTION @extschema@.not_proxied() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['enable_sharding', 'tenant_bucket', 'id_bucket', 'token_bucket', 'derived_identifier',
                 'erased_text', 'erased_jsonb', 'payload_mentions', 'caller', 'current_tenant',
                 'import_customers', 'event_search_keys', 'lock_budget', 'identifier_derived_otherwise',
                 'apply_tenant_binding']
$$;

-- The API functions that administer the install rather than a tenant: every shard, whatever
-- their arguments are named.  (bind_role_to_tenant and unbind_role_from_tenant also record
-- the event in the tenant's audit trail, on the tenant's shard: create_api's route 'binding'.)
CREATE FUNCTION @extschema@.on_every_shard() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['set_tenant_isolation', 'grant_application_role']
$$;

-- Bindings are per role: a move neither copies nor deletes them.  identifier_rules (0.10.0)
-- holds a tenant's identifier rules: they go with the tenant (its default row, tenant_id
-- NULL, is in no bucket and stays).
CREATE OR REPLACE FUNCTION @extschema@.tenant_tables() RETURNS TABLE (name text, row_order text)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('customer', 'id'), ('vendor', 'id'), ('invite_token', 'id'),
           ('vendor_customer', 'vendor_id, customer_id'), ('identity_claim', 'id'),
           ('identity_event', 'id'), ('trust_policy', 'tenant_id'),
           ('blocked_identifier', 'tenant_id, identifier, value'), ('identifier_rules', 'tenant_id')
$$;
CREATE OR REPLACE FUNCTION @extschema@.forget_settings_query() RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'SET LOCAL session_replication_role = origin;'
           ' UPDATE customer_identity.trust_policy SET policy = policy WHERE false;'
           ' UPDATE customer_identity.blocked_identifier SET reason = reason WHERE false;'
           ' UPDATE customer_identity.identifier_rules SET phone = phone WHERE false;'
           ' UPDATE customer_identity.moved_bucket SET bucket = bucket WHERE false'
$$;

-- Gives shard n what is the install's rather than a tenant's, as shard 0 has it: the
-- bindings (none that shard 0 lacks), tenant isolation on or off, the grants of the
-- application roles (grant_application_role; the roles must exist on its server), and the
-- default rows of trust_policy and identifier_rules.  add_shard runs it; run it by hand to
-- bring a shard that missed an administration call (it was down) back in line.
CREATE FUNCTION @extschema@.sync_shard_settings(shard integer) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    source_conn text := 'ci_sync_source';
    target_conn text := 'ci_sync_target';
    r record;
    tbl text;
    script text := 'BEGIN;';
    isolation boolean;
BEGIN
    PERFORM @extschema@.move_search_path();  -- dblink's schema (reverts at the function's end)
    IF shard IS NULL OR NOT EXISTS (SELECT 1 FROM @extschema@.shard s WHERE s.shard = sync_shard_settings.shard) THEN
        RAISE EXCEPTION 'no shard %', shard USING ERRCODE = '22023';
    END IF;
    IF shard = 0 THEN
        RETURN;  -- shard 0 is the model
    END IF;
    FOREACH tbl IN ARRAY ARRAY[source_conn, target_conn] LOOP
        IF tbl = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
            PERFORM dblink_disconnect(tbl);
        END IF;
    END LOOP;
    BEGIN
    PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = 0));
    PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = sync_shard_settings.shard));
    -- bindings shard 0 does not have go, shard 0's come (with the checks of a binding)
    FOR r IN SELECT x.role FROM dblink(target_conn, 'SELECT role_id::text FROM customer_identity.tenant_binding') AS x(role text)
             EXCEPT SELECT y.role FROM dblink(source_conn, 'SELECT role_id::text FROM customer_identity.tenant_binding') AS y(role text)
    LOOP
        script := script || format(' SELECT customer_identity.apply_tenant_binding(%L, NULL);', r.role);
    END LOOP;
    FOR r IN SELECT x.role, x.tenant FROM dblink(source_conn, 'SELECT role_id::text, tenant_id FROM customer_identity.tenant_binding ORDER BY 1')
                                          AS x(role text, tenant text)
    LOOP
        script := script || format(' SELECT customer_identity.apply_tenant_binding(%L, %L);', r.role, r.tenant);
    END LOOP;
    SELECT x.rls INTO isolation FROM dblink(source_conn,
        'SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = ''customer_identity.customer''::pg_catalog.regclass') AS x(rls boolean);
    script := script || format(' SELECT customer_identity.set_tenant_isolation(%L);', isolation);
    -- the application roles: those shard 0 granted the customer table to (as the upgrade
    -- to 0.10.0 finds them)
    FOR r IN SELECT x.role FROM dblink(source_conn,
        'SELECT DISTINCT a.grantee::pg_catalog.regrole::text FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a'
        ' WHERE c.oid = ''customer_identity.customer''::pg_catalog.regclass AND a.grantee <> 0 AND a.grantee <> c.relowner ORDER BY 1')
        AS x(role text)
    LOOP
        script := script || format(' SELECT customer_identity.grant_application_role(%L);', r.role);
    END LOOP;
    -- the defaults: shard 0's rows with tenant_id NULL, as they are
    FOREACH tbl IN ARRAY ARRAY['trust_policy', 'identifier_rules'] LOOP
        script := script || format(' DELETE FROM customer_identity.%I WHERE tenant_id IS NULL;', tbl);
        FOR r IN SELECT x.j FROM dblink(source_conn, format('SELECT to_jsonb(t)::text FROM customer_identity.%I t WHERE t.tenant_id IS NULL', tbl)) AS x(j text) LOOP
            script := script || format(' INSERT INTO customer_identity.%1$I SELECT (jsonb_populate_record(NULL::customer_identity.%1$I, %2$L::jsonb)).*;',
                                       tbl, r.j);
        END LOOP;
    END LOOP;
    PERFORM dblink_exec(target_conn, script || ' COMMIT;');
    EXCEPTION WHEN OTHERS THEN
        PERFORM @extschema@.sync_disconnect();
        RAISE;
    END;
    PERFORM @extschema@.sync_disconnect();
END $$;
REVOKE ALL ON FUNCTION @extschema@.sync_shard_settings(integer) FROM PUBLIC;
CREATE FUNCTION @extschema@.sync_disconnect() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY ARRAY['ci_sync_source', 'ci_sync_target'] LOOP
        IF c = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
            PERFORM dblink_disconnect(c);
        END IF;
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.sync_disconnect() FROM PUBLIC;

-- The proxy's bind_role_to_tenant(role_id regrole, tenant_id text) and
-- unbind_role_from_tenant(role_id regrole): the tenant's shard runs the shard's own function
-- (its checks, the event in the tenant's audit trail), then every shard holds the same
-- binding or none (apply_tenant_binding).  Shard by shard: a shard that fails the call
-- (down, or the role is a superuser on its server) stops it with its error, the shards
-- before it keep the change; run it again once fixed.
CREATE FUNCTION @extschema@.create_binding_api(name text, arguments text, identity_arguments text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cluster text := 'CLUSTER ''customer_identity_shards''; ';
BEGIN
    EXECUTE 'DROP FUNCTION IF EXISTS @extschema@.apply_tenant_binding__on_shards(regrole, text)';
    EXECUTE format('CREATE FUNCTION @extschema@.apply_tenant_binding__on_shards(role_id regrole, tenant_id text)'
                   ' RETURNS SETOF void AS %L LANGUAGE plproxy',
                   cluster || 'RUN ON ALL; TARGET @extschema@.apply_tenant_binding;');
    IF name = 'bind_role_to_tenant' THEN
        EXECUTE 'DROP FUNCTION IF EXISTS @extschema@.bind_role_to_tenant__on_tenant_shard(regrole, text)';
        EXECUTE format('CREATE FUNCTION @extschema@.bind_role_to_tenant__on_tenant_shard(%s) RETURNS void AS %L LANGUAGE plproxy',
                       identity_arguments, cluster || 'RUN ON @extschema@.route_tenant(tenant_id); TARGET @extschema@.bind_role_to_tenant;');
        EXECUTE format('CREATE FUNCTION @extschema@.bind_role_to_tenant(%s) RETURNS void LANGUAGE plpgsql AS %L',
                       arguments,
                       'BEGIN PERFORM @extschema@.bind_role_to_tenant__on_tenant_shard($1, $2);'
                       ' PERFORM @extschema@.apply_tenant_binding__on_shards($1, $2); END');
    ELSE
        -- the tenants the role is bound to on the shards (one, unless a shard missed a call)
        EXECUTE 'DROP FUNCTION IF EXISTS @extschema@.tenant_binding_on_shards(regrole)';
        EXECUTE format('CREATE FUNCTION @extschema@.tenant_binding_on_shards(role_id regrole) RETURNS SETOF text AS %L LANGUAGE plproxy',
                       cluster || 'RUN ON ALL; SELECT b.tenant_id FROM customer_identity.tenant_binding b'
                                  ' WHERE b.role_id OPERATOR(pg_catalog.=) $1::pg_catalog.regrole;');
        EXECUTE 'DROP FUNCTION IF EXISTS @extschema@.unbind_role_from_tenant__on_tenant_shard(regrole, text)';
        EXECUTE format('CREATE FUNCTION @extschema@.unbind_role_from_tenant__on_tenant_shard(role_id regrole, tenant_id text)'
                       ' RETURNS integer AS %L LANGUAGE plproxy',
                       cluster || 'RUN ON @extschema@.route_tenant(tenant_id);'
                                  ' SELECT pg_catalog.count(*)::integer FROM customer_identity.unbind_role_from_tenant($1::pg_catalog.regrole);');
        EXECUTE format('CREATE FUNCTION @extschema@.unbind_role_from_tenant(%s) RETURNS void LANGUAGE plpgsql AS %L',
                       arguments,
                       'BEGIN PERFORM @extschema@.unbind_role_from_tenant__on_tenant_shard($1, t)'
                       ' FROM (SELECT DISTINCT t FROM @extschema@.tenant_binding_on_shards($1) AS t) AS x;'
                       ' PERFORM @extschema@.apply_tenant_binding__on_shards($1, NULL); END');
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_binding_api(text, text, text) FROM PUBLIC;
-- The routing lock, out of the application's reach (issue 29)
------------------------------------------------------------------------------
-- 0.1.0 routed under pg_advisory_xact_lock_shared(1129530448, bucket), a key any role can
-- take: an application holding it exclusively stalled every call of that bucket.  The
-- routing lock is now taken in C, in a key space of its own that no pg_advisory_* call
-- reaches (like the shards' identity locks), and only the proxy's owner may execute it.
CREATE FUNCTION @extschema@.routing_lock(bucket integer, exclusive boolean, wait boolean) RETURNS boolean
    AS '$libdir/customer_identity', 'ci_routing_lock' LANGUAGE C VOLATILE STRICT;
REVOKE ALL ON FUNCTION @extschema@.routing_lock(integer, boolean, boolean) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.routing_lock(integer, boolean, boolean) IS
    'the routing lock of a bucket until the end of the transaction: shared by each call routed to it, exclusive by a move of it (without wait: false if not free)';

-- The shard serving the bucket.  A call holds the bucket's routing lock shared until its
-- transaction ends; a move of the bucket holds it exclusively: a call waits until the move
-- is done, then reads where it went.
CREATE OR REPLACE FUNCTION @extschema@.route_bucket(bucket integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    serving integer;
BEGIN
    PERFORM @extschema@.routing_lock(bucket, false, true);
    SELECT d.shard INTO serving FROM @extschema@.bucket_directory d WHERE d.bucket = route_bucket.bucket;
    IF serving IS NULL THEN
        RAISE EXCEPTION 'no shard serves bucket %', bucket USING ERRCODE = '55000',
            HINT = 'SELECT customer_identity.assign_buckets() after adding the shards.';
    END IF;
    RETURN serving;
END $$;

-- A move takes the bucket's routing lock exclusively, waiting its turn at most 0.1 s at a
-- time: while it waits, new calls of the bucket queue behind it, so a session that keeps a
-- transaction open after a call of the bucket (the application can) must not hold them
-- there.  Between tries the calls go on; the move says once which sessions it waits for.
CREATE FUNCTION @extschema@.move_lock_bucket(bucket integer) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET lock_timeout = '100ms' AS $$
DECLARE
    told boolean := false;
BEGIN
    LOOP
        BEGIN
            PERFORM @extschema@.routing_lock(bucket, true, true);
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            IF NOT told THEN
                RAISE NOTICE 'bucket %: the move waits for sessions whose open transaction routed a call of it (pids %)', bucket,
                    (SELECT string_agg(DISTINCT l.pid::text, ', ') FROM pg_locks l
                      WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
                        AND l.classid = 1128878162 AND l.objid = bucket AND l.objsubid = 17234)  -- 'CIPR', bucket, 'CR'
                    USING HINT = 'They hold it until they commit or roll back: idle_in_transaction_session_timeout bounds it.';
                told := true;
            END IF;
            PERFORM pg_sleep(0.4);
        END;
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_lock_bucket(integer) FROM PUBLIC;

------------------------------------------------------------------------------
-- Shards own their buckets (issue 29)
------------------------------------------------------------------------------
-- Each shard holds the buckets it serves (customer_identity 0.10.0: served_bucket) and
-- refuses (55000) writes and tenant calls of any other bucket's tenants, direct writes
-- included: 0.1.0's shards accepted them, a copy nobody read (not even check_integrity),
-- and a later move of that bucket onto the shard deleted them as "left by a killed earlier
-- run".  The proxy tells the shards: assign_buckets and add_shard (sync_served_buckets),
-- and a move (the target gains the bucket, marked with the move's id, in the transaction
-- that copies its rows; the source loses it when it stops serving it).  A move deletes on
-- the target only rows a killed earlier run of the same move committed there (under its
-- mark); other rows of the bucket found there stop it with 55000, naming them.

-- Each move has an id, its mark on the target.
ALTER TABLE @extschema@.bucket_move
    ADD COLUMN move_id text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);

-- Gives shard n's served_bucket the buckets the directory gives it (a bucket being moved
-- to or from it stays as the move left it).  assign_buckets and add_shard run it; run it by
-- hand for a shard that missed them.
CREATE FUNCTION @extschema@.sync_served_buckets(shard integer) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    target_conn text := 'ci_sync_target';
    serves integer[];
    keeps integer[];
BEGIN
    PERFORM @extschema@.move_search_path();  -- dblink's schema (reverts at the function's end)
    IF shard IS NULL OR NOT EXISTS (SELECT 1 FROM @extschema@.shard s WHERE s.shard = sync_served_buckets.shard) THEN
        RAISE EXCEPTION 'no shard %', shard USING ERRCODE = '22023';
    END IF;
    SELECT COALESCE(array_agg(d.bucket ORDER BY d.bucket), '{}') INTO serves FROM @extschema@.bucket_directory d
     WHERE d.shard = sync_served_buckets.shard
       AND NOT EXISTS (SELECT 1 FROM @extschema@.bucket_move m WHERE m.bucket = d.bucket);
    SELECT serves || COALESCE(array_agg(m.bucket), '{}') INTO keeps FROM @extschema@.bucket_move m
     WHERE sync_served_buckets.shard IN (m.from_shard, m.to_shard);
    PERFORM @extschema@.sync_disconnect();
    BEGIN
    PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = sync_served_buckets.shard));
    PERFORM dblink_exec(target_conn, format(
        'BEGIN; DELETE FROM customer_identity.served_bucket WHERE bucket <> ALL (%1$L::integer[]);'
        ' INSERT INTO customer_identity.served_bucket (bucket) SELECT unnest(%2$L::integer[]) ON CONFLICT (bucket) DO NOTHING;'
        ' COMMIT;', keeps, serves));
    EXCEPTION WHEN OTHERS THEN
        PERFORM @extschema@.sync_disconnect();
        RAISE;
    END;
    PERFORM @extschema@.sync_disconnect();
END $$;
REVOKE ALL ON FUNCTION @extschema@.sync_served_buckets(integer) FROM PUBLIC;

-- assign_buckets: as 0.1.0's, and every shard learns its buckets.
CREATE OR REPLACE FUNCTION @extschema@.assign_buckets() RETURNS integer
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    shards integer := (SELECT count(*) FROM @extschema@.shard);
    assigned integer;
    s integer;
BEGIN
    IF shards = 0 THEN
        RAISE EXCEPTION 'no shard yet' USING ERRCODE = '55000', HINT = 'SELECT customer_identity.add_shard(conninfo) first.';
    END IF;
    INSERT INTO @extschema@.bucket_directory (bucket, shard)
    SELECT b, b % shards FROM generate_series(0, 1023) AS b
    ON CONFLICT (bucket) DO NOTHING;
    GET DIAGNOSTICS assigned = ROW_COUNT;
    FOR s IN SELECT x.shard FROM @extschema@.shard x ORDER BY x.shard LOOP
        PERFORM @extschema@.sync_served_buckets(s);
    END LOOP;
    RETURN assigned;
END $$;

-- add_shard: as 0.1.0's; the new shard gets the install's settings (sync_shard_settings:
-- bindings, isolation, application roles' grants, defaults) and serves no bucket until
-- assigned or moved (sync_served_buckets).
CREATE OR REPLACE FUNCTION @extschema@.add_shard(conninfo text) RETURNS integer
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    IF conninfo IS NULL OR btrim(conninfo) = '' THEN
        RAISE EXCEPTION 'conninfo must not be empty' USING ERRCODE = '22023';
    END IF;
    SELECT COALESCE(max(s.shard) + 1, 0) INTO n FROM @extschema@.shard s;
    INSERT INTO @extschema@.shard (shard, conninfo) VALUES (n, conninfo);
    IF n = 0 THEN
        -- modular_mapping: partition = key mod count, so a shard number is its partition
        -- whatever the count (PL/Proxy wants a power of two otherwise)
        EXECUTE format('CREATE SERVER customer_identity_shards FOREIGN DATA WRAPPER plproxy'
                       ' OPTIONS (modular_mapping %L, p0 %L)', '1', conninfo);
        EXECUTE 'CREATE USER MAPPING FOR PUBLIC SERVER customer_identity_shards';
    ELSE
        EXECUTE format('ALTER SERVER customer_identity_shards OPTIONS (ADD %I %L)', 'p' || n, conninfo);
        PERFORM @extschema@.sync_shard_settings(n);
    END IF;
    PERFORM @extschema@.sync_served_buckets(n);
    RETURN n;
END $$;

-- move_bucket: as 0.1.0's, with the routing lock (move_lock_bucket, above) instead of the
-- advisory key, checking and marking the target as described.
CREATE OR REPLACE PROCEDURE @extschema@.move_bucket(bucket integer, to_shard integer)
    LANGUAGE plpgsql AS $$
DECLARE
    move record;
    t record;
    source_conn text := 'ci_move_source';
    target_conn text := 'ci_move_target';
    chunk text[];
    source_sum text;
    target_sum text;
    moved bigint := 0;
    mark text;
    stray bigint := 0;
    named text := '';
    n bigint;
    keys text;
BEGIN
    PERFORM @extschema@.move_search_path();
    PERFORM @extschema@.move_disconnect();
    IF bucket IS NULL OR to_shard IS NULL THEN
        RAISE EXCEPTION 'bucket and to_shard must not be null' USING ERRCODE = '22004';
    END IF;
    SELECT * INTO move FROM @extschema@.bucket_move m WHERE m.bucket = move_bucket.bucket;
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT 1 FROM @extschema@.shard s WHERE s.shard = to_shard) THEN
            RAISE EXCEPTION 'no shard %', to_shard USING ERRCODE = '22023';
        END IF;
        INSERT INTO @extschema@.bucket_move (bucket, from_shard, to_shard, phase)
        SELECT d.bucket, d.shard, to_shard, 'copying' FROM @extschema@.bucket_directory d
         WHERE d.bucket = move_bucket.bucket AND d.shard <> to_shard
        RETURNING * INTO move;
        IF NOT FOUND THEN
            RETURN;  -- the bucket is there already (or no shard serves it: assign_buckets)
        END IF;
        COMMIT;
        PERFORM @extschema@.move_search_path();
    ELSIF move.to_shard <> to_shard THEN
        RAISE EXCEPTION 'bucket % is being moved to shard % already', bucket, move.to_shard
            USING ERRCODE = '55000', HINT = 'Run the same move again to finish it.';
    END IF;

    IF move.phase = 'copying' THEN
        -- Calls for the bucket wait from here until the directory is changed.
        PERFORM @extschema@.move_lock_bucket(bucket);
        BEGIN  -- on any error the shards' transactions end with their connections
        PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard));
        PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.to_shard));
        PERFORM dblink_exec(source_conn, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
        PERFORM dblink_exec(source_conn, 'LOCK TABLE ' || (SELECT string_agg('customer_identity.' || quote_ident(x.name), ', ')
                                                           FROM @extschema@.tenant_tables() x) || ' IN SHARE MODE');
        PERFORM dblink_exec(target_conn, 'BEGIN');
        PERFORM dblink_exec(target_conn, 'SET LOCAL session_replication_role = replica');
        -- Rows of the bucket on the target: an earlier, killed run of this move committed
        -- them with its mark (served_bucket.move_id), and they are replaced; any others
        -- (written where the bucket was not served) stop the move, named, and stay.
        SELECT x.m INTO mark FROM dblink(target_conn, format(
            'SELECT move_id FROM customer_identity.served_bucket WHERE bucket = %s', bucket)) AS x(m text);
        IF mark IS DISTINCT FROM move.move_id THEN
            FOR t IN SELECT * FROM @extschema@.tenant_tables() LOOP
                SELECT x.c, x.k INTO n, keys FROM dblink(target_conn, format(
                    'SELECT count(*), string_agg(k, '' '') FILTER (WHERE n <= 5) FROM (SELECT ROW(%2$s)::text AS k,'
                    ' row_number() OVER (ORDER BY %2$s) AS n FROM customer_identity.%1$I t'
                    ' WHERE customer_identity.tenant_bucket(t.tenant_id) = %3$s) s', t.name, t.row_order, bucket))
                    AS x(c bigint, k text);
                IF n > 0 THEN
                    stray := stray + n;
                    named := named || format('%s%s: %s rows %s%s', CASE WHEN named = '' THEN '' ELSE '; ' END,
                                             t.name, n, keys, CASE WHEN n > 5 THEN ' ...' ELSE '' END);
                END IF;
            END LOOP;
            IF stray > 0 THEN
                RAISE EXCEPTION 'bucket %: shard % holds % rows of it that no run of this move copied: %',
                    bucket, move.to_shard, stray, named USING ERRCODE = '55000',
                    HINT = 'They were written where the bucket was not served (before customer_identity 0.10.0, or by hand): compare them with the source''s, keep what must stay through the serving shard, delete them on the target, then run the same move again.';
            END IF;
        END IF;
        -- the bucket comes (back) to the target: it serves it, marked as this move's copy
        PERFORM dblink_exec(target_conn, format('DELETE FROM customer_identity.moved_bucket WHERE bucket = %s', bucket));
        PERFORM dblink_exec(target_conn, format(
            'INSERT INTO customer_identity.served_bucket (bucket, move_id) VALUES (%s, %L)'
            ' ON CONFLICT (bucket) DO UPDATE SET move_id = excluded.move_id, served_at = now()', bucket, move.move_id));
        FOR t IN SELECT * FROM @extschema@.tenant_tables() LOOP
            -- what an earlier, killed run of this move committed on the target
            PERFORM dblink_exec(target_conn, format('DELETE FROM customer_identity.%I t WHERE customer_identity.tenant_bucket(t.tenant_id) = %s',
                                                    t.name, bucket));
            PERFORM dblink_open(source_conn, 'rows', format('SELECT to_jsonb(t)::text FROM customer_identity.%I t'
                                                           ' WHERE customer_identity.tenant_bucket(t.tenant_id) = %s', t.name, bucket));
            LOOP
                SELECT array_agg(r.j) INTO chunk FROM dblink_fetch(source_conn, 'rows', 1000) AS r(j text);
                EXIT WHEN chunk IS NULL;
                moved := moved + cardinality(chunk);
                PERFORM dblink_exec(target_conn, format(
                    'INSERT INTO customer_identity.%1$I OVERRIDING SYSTEM VALUE'
                    ' SELECT (jsonb_populate_record(NULL::customer_identity.%1$I, j::jsonb)).* FROM unnest(%2$L::text[]) AS j',
                    t.name, chunk));
            END LOOP;
            PERFORM dblink_close(source_conn, 'rows');
            SELECT s INTO source_sum FROM dblink(source_conn, @extschema@.bucket_checksum_query(t.name, t.row_order, bucket)) AS x(s text);
            SELECT s INTO target_sum FROM dblink(target_conn, @extschema@.bucket_checksum_query(t.name, t.row_order, bucket)) AS x(s text);
            IF source_sum IS DISTINCT FROM target_sum THEN
                RAISE EXCEPTION 'bucket %: table % differs after the copy (% rows:checksum on the source, % on the target)',
                    bucket, t.name, source_sum, target_sum USING ERRCODE = 'XX000';
            END IF;
        END LOOP;
        PERFORM dblink_exec(target_conn, @extschema@.forget_settings_query());
        PERFORM dblink_exec(target_conn, 'COMMIT');
        -- the source refuses the bucket's writes once this commits (direct writers waiting
        -- on its locks see it when they get them)
        PERFORM dblink_exec(source_conn, format(
            'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%1$s) ON CONFLICT DO NOTHING;'
            ' DELETE FROM customer_identity.served_bucket WHERE bucket = %1$s', bucket));
        EXCEPTION WHEN OTHERS THEN
            PERFORM @extschema@.move_disconnect();
            RAISE;
        END;
        UPDATE @extschema@.bucket_directory d SET shard = move.to_shard WHERE d.bucket = move.bucket;
        UPDATE @extschema@.bucket_move m SET phase = 'cleaning' WHERE m.bucket = move.bucket;
        COMMIT;  -- calls go to the target from here
        PERFORM @extschema@.move_search_path();
        PERFORM dblink_exec(source_conn, 'COMMIT');
        PERFORM dblink_disconnect(source_conn);
        PERFORM dblink_disconnect(target_conn);
        move.phase := 'cleaning';
    END IF;

    -- The source's copy of the bucket goes (its triggers off: the audit trail moved).
    PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard));
    PERFORM dblink_exec(source_conn, 'BEGIN');
    -- (again: a run killed between the directory change and the source's commit lost it)
    PERFORM dblink_exec(source_conn, format(
        'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%1$s) ON CONFLICT DO NOTHING;'
        ' DELETE FROM customer_identity.served_bucket WHERE bucket = %1$s', bucket));
    PERFORM dblink_exec(source_conn, 'SET LOCAL session_replication_role = replica');
    FOR t IN SELECT * FROM @extschema@.tenant_tables() LOOP
        PERFORM dblink_exec(source_conn, format('DELETE FROM customer_identity.%I t WHERE customer_identity.tenant_bucket(t.tenant_id) = %s',
                                                t.name, bucket));
    END LOOP;
    PERFORM dblink_exec(source_conn, @extschema@.forget_settings_query());
    PERFORM dblink_exec(source_conn, 'COMMIT');
    PERFORM dblink_disconnect(source_conn);
    DELETE FROM @extschema@.bucket_move m WHERE m.bucket = move.bucket;
    COMMIT;
    RAISE NOTICE 'bucket % moved from shard % to shard % (% rows)', bucket, move.from_shard, move.to_shard, moved;
END $$;
REVOKE ALL ON PROCEDURE @extschema@.move_bucket(integer, integer) FROM PUBLIC;

-- An updated proxy gives its shards (customer_identity 0.10.0) their buckets.
DO $$
DECLARE
    s integer;
BEGIN
    FOR s IN SELECT x.shard FROM @extschema@.shard x ORDER BY x.shard LOOP
        PERFORM @extschema@.sync_served_buckets(s);
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- The proxied call path: a cheaper hop, errors without reconnects (issue 29)
------------------------------------------------------------------------------
-- Routing from a directory each backend keeps (src/store/routing.cpp).  0.1.0 routed every
-- call through PL/pgSQL (route_bucket: SECURITY DEFINER with its own search_path, the
-- routing lock, a query of bucket_directory): most of what a hop cost.  The route functions
-- are now C: they take the bucket's routing lock shared, as before, and look the bucket up
-- in the backend's copy of bucket_directory, read again after any change of it (this
-- trigger sends a relcache invalidation to every backend when a change commits).
--
-- The contract move_bucket relies on (keep it): a move switches a bucket by taking the
-- bucket's routing lock exclusively (move_lock_bucket), UPDATE-ing bucket_directory and
-- committing.  A call takes the lock shared and only then consults the directory, after
-- accepting invalidations, reading it with the latest snapshot when it changed: a committing
-- transaction sends its invalidations before it releases its locks, so a call that waited
-- on a move routes to the new shard, as does every call that starts after the move
-- committed.  A call holds the lock shared until its transaction on the proxy ends.
-- Changing bucket_directory with its triggers disabled leaves the backends' copies stale.
CREATE FUNCTION @extschema@.routing_changed() RETURNS trigger
    AS '$libdir/customer_identity', 'ci_settings_changed' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.routing_changed() FROM PUBLIC;
CREATE TRIGGER routing_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.bucket_directory
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.routing_changed();

-- The shard serving the bucket (55000: none), the bucket's routing lock held shared until
-- the transaction ends; by tenant, id or token (decoded by tenant_bucket, id_bucket and
-- token_bucket's own C functions), where a missing or malformed key goes to bucket 0's shard,
-- which answers with the error a single server gives.
CREATE OR REPLACE FUNCTION @extschema@.route_bucket(bucket integer) RETURNS integer
    AS '$libdir/customer_identity', 'ci_route_bucket' LANGUAGE C VOLATILE;
CREATE OR REPLACE FUNCTION @extschema@.route_tenant(tenant_id text) RETURNS integer
    AS '$libdir/customer_identity', 'ci_route_tenant' LANGUAGE C VOLATILE;
CREATE OR REPLACE FUNCTION @extschema@.route_id(id bigint) RETURNS integer
    AS '$libdir/customer_identity', 'ci_route_id' LANGUAGE C VOLATILE;
CREATE OR REPLACE FUNCTION @extschema@.route_token(token text) RETURNS integer
    AS '$libdir/customer_identity', 'ci_route_token' LANGUAGE C VOLATILE;

-- Errors without reconnects (src/operations/proxied_call.cpp).  PL/Proxy raises a shard's
-- error as soon as it arrives, before it has read the end of the shard's answer, and drops
-- that connection on the next call ("PL/Proxy: dropping stale conn", a NOTICE to the
-- application): each error cost a new shard backend.  So the shards return errors as data
-- (customer_identity 0.10.0: proxied_call) and the proxy raises them again:
--   <name>__remote(arguments) RETURNS SETOF text  PL/Proxy, routed as the API function is:
--       SELECT customer_identity.proxied_call('<name>', $1, ...)  (PL/Proxy adds the types)
--       (a call in the target list: the cheapest statement for the shard to parse and plan,
--       which it does for every call -- PL/Proxy prepares nothing);
--   <name>(arguments)  C (proxied_api_call): calls <name>__remote, reads its whole answer
--       (PL/Proxy finishes with the connection), returns the API function's rows or value,
--       or raises the first error a shard answered with its SQLSTATE, message, DETAIL, HINT.
CREATE FUNCTION @extschema@.shard_api_shapes(OUT name text, OUT identity_arguments text, OUT input_arguments text,
                                             OUT argument_types text[])
    RETURNS SETOF record AS $$
    CLUSTER 'customer_identity_shards';
    RUN ON 0;
    SELECT p.proname::text AS name, pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
           (SELECT pg_catalog.string_agg(CASE WHEN COALESCE(a.n, '') = '' THEN pg_catalog.format_type(a.t, NULL)
                                              ELSE pg_catalog.quote_ident(a.n) || ' ' || pg_catalog.format_type(a.t, NULL) END,
                                         ', ' ORDER BY a.o)
              FROM ROWS FROM (pg_catalog.unnest(COALESCE(p.proallargtypes, p.proargtypes::pg_catalog.oid[])),
                              pg_catalog.unnest(COALESCE(p.proargmodes, pg_catalog.array_fill('i'::"char", ARRAY[p.pronargs::integer]))),
                              pg_catalog.unnest(p.proargnames)) WITH ORDINALITY AS a(t, m, n, o)
             WHERE a.m OPERATOR(pg_catalog.=) ANY ('{i,b,v}'::"char"[])) AS input_arguments,
           ARRAY(SELECT pg_catalog.format_type(a.t, NULL) FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[])
                        WITH ORDINALITY AS a(t, o) ORDER BY a.o) AS argument_types
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                 AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'customer_identity'
     WHERE p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype;
$$ LANGUAGE plproxy;
REVOKE ALL ON FUNCTION @extschema@.shard_api_shapes() FROM PUBLIC;

-- Creates the API function <name> and its PL/Proxy function <name>__remote (above).
CREATE FUNCTION @extschema@.create_proxied_api(name text, arguments text, identity_arguments text, input_arguments text,
                                               result text, run_on text, argument_types text[]) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    argument_list text;
BEGIN
    SELECT string_agg(format(', $%s', i), '' ORDER BY i) INTO argument_list
      FROM generate_subscripts(argument_types, 1) AS i;
    EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', name || '__remote', identity_arguments);
    EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS SETOF text AS %L LANGUAGE plproxy',
                   name || '__remote', COALESCE(input_arguments, ''),
                   format('CLUSTER %L; %s SELECT customer_identity.proxied_call(%L%s);',
                          'customer_identity_shards', run_on, name, COALESCE(argument_list, '')));
    EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS %s AS %L, %L LANGUAGE C VOLATILE',
                   name, arguments, result, '$libdir/customer_identity', 'ci_proxied_api_call');
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_proxied_api(text, text, text, text, text, text, text[]) FROM PUBLIC;

-- create_api: as 0.1.0's, with two routes that do not follow from the argument names:
-- 'all' for on_every_shard(), and 'binding' for bind_role_to_tenant and
-- unbind_role_from_tenant (create_binding_api: the tenant's shard records the event, then
-- every shard holds the binding, through apply_tenant_binding); every other API function
-- through create_proxied_api; quiet (the NOTICEs of its DROP ... IF EXISTS and CASCADE are
-- no news).
CREATE OR REPLACE FUNCTION @extschema@.create_api() RETURNS SETOF text
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET client_min_messages = warning AS $$
DECLARE
    f record;
    route text;
    run_on text;
    key text;
BEGIN
    -- The row types first (a type that changed takes its old functions with it).
    FOR f IN SELECT * FROM @extschema@.shard_result_types() LOOP
        EXECUTE format('DROP TYPE IF EXISTS @extschema@.%I CASCADE', f.name);
        EXECUTE format('CREATE TYPE @extschema@.%I AS (%s)', f.name, f.columns);
    END LOOP;
    FOR f IN SELECT a.*, s.input_arguments, s.argument_types
               FROM @extschema@.shard_api() a
               JOIN @extschema@.shard_api_shapes() s USING (name, identity_arguments)
              WHERE NOT a.name = ANY (@extschema@.not_proxied()) AND a.name <> 'proxied_call' LOOP
        -- The route follows from the argument names: a tenant, else a token, else an id
        -- (ids carry their bucket); no key: every shard (administration) or any shard.
        -- Administration of the install: every shard, whatever the names.
        key := NULL;
        IF f.name IN ('bind_role_to_tenant', 'unbind_role_from_tenant') THEN
            route := 'binding';
        ELSIF f.name = ANY (@extschema@.on_every_shard()) THEN
            route := 'all';
        ELSIF f.identity_arguments ~ '(^|, )tenant_id text' THEN
            key := 'tenant_id';
            route := CASE WHEN f.arguments ~ 'tenant_id text DEFAULT NULL' THEN 'tenant or all' ELSE 'tenant' END;
        ELSIF f.identity_arguments ~ '(^|, )token text' THEN
            key := 'token';
            route := 'token';
        ELSIF f.identity_arguments ~ '(^|, )[a-z_]+_id bigint' THEN
            key := substring(f.identity_arguments FROM '(?:^|, )([a-z_]+_id) bigint');
            route := 'id';
        ELSIF f.result = 'void' THEN
            route := 'all';
        ELSE
            route := 'any';
        END IF;
        run_on := CASE route
            WHEN 'tenant' THEN format('RUN ON @extschema@.route_tenant(%I);', key)
            WHEN 'tenant or all' THEN format('RUN ON @extschema@.route_tenant_or_all(%I);', key)
            WHEN 'token' THEN format('RUN ON @extschema@.route_token(%I);', key)
            WHEN 'id' THEN format('RUN ON @extschema@.route_id(%I);', key)
            WHEN 'all' THEN 'RUN ON ALL;'
            WHEN 'binding' THEN NULL
            ELSE 'RUN ON ANY;' END;
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name, f.identity_arguments);
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name || '__on_shards', f.identity_arguments);
        IF route = 'binding' THEN
            PERFORM @extschema@.create_binding_api(f.name, f.arguments, f.identity_arguments);
        ELSE
            PERFORM @extschema@.create_proxied_api(f.name, f.arguments, f.identity_arguments, f.input_arguments,
                                                   f.result, run_on, f.argument_types);
        END IF;
        RETURN NEXT format('%s(%s): %s', f.name, f.identity_arguments, route);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_api() FROM PUBLIC;

-- grant_proxy_access: as 0.1.0's, with the API functions (C, each with its __remote).
CREATE OR REPLACE FUNCTION @extschema@.grant_proxy_access(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    f regprocedure;
BEGIN
    IF app IS NULL THEN
        RAISE EXCEPTION 'app must not be null' USING ERRCODE = '22004';
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', '@extschema@', app);
    EXECUTE format('GRANT USAGE ON FOREIGN SERVER customer_identity_shards TO %s', app);
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
              WHERE p.pronamespace = '@extschema@'::regnamespace
                AND (p.prolang = (SELECT l.oid FROM pg_language l WHERE l.lanname = 'plproxy')
                     OR p.proname IN ('route_tenant', 'route_id', 'route_token', 'route_tenant_or_all',
                                      'route_bucket', 'all_shards', 'shard_of_tenant', 'tenant_bucket',
                                      'id_bucket', 'token_bucket')
                     OR (p.prolang IN (SELECT l.oid FROM pg_language l WHERE l.lanname IN ('plpgsql', 'c'))
                         AND EXISTS (SELECT 1 FROM pg_proc q WHERE q.pronamespace = p.pronamespace
                                       AND q.proname IN (p.proname || '__on_shards', p.proname || '__remote'))))
                AND p.proname NOT IN ('shard_api', 'shard_api_shapes')
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %s', f, app);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.grant_proxy_access(regrole) FROM PUBLIC;

------------------------------------------------------------------------------
-- The operator's setup (issue 29): user mappings only the owner writes
------------------------------------------------------------------------------
-- PL/Proxy connects to the shards as the user the caller's user mapping names (the caller
-- when it names none), and PostgreSQL lets a role with USAGE on the server, which the
-- application role needs for PL/Proxy and gets from grant_proxy_access, create, alter and
-- drop its own mapping: the application could name the owner and reach every shard as a
-- superuser wherever the proxy's server can authenticate the owner (a .pgpass for moves,
-- a trusted host).  Only a superuser or the server's owner writes the mappings of
-- customer_identity_shards (42501); event triggers see every such statement.
CREATE FUNCTION @extschema@.guard_shard_user_mappings() RETURNS event_trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    owner oid;
    touched boolean;
BEGIN
    SELECT s.srvowner INTO owner FROM pg_foreign_server s WHERE s.srvname = 'customer_identity_shards';
    IF owner IS NULL OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
       OR pg_has_role(current_user, owner, 'USAGE') THEN
        RETURN;
    END IF;
    IF TG_EVENT = 'sql_drop' THEN
        SELECT bool_or(d.object_identity LIKE '% on server customer_identity_shards') INTO touched
          FROM pg_event_trigger_dropped_objects() d WHERE d.object_type = 'user mapping';
    ELSE
        -- (pg_user_mappings: a mapping's server, readable by every role)
        SELECT bool_or(m.srvname = 'customer_identity_shards') INTO touched
          FROM pg_event_trigger_ddl_commands() c JOIN pg_user_mappings m ON m.umid = c.objid
         WHERE c.object_type = 'user mapping';
    END IF;
    IF touched THEN
        RAISE EXCEPTION 'permission denied to change the user mappings of server customer_identity_shards'
            USING ERRCODE = '42501',
                  DETAIL = format('%s: only the server''s owner or a superuser may: a mapping names the user the shards see.', TG_TAG),
                  HINT = 'The proxy''s owner sets your mapping''s password.';
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.guard_shard_user_mappings() FROM PUBLIC;
CREATE EVENT TRIGGER customer_identity_shard_user_mappings ON ddl_command_end
    WHEN TAG IN ('CREATE USER MAPPING', 'ALTER USER MAPPING')
    EXECUTE FUNCTION @extschema@.guard_shard_user_mappings();
CREATE EVENT TRIGGER customer_identity_shard_user_mappings_dropped ON sql_drop
    WHEN TAG IN ('DROP USER MAPPING')
    EXECUTE FUNCTION @extschema@.guard_shard_user_mappings();
