#!/usr/bin/env bash
# Runs a PostgreSQL regression suite in a temporary instance, as the database user.
#   test/pg_suite.sh regress   [names...]   sql/NAME.sql against expected/NAME.out
#   test/pg_suite.sh isolation [names...]   test/isolation/specs/NAME.spec against .../expected/NAME.out
# (assumes the extension is installed; on failure prints the diffs and keeps the work dir)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
find_postgres
kind=${1:?usage: $0 regress|isolation [names...]}; shift
case $kind in
    regress)   tool=$PGXS_DIR/src/test/regress/pg_regress
               inputs=("$ROOT/sql" "$ROOT/expected"); pattern=$ROOT/sql/*.sql ;;
    isolation) tool=$PGXS_DIR/src/test/isolation/pg_isolation_regress
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
as_pg "$tool" --temp-instance="$work/instance" --bindir="$PG_BIN" \
    --inputdir="$work" --outputdir="$work" --load-extension=customer_identity \
    --dbname="ci_$kind" "${tests[@]}" || status=$?
if [ $status -ne 0 ]; then
    [ -f "$work/regression.diffs" ] && cat "$work/regression.diffs"
    echo "results kept in $work"
fi
[ $status -eq 0 ] && rm -rf "$work"
exit $status
