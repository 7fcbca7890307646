# Sourced by run.sh (uses its servers and helpers): online moves under load.
#
# 1. A bucket of 100,000 customers moves while pgbench clients keep creating and finding
#    customers of its tenant through the proxy (each answer logged on the proxy) and of
#    another tenant of the same source shard.  Then every answer a client got must be a row
#    of the target, the source must hold none of the bucket, check_integrity must hold on
#    both, no publication, subscription or replication slot may be left, and no call may
#    have failed.  The worst call of each tenant is printed (measured, not judged here:
#    bench/proxy.sh reports it against its target).
# 2. A move killed at each of its steps (customer_identity_proxy.move_pause_at stops it
#    there, then the mover is terminated) and run again, while a client keeps calling the
#    moved tenant (creating customers, and naming the ones it finds: updates the copy must
#    carry): each rerun finishes the move and leaves nothing behind; no call failed, every
#    answer is on the target with its name.
#    While the move is stopped after its copy, a new tenant of the bucket gets customers:
#    the rerun's switch copies them (the publication filters on the tenants it knew).
on "$a" proxy -q <<'SQL'
SET client_min_messages = warning;
CREATE TABLE public.answers (email text, customer_id bigint);
GRANT INSERT ON public.answers TO ci_app;
SQL
# (shards' helpers, as a query for the proxy: replication objects of moves on every shard)
leftovers="SELECT 'publications, subscriptions, replication slots left on the shards: ' || sum(x.p) || ', ' || sum(x.s) || ', ' || sum(x.r)
    FROM customer_identity.shard s, LATERAL dblink(s.conninfo,
    'SELECT (SELECT count(*) FROM pg_publication WHERE pubname LIKE ''ci_move%''), (SELECT count(*) FROM pg_subscription WHERE subname LIKE ''ci_move%''),
            (SELECT count(*) FROM pg_replication_slots)') AS x(p bigint, s bigint, r bigint)"

# --- 1. 100,000 customers under load -------------------------------------------------------
from_shard=$(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('loaded')")
to_shard=$((1 - from_shard))
source_dir=${cluster_servers[$from_shard]}
other=$(on "$a" proxy -At -c "SELECT t FROM (SELECT 'other' || i AS t FROM generate_series(1, 100) AS i) x
    WHERE customer_identity.shard_of_tenant(t) = $from_shard
      AND customer_identity.tenant_bucket(t) <> customer_identity.tenant_bucket('loaded') LIMIT 1")
# (rows made on the source as its owner, through the row triggers: faster than 100,000 calls)
on "$source_dir" shard -q -c "INSERT INTO customer_identity.customer (tenant_id, email)
    SELECT 'loaded', 'seed' || i || '@loaded.test' FROM generate_series(1, 100000) AS i" \
    -c "INSERT INTO customer_identity.customer (tenant_id, email)
    SELECT '$other', 'o' || i || '@other.test' FROM generate_series(1, 1000) AS i"
cat >"$work/load.sql" <<'SQL'
\set n random(1, 200000)
INSERT INTO public.answers SELECT 'seed' || :n || '@loaded.test', customer_id
  FROM customer_identity.resolve_customer_identity(tenant_id => 'loaded', email => 'seed' || :n || '@loaded.test', email_verified => true);
SQL
cat >"$work/other.sql" <<SQL
\set n random(1, 2000)
SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => '$other', email => 'o' || :n || '@other.test', email_verified => true);
SQL
mkdir -p "$work/latency"
chown -R postgres "$work/load.sql" "$work/other.sql" "$work/latency"
as_pg "$PG_BIN/pgbench" -n -h "$a" -p "${port[$a]}" -U ci_app -c 4 -j 2 -T 12 \
    -f "$work/load.sql@1" -f "$work/other.sql@1" -l --log-prefix="$work/latency/call" proxy \
    >"$work/pgbench.log" 2>&1 &
load=$!
sleep 2
on "$a" proxy -q -c "SET client_min_messages = warning" -c "CALL customer_identity.move_tenant('loaded', $to_shard)" \
    >"$work/big_move.log" 2>&1 || true
wait $load || true
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.log")
done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.log")
# (per-call log: client, call, latency in microseconds, script (0: the moved tenant, 1: the other), ...)
worst() { cat "$work"/latency/call.* | awk -v s="$1" '$4 == s && $3 > m { m = $3 } END { printf "%.0f", m / 1000 }'; }
result=$(on "$a" proxy -At -v to_shard="$to_shard" <<SQL
SET search_path = customer_identity, public;
SELECT conninfo AS target FROM shard WHERE shard = :to_shard \gset
SELECT conninfo AS source FROM shard WHERE shard = 1 - :to_shard \gset
SELECT 'moved: ' || (shard_of_tenant('loaded') = :to_shard) || ', moves left: ' || (SELECT count(*) FROM bucket_move);
SELECT 'customers of the bucket on the target: ' || (x.n >= 100000) FROM dblink(:'target',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''loaded''') AS x(n bigint);
SELECT 'answers missing on the target: ' || count(*) FROM (SELECT DISTINCT customer_id FROM public.answers) a
 WHERE NOT EXISTS (SELECT 1 FROM dblink(:'target', 'SELECT id FROM customer_identity.customer WHERE tenant_id = ''loaded''')
                                 AS t(id bigint) WHERE t.id = a.customer_id);
SELECT 'rows of the bucket left on the source: ' || sum(n) FROM tenant_tables() t,
       LATERAL dblink(:'source', format('SELECT count(*) FROM customer_identity.%I WHERE customer_identity.tenant_bucket(tenant_id) = %s',
                                        t.name, tenant_bucket('loaded'))) AS x(n bigint);
SELECT 'violations on both shards: ' || count(*) FROM check_integrity();
$leftovers;
SQL
)
expected_result="moved: true, moves left: 0
customers of the bucket on the target: true
answers missing on the target: 0
rows of the bucket left on the source: 0
violations on both shards: 0
publications, subscriptions, replication slots left on the shards: 0, 0, 0"
if [ "$result" = "$expected_result" ] && [ "${failed:-1}" = 0 ] && [ "${done_tx:-0}" -gt 0 ]; then
    echo "ok   move of 100,000 customers under load: $done_tx calls, 0 failed; worst call of the moved tenant $(worst 0) ms, of another tenant of the source $(worst 1) ms; every answer on the target, nothing left"
else
    echo "FAIL move of 100,000 customers under load: ${done_tx:-?} calls, ${failed:-?} failed ($work/pgbench.log, $work/big_move.log)"
    echo "$result"
    status=1
fi

# --- 2. killed at each step, run again ---------------------------------------------------
on "$a" proxy -q <<'SQL'
SET client_min_messages = warning;
TRUNCATE public.answers;
CREATE TABLE public.call_failures (sqlstate text, message text);
CREATE TABLE public.stop_calling ();
GRANT INSERT ON public.call_failures TO ci_app;
GRANT SELECT ON public.stop_calling TO ci_app;
-- one call per transaction (each holds its bucket's routing lock until it commits)
CREATE PROCEDURE public.keep_calling(tenant text) LANGUAGE plpgsql AS $$
DECLARE
    n integer;
    email text;
    id bigint;
BEGIN
    LOOP
        EXIT WHEN EXISTS (SELECT FROM public.stop_calling);
        n := 1 + floor(random() * 4000);
        email := 'p' || n || '@phased.test';
        BEGIN
            -- (a customer found the first time gains its name: an update the moves carry)
            SELECT r.customer_id INTO id FROM customer_identity.resolve_customer_identity(tenant_id => tenant, email => email,
                                                                                         name => 'P' || n, email_verified => true) r;
            INSERT INTO public.answers VALUES (email, id);
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO public.call_failures VALUES (SQLSTATE, SQLERRM);
        END;
        COMMIT;
    END LOOP;
END $$;
SQL
from_shard=$(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('phased')")
on "${cluster_servers[$from_shard]}" shard -q -c "INSERT INTO customer_identity.customer (tenant_id, email)
    SELECT 'phased', 'p' || i || '@phased.test' FROM generate_series(1, 2000) AS i"
as_pg "$PG_BIN/psql" -X -q -h "$a" -p "${port[$a]}" -U ci_app -d proxy -c "CALL public.keep_calling('phased')" \
    >"$work/keep_calling.log" 2>&1 &
caller=$!
late=$(on "$a" proxy -At -c "SELECT t FROM (SELECT 'late' || i AS t FROM generate_series(1, 50000) AS i) x
    WHERE customer_identity.tenant_bucket(t) = customer_identity.tenant_bucket('phased') LIMIT 1")
kills=()
for step in preparing copying "copying: rows sent" subscribed copied switching "switching: target checked" \
            "switching: target serves" switched cleaning "cleaning: replication dropped"; do
    to_shard=$((1 - $(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('phased')")))
    on "$a" proxy -q -c "SET client_min_messages = warning" -c "SET customer_identity_proxy.move_pause_at = '$step'" \
        -c "CALL customer_identity.move_tenant('phased', $to_shard)" >"$work/killed_move.log" 2>&1 &
    mover=$!
    paused=
    for _ in $(seq 600); do
        if [ "$step" = "copying: rows sent" ]; then
            # (the mover waits for the target, whose transaction holds the copied rows and
            # sleeps before it subscribes: the move's replication slot is made)
            [ -n "$(on "${cluster_servers[$to_shard]}" shard -At -c "SELECT 1 FROM pg_stat_activity
                        WHERE application_name LIKE 'ci\\_move\\_% copy' AND wait_event = 'PgSleep'")" ] &&
                paused=$(on "$a" proxy -At -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                                WHERE application_name LIKE 'ci move of bucket %: copying'")
        else
            paused=$(on "$a" proxy -At -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                            WHERE application_name LIKE 'ci move of bucket %: $step (paused)'")
        fi
        [ -n "$paused" ] && break
        kill -0 $mover 2>/dev/null || break  # (it ended without getting there: the rerun shows why)
        sleep 0.1
    done
    if [ "$step" = copied ] && [ -n "$paused" ]; then
        # a tenant that appears in the bucket after the move made its publication: the
        # switch copies its rows
        on "$a" proxy -q -c "SET client_min_messages = warning" -c "SELECT count(*) FROM generate_series(1, 10) AS i,
            customer_identity.resolve_customer_identity(tenant_id => '$late', email => 'l' || i || '@late.test', email_verified => true)" >/dev/null
    fi
    # (never paused there: end it anyway, the rerun shows what it left)
    [ -n "$paused" ] || on "$a" proxy -At -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                              WHERE application_name LIKE 'ci move of bucket %'" >/dev/null
    wait $mover || true
    on "$a" proxy -q -c "SET client_min_messages = warning" -c "CALL customer_identity.move_tenant('phased', $to_shard)" \
        >>"$work/killed_move.log" 2>&1 || true
    kills+=("$step: ${paused:+killed, }$(on "$a" proxy -At -c "SELECT CASE WHEN customer_identity.shard_of_tenant('phased') = $to_shard
                AND NOT EXISTS (SELECT FROM customer_identity.bucket_move) THEN 'moved by the rerun' ELSE 'NOT moved' END")")
done
on "$a" proxy -q -c "INSERT INTO public.stop_calling DEFAULT VALUES"
wait $caller || true
to_shard=$(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('phased')")
result=$(printf '%s\n' "${kills[@]}"; on "$a" proxy -At -v to_shard="$to_shard" <<SQL
SET search_path = customer_identity, public;
SELECT conninfo AS target FROM shard WHERE shard = :to_shard \gset
SELECT conninfo AS source FROM shard WHERE shard = 1 - :to_shard \gset
SELECT 'calls: ' || (count(*) > 0) || ', failed: ' || (SELECT count(*) FROM public.call_failures) FROM public.answers;
SELECT 'answers missing on the target: ' || count(*) FROM (SELECT DISTINCT customer_id FROM public.answers) a
 WHERE NOT EXISTS (SELECT 1 FROM dblink(:'target', 'SELECT id FROM customer_identity.customer WHERE tenant_id = ''phased''')
                                 AS t(id bigint) WHERE t.id = a.customer_id);
SELECT 'answers without their name on the target: ' || count(*) FROM (SELECT DISTINCT email, customer_id FROM public.answers) a
 WHERE NOT EXISTS (SELECT 1 FROM dblink(:'target', 'SELECT id, name FROM customer_identity.customer WHERE tenant_id = ''phased''')
                                 AS t(id bigint, name text)
                    WHERE t.id = a.customer_id AND t.name = 'P' || substring(a.email FROM '^p([0-9]+)@'));
SELECT 'rows of the bucket left on the source: ' || sum(n) FROM tenant_tables() t,
       LATERAL dblink(:'source', format('SELECT count(*) FROM customer_identity.%I WHERE customer_identity.tenant_bucket(tenant_id) = %s',
                                        t.name, tenant_bucket('phased'))) AS x(n bigint);
SELECT 'customers of the tenant that appeared during a move, on the target: ' || x.n FROM dblink(:'target',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''$late''') AS x(n bigint);
SELECT 'found through the proxy: ' || count(*) FROM generate_series(1, 10) AS i,
       resolve_customer_identity(tenant_id => '$late', email => 'l' || i || '@late.test', create_missing => false) r;
SELECT 'violations on both shards: ' || count(*) FROM check_integrity();
$leftovers;
SQL
)
expected_result="preparing: killed, moved by the rerun
copying: killed, moved by the rerun
copying: rows sent: killed, moved by the rerun
subscribed: killed, moved by the rerun
copied: killed, moved by the rerun
switching: killed, moved by the rerun
switching: target checked: killed, moved by the rerun
switching: target serves: killed, moved by the rerun
switched: killed, moved by the rerun
cleaning: killed, moved by the rerun
cleaning: replication dropped: killed, moved by the rerun
calls: true, failed: 0
answers missing on the target: 0
answers without their name on the target: 0
rows of the bucket left on the source: 0
customers of the tenant that appeared during a move, on the target: 10
found through the proxy: 10
violations on both shards: 0
publications, subscriptions, replication slots left on the shards: 0, 0, 0"
if [ "$result" = "$expected_result" ]; then
    echo "ok   a move killed at each of its 11 steps and run again: each rerun finished it, no call failed, a tenant new to the bucket came along, nothing left"
else
    echo "FAIL a move killed at each step ($work/killed_move.log, $work/keep_calling.log):"
    diff <(echo "$expected_result") <(echo "$result") || true
    status=1
fi
