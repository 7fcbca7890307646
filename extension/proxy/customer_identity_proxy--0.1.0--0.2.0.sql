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

-- move_bucket as in 0.1.0, with the routing lock above instead of the advisory key.
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
