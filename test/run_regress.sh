#!/usr/bin/env bash
# pg_regress over sql/*.sql against expected/*.out, in a temporary instance.
# Usage: test/run_regress.sh [test names...]   (assumes the extension is installed)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
find_postgres
work=$(pg_workdir regress)
cp -r "$ROOT/sql" "$ROOT/expected" "$work/"
chown -R "$(stat -c %U "$work")" "$work"
if [ $# -gt 0 ]; then tests=("$@"); else
    tests=(); for f in "$ROOT"/sql/*.sql; do tests+=("$(basename "$f" .sql)"); done
fi
status=0
as_pg "$PGXS_DIR/src/test/regress/pg_regress" --temp-instance="$work/instance" \
    --bindir="$PG_BIN" --inputdir="$work" --outputdir="$work" \
    --load-extension=customer_identity --dbname=contrib_regression "${tests[@]}" || status=$?
if [ $status -ne 0 ] && [ -f "$work/regression.diffs" ]; then
    cat "$work/regression.diffs"
fi
[ $status -eq 0 ] && rm -rf "$work"
exit $status
