-- customer_identity_proxy 0.1.0 -> 0.2.0: the shards' customer_identity 0.10.0 has helpers
-- and a per-server figure that mean nothing through a proxy.  A fresh install of 0.2.0 runs
-- 0.1.0's script and then this one.
\echo Use "ALTER EXTENSION customer_identity_proxy UPDATE" to load this file. \quit

-- Functions that stay on the shards (see 0.1.0), and: event_search_keys (erasure's index
-- expression), lock_budget (the lock budget of the server it runs on),
-- identifier_derived_otherwise (check_integrity's helper), apply_tenant_binding (the proxy's
-- helper for bindings on every shard, below), bucket_write_lock (a move's, below) and
-- suggest_duplicates' helpers (duplicate_fold, duplicate_fold_version, duplicate_name,
-- duplicate_name_weight, duplicate_transposed, duplicate_local_words, duplicate_tenant,
-- duplicate_phone_digits, duplicate_sibling_names).
CREATE OR REPLACE FUNCTION @extschema@.not_proxied() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['enable_sharding', 'tenant_bucket', 'id_bucket', 'token_bucket', 'derived_identifier',
                 'erased_text', 'erased_jsonb', 'payload_mentions', 'caller', 'current_tenant',
                 'import_customers', 'event_search_keys', 'lock_budget', 'identifier_derived_otherwise',
                 'apply_tenant_binding', 'bucket_write_lock', 'duplicate_fold', 'duplicate_name', 'duplicate_name_weight',
                 'duplicate_transposed', 'duplicate_local_words', 'duplicate_tenant', 'duplicate_fold_version',
                 'duplicate_phone_digits', 'duplicate_sibling_names']
$$;

------------------------------------------------------------------------------
-- Administration on every shard (bindings, isolation, grants, defaults)
------------------------------------------------------------------------------
-- A role's tenant binding, tenant isolation, an application role's grants and the defaults
-- (the rows with tenant_id NULL of trust_policy and identifier_rules) are the install's,
-- not a tenant's: they hold on every shard, a shard added later included, and never move
-- with a bucket.  (0.1.0 routed bind_role_to_tenant by its tenant to one shard, leaving the
-- role unbound on the others, and moved the binding rows with the bucket.)


-- The API functions that administer the install rather than a tenant: every shard, whatever
-- their arguments are named.  (bind_role_to_tenant and unbind_role_from_tenant also record
-- the event in the tenant's audit trail, on the tenant's shard: create_api's route 'binding'.)
CREATE FUNCTION @extschema@.on_every_shard() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['set_tenant_isolation', 'grant_application_role']
$$;

-- Bindings are per role: a move neither copies nor deletes them.  identifier_rules (0.10.0)
-- holds a tenant's identifier rules: they go with the tenant (its default row, tenant_id
-- NULL, is in no bucket and stays); so do its survivorship rules and duplicate threshold,
-- the pairs its reviewers said are two people (distinct_person) and suggest_duplicates'
-- blocking keys and high-water mark (the next run on the target stays incremental).
CREATE OR REPLACE FUNCTION @extschema@.tenant_tables() RETURNS TABLE (name text, row_order text)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('customer', 'id'), ('vendor', 'id'), ('invite_token', 'id'),
           ('vendor_customer', 'vendor_id, customer_id'), ('identity_claim', 'id'),
           ('identity_event', 'id'), ('trust_policy', 'tenant_id'),
           ('blocked_identifier', 'tenant_id, identifier, value'), ('identifier_rules', 'tenant_id'),
           ('survivorship_rule', 'tenant_id, column_name'), ('duplicate_setting', 'tenant_id'),
           ('duplicate_run', 'tenant_id'), ('distinct_person', 'customer_id, other_id'),
           ('duplicate_key', 'tenant_id, key, customer_id')
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
-- default rows of trust_policy, identifier_rules, survivorship_rule and duplicate_setting.
-- add_shard runs it; run it by hand to
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
    FOREACH tbl IN ARRAY ARRAY['trust_policy', 'identifier_rules', 'survivorship_rule', 'duplicate_setting'] LOOP
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

-- Creates the PL/Proxy function <name>__remote of the API function <name> (above), which
-- asks the shards (run_on) for proxied_call(<name>, its arguments).
CREATE FUNCTION @extschema@.create_remote_api(name text, identity_arguments text, input_arguments text,
                                              run_on text, argument_types text[]) RETURNS void
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
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_remote_api(text, text, text, text, text[]) FROM PUBLIC;

-- Creates the API function <name> and its PL/Proxy function <name>__remote (above).
CREATE FUNCTION @extschema@.create_proxied_api(name text, arguments text, identity_arguments text, input_arguments text,
                                               result text, run_on text, argument_types text[]) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM @extschema@.create_remote_api(name, identity_arguments, input_arguments, run_on, argument_types);
    EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS %s AS %L, %L LANGUAGE C VOLATILE',
                   name, arguments, result, '$libdir/customer_identity', 'ci_proxied_api_call');
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_proxied_api(text, text, text, text, text, text, text[]) FROM PUBLIC;

-- create_api: as 0.1.0's, with two routes that do not follow from the argument names:
-- 'all' for on_every_shard(), and 'binding' for bind_role_to_tenant and
-- unbind_role_from_tenant (create_binding_api: the tenant's shard records the event, then
-- every shard holds the binding, through apply_tenant_binding); those two through
-- create_proxied_api (PL/Proxy, RUN ON ALL), every other API function -- routed to one
-- shard by its tenant, token or id, or to any shard -- through create_direct_api (the
-- proxy's own connections, "The hop" below); quiet (the NOTICEs of its DROP ... IF EXISTS
-- and CASCADE are no news).
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
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name, f.identity_arguments);
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name || '__on_shards', f.identity_arguments);
        IF route = 'binding' THEN
            PERFORM @extschema@.create_binding_api(f.name, f.arguments, f.identity_arguments);
        ELSIF route = 'all' THEN
            PERFORM @extschema@.create_proxied_api(f.name, f.arguments, f.identity_arguments, f.input_arguments,
                                                   f.result, 'RUN ON ALL;', f.argument_types);
        ELSE
            PERFORM @extschema@.create_direct_api(f.name, f.arguments, f.identity_arguments, f.input_arguments,
                                                  f.result, route, f.argument_types);
        END IF;
        RETURN NEXT format('%s(%s): %s', f.name, f.identity_arguments, route);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_api() FROM PUBLIC;

-- grant_proxy_access: as 0.1.0's, with the API functions (C: each with its __remote, or
-- calling a shard itself, ci_proxied_call_*).
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
                     OR (p.prolang = (SELECT l.oid FROM pg_language l WHERE l.lanname = 'c')
                         AND p.prosrc LIKE 'ci\_proxied\_call\_%')
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

