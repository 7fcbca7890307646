#!/usr/bin/env bash
# Scale-out suite (PostgreSQL 15: PL/Proxy for 17 and 18 is not installable here): two
# PostgreSQL servers on this machine, each with one shard database, and a proxy database
# (customer_identity_proxy, PL/Proxy) on the first.  Runs sql/*.sql through psql against
# the proxy (as the application role) and compares with expected/*.out.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
attach_major
if [ "$PG_MAJOR" != 15 ]; then
    echo "scale-out: PostgreSQL $PG_MAJOR has no PL/Proxy package here; the suite runs on 15"
    exit 0
fi
[ -f "$PG_TREE_PKGLIBDIR/plproxy.so" ] || die "PL/Proxy is missing from the server tree (postgresql-15-plproxy)"

here=$ROOT/test/scaleout
work=$(pg_workdir scaleout)
servers=("$work/a" "$work/b" "$work/c")
cleanup() {
    for dir in "${servers[@]}"; do stop_instance "$dir"; done
}
trap cleanup EXIT

# Starts one server per directory; remembers its port.
declare -A port
for dir in "${servers[@]}"; do
    mkdir -p "$dir" && chown "$(stat -c %U "$work")" "$dir"
    unset PGPORT
    start_instance "$dir"
    port[$dir]=$PGPORT
done
on() {  # on DIR DB [psql args...]: psql as postgres on a server's database
    local dir=$1 db=$2; shift 2
    PGHOST=$dir PGPORT=${port[$dir]} psql_pg -d "$db" "$@"
}
a=${servers[0]} b=${servers[1]} c=${servers[2]}
conninfo() { echo "host=$1 port=${port[$1]} dbname=$2"; }

# The shards: shard 0 on server a, shard 1 on server b; server c has shard 2 ready, which
# sql/04_add_shard.sql adds.  The application role exists on every server (a role is per
# server); the proxy connects to the shards as the caller.
for dir in "$a" "$b" "$c"; do
    on "$dir" postgres -c "CREATE ROLE ci_app LOGIN" -c "CREATE DATABASE shard"
    on "$dir" shard -c "SET client_min_messages = warning" -c "CREATE EXTENSION customer_identity"
done
on "$a" shard -c "SELECT customer_identity.enable_sharding(0)" >/dev/null
on "$b" shard -c "SELECT customer_identity.enable_sharding(1)" >/dev/null
on "$c" shard -c "SELECT customer_identity.enable_sharding(2)" >/dev/null
on "$a" postgres -c "CREATE DATABASE proxy"
on "$a" proxy >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION customer_identity_proxy CASCADE;
SELECT customer_identity.add_shard('$(conninfo "$a" shard)');
SELECT customer_identity.add_shard('$(conninfo "$b" shard)');
SELECT customer_identity.assign_buckets();
SELECT customer_identity.create_api();
SELECT customer_identity.grant_application_role('ci_app');
SELECT customer_identity.grant_proxy_access('ci_app');
SQL

# Each file runs against the proxy as the application role; the variables let a file look
# at a shard directly (as the owner) to show where rows went.
status=0
mkdir -p "$work/results"
for file in "$here"/sql/*.sql; do
    name=$(basename "$file" .sql)
    # (from the file's directory: error lines name the file, not where the checkout is)
    (cd "$here/sql" && as_pg "$PG_BIN/psql" -X -a -q -h "$a" -p "${port[$a]}" -U postgres -d proxy \
        -v shard0="$(conninfo "$a" shard) user=postgres" -v shard1="$(conninfo "$b" shard) user=postgres" \
        -v proxy="$(conninfo "$a" proxy)" -v new_shard="$(conninfo "$c" shard)" -f "$name.sql") >"$work/results/$name.out" 2>&1 || true
    if diff -u "$here/expected/$name.out" "$work/results/$name.out" >"$work/results/$name.diff"; then
        echo "ok   $name"
    else
        echo "FAIL $name (diff: $work/results/$name.diff)"; status=1
    fi
done
source "$here/move_under_load.sh"

cleanup
trap - EXIT
[ $status -eq 0 ] && rm -rf "$work"
exit $status
