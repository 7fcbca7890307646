#!/usr/bin/env bash
# The scale-out benchmark (PostgreSQL 15, PL/Proxy):  bash bench/proxy.sh
# A cluster on this machine (two shard servers, the proxy on the first; test/lib/cluster.sh)
# and, each against a reference measured in the same run:
#   - a hit through the proxy against the same call on the shard (pgbench, prepared, 1 client);
#   - the error path: a caught CI001 through the proxy against on_conflict => 'return'
#     through the proxy, and against the caught CI001 on the shard;
#   - moving a tenant of N customers against copying its customer rows on the source.
# Writes bench/results/proxy.md.   BENCH_PROXY_SECONDS=10  BENCH_MOVE_SIZES="1000 10000 50000"
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
SECONDS_PER_RUN=${BENCH_PROXY_SECONDS:-10}
MOVE_SIZES=${BENCH_MOVE_SIZES:-"1000 10000 50000"}
OUT=$ROOT/bench/results

prepare 15
source "$ROOT/test/lib/cluster.sh"
mkdir -p "$OUT"
work=$(pg_workdir bench_proxy)
trap 'stop_cluster; rm -rf "$work"' EXIT
start_cluster "$work" 2
a=${cluster_servers[0]}
rows=()
row() { rows+=("| $1 | $2 | $3 | $(awk -v x="$2" -v y="$3" 'BEGIN { printf "%.2f", x / y }') |"); echo "$1: $2 vs $3"; }

log "hits: 10,000 customers of tenant bench; pgbench, prepared, 1 client, ${SECONDS_PER_RUN}s each"
shard_of_bench=$(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('bench')")
bench_shard=${cluster_servers[$shard_of_bench]}
on "$bench_shard" shard -q -c "SELECT count(*) FROM generate_series(1, 10000) AS i,
    LATERAL customer_identity.resolve_customer_identity(tenant_id => 'bench', external_customer_id => 'cus_' || i)" >/dev/null
cat >"$work/hit.sql" <<'SQL'
\set k random(1, 10000)
SELECT * FROM customer_identity.resolve_customer_identity(tenant_id => 'bench', external_customer_id => 'cus_' || :k);
SQL
chown postgres "$work/hit.sql"
latency() {  # latency DIR DB: average ms per call
    as_pg "$PG_BIN/pgbench" -n -M prepared -h "$1" -p "${port[$1]}" -U postgres -c 1 -j 1 \
        -T "$SECONDS_PER_RUN" -f "$work/hit.sql" "$2" 2>/dev/null | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p'
}
direct=$(latency "$bench_shard" shard)
proxied=$(latency "$a" proxy)
row "hit by external id through the proxy vs on the shard (ms/call)" "$proxied" "$direct"

log "the error path: 200 caught CI001 per measurement"
errors() {  # errors DIR DB ON_CONFLICT: ms per call of a conflicting resolve
    on "$1" "$2" -At <<SQL
SET client_min_messages = warning;
DO \$\$
DECLARE
    started timestamptz;
BEGIN
    PERFORM customer_identity.resolve_customer_identity(tenant_id => 'bench', email => 'conflict@bench.test');
    started := clock_timestamp();
    FOR i IN 1..200 LOOP
        BEGIN
            PERFORM customer_identity.resolve_customer_identity(tenant_id => 'bench', external_customer_id => 'cus_2',
                email => 'conflict@bench.test', on_conflict => '$3');
        EXCEPTION WHEN OTHERS THEN NULL;
        END;
    END LOOP;
    RAISE WARNING 'ms per call: %', round(extract(epoch FROM clock_timestamp() - started) * 1000 / 200, 3);
END \$\$;
SQL
}
error_ms() { errors "$@" 2>&1 | sed -n 's/.*WARNING:  ms per call: \([0-9.]*\)$/\1/p'; }
proxy_raise=$(error_ms "$a" proxy raise)
proxy_return=$(error_ms "$a" proxy return)
shard_raise=$(error_ms "$bench_shard" shard raise)
row "caught CI001 through the proxy vs on_conflict => 'return' through the proxy (ms/call)" "$proxy_raise" "$proxy_return"
row "caught CI001 through the proxy vs on the shard (ms/call)" "$proxy_raise" "$shard_raise"

for size in $MOVE_SIZES; do
    log "moving a tenant of $size customers"
    tenant="move$size"
    from=$(on "$a" proxy -At -c "SELECT customer_identity.shard_of_tenant('$tenant')")
    source_dir=${cluster_servers[$from]}
    on "$source_dir" shard -q -c "SELECT count(*) FROM generate_series(1, $size) AS i,
        LATERAL customer_identity.resolve_customer_identity(tenant_id => '$tenant', email => 'c' || i || '@$tenant.test')" >/dev/null
    copy_ms=$(on "$source_dir" shard -At <<SQL | tail -1
\timing on
CREATE TEMP TABLE copied AS SELECT * FROM customer_identity.customer WHERE tenant_id = '$tenant';
SQL
)
    copy_ms=$(echo "$copy_ms" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    move_ms=$(on "$a" proxy -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
SET client_min_messages = warning;
\timing on
CALL customer_identity.move_tenant('$tenant', $((1 - from)));
SQL
)
    row "move of $size customers vs copying its customer rows on the source (ms)" "$move_ms" "$copy_ms"
done

{
    echo "| case | measured | reference | ratio |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} > "$OUT/proxy.md"
log "results (bench/results/proxy.md)"
cat "$OUT/proxy.md"
