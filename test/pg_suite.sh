#!/usr/bin/env bash
# Runs a PostgreSQL regression suite in a temporary instance, as the database user.
#   test/pg_suite.sh regress   [names...]   sql/NAME.sql against expected/NAME.out
#   test/pg_suite.sh isolation [names...]   test/isolation/specs/NAME.spec against .../expected/NAME.out
# Against the major prepared last (CI_PG_MAJOR, default 15), or with PG_BIN set by the caller
# (CI_PG_BIN_OVERRIDE: a server installation with the extension, e.g. the system's).
# On failure prints the diffs and keeps the work dir.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
kind=${1:?usage: $0 regress|isolation [names...]}; shift
if [ -n "${CI_PG_BIN_OVERRIDE:-}" ]; then
    PG_BIN=$CI_PG_BIN_OVERRIDE
    PG_REGRESS=$PG_BIN/../lib/pgxs/src/test/regress/pg_regress
    PG_ISOLATION_REGRESS=$PG_BIN/../lib/pgxs/src/test/isolation/pg_isolation_regress
    PG_SERVER_ENV=(); PG_CLIENT_LIBDIR=
else
    attach_major
fi
client_env=()
case $kind in
    regress)   tool=$PG_REGRESS
               inputs=("$ROOT/sql" "$ROOT/expected"); pattern=$ROOT/sql/*.sql ;;
    isolation) tool=$PG_ISOLATION_REGRESS
               [ -n "$PG_CLIENT_LIBDIR" ] && client_env=("LD_LIBRARY_PATH=$PG_CLIENT_LIBDIR")
               inputs=("$ROOT/test/isolation/specs" "$ROOT/test/isolation/expected")
               pattern=$ROOT/test/isolation/specs/*.spec ;;
    *) die "unknown suite kind: $kind" ;;
esac
work=$(pg_workdir "$kind")
cp -r "${inputs[@]}" "$work/"
chown -R "$(stat -c %U "$work")" "$work"
if [ $# -gt 0 ]; then tests=("$@"); else
    tests=(); for f in $pattern; do tests+=("$(basename "${f%.*}")"); done
fi
status=0
as_pg "${client_env[@]}" "$tool" --temp-instance="$work/instance" --bindir="$PG_BIN" \
    --inputdir="$work" --outputdir="$work" --load-extension=customer_identity \
    --dbname="ci_$kind" "${tests[@]}" || status=$?
if [ $status -ne 0 ]; then
    [ -f "$work/regression.diffs" ] && cat "$work/regression.diffs"
    echo "results kept in $work"
fi
[ $status -eq 0 ] && rm -rf "$work"
exit $status