------------------------------------------------------------------------------
-- Online moves (issue 29)
------------------------------------------------------------------------------
-- 0.1.0's move locked the source's tenant tables SHARE for the whole copy (every tenant of
-- that shard waited it out: creates went from 3 ms to 2.6 s during a 10k-customer move),
-- held the bucket's calls for all of it, and sent every row as jsonb through dblink (16-17x
-- an INSERT ... SELECT).  A move now copies with PostgreSQL's logical replication while the
-- bucket stays writable, and switches in a moment:
--   1. a publication on the source (ci_move_<bucket>_<move>) of the tenant tables (but the
--      small settings tables, move_switch_tables, and the tables that hold few rows of the
--      bucket, move_switch_copy_rows: the switch copies those) with a row filter on the bucket's tenants
--      (tenant_id = ANY (...): PostgreSQL 15 filters only with built-in operators, and
--      tenant_id is in each published table's replica identity), and a
--      subscription of the same name on the target, which copies the rows (COPY) and then
--      applies the source's changes of them.  The target applies them as the replication
--      role (session_replication_role = replica), so the extension's triggers do not fire
--      there: the rows were checked on the source, and the target does not serve the bucket
--      yet (it refuses every other write of it);
--   2. the switch: the bucket's routing lock exclusively on the proxy (its calls wait), its
--      write lock on the source (bucket_write_lock: no direct write of it in flight or
--      starting; no table locked), the rows of tenants that appeared in the bucket since the
--      publication was made (not in its filter) and of the tables not published copied, the target
--      caught up to the
--      source's WAL position (its replication slot confirms it), each table's row count and
--      key sum compared on both sides, the target serving the bucket (marked with the
--      move), the directory naming the target, commit -- calls go on, to the target; the
--      source stops serving the bucket (its waiting writers get 55000);
--   3. the subscription, its slot and the publication dropped (before anything is deleted:
--      a delete on the source must not reach the target), then the source's rows deleted.
-- Killed at any step, running the same move again finishes it: before the switch it finds
-- its subscription (or makes it again), a switch cut short left the source serving, and
-- after the directory changed only step 3 is left.  Shards need wal_level = logical.


-- The bucket's tenants the move's publication filters on (a tenant that appears later is
-- copied at the switch).
ALTER TABLE @extschema@.bucket_move ADD COLUMN tenants text[];

-- The name a move's publication, subscription and replication slot share.
CREATE FUNCTION @extschema@.move_replication_name(bucket integer, move_id text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.format('ci_move_%s_%s', bucket, pg_catalog.left(move_id, 16)) $$;

-- The tenant tables a move copies at the switch rather than by replication: a tenant's
-- settings (a row or a few each), which would cost a table synchronization each -- a fixed
-- part of every move -- for almost nothing.  (Their changes are calls of the tenant, which
-- the switch holds.)
CREATE FUNCTION @extschema@.move_switch_tables() RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['trust_policy', 'blocked_identifier', 'identifier_rules', 'survivorship_rule', 'duplicate_setting',
                 'duplicate_run']
$$;

-- A table synchronization costs a worker on the target, a connection and a replication
-- slot on the source, whatever the table holds: most of a small move's cost, and CPU the
-- big tables' copies share.  So a tenant table holding at most 100 rows of the bucket when
-- the move makes its publication is not published: the switch copies it with the settings
-- tables.  One that has grown past 200 rows by the switch is published then, and
-- synchronized before the switch: the switch holds the bucket's calls while it copies, at
-- about 0.1-0.2 ms a row, so at most 200 rows of each of the six tables, well within the
-- switch's second.
CREATE FUNCTION @extschema@.move_switch_copy_rows(at_start boolean) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN at_start THEN 100::bigint ELSE 200::bigint END $$;

-- A move's first copy: makes the slot on the source with an exported snapshot, copies each
-- selects[i] (COPY ... TO STDOUT, on that snapshot) into inserts[i] (COPY ... FROM STDIN) in
-- one transaction on the target, as the replication role, runs subscribe there (the
-- subscription to the slot, copy_data = false) and commits: the target holds the rows and
-- the subscription, or neither.  Returns how many rows.  Superusers only
-- (src/store/move_copy.cpp).
CREATE FUNCTION @extschema@.move_copy_rows(source text, target text, slot text, selects text[], inserts text[], subscribe text)
    RETURNS bigint AS '$libdir/customer_identity', 'ci_move_copy_rows' LANGUAGE C VOLATILE;
REVOKE ALL ON FUNCTION @extschema@.move_copy_rows(text, text, text, text[], text[], text) FROM PUBLIC;

-- The tenants of a bucket a shard holds rows of, as a query for that shard: each tenant
-- table's distinct tenant_id, skipping through an index that starts with it (as many index
-- probes as the shard has tenants, whatever their rows), kept if it is in the bucket.
-- (vendor_customer's rows belong to a vendor of their tenant.)
CREATE FUNCTION @extschema@.bucket_tenants_query(bucket integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT 'SELECT DISTINCT t FROM (' || pg_catalog.string_agg(pg_catalog.format(
               '(WITH RECURSIVE s(t) AS ((SELECT tenant_id FROM customer_identity.%1$I WHERE tenant_id IS NOT NULL ORDER BY tenant_id LIMIT 1)'
               ' UNION ALL SELECT (SELECT x.tenant_id FROM customer_identity.%1$I x WHERE x.tenant_id > s.t ORDER BY x.tenant_id LIMIT 1)'
               ' FROM s WHERE s.t IS NOT NULL) SELECT t FROM s WHERE t IS NOT NULL)', x.name), ' UNION ALL ')
           || pg_catalog.format(') s WHERE customer_identity.tenant_bucket(t) = %s ORDER BY 1', bucket)
      FROM @extschema@.tenant_tables() x WHERE x.name <> 'vendor_customer'
$$;

-- What a switch compares of a bucket's tenants' rows on both sides, as a query for a shard:
-- per table its row count and a sum of key columns, read from an index that starts with
-- tenant_id (index-only once the pages are all-visible: the move vacuums the target's
-- tables after the copy), not the rows' contents: logical replication carries those, the
-- comparison shows that no row is missing or left over; the small settings tables'
-- rows are compared whole (md5).  vendor_customer's rows are found through their vendors
-- (its keys do not start with tenant_id).
CREATE FUNCTION @extschema@.bucket_summary_query(tenants text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT 'SELECT ' || pg_catalog.string_agg(pg_catalog.format(
               '(SELECT %1$L || ''='' || %2$s FROM %3$s WHERE t.tenant_id = ANY (%4$L::text[]))',
               x.name,
               CASE WHEN x.name = 'identity_event' THEN 'count(*) || '':'' || COALESCE(sum(extract(epoch FROM t.created_at)), 0)'
                    WHEN x.row_order = 'id' THEN 'count(*) || '':'' || COALESCE(sum(t.id), 0)'
                    WHEN x.name = 'vendor_customer' THEN 'count(*) || '':'' || COALESCE(sum(c.vendor_id) + sum(c.customer_id), 0)'
                    WHEN x.name = 'distinct_person' THEN 'count(*) || '':'' || COALESCE(sum(t.customer_id) + sum(t.other_id), 0)'
                    WHEN x.name = 'duplicate_key' THEN 'count(*) || '':'' || COALESCE(sum(t.key) + sum(t.customer_id), 0)'
                    ELSE pg_catalog.format('count(*) || '':'' || COALESCE(md5(string_agg(to_jsonb(t)::text, '''' ORDER BY %s)), '''')', x.row_order)
               END,
               CASE WHEN x.name = 'vendor_customer'
                    THEN 'customer_identity.vendor t JOIN customer_identity.vendor_customer c ON c.vendor_id = t.id AND c.tenant_id = t.tenant_id'
                    ELSE pg_catalog.format('customer_identity.%I t', x.name) END,
               tenants), ' || '' '' || ')
      FROM @extschema@.tenant_tables() x
$$;

-- Says what the move is doing (application_name: pg_stat_activity shows it; with
-- client_min_messages = debug1 the mover also gets each step's time, a profile of the move:
-- bench/proxy.sh prints it), and stops there if customer_identity_proxy.move_pause_at names
-- the step, for customer_identity_proxy.move_pause_seconds or an hour (the scale-out suite
-- kills a move at each step this way, and writes while a move waits to switch).
CREATE FUNCTION @extschema@.move_step(bucket integer, step text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE DEBUG 'ci move of bucket %: % at %', bucket, step, pg_catalog.to_char(pg_catalog.clock_timestamp(), 'HH24:MI:SS.US');
    PERFORM pg_catalog.set_config('application_name', pg_catalog.format('ci move of bucket %s: %s', bucket, step), false);
    IF pg_catalog.current_setting('customer_identity_proxy.move_pause_at', true) = step THEN
        PERFORM pg_catalog.set_config('application_name', pg_catalog.format('ci move of bucket %s: %s (paused)', bucket, step), false);
        PERFORM pg_catalog.pg_sleep(COALESCE(NULLIF(pg_catalog.current_setting('customer_identity_proxy.move_pause_seconds', true), '')::float8, 3600));
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_step(integer, text) FROM PUBLIC;

-- A table's rows of the given tenants, as the FROM clause of a query for a shard (SELECT
-- ... FROM it): through an index that starts with tenant_id; vendor_customer's through
-- their vendors (its keys do not start with tenant_id: a filter on it alone reads the whole
-- table).  (Deletes on a target filter on tenant_id alone: a row whose vendor the
-- replication deleted there is found too.)
CREATE FUNCTION @extschema@.move_rows_of(name text, tenants text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN name = 'vendor_customer'
                THEN pg_catalog.format('customer_identity.vendor_customer t WHERE (t.vendor_id, t.tenant_id) IN'
                                       ' (SELECT v.id, v.tenant_id FROM customer_identity.vendor v WHERE v.tenant_id = ANY (%L::text[]))', tenants)
                ELSE pg_catalog.format('customer_identity.%I t WHERE t.tenant_id = ANY (%L::text[])', name, tenants) END
$$;

-- Copies the rows of the given tenants in the given tables from the source's to the
-- target's open transaction: every table of the tenants that appeared in the bucket after
-- its publication was made, and the tables not published of all (the settings tables, and
-- those that held few rows of the bucket: move_switch_copy_rows).  The target holds no such
-- rows, unless an earlier switch of this move committed there (the target serves the
-- bucket under the move's mark): replacing, they are deleted first.  The switch holds the
-- bucket's calls meanwhile, so in few round trips: the target's deletes in one, one to find
-- which tables have rows on the source, and a cursor for each of those.  Returns how many
-- rows.
CREATE FUNCTION @extschema@.move_copy_tenants(source_conn text, target_conn text, tenants text[], tables text[], replacing boolean) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    t record;
    chunk text[];
    copied bigint := 0;
    filled text[];
BEGIN
    IF cardinality(tables) = 0 OR cardinality(tenants) = 0 THEN
        RETURN 0;
    END IF;
    IF replacing THEN
        PERFORM dblink_exec(target_conn, (SELECT string_agg(format('DELETE FROM customer_identity.%I t WHERE t.tenant_id = ANY (%L::text[])',
                                                                   x.name, tenants), '; ')
                                            FROM @extschema@.tenant_tables() x WHERE x.name = ANY (tables)));
    END IF;
    SELECT COALESCE(array_agg(x.t), '{}') INTO filled FROM dblink(source_conn,
        (SELECT string_agg(format('SELECT %L::text WHERE EXISTS (SELECT FROM %s)', x.name, @extschema@.move_rows_of(x.name, tenants)), ' UNION ALL ')
           FROM @extschema@.tenant_tables() x WHERE x.name = ANY (tables))) AS x(t text);
    FOR t IN SELECT * FROM @extschema@.tenant_tables() x WHERE x.name = ANY (filled) LOOP
        PERFORM dblink_open(source_conn, 'rows', 'SELECT to_jsonb(t)::text FROM ' || @extschema@.move_rows_of(t.name, tenants));
        LOOP
            SELECT array_agg(r.j) INTO chunk FROM dblink_fetch(source_conn, 'rows', 1000) AS r(j text);
            EXIT WHEN chunk IS NULL;
            copied := copied + cardinality(chunk);
            PERFORM dblink_exec(target_conn, format(
                'INSERT INTO customer_identity.%1$I OVERRIDING SYSTEM VALUE'
                ' SELECT (jsonb_populate_record(NULL::customer_identity.%1$I, j::jsonb)).* FROM unnest(%2$L::text[]) AS j',
                t.name, chunk));
        END LOOP;
        PERFORM dblink_close(source_conn, 'rows');
    END LOOP;
    RETURN copied;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_copy_tenants(text, text, text[], text[], boolean) FROM PUBLIC;

-- Which of the given tables hold more than row_limit rows of the tenants on the source
-- (one round trip; each count stops at row_limit + 1).
CREATE FUNCTION @extschema@.move_tables_over(source_conn text, tenants text[], tables text[], row_limit bigint) RETURNS text[]
    LANGUAGE plpgsql AS $$
DECLARE
    over text[];
BEGIN
    IF cardinality(tables) = 0 OR cardinality(tenants) = 0 THEN
        RETURN '{}';
    END IF;
    SELECT COALESCE(array_agg(x.t), '{}') INTO over FROM dblink(source_conn,
        (SELECT string_agg(format('SELECT %L::text WHERE (SELECT count(*) FROM (SELECT FROM %s LIMIT %s) s) > %s',
                                  x.name, @extschema@.move_rows_of(x.name, tenants), row_limit + 1, row_limit), ' UNION ALL ')
           FROM @extschema@.tenant_tables() x WHERE x.name = ANY (tables))) AS x(t text);
    RETURN over;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_tables_over(text, text[], text[], bigint) FROM PUBLIC;

-- The tables of the move's publication on the source (tenant tables; replication copies
-- them), in tenant_tables' order.
CREATE FUNCTION @extschema@.move_published_tables(source_conn text, name text) RETURNS text[]
    LANGUAGE sql AS $$
    SELECT COALESCE(array_agg(t.name ORDER BY t.ord), '{}')
      FROM dblink(source_conn, pg_catalog.format(
               'SELECT tablename::text FROM pg_catalog.pg_publication_tables WHERE pubname = %L AND schemaname = ''customer_identity''', name))
           AS x(tbl text)
      JOIN @extschema@.tenant_tables() WITH ORDINALITY AS t(name, row_order, ord) ON t.name = x.tbl
$$;
REVOKE ALL ON FUNCTION @extschema@.move_published_tables(text, text) FROM PUBLIC;

-- Closes the move's connections to the shards, if open (their transactions end with them):
-- as 0.1.0's, and the switch's connection for nudges (move_catch_up).
CREATE OR REPLACE FUNCTION @extschema@.move_disconnect() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY ARRAY['ci_move_source', 'ci_move_target', 'ci_move_nudge'] LOOP
        IF c = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
            PERFORM dblink_disconnect(c);
        END IF;
    END LOOP;
END $$;

-- Wakes the move's subscription on the target: a transaction committed on the source
-- (synchronous_commit on: flushed, so the source's WAL is readable up to here) makes the
-- walsender of the move's slot send a keepalive, which wakes the subscription's apply
-- worker at once.  It would otherwise sleep up to a second (PostgreSQL's apply loop naps
-- 1 s) before it marks a synchronized table ready or starts the next table's
-- synchronization.  conn: an idle connection to the source (none in a transaction).
CREATE FUNCTION @extschema@.move_nudge(conn text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dblink_exec(conn, 'BEGIN; SET LOCAL synchronous_commit = on; SELECT pg_catalog.pg_current_xact_id(); COMMIT');
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_nudge(text) FROM PUBLIC;

-- Publishes what the move's publication lacks of the given tables (with the same row
-- filter), and makes the subscription copy every table of the publication it does not
-- have yet (ALTER SUBSCRIPTION ... REFRESH PUBLICATION): a table that grew past
-- move_switch_copy_rows(false) before the switch.  Such a table's rows of the tenants on
-- the target can only be an earlier switch's of this same move (the target then serves
-- the bucket under its mark; no one else writes there): they go first, as the table's
-- synchronization copies them all again.
CREATE FUNCTION @extschema@.move_publish(source_conn text, target_conn text, name text, tenants text[], tables text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    published text[] := @extschema@.move_published_tables(source_conn, name);
    subscribed text[];
    adding text[];
BEGIN
    IF cardinality(ARRAY(SELECT unnest(tables) EXCEPT SELECT unnest(published))) > 0 THEN
        PERFORM dblink_exec(source_conn, format('ALTER PUBLICATION %I ADD TABLE %s', name,
            (SELECT string_agg(format('customer_identity.%I WHERE (tenant_id = ANY (%L::text[]))', x.t, tenants), ', ')
               FROM (SELECT unnest(tables) EXCEPT SELECT unnest(published)) AS x(t))));
        published := @extschema@.move_published_tables(source_conn, name);
    END IF;
    SELECT COALESCE(array_agg(x.t), '{}') INTO subscribed FROM dblink(target_conn, format(
        'SELECT c.relname::text FROM pg_catalog.pg_subscription_rel r JOIN pg_catalog.pg_subscription s ON s.oid = r.srsubid'
        ' JOIN pg_catalog.pg_class c ON c.oid = r.srrelid WHERE s.subname = %L'
        ' AND c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ''customer_identity'')', name)) AS x(t text);
    adding := ARRAY(SELECT unnest(published) EXCEPT SELECT unnest(subscribed));
    IF cardinality(adding) > 0 THEN
        PERFORM dblink_exec(target_conn, 'BEGIN; SET LOCAL session_replication_role = replica; '
            || (SELECT string_agg(format('DELETE FROM customer_identity.%I t WHERE t.tenant_id = ANY (%L::text[])', x.name, tenants), '; ')
                  FROM @extschema@.tenant_tables() x WHERE x.name = ANY (adding))
            || '; COMMIT');
        PERFORM dblink_exec(target_conn, format('ALTER SUBSCRIPTION %I REFRESH PUBLICATION WITH (copy_data = true)', name));
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_publish(text, text, text, text[], text[]) FROM PUBLIC;

-- Waits until the subscription has copied every table of the move's publication
-- (published; each ready: copied, and caught up with the changes since), then vacuums the
-- given tables on the target (their new pages all-visible: the switch's comparison reads
-- indexes only).  Polls the target with a short backoff (1 ms, doubling to 10 ms) and wakes
-- the apply worker (move_nudge) when a table waits for it: synchronized, to be marked
-- ready; or not started while a synchronization worker is free
-- (max_sync_workers_per_subscription), twice in a row.  Raises if the subscription's
-- workers fail on the target meanwhile, or it is gone.
CREATE FUNCTION @extschema@.move_wait_copied(source_conn text, target_conn text, name text, published text[], vacuum_tables text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    found boolean;
    pending bigint;
    synchronized bigint;
    unstarted bigint;
    unstarted_before bigint := 0;
    subscribed bigint;
    errors bigint;
    errors_before bigint;
    pause float8 := 0.001;
BEGIN
    LOOP
        -- (the subscription; its tables not ready, and waiting for the apply worker; all of
        -- them; the workers' errors so far)
        SELECT x.f, x.p, x.s, x.i, x.n, x.e INTO found, pending, synchronized, unstarted, subscribed, errors FROM dblink(target_conn, format(
            'SELECT count(s.oid) > 0, count(r.srrelid) FILTER (WHERE r.srsubstate <> ''r''),'
            ' count(r.srrelid) FILTER (WHERE r.srsubstate = ''s''),'
            ' count(r.srrelid) FILTER (WHERE r.srsubstate = ''i'''
            '   AND (SELECT count(*) FROM pg_catalog.pg_stat_subscription w WHERE w.subname = %1$L AND w.relid IS NOT NULL)'
            '       < pg_catalog.current_setting(''max_sync_workers_per_subscription'')::integer),'
            ' count(r.srrelid),'
            ' COALESCE((SELECT apply_error_count + sync_error_count FROM pg_catalog.pg_stat_subscription_stats WHERE subname = %1$L), 0)'
            ' FROM pg_catalog.pg_subscription s LEFT JOIN pg_catalog.pg_subscription_rel r ON r.srsubid = s.oid WHERE s.subname = %1$L',
            name)) AS x(f boolean, p bigint, s bigint, i bigint, n bigint, e bigint);
        IF NOT found THEN
            RAISE EXCEPTION 'the move''s subscription % is gone from the target', name USING ERRCODE = '55000',
                HINT = 'Run the same move again: it subscribes again.';
        END IF;
        errors_before := COALESCE(errors_before, errors);
        EXIT WHEN pending = 0 AND subscribed = cardinality(published);
        IF errors > errors_before THEN
            RAISE EXCEPTION 'the move''s subscription % fails on the target', name USING ERRCODE = '55000',
                HINT = 'The target''s server log says why; once fixed, run the same move again.';
        END IF;
        IF synchronized > 0 OR (unstarted > 0 AND unstarted_before > 0) THEN
            PERFORM @extschema@.move_nudge(source_conn);
        END IF;
        unstarted_before := unstarted;
        PERFORM pg_catalog.pg_sleep(pause);
        pause := least(pause * 2, 0.01);
    END LOOP;
    RAISE DEBUG 'ci move of bucket %: ready: % at %', pg_catalog.split_part(name, '_', 3), array_to_string(published, ' '),
        pg_catalog.to_char(pg_catalog.clock_timestamp(), 'HH24:MI:SS.US');
    IF cardinality(vacuum_tables) > 0 THEN
        PERFORM dblink_exec(target_conn, 'VACUUM ' || (SELECT string_agg('customer_identity.' || quote_ident(t), ', ') FROM unnest(vacuum_tables) AS t));
        RAISE DEBUG 'ci move of bucket %: vacuumed at %', pg_catalog.split_part(name, '_', 3), pg_catalog.to_char(pg_catalog.clock_timestamp(), 'HH24:MI:SS.US');
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_wait_copied(text, text, text, text[], text[]) FROM PUBLIC;

-- Waits until the target has applied every change of the source up to its WAL position
-- now (the move's replication slot on the source confirms it), for at most the given time
-- (NULL: as long as it takes); returns whether it got there.  Polls with a short backoff
-- (1 ms, doubling to 10 ms).  The source's WAL up to there must be flushed before the
-- slot's walsender can send it, and the apply worker may be asleep: a nudge (move_nudge)
-- does both -- through nudge_conn, the source connection when it is idle, else (in the
-- switch, whose transaction on the source holds the write lock) a connection of its own
-- to nudge_conninfo, opened the first time it is needed.  Raises if the subscription's
-- workers fail on the target meanwhile.
CREATE FUNCTION @extschema@.move_catch_up(source_conn text, target_conn text, name text, at_most interval,
                                          nudge_conn text, nudge_conninfo text) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE
    goal pg_lsn;
    confirmed pg_lsn;
    errors bigint;
    errors_before bigint;
    deadline timestamptz := clock_timestamp() + at_most;
    pause float8 := 0.001;
    nudged boolean := false;
BEGIN
    SELECT x.l INTO goal FROM dblink(source_conn, 'SELECT pg_catalog.pg_current_wal_lsn()') AS x(l pg_lsn);
    LOOP
        SELECT x.l INTO confirmed FROM dblink(source_conn, format(
            'SELECT confirmed_flush_lsn FROM pg_catalog.pg_replication_slots WHERE slot_name = %L', name)) AS x(l pg_lsn);
        IF confirmed >= goal THEN
            RETURN true;
        ELSIF clock_timestamp() > deadline THEN
            RETURN false;
        END IF;
        SELECT x.e INTO errors FROM dblink(target_conn, format(
            'SELECT COALESCE((SELECT apply_error_count + sync_error_count FROM pg_catalog.pg_stat_subscription_stats WHERE subname = %L), 0)', name)) AS x(e bigint);
        errors_before := COALESCE(errors_before, errors);
        IF errors > errors_before THEN
            RAISE EXCEPTION 'the move''s subscription % fails on the target', name USING ERRCODE = '55000',
                HINT = 'The target''s server log says why; once fixed, run the same move again.';
        END IF;
        IF NOT nudged THEN
            IF NOT nudge_conn = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
                PERFORM dblink_connect(nudge_conn, nudge_conninfo);
            END IF;
            PERFORM @extschema@.move_nudge(nudge_conn);
            nudged := true;
        END IF;
        PERFORM pg_catalog.pg_sleep(pause);
        pause := least(pause * 2, 0.01);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_catch_up(text, text, text, interval, text, text) FROM PUBLIC;

-- The switch, in the caller's proxy transaction: the bucket's routing lock, the source's
-- write lock of the bucket (without waiting more than 0.1 s), the late tenants' rows, the
-- catch-up (at most 1 s: the bucket's calls wait meanwhile; after either it returns
-- 'waiting: ' and why, and the caller rolls back, lets the target catch up and tries
-- again), the rows of the tables not published (switch_tables), the comparison, and the
-- target's commit serving the bucket under the move's mark.  Leaves the source's
-- transaction open (it holds the write lock; the caller commits it once the directory
-- names the target).  Returns the rows' summary.
CREATE FUNCTION @extschema@.move_switch(move @extschema@.bucket_move, source_conn text, target_conn text, switch_tables text[]) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    name text := @extschema@.move_replication_name(move.bucket, move.move_id);
    tenants text[];
    late text[];
    replacing boolean;
    source_summary text;
    target_summary text;
BEGIN
    PERFORM @extschema@.move_lock_bucket(move.bucket);
    PERFORM dblink_exec(source_conn, 'BEGIN');
    PERFORM dblink_exec(source_conn, 'SET LOCAL lock_timeout = ''100ms''');
    BEGIN
        PERFORM * FROM dblink(source_conn, format('SELECT customer_identity.bucket_write_lock(%s, true, true)', move.bucket)) AS x(b boolean);
    EXCEPTION WHEN lock_not_available THEN
        PERFORM dblink_exec(source_conn, 'ROLLBACK');
        -- (a transaction that wrote the bucket there is still open: pg_locks on the source
        -- shows it, an advisory lock of classid 1128878146 and objid the bucket)
        RETURN 'waiting: writers on the source';
    END;
    PERFORM dblink_exec(source_conn, 'SET LOCAL lock_timeout = 0');
    PERFORM @extschema@.move_step(move.bucket, 'switching');
    SELECT COALESCE(array_agg(x.t), '{}') INTO tenants FROM dblink(source_conn, @extschema@.bucket_tenants_query(move.bucket)) AS x(t text);
    late := ARRAY(SELECT unnest(tenants) EXCEPT SELECT unnest(move.tenants));
    IF NOT @extschema@.move_catch_up(source_conn, target_conn, name, '1 s', 'ci_move_nudge',
                                     (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard)) THEN
        PERFORM dblink_exec(source_conn, 'ROLLBACK');
        RETURN 'waiting: the target lags';
    END IF;
    PERFORM dblink_exec(target_conn, 'BEGIN; SET LOCAL session_replication_role = replica');
    -- rows of the bucket on the target that the replication did not write can only be an
    -- earlier switch's of this move (the target then serves the bucket under its mark)
    replacing := (SELECT x.m FROM dblink(target_conn, format('SELECT move_id FROM customer_identity.served_bucket WHERE bucket = %s',
                                                             move.bucket)) AS x(m text)) IS NOT DISTINCT FROM move.move_id;
    IF cardinality(late) > 0 THEN
        -- anything else stops the move, and stays
        IF NOT replacing
           AND (SELECT sum(x.n) FROM @extschema@.tenant_tables() t, LATERAL dblink(target_conn, format(
                   'SELECT count(*) FROM customer_identity.%I WHERE tenant_id = ANY (%L::text[])', t.name, late)) AS x(n bigint)) > 0 THEN
            RAISE EXCEPTION 'bucket %: shard % holds rows of tenants % that no run of this move copied', move.bucket, move.to_shard, late
                USING ERRCODE = '55000',
                HINT = 'They were written where the bucket was not served: compare them with the source''s, delete them on the target, then run the same move again.';
        END IF;
        PERFORM @extschema@.move_copy_tenants(source_conn, target_conn, late, ARRAY(SELECT x.name FROM @extschema@.tenant_tables() x), replacing);
    END IF;
    PERFORM @extschema@.move_copy_tenants(source_conn, target_conn, ARRAY(SELECT unnest(tenants) EXCEPT SELECT unnest(late)), switch_tables, replacing);
    -- both sides at once
    PERFORM dblink_send_query(source_conn, @extschema@.bucket_summary_query(tenants));
    PERFORM dblink_send_query(target_conn, @extschema@.bucket_summary_query(tenants));
    SELECT x.s INTO source_summary FROM dblink_get_result(source_conn) AS x(s text);
    PERFORM * FROM dblink_get_result(source_conn) AS x(s text);
    SELECT x.s INTO target_summary FROM dblink_get_result(target_conn) AS x(s text);
    PERFORM * FROM dblink_get_result(target_conn) AS x(s text);
    IF source_summary IS DISTINCT FROM target_summary THEN
        RAISE EXCEPTION 'bucket %: the target''s rows differ from the source''s after catching up (source: %; target: %)',
            move.bucket, source_summary, target_summary USING ERRCODE = 'XX000',
            HINT = 'Nothing was switched; the bucket stays on the source.  Run the same move again.';
    END IF;
    PERFORM @extschema@.move_step(move.bucket, 'switching: target checked');
    PERFORM dblink_exec(target_conn, format('DELETE FROM customer_identity.moved_bucket WHERE bucket = %s', move.bucket));
    PERFORM dblink_exec(target_conn, format(
        'INSERT INTO customer_identity.served_bucket (bucket, move_id) VALUES (%s, %L)'
        ' ON CONFLICT (bucket) DO UPDATE SET move_id = excluded.move_id, served_at = now()', move.bucket, move.move_id));
    PERFORM dblink_exec(target_conn, @extschema@.forget_settings_query());
    PERFORM dblink_exec(target_conn, 'COMMIT');
    PERFORM @extschema@.move_step(move.bucket, 'switching: target serves');
    RETURN source_summary;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_switch(@extschema@.bucket_move, text, text, text[]) FROM PUBLIC;

-- Drops a replication slot on a shard, ending the walsender that still uses it (the
-- subscription that did is gone), for at most about 5 s.
CREATE FUNCTION @extschema@.move_drop_slot(conn text, slot text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    pause float8 := 0.001;
BEGIN
    FOR i IN 1..60 LOOP
        PERFORM * FROM dblink(conn, format(
            'SELECT pg_catalog.pg_terminate_backend(active_pid) FROM pg_catalog.pg_replication_slots'
            ' WHERE slot_name = %L AND active_pid IS NOT NULL', slot)) AS x(b boolean);
        BEGIN
            PERFORM * FROM dblink(conn, format(
                'SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots WHERE slot_name = %L', slot)) AS x(v text);
            RETURN;
        EXCEPTION WHEN object_in_use THEN
            PERFORM pg_catalog.pg_sleep(pause);  -- the walsender is still ending (a few ms)
            pause := least(pause * 2, 0.1);
        END;
    END LOOP;
    RAISE EXCEPTION 'replication slot % stays in use', slot USING ERRCODE = '55006';
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_drop_slot(text, text) FROM PUBLIC;

-- Drops what a move of the bucket left on the source and the target: the subscription
-- (first: nothing the source deletes afterwards may reach the target), its replication
-- slots (the move's and its table copies') and the publication.  keep: a move's name
-- whose subscription stays (the move in progress), or NULL.
CREATE FUNCTION @extschema@.move_drop_replication(bucket integer, source_conn text, target_conn text, keep text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r record;
    slot record;
BEGIN
    FOR r IN SELECT x.name, x.oid FROM dblink(target_conn, format(
                 'SELECT subname::text, oid::bigint FROM pg_catalog.pg_subscription WHERE subname LIKE %L AND subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())',
                 format('ci\_move\_%s\_%%', bucket))) AS x(name text, oid bigint)
             WHERE x.name IS DISTINCT FROM keep LOOP
        -- (its slot is dropped on the source below, whether the source answers or not)
        PERFORM dblink_exec(target_conn, format('ALTER SUBSCRIPTION %I DISABLE', r.name));
        PERFORM dblink_exec(target_conn, format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', r.name));
        PERFORM dblink_exec(target_conn, format('DROP SUBSCRIPTION %I', r.name));
        FOR slot IN SELECT x.name FROM dblink(source_conn, format(
                     'SELECT slot_name::text FROM pg_catalog.pg_replication_slots WHERE slot_name = %L OR slot_name LIKE %L',
                     r.name, format('pg\_%s\_sync\_%%', r.oid))) AS x(name text) LOOP
            PERFORM @extschema@.move_drop_slot(source_conn, slot.name);
        END LOOP;
    END LOOP;
    -- slots and publications of the bucket's moves that no subscription uses
    FOR r IN SELECT x.slot FROM dblink(source_conn, format(
                 'SELECT slot_name::text FROM pg_catalog.pg_replication_slots WHERE slot_name LIKE %L AND NOT active',
                 format('ci\_move\_%s\_%%', bucket))) AS x(slot text)
             WHERE x.slot IS DISTINCT FROM keep LOOP
        PERFORM @extschema@.move_drop_slot(source_conn, r.slot);
    END LOOP;
    FOR r IN SELECT x.pub FROM dblink(source_conn, format(
                 'SELECT pubname::text FROM pg_catalog.pg_publication WHERE pubname LIKE %L', format('ci\_move\_%s\_%%', bucket))) AS x(pub text)
             WHERE x.pub IS DISTINCT FROM keep LOOP
        PERFORM dblink_exec(source_conn, format('DROP PUBLICATION %I', r.pub));
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_drop_replication(integer, text, text, text) FROM PUBLIC;

-- The bucket's rows of its tenants on the target, as move_bucket finds them before it
-- subscribes: a killed earlier run of the same move (the target serves the bucket under its
-- mark) left them, and they go; any others stop the move (55000), named, and stay.
CREATE FUNCTION @extschema@.move_check_target(move @extschema@.bucket_move, target_conn text) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    t record;
    mark text;
    served boolean;
    found text[];
    stray bigint := 0;
    named text := '';
    n bigint;
    keys text;
BEGIN
    -- (in one round trip: whether and under which mark the target serves the bucket, and
    -- the bucket's tenants it holds rows of)
    SELECT x.m, x.s, x.f INTO mark, served, found FROM dblink(target_conn, format(
        'SELECT (SELECT move_id FROM customer_identity.served_bucket WHERE bucket = %1$s),'
        ' EXISTS (SELECT FROM customer_identity.served_bucket WHERE bucket = %1$s), ARRAY(%2$s)',
        move.bucket, @extschema@.bucket_tenants_query(move.bucket))) AS x(m text, s boolean, f text[]);
    IF cardinality(found) > 0 AND mark IS DISTINCT FROM move.move_id THEN
        FOR t IN SELECT * FROM @extschema@.tenant_tables() LOOP
            SELECT x.c, x.k INTO n, keys FROM dblink(target_conn, format(
                'SELECT count(*), string_agg(k, '' '') FILTER (WHERE n <= 5) FROM (SELECT ROW(%2$s)::text AS k,'
                ' row_number() OVER (ORDER BY %2$s) AS n FROM customer_identity.%1$I t'
                ' WHERE t.tenant_id = ANY (%3$L::text[])) s', t.name, t.row_order, found))
                AS x(c bigint, k text);
            IF n > 0 THEN
                stray := stray + n;
                named := named || format('%s%s: %s rows %s%s', CASE WHEN named = '' THEN '' ELSE '; ' END,
                                         t.name, n, keys, CASE WHEN n > 5 THEN ' ...' ELSE '' END);
            END IF;
        END LOOP;
        RAISE EXCEPTION 'bucket %: shard % holds % rows of it that no run of this move copied: %',
            move.bucket, move.to_shard, stray, named USING ERRCODE = '55000',
            HINT = 'They were written where the bucket was not served (before customer_identity 0.10.0, or by hand): compare them with the source''s, keep what must stay through the serving shard, delete them on the target, then run the same move again.';
    END IF;
    -- the target does not serve the bucket while it is copied (the subscription writes it);
    -- what a killed earlier run of this move left goes (nothing to do on a first run)
    IF served OR cardinality(found) > 0 THEN
        PERFORM dblink_exec(target_conn, 'BEGIN; SET LOCAL session_replication_role = replica; '
            || COALESCE((SELECT string_agg(format('DELETE FROM customer_identity.%I t WHERE t.tenant_id = ANY (%L::text[]); ', x.name, found), '')
                           FROM @extschema@.tenant_tables() x WHERE cardinality(found) > 0), '')
            || format('DELETE FROM customer_identity.served_bucket WHERE bucket = %s; ', move.bucket)
            || @extschema@.forget_settings_query() || '; COMMIT');
    END IF;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_check_target(@extschema@.bucket_move, text) FROM PUBLIC;

-- move_bucket: online (above).  Run it as a superuser, outside a transaction block, on a
-- proxy whose shards have wal_level = logical and reach each other with the conninfo
-- add_shard was given (the target's subscription connects to the source with it, as the
-- target server's user or the user it names: one allowed to replicate).
CREATE OR REPLACE PROCEDURE @extschema@.move_bucket(bucket integer, to_shard integer)
    LANGUAGE plpgsql AS $$
DECLARE
    move @extschema@.bucket_move;
    source_conn text := 'ci_move_source';
    target_conn text := 'ci_move_target';
    name text;
    subscribed boolean;
    published text[];
    selects text[];
    inserts text[];
    grown text[];
    summary text;
    moved bigint := 0;
    tenants text[];
BEGIN
    RAISE DEBUG 'ci move of bucket %: called at %', bucket, pg_catalog.to_char(pg_catalog.clock_timestamp(), 'HH24:MI:SS.US');
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
    name := @extschema@.move_replication_name(move.bucket, move.move_id);

    IF move.phase = 'copying' THEN
        PERFORM @extschema@.move_step(bucket, 'preparing');
        BEGIN  -- on any error the shards' transactions end with their connections
        PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard));
        PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.to_shard));
        IF (SELECT x.w FROM dblink(source_conn, 'SELECT pg_catalog.current_setting(''wal_level'')') AS x(w text)) <> 'logical' THEN
            RAISE EXCEPTION 'shard % has wal_level %, a move needs logical', move.from_shard,
                (SELECT x.w FROM dblink(source_conn, 'SELECT pg_catalog.current_setting(''wal_level'')') AS x(w text))
                USING ERRCODE = '55000', HINT = 'Set wal_level = logical on every shard (a restart); then run the same move again.';
        END IF;
        -- what other, abandoned moves of the bucket left on these shards
        PERFORM @extschema@.move_drop_replication(bucket, source_conn, target_conn, name);
        SELECT x.e INTO subscribed FROM dblink(target_conn, format(
            'SELECT EXISTS (SELECT FROM pg_catalog.pg_subscription WHERE subname = %L)', name)) AS x(e boolean);
        IF NOT subscribed THEN
            -- (the source reads the bucket's tenants while the target is checked)
            PERFORM dblink_send_query(source_conn, @extschema@.bucket_tenants_query(move.bucket));
            PERFORM @extschema@.move_check_target(move, target_conn);
            UPDATE @extschema@.bucket_move m SET tenants = (
                SELECT COALESCE(array_agg(x.t), '{}') FROM dblink_get_result(source_conn) AS x(t text))
             WHERE m.bucket = move.bucket RETURNING * INTO move;
            PERFORM * FROM dblink_get_result(source_conn) AS x(t text);
        END IF;
        EXCEPTION WHEN OTHERS THEN
            PERFORM @extschema@.move_disconnect();
            RAISE;
        END;
        COMMIT;  -- (a replication slot is made only once no transaction is open on its server)
        PERFORM @extschema@.move_search_path();

        BEGIN
        IF NOT subscribed THEN
            -- a publication of the bucket's tenants' rows, and the target's subscription to it
            -- (an earlier run killed before subscribing left the publication, or the slot):
            -- of the tables that hold more than a few rows of the bucket (the switch copies
            -- the others: move_switch_copy_rows)
            -- (a killed run's first copy: its backends end within a second of their mover,
            -- rolling back; any still there are ended now)
            PERFORM * FROM dblink(source_conn, format(
                'SELECT pg_catalog.pg_terminate_backend(pid, 5000) FROM pg_catalog.pg_stat_activity WHERE application_name = %L',
                name || ' copy')) AS x(b boolean);
            PERFORM * FROM dblink(target_conn, format(
                'SELECT pg_catalog.pg_terminate_backend(pid, 5000) FROM pg_catalog.pg_stat_activity WHERE application_name = %L',
                name || ' copy')) AS x(b boolean);
            IF (SELECT x.e FROM dblink(source_conn, format('SELECT EXISTS (SELECT FROM pg_catalog.pg_publication WHERE pubname = %1$L)'
                                                         ' OR EXISTS (SELECT FROM pg_catalog.pg_replication_slots WHERE slot_name = %1$L)', name))
                               AS x(e boolean)) THEN
                PERFORM dblink_exec(source_conn, format('DROP PUBLICATION IF EXISTS %I', name));
                PERFORM @extschema@.move_drop_slot(source_conn, name);
            END IF;
            published := @extschema@.move_tables_over(source_conn, move.tenants,
                ARRAY(SELECT x.name FROM @extschema@.tenant_tables() x WHERE NOT x.name = ANY (@extschema@.move_switch_tables())),
                @extschema@.move_switch_copy_rows(true));
            PERFORM dblink_exec(source_conn, format('CREATE PUBLICATION %I %s WITH (publish = %L)', name,
                (SELECT 'FOR TABLE ' || string_agg(format('customer_identity.%I WHERE (tenant_id = ANY (%L::text[]))', x.name, move.tenants), ', ')
                   FROM @extschema@.tenant_tables() x WHERE x.name = ANY (published)),
                'insert, update, delete'));  -- (never truncate: that would empty the target's table)
            -- the first copy (src/store/move_copy.cpp): the slot made with an exported
            -- snapshot; the published tables' rows of the bucket as of that snapshot streamed
            -- from the source's COPY into the target's (the columns as the target has them);
            -- and, in the same transaction on the target, its subscription to the slot, which
            -- applies what committed on the source after the snapshot
            PERFORM @extschema@.move_step(bucket, 'copying');
            SELECT COALESCE(array_agg(pg_catalog.format('COPY (SELECT %s FROM %s) TO STDOUT', x.qualified,
                                                        @extschema@.move_rows_of(x.t, move.tenants)) ORDER BY t.ord), '{}'),
                   COALESCE(array_agg(pg_catalog.format('COPY customer_identity.%I (%s) FROM STDIN', x.t, x.plain) ORDER BY t.ord), '{}')
              INTO selects, inserts
              FROM dblink(target_conn, pg_catalog.format(
                       'SELECT c.relname::text, string_agg(quote_ident(a.attname), '', '' ORDER BY a.attnum),'
                       ' string_agg(''t.'' || quote_ident(a.attname), '', '' ORDER BY a.attnum)'
                       ' FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid'
                       ' WHERE c.relnamespace = ''customer_identity''::regnamespace AND c.relname = ANY (%L::text[])'
                       ' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '''' GROUP BY 1', published))
                   AS x(t text, plain text, qualified text)
              JOIN @extschema@.tenant_tables() WITH ORDINALITY AS t(name, row_order, ord) ON t.name = x.t;
            PERFORM @extschema@.move_copy_rows(
                (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard),
                (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.to_shard),
                name, selects, inserts,
                -- (the scale-out suite kills a move with the rows sent and the subscription
                -- not yet made: the target's transaction waits here)
                CASE WHEN pg_catalog.current_setting('customer_identity_proxy.move_pause_at', true) = 'copying: rows sent'
                     THEN 'SELECT pg_catalog.pg_sleep(3600); ' ELSE '' END
                || pg_catalog.format('CREATE SUBSCRIPTION %1$I CONNECTION %2$L PUBLICATION %1$I'
                                     ' WITH (slot_name = %1$L, create_slot = false, copy_data = false, synchronous_commit = ''on'')',
                                     name, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard)));
        ELSE
            -- (a run killed while it published a table that grew left it unsubscribed)
            PERFORM @extschema@.move_publish(source_conn, target_conn, name, move.tenants, '{}');
            published := @extschema@.move_published_tables(source_conn, name);
        END IF;
        PERFORM @extschema@.move_step(bucket, 'subscribed');
        -- its tables ready (one published when it grew, move_publish, is copied by the
        -- subscription's own workers), caught up with the changes since
        PERFORM @extschema@.move_wait_copied(source_conn, target_conn, name, published, published);
        -- close to the source before the switch, so that the switch's catch-up is short
        PERFORM @extschema@.move_catch_up(source_conn, target_conn, name, NULL, source_conn, NULL);
        PERFORM @extschema@.move_step(bucket, 'copied');
        EXCEPTION WHEN OTHERS THEN
            PERFORM @extschema@.move_disconnect();
            RAISE;
        END;

        -- The switch: calls of the bucket wait from here until the directory names the target.
        LOOP
            BEGIN
            -- a table left to the switch that has grown meanwhile is published and copied first
            grown := @extschema@.move_tables_over(source_conn, move.tenants,
                ARRAY(SELECT x.name FROM @extschema@.tenant_tables() x
                       WHERE NOT x.name = ANY (published) AND NOT x.name = ANY (@extschema@.move_switch_tables())),
                @extschema@.move_switch_copy_rows(false));
            IF cardinality(grown) > 0 THEN
                RAISE NOTICE 'bucket %: % grew past % rows of the bucket during the move: published, copied before the switch',
                    bucket, array_to_string(grown, ', '), @extschema@.move_switch_copy_rows(false);
                PERFORM @extschema@.move_publish(source_conn, target_conn, name, move.tenants, grown);
                published := @extschema@.move_published_tables(source_conn, name);
                PERFORM @extschema@.move_wait_copied(source_conn, target_conn, name, published, grown);
                PERFORM @extschema@.move_catch_up(source_conn, target_conn, name, NULL, source_conn, NULL);
            END IF;
            summary := @extschema@.move_switch(move, source_conn, target_conn,
                ARRAY(SELECT x.name FROM @extschema@.tenant_tables() x WHERE NOT x.name = ANY (published)));
            EXCEPTION WHEN OTHERS THEN
                PERFORM @extschema@.move_disconnect();
                RAISE;
            END;
            EXIT WHEN summary NOT LIKE 'waiting: %';
            -- a direct writer of the bucket on the source kept its write lock, or the target
            -- lagged: calls go on meanwhile
            ROLLBACK;
            PERFORM @extschema@.move_search_path();
            PERFORM @extschema@.move_step(bucket, summary);
            PERFORM pg_sleep(0.4);
            BEGIN
            PERFORM @extschema@.move_catch_up(source_conn, target_conn, name, NULL, source_conn, NULL);
            EXCEPTION WHEN OTHERS THEN
                PERFORM @extschema@.move_disconnect();
                RAISE;
            END;
        END LOOP;
        UPDATE @extschema@.bucket_directory d SET shard = move.to_shard WHERE d.bucket = move.bucket;
        UPDATE @extschema@.bucket_move m SET phase = 'cleaning' WHERE m.bucket = move.bucket;
        COMMIT;  -- calls go to the target from here
        PERFORM @extschema@.move_search_path();
        PERFORM @extschema@.move_step(bucket, 'switched');
        BEGIN
        -- the source refuses the bucket's writes from this commit on (the direct writers
        -- that waited for its write lock too)
        PERFORM dblink_exec(source_conn, format(
            'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%1$s) ON CONFLICT DO NOTHING;'
            ' DELETE FROM customer_identity.served_bucket WHERE bucket = %1$s', bucket));
        PERFORM dblink_exec(source_conn, @extschema@.forget_settings_query());
        PERFORM dblink_exec(source_conn, 'COMMIT');
        EXCEPTION WHEN OTHERS THEN
            PERFORM @extschema@.move_disconnect();
            RAISE;
        END;
        SELECT COALESCE(sum(split_part(split_part(x, '=', 2), ':', 1)::bigint), 0) INTO moved
          FROM unnest(string_to_array(summary, ' ')) AS x;
        move.phase := 'cleaning';
    END IF;

    -- The replication goes first (nothing deleted on the source may reach the target), then
    -- the source's copy of the bucket (its triggers off: the audit trail moved).
    PERFORM @extschema@.move_step(bucket, 'cleaning');
    BEGIN
    IF NOT source_conn = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
        PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard));
    END IF;
    IF NOT target_conn = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
        PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.to_shard));
    END IF;
    PERFORM @extschema@.move_drop_replication(bucket, source_conn, target_conn, NULL);
    PERFORM @extschema@.move_step(bucket, 'cleaning: replication dropped');
    PERFORM dblink_exec(source_conn, 'BEGIN');
    -- (again: a run killed between the directory change and the source's commit lost it)
    PERFORM dblink_exec(source_conn, format(
        'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%1$s) ON CONFLICT DO NOTHING;'
        ' DELETE FROM customer_identity.served_bucket WHERE bucket = %1$s', bucket));
    PERFORM dblink_exec(source_conn, 'SET LOCAL session_replication_role = replica');
    -- (by the bucket's tenants, as the source's indexes find them now that it is fenced)
    SELECT COALESCE(array_agg(x.t), '{}') INTO tenants FROM dblink(source_conn, @extschema@.bucket_tenants_query(move.bucket)) AS x(t text);
    PERFORM dblink_exec(source_conn, format('DELETE FROM customer_identity.%I t WHERE t.tenant_id = ANY (%L::text[])',
                                            t.name, tenants))
       FROM @extschema@.tenant_tables() t;
    PERFORM dblink_exec(source_conn, @extschema@.forget_settings_query());
    PERFORM dblink_exec(source_conn, 'COMMIT');
    EXCEPTION WHEN OTHERS THEN
        PERFORM @extschema@.move_disconnect();
        RAISE;
    END;
    PERFORM @extschema@.move_disconnect();
    DELETE FROM @extschema@.bucket_move m WHERE m.bucket = move.bucket;
    COMMIT;
    PERFORM pg_catalog.set_config('application_name', '', false);
    RAISE DEBUG 'ci move of bucket %: done at %', bucket, pg_catalog.to_char(pg_catalog.clock_timestamp(), 'HH24:MI:SS.US');
    RAISE NOTICE 'bucket % moved from shard % to shard % (% rows)', bucket, move.from_shard, move.to_shard, moved;
END $$;
REVOKE ALL ON PROCEDURE @extschema@.move_bucket(integer, integer) FROM PUBLIC;

------------------------------------------------------------------------------
-- The hop: the proxy's own connections to the shards (issue 29)
------------------------------------------------------------------------------
-- A proxied hit cost 5-6x the same hit on the shard through PL/Proxy: its RUN ON query
-- (SPI) on the proxy, and on the shard an unnamed statement parsed and planned for every
-- call (PL/Proxy prepares nothing).  The API functions routed to one shard (by tenant,
-- token or id, or any shard) now send their call themselves (src/store/shard_connection.cpp):
-- routed by the C directory, on the backend's own libpq connection to the shard -- one per
-- shard and role, made as PL/Proxy makes its own (the partition's conninfo from this
-- server's options, the user and password of the role's user mapping) -- with
-- SELECT customer_identity.proxied_call('<name>', $1::<type>, ...) prepared once per
-- connection.  What runs on every shard (administration, a NULL tenant that means every
-- tenant) stays with PL/Proxy (RUN ON ALL).  A role that is not a superuser must have a
-- password in its user mapping, which the shard asks for (postgres_fdw's rule: 2F003).

-- This backend's connections to the shards: the shard backend serving each (role) and the
-- statements it has prepared.
CREATE FUNCTION @extschema@.shard_connections(OUT shard integer, OUT role name, OUT backend_pid integer,
                                              OUT statements integer)
    RETURNS SETOF record AS '$libdir/customer_identity', 'ci_shard_connections' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.shard_connections() IS
    'this backend''s own connections to the shards (the API calls routed to one shard): shard, role, the shard backend''s pid, statements prepared';

-- Creates the API function <name>, routed to one shard: by its tenant_id ('tenant'; 'tenant
-- or all': a NULL tenant goes to every shard through <name>__remote, RUN ON ALL), its token,
-- its id (the first bigint named *_id), or any shard.
CREATE FUNCTION @extschema@.create_direct_api(name text, arguments text, identity_arguments text, input_arguments text,
                                              result text, route text, argument_types text[]) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', name || '__remote', identity_arguments);
    IF route = 'tenant or all' THEN
        PERFORM @extschema@.create_remote_api(name, identity_arguments, input_arguments, 'RUN ON ALL;', argument_types);
    END IF;
    EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS %s AS %L, %L LANGUAGE C VOLATILE',
                   name, arguments, result, '$libdir/customer_identity',
                   CASE route WHEN 'tenant' THEN 'ci_proxied_call_by_tenant'
                              WHEN 'tenant or all' THEN 'ci_proxied_call_by_tenant_or_all'
                              WHEN 'token' THEN 'ci_proxied_call_by_token'
                              WHEN 'id' THEN 'ci_proxied_call_by_id'
                              ELSE 'ci_proxied_call_on_any' END);
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_direct_api(text, text, text, text, text, text, text[]) FROM PUBLIC;


