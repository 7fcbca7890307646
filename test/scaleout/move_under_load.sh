# Sourced by run.sh (uses its servers and helpers): a move under load, killed half-way,
# then run again.  pgbench clients keep creating and finding customers of the tenant
# through the proxy, each answer logged on the proxy, while the move runs; the mover is
# killed once, the move is run again; then every answer a client got must be a row of the
# target shard, the source must hold none of the bucket, check_integrity must hold on both.
on "$a" proxy -q <<'SQL'
SET client_min_messages = warning;
CREATE TABLE public.answers (email text, customer_id bigint);
GRANT INSERT ON public.answers TO ci_app;
CREATE TEMP TABLE seed AS SELECT (customer_identity.resolve_customer_identity(tenant_id => 'loaded',
    email => 'seed' || i || '@loaded.test', email_verified => true)).customer_id FROM generate_series(1, 3000) AS i;
SQL
cat >"$work/load.sql" <<'SQL'
\set n random(1, 6000)
INSERT INTO public.answers SELECT 'seed' || :n || '@loaded.test', customer_id
  FROM customer_identity.resolve_customer_identity(tenant_id => 'loaded', email => 'seed' || :n || '@loaded.test', email_verified => true);
SQL
chown postgres "$work/load.sql"
to_shard=$(on "$a" proxy -At -c "SELECT 1 - customer_identity.shard_of_tenant('loaded')")
as_pg "$PG_BIN/pgbench" -n -h "$a" -p "${port[$a]}" -U ci_app -c 2 -j 2 -T 4 -f "$work/load.sql" proxy \
    >"$work/pgbench.log" 2>&1 &
load=$!
sleep 1
on "$a" proxy -q -c "CALL customer_identity.move_tenant('loaded', $to_shard)" >"$work/killed_move.log" 2>&1 &
mover=$!
sleep 0.3
on "$a" proxy -q -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                      WHERE query LIKE 'CALL customer_identity.move_tenant%' AND pid <> pg_backend_pid()" >/dev/null
wait $mover || true
on "$a" proxy -q -c "SET client_min_messages = warning" -c "CALL customer_identity.move_tenant('loaded', $to_shard)"
wait $load || true
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.log")
done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.log")
result=$(on "$a" proxy -At -v to_shard="$to_shard" <<'SQL'
SET search_path = customer_identity, public;
SELECT conninfo AS target FROM shard WHERE shard = :to_shard \gset
SELECT conninfo AS source FROM shard WHERE shard = 1 - :to_shard \gset
SELECT 'moved: ' || (shard_of_tenant('loaded') = :to_shard) || ', moves left: ' || (SELECT count(*) FROM bucket_move);
SELECT 'answers missing on the target: ' || count(*) FROM (SELECT DISTINCT customer_id FROM public.answers) a
 WHERE NOT EXISTS (SELECT 1 FROM dblink(:'target', 'SELECT id FROM customer_identity.customer WHERE tenant_id = ''loaded''')
                                 AS t(id bigint) WHERE t.id = a.customer_id);
SELECT 'rows of the bucket left on the source: ' || sum(n) FROM tenant_tables() t,
       LATERAL dblink(:'source', format('SELECT count(*) FROM customer_identity.%I WHERE customer_identity.tenant_bucket(tenant_id) = %s',
                                        t.name, tenant_bucket('loaded'))) AS x(n bigint);
SELECT 'violations on both shards: ' || count(*) FROM check_integrity();
SQL
)
expected_result="moved: true, moves left: 0
answers missing on the target: 0
rows of the bucket left on the source: 0
violations on both shards: 0"
killed=$(grep -o 'terminating connection[^"]*' "$work/killed_move.log" | head -1)
if [ "$result" = "$expected_result" ] && [ "${failed:-1}" = 0 ] && [ "${done_tx:-0}" -gt 0 ]; then
    echo "ok   move under load: $done_tx calls, 0 failed; first run: ${killed:-finished before the kill}; every answer on the target"
else
    echo "FAIL move under load: ${done_tx:-?} calls, ${failed:-?} failed ($work/pgbench.log)"
    echo "$result"
    status=1
fi
