#!/usr/bin/env bash
# Scale-out suite, on the major prepared (CI_PG_MAJOR, default 15; PL/Proxy is Debian's
# package on 15, built from source on 17 and 18): PostgreSQL servers on this machine, each
# with one shard database, and a proxy database (customer_identity_proxy, PL/Proxy) on the
# first.  Runs sql/*.sql through psql against the proxy (as the application role) and
# compares with expected/*.out.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
attach_major

source "$ROOT/test/lib/cluster.sh"
here=$ROOT/test/scaleout
work=$(pg_workdir scaleout)
trap stop_cluster EXIT
status=0

# On 17 and 18, PL/Proxy is built here (postgres_majors.sh): first its own regression
# suite, from the same source tarball, against the tree's server (a temporary instance
# on 127.0.0.1: its tests connect to themselves over TCP).
if [ "$PG_MAJOR" != 15 ]; then
    mkdir -p "$work/plproxy"
    tar -xzf "$(plproxy_tarball)" -C "$work/plproxy" --strip-components=2 "plproxy-$CI_PLPROXY_VERSION/test"
    chown -R "$(stat -c %U "$work")" "$work/plproxy"
    # (the test list of its Makefile: REGRESS = a b \ c ...)
    plproxy_tests=$(tar -xzOf "$(plproxy_tarball)" "plproxy-$CI_PLPROXY_VERSION/Makefile" |
        awk '/^REGRESS *=/ {on = 1; sub(/^REGRESS *=/, "")} on {more = sub(/\\$/, ""); print; if (!more) exit}')
    if as_pg "$PG_REGRESS" --host=127.0.0.1 --port="$(free_port)" --temp-instance="$work/plproxy/instance" \
            --bindir="$PG_BIN" --inputdir="$work/plproxy" --outputdir="$work/plproxy" --dbname=regression \
            $plproxy_tests >"$work/plproxy/pg_regress.log" 2>&1; then
        echo "ok   PL/Proxy $CI_PLPROXY_VERSION's own regression suite ($(grep -c '^ok ' "$work/plproxy/pg_regress.log") tests)"
    else
        echo "FAIL PL/Proxy $CI_PLPROXY_VERSION's own regression suite ($work/plproxy/regression.diffs)"; status=1
    fi
fi

# Shards 0 and 1 (servers a, b) behind the proxy (on a); server c has shard 2 ready, which
# sql/04_add_shard.sql adds.  The application role exists on every server (a role is per
# server); the proxy connects to the shards as the caller.
start_cluster "$work" 3
a=${cluster_servers[0]} b=${cluster_servers[1]} c=${cluster_servers[2]}

# The README's setup as start_cluster ran it: what each step printed (no NOTICE included).
if diff -u "$here/expected/00_setup.out" "$work/setup.out" >"$work/setup.diff"; then
    echo "ok   00_setup (the README's setup block)"
else
    echo "FAIL 00_setup (the README's setup block; diff: $work/setup.diff)"; status=1
fi

# Each file runs against the proxy as the application role; the variables let a file look
# at a shard directly (as the owner) to show where rows went (app_password: the
# application role's, for a direct connection to a shard).
mkdir -p "$work/results"
# (the files are read by psql as the database user: from a copy that user can read)
cp -r "$here/sql" "$work/sql" && chown -R "$(stat -c %U "$work")" "$work/sql"
for file in "$here"/sql/*.sql; do
    name=$(basename "$file" .sql)
    # (from the file's directory: error lines name the file, not where the checkout is)
    (cd "$work/sql" && as_pg "$PG_BIN/psql" -X -a -q -h "$a" -p "${port[$a]}" -U postgres -d proxy \
        -v shard0="$(conninfo "$a" shard) user=postgres" -v shard1="$(conninfo "$b" shard) user=postgres" \
        -v proxy="$(conninfo "$a" proxy)" -v new_shard="$(conninfo "$c" shard)" \
        -v app_password="$(cluster_app_password)" -f "$name.sql") >"$work/results/$name.out" 2>&1 || true
    if diff -u "$here/expected/$name.out" "$work/results/$name.out" >"$work/results/$name.diff"; then
        echo "ok   $name"
    else
        echo "FAIL $name (diff: $work/results/$name.diff)"; status=1
    fi
done
# The stories with the Node.js client, through the proxy (examples/node/test/proxy.test.js).
url() { node -e 'const [r,h,p]=process.argv.slice(1);console.log(`postgresql://${r}@localhost/proxy?host=${encodeURIComponent(h)}&port=${p}`)' "$1" "$a" "${port[$a]}"; }
if command -v node >/dev/null; then
    [ -d "$ROOT/examples/node/node_modules" ] || (cd "$ROOT/examples/node" && npm ci --no-audit --no-fund >/dev/null 2>&1)
    if (cd "$ROOT/examples/node" && PROXY_DATABASE_URL=$(url ci_app) PROXY_ADMIN_URL=$(url postgres) \
            node --test --test-concurrency=1 test/proxy.test.js >"$work/node.log" 2>&1); then
        echo "ok   node client through the proxy ($(grep -c '^ok ' "$work/node.log") tests)"
    else
        echo "FAIL node client through the proxy ($work/node.log)"; status=1
    fi
else
    echo "FAIL node client through the proxy: no node (the clients suite installs it)"; status=1
fi

source "$here/move_under_load.sh"

stop_cluster
trap - EXIT
[ $status -eq 0 ] && rm -rf "$work"
exit $status
