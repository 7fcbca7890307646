#!/usr/bin/env bash
# What loading the module costs a new connection:  bash bench/connect.sh
# grant_application_role preloads customer_identity into every session of an application role
# (session_preload_libraries, for its LOCK TABLE guard), and the module links ICU and libidn2
# (libphonenumber and protobuf are in customer_identity_phone.so, loaded on a backend's first
# phone, not at connection).  pgbench connects anew for every transaction (-C) and runs
# SELECT 1, as a role granted that way and as a role without the preload, alternating rounds,
# best of each; prints both and their ratio, and writes bench/results/connect.md.
#   BENCH_CONNECT_SECONDS=10  BENCH_CONNECT_ROUNDS=5
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
SECONDS_PER_RUN=${BENCH_CONNECT_SECONDS:-10}
ROUNDS=${BENCH_CONNECT_ROUNDS:-5}
OUT=$ROOT/bench/results

prepare
mkdir -p "$OUT"
dir=$(pg_workdir bench_connect)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
start_instance "$dir"
psql_pg -d postgres -c "CREATE DATABASE bench" >/dev/null
psql_pg -d bench >/dev/null <<'SQL'
CREATE EXTENSION customer_identity;
CREATE ROLE app_preloaded LOGIN;
CREATE ROLE app_plain LOGIN;
SELECT customer_identity.grant_application_role('app_preloaded');
SQL
echo 'SELECT 1;' > "$dir/select1.sql"
chmod 644 "$dir/select1.sql"
# One connection per transaction, 1 client: the backend's start (fork, authentication, the
# session's preloads) is what is measured.
tps() {
    as_pg "$PG_BIN/pgbench" -h "$PGHOST" -p "$PGPORT" -U "$1" -n -C -c 1 -j 1 \
        -T "$SECONDS_PER_RUN" -f "$dir/select1.sql" bench 2>/dev/null |
        sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
# (the preload is really there: the role's setting in this database)
loaded=$(psql_pg -d bench -At -c "SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting
    WHERE setrole = 'app_preloaded'::regrole AND setdatabase = (SELECT oid FROM pg_database WHERE datname = 'bench')")
[ "$loaded" = session_preload_libraries=customer_identity ] || die "app_preloaded has '$loaded'"
log "pgbench -C, SELECT 1, 1 client, ${SECONDS_PER_RUN}s each, $ROUNDS alternating rounds"
plain=0 preloaded=0
for round in $(seq "$ROUNDS"); do
    p=$(tps app_plain); l=$(tps app_preloaded)
    echo "round $round: without the preload $p tps, with it $l tps"
    plain=$(best "$plain" "$p"); preloaded=$(best "$preloaded" "$l")
done
ratio=$(awk -v a="$plain" -v b="$preloaded" 'BEGIN { printf "%.2f", a / b }')
per=$(awk -v a="$plain" -v b="$preloaded" 'BEGIN { printf "%.0f", (1e6 / b) - (1e6 / a) }')
{
    echo "| connections/s, pgbench -C, SELECT 1 | without the preload | with session_preload_libraries = customer_identity | time per connection, with / without | added per connection |"
    echo "|---|---|---|---|---|"
    echo "| best of $ROUNDS alternating ${SECONDS_PER_RUN} s runs | $(printf '%.0f' "$plain") | $(printf '%.0f' "$preloaded") | $ratio | $per µs |"
} > "$OUT/connect.md"
cat "$OUT/connect.md"
