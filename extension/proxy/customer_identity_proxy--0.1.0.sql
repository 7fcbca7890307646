-- customer_identity_proxy 0.1.0: the proxy side of a sharded customer_identity.
--
-- A proxy database holds no customers.  It knows the shards (PL/Proxy cluster
-- customer_identity_shards, partition n = shard n), which shard serves each of the 1024
-- tenant buckets (bucket_directory), and exposes the customer_identity SQL API under the
-- same names, arguments, defaults and results: create_api() generates each function from
-- the shards' own catalog, routed by its tenant, its id or its token.
\echo Use "CREATE EXTENSION customer_identity_proxy CASCADE" to load this file. \quit

------------------------------------------------------------------------------
-- Routing keys: the shards' own code (the customer_identity module, src/shard_key.cpp)
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tenant_bucket(tenant_id text) RETURNS integer
    AS '$libdir/customer_identity', 'ci_tenant_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.id_bucket(id bigint) RETURNS integer
    AS '$libdir/customer_identity', 'ci_id_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.token_bucket(token text) RETURNS integer
    AS '$libdir/customer_identity', 'ci_token_bucket' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

------------------------------------------------------------------------------
-- The shards and the directory
------------------------------------------------------------------------------
CREATE TABLE @extschema@.shard (
    shard    integer PRIMARY KEY CHECK (shard >= 0),
    conninfo text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.shard IS
    'the shards: shard n is partition pn of the PL/Proxy server customer_identity_shards (conninfo without passwords: those go in user mappings)';
CREATE TABLE @extschema@.bucket_directory (
    bucket integer PRIMARY KEY CHECK (bucket BETWEEN 0 AND 1023),
    shard  integer NOT NULL REFERENCES @extschema@.shard
);
COMMENT ON TABLE @extschema@.bucket_directory IS
    'which shard serves each tenant bucket (customer_identity.tenant_bucket)';
REVOKE ALL ON @extschema@.shard, @extschema@.bucket_directory FROM PUBLIC;

-- Adds a shard (a database with customer_identity, after enable_sharding(n) with the n
-- this returns); returns its number.  Its buckets come from assign_buckets or moves.
CREATE FUNCTION @extschema@.add_shard(conninfo text) RETURNS integer
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
    END IF;
    RETURN n;
END $$;
REVOKE ALL ON FUNCTION @extschema@.add_shard(text) FROM PUBLIC;

-- Gives every bucket no shard serves yet a shard (bucket mod shard count); returns how many.
CREATE FUNCTION @extschema@.assign_buckets() RETURNS integer
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    shards integer := (SELECT count(*) FROM @extschema@.shard);
    assigned integer;
BEGIN
    IF shards = 0 THEN
        RAISE EXCEPTION 'no shard yet' USING ERRCODE = '55000', HINT = 'SELECT customer_identity.add_shard(conninfo) first.';
    END IF;
    INSERT INTO @extschema@.bucket_directory (bucket, shard)
    SELECT b, b % shards FROM generate_series(0, 1023) AS b
    ON CONFLICT (bucket) DO NOTHING;
    GET DIAGNOSTICS assigned = ROW_COUNT;
    RETURN assigned;
END $$;
REVOKE ALL ON FUNCTION @extschema@.assign_buckets() FROM PUBLIC;

------------------------------------------------------------------------------
-- Routing: RUN ON takes one of these
------------------------------------------------------------------------------
-- The shard serving the bucket.  A move of the bucket holds the bucket's advisory lock
-- exclusively: a call waits until the move is done, then reads where it went.
CREATE FUNCTION @extschema@.route_bucket(bucket integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    serving integer;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1129530448, bucket);  -- 'CIPR', bucket
    SELECT d.shard INTO serving FROM @extschema@.bucket_directory d WHERE d.bucket = route_bucket.bucket;
    IF serving IS NULL THEN
        RAISE EXCEPTION 'no shard serves bucket %', bucket USING ERRCODE = '55000',
            HINT = 'SELECT customer_identity.assign_buckets() after adding the shards.';
    END IF;
    RETURN serving;
END $$;
-- By tenant, id or token; a missing or malformed key goes to bucket 0's shard, which
-- answers with the error a single server gives.
CREATE FUNCTION @extschema@.route_tenant(tenant_id text) RETURNS integer LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT @extschema@.route_bucket(COALESCE(@extschema@.tenant_bucket(tenant_id), 0)) $$;
CREATE FUNCTION @extschema@.route_id(id bigint) RETURNS integer LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT @extschema@.route_bucket(COALESCE(@extschema@.id_bucket(id), 0)) $$;
CREATE FUNCTION @extschema@.route_token(token text) RETURNS integer LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT @extschema@.route_bucket(COALESCE(@extschema@.token_bucket(token), 0)) $$;
-- A NULL tenant where the API means "every tenant" (check_integrity(), list_claims(),
-- set_trust_policy(policy) ...): every shard.
CREATE FUNCTION @extschema@.route_tenant_or_all(tenant_id text) RETURNS SETOF integer LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp AS $$
    SELECT @extschema@.route_tenant(tenant_id) WHERE tenant_id IS NOT NULL
    UNION ALL
    SELECT s.shard FROM @extschema@.all_shards() s WHERE tenant_id IS NULL
$$;
CREATE FUNCTION @extschema@.all_shards() RETURNS TABLE (shard integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT s.shard FROM @extschema@.shard s ORDER BY s.shard $$;

-- Which shard serves a tenant: where an application writes the tables directly
-- (registration by INSERT, ORMs).
CREATE FUNCTION @extschema@.shard_of_tenant(tenant_id text) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT d.shard FROM @extschema@.bucket_directory d
     WHERE d.bucket = @extschema@.tenant_bucket(tenant_id)
$$;
COMMENT ON FUNCTION @extschema@.shard_of_tenant(text) IS
    'the shard that serves the tenant: the one an application connects to for direct writes (registration by INSERT, ORMs)';

------------------------------------------------------------------------------
-- Moving a bucket to another shard (rebalancing, adding a shard)
------------------------------------------------------------------------------
-- A move in progress: written before anything else, so a run that was killed is finished
-- by running the move again.  phase 'copying': the directory still names the source; a
-- copy the target committed is replaced.  phase 'cleaning': the directory names the
-- target; the source's rows are deleted.
CREATE TABLE @extschema@.bucket_move (
    bucket     integer PRIMARY KEY REFERENCES @extschema@.bucket_directory,
    from_shard integer NOT NULL REFERENCES @extschema@.shard,
    to_shard   integer NOT NULL REFERENCES @extschema@.shard,
    phase      text NOT NULL CHECK (phase IN ('copying', 'cleaning')),
    started_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON @extschema@.bucket_move FROM PUBLIC;

-- The shards' tables that hold tenant rows, and the order that names their rows uniquely.
CREATE FUNCTION @extschema@.tenant_tables() RETURNS TABLE (name text, row_order text)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('customer', 'id'), ('vendor', 'id'), ('invite_token', 'id'),
           ('vendor_customer', 'vendor_id, customer_id'), ('identity_claim', 'id'),
           ('identity_event', 'id'), ('trust_policy', 'tenant_id'),
           ('blocked_identifier', 'tenant_id, identifier, value'), ('tenant_binding', 'role_id')
$$;

-- The count and checksum of a bucket's rows of one table, as a query for a shard.
CREATE FUNCTION @extschema@.bucket_checksum_query(tbl text, row_order text, bucket integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT count(*)::text || '':'' || COALESCE(md5(string_agg(to_jsonb(t)::text, '''' ORDER BY %s)), '''')'
                  ' FROM customer_identity.%I t WHERE customer_identity.tenant_bucket(t.tenant_id) = %s',
                  row_order, tbl, bucket)
$$;

-- Moves a bucket (every tenant in it) to another shard, under load.  In one transaction on
-- each side: calls for the bucket wait (its routing lock), the source's tables take no
-- writes (SHARE locks: direct writers of every tenant of that shard wait the copy out), the
-- target receives the bucket's rows with its triggers off (the rows are already checked),
-- both sides' checksums of every table must agree, the target commits, the source marks the
-- bucket moved (moved_bucket: its writes are refused there from now on), the directory
-- names the target, and only then the source's rows are deleted.  Killed at any step, running it
-- again finishes the move (or, before the directory changed, redoes the copy).  Run it as a
-- superuser, outside a transaction block: CALL customer_identity.move_bucket(42, 1).
-- (A procedure that commits cannot pin search_path with SET: it sets it for each of its
-- transactions instead, with dblink's schema.)
CREATE FUNCTION @extschema@.move_search_path() RETURNS void LANGUAGE sql AS $$
    SELECT pg_catalog.set_config('search_path', pg_catalog.format('pg_catalog, %I, pg_temp',
               (SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n
                   ON n.oid = e.extnamespace WHERE e.extname = 'dblink')), true)
$$;
REVOKE ALL ON FUNCTION @extschema@.move_search_path() FROM PUBLIC;

-- Makes the backends of a shard forget their settings caches (tenant policies, blocked
-- values, bindings that arrived or left with the rows), as a query for that shard.
CREATE FUNCTION @extschema@.forget_settings_query() RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'SET LOCAL session_replication_role = origin;'
           ' UPDATE customer_identity.trust_policy SET policy = policy WHERE false;'
           ' UPDATE customer_identity.blocked_identifier SET reason = reason WHERE false;'
           ' UPDATE customer_identity.tenant_binding SET tenant_id = tenant_id WHERE false;'
           ' UPDATE customer_identity.moved_bucket SET bucket = bucket WHERE false'
$$;

-- Closes the move's connections to the shards, if open (their transactions end with them).
CREATE FUNCTION @extschema@.move_disconnect() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY ARRAY['ci_move_source', 'ci_move_target'] LOOP
        IF c = ANY (COALESCE(dblink_get_connections(), '{}')) THEN
            PERFORM dblink_disconnect(c);
        END IF;
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.move_disconnect() FROM PUBLIC;

CREATE PROCEDURE @extschema@.move_bucket(bucket integer, to_shard integer)
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
        PERFORM pg_advisory_xact_lock(1129530448, bucket);
        BEGIN  -- on any error the shards' transactions end with their connections
        PERFORM dblink_connect(source_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.from_shard));
        PERFORM dblink_connect(target_conn, (SELECT s.conninfo FROM @extschema@.shard s WHERE s.shard = move.to_shard));
        PERFORM dblink_exec(source_conn, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
        PERFORM dblink_exec(source_conn, 'LOCK TABLE ' || (SELECT string_agg('customer_identity.' || quote_ident(x.name), ', ')
                                                           FROM @extschema@.tenant_tables() x) || ' IN SHARE MODE');
        PERFORM dblink_exec(target_conn, 'BEGIN');
        PERFORM dblink_exec(target_conn, 'SET LOCAL session_replication_role = replica');
        -- the bucket comes (back) to the target: it serves it again
        PERFORM dblink_exec(target_conn, format('DELETE FROM customer_identity.moved_bucket WHERE bucket = %s', bucket));
        FOR t IN SELECT * FROM @extschema@.tenant_tables() LOOP
            -- what an earlier, killed run left on the target
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
            'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%s) ON CONFLICT DO NOTHING', bucket));
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
        'INSERT INTO customer_identity.moved_bucket (bucket) VALUES (%s) ON CONFLICT DO NOTHING', bucket));
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

-- Moves the bucket of a tenant (and every other tenant in that bucket).
CREATE PROCEDURE @extschema@.move_tenant(tenant_id text, to_shard integer)
    LANGUAGE plpgsql AS $$
BEGIN
    IF tenant_id IS NULL THEN
        RAISE EXCEPTION 'tenant_id must not be null' USING ERRCODE = '22004';
    END IF;
    CALL @extschema@.move_bucket(@extschema@.tenant_bucket(tenant_id), to_shard);
END $$;
REVOKE ALL ON PROCEDURE @extschema@.move_tenant(text, integer) FROM PUBLIC;

------------------------------------------------------------------------------
-- The API, generated from the shards' catalog
------------------------------------------------------------------------------
-- The customer_identity functions of shard 0, as the catalog describes them.
CREATE FUNCTION @extschema@.shard_api(OUT name text, OUT arguments text, OUT identity_arguments text,
                                      OUT result text, OUT argument_count integer)
    RETURNS SETOF record AS $$
    CLUSTER 'customer_identity_shards';
    RUN ON 0;
    SELECT p.proname::text AS name, pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
           pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
           pg_catalog.pg_get_function_result(p.oid) AS result, p.pronargs::integer AS argument_count
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                 AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'customer_identity'
     WHERE p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
     ORDER BY 1, 3;
$$ LANGUAGE plproxy;
REVOKE ALL ON FUNCTION @extschema@.shard_api() FROM PUBLIC;

-- The row types the API returns (list_claims returns identity_claim rows): name and
-- columns, as shard 0 has them.
CREATE FUNCTION @extschema@.shard_result_types(OUT name text, OUT columns text)
    RETURNS SETOF record AS $$
    CLUSTER 'customer_identity_shards';
    RUN ON 0;
    SELECT t.typname::text AS name,
           pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname,
                                 pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) AS columns
      FROM pg_catalog.pg_type t
      JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE t.typtype = 'c' AND t.oid IN (
           SELECT p.prorettype FROM pg_catalog.pg_proc p
             JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                        AND d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'customer_identity')
     GROUP BY t.typname ORDER BY 1;
$$ LANGUAGE plproxy;
REVOKE ALL ON FUNCTION @extschema@.shard_result_types() FROM PUBLIC;

-- Functions that stay on the shards: their own helpers and administration of one shard,
-- the routing keys (the proxy has them), what means nothing through a proxy (the proxy
-- connection's session settings), and import_customers (a regclass names a table of the
-- caller's database, not of a shard).
CREATE FUNCTION @extschema@.not_proxied() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['enable_sharding', 'tenant_bucket', 'id_bucket', 'token_bucket', 'derived_identifier',
                 'erased_text', 'erased_jsonb', 'payload_mentions', 'caller', 'current_tenant',
                 'import_customers']
$$;

-- (Re)creates the proxy function of every API function of the shards; returns one line per
-- function: its name, arguments and route.  Run it after add_shard, and after the shards'
-- extension is updated.
CREATE FUNCTION @extschema@.create_api() RETURNS SETOF text
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    f record;
    route text;
    run_on text;
    key text;
    cluster text := 'CLUSTER ''customer_identity_shards''; ';
    positional text;
BEGIN
    -- The row types first (a type that changed takes its old functions with it).
    FOR f IN SELECT * FROM @extschema@.shard_result_types() LOOP
        EXECUTE format('DROP TYPE IF EXISTS @extschema@.%I CASCADE', f.name);
        EXECUTE format('CREATE TYPE @extschema@.%I AS (%s)', f.name, f.columns);
    END LOOP;
    FOR f IN SELECT * FROM @extschema@.shard_api() a WHERE NOT a.name = ANY (@extschema@.not_proxied()) LOOP
        -- The route follows from the argument names: a tenant, else a token, else an id
        -- (ids carry their bucket); no key: every shard (administration) or any shard.
        key := NULL;
        IF f.identity_arguments ~ '(^|, )tenant_id text' THEN
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
            ELSE 'RUN ON ANY;' END;
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name, f.identity_arguments);
        EXECUTE format('DROP FUNCTION IF EXISTS @extschema@.%I(%s)', f.name || '__on_shards', f.identity_arguments);
        IF f.result = 'void' AND route IN ('all', 'tenant or all') THEN
            -- PL/Proxy returns one result per shard only from a set-returning function:
            -- the shards' calls return SETOF void, and a wrapper keeps the API's void.
            SELECT string_agg('$' || i, ', ' ORDER BY i) INTO positional
              FROM generate_series(1, f.argument_count) AS i;
            EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS SETOF void AS %L LANGUAGE plproxy',
                           f.name || '__on_shards', f.identity_arguments,
                           cluster || run_on || format(' TARGET @extschema@.%I;', f.name));
            EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS void LANGUAGE plpgsql AS %L',
                           f.name, f.arguments,
                           format('BEGIN PERFORM @extschema@.%I(%s); END', f.name || '__on_shards',
                                  COALESCE(positional, '')));
        ELSE
            EXECUTE format('CREATE FUNCTION @extschema@.%I(%s) RETURNS %s AS %L LANGUAGE plproxy',
                           f.name, f.arguments, f.result, cluster || run_on);
        END IF;
        RETURN NEXT format('%s(%s): %s', f.name, f.identity_arguments, route);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.create_api() FROM PUBLIC;

-- Lets an application role call the API through this proxy.  (On the shards the same role
-- needs customer_identity.grant_application_role, which the proxy runs on every shard.)
CREATE FUNCTION @extschema@.grant_proxy_access(app regrole) RETURNS void
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
                     OR (p.prolang = (SELECT l.oid FROM pg_language l WHERE l.lanname = 'plpgsql')
                         AND EXISTS (SELECT 1 FROM pg_proc q WHERE q.pronamespace = p.pronamespace
                                       AND q.proname = p.proname || '__on_shards')))
                AND p.proname NOT IN ('shard_api')
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %s', f, app);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION @extschema@.grant_proxy_access(regrole) FROM PUBLIC;
