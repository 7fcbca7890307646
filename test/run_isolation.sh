#!/usr/bin/env bash
# pg_isolation_regress over test/isolation/specs/*.spec, in a temporary instance.
# Usage: test/run_isolation.sh [spec names...]   (assumes the extension is installed)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
find_postgres
work=$(pg_workdir isolation)
cp -r "$ROOT/test/isolation/specs" "$ROOT/test/isolation/expected" "$work/"
chown -R "$(stat -c %U "$work")" "$work"
if [ $# -gt 0 ]; then specs=("$@"); else
    specs=(); for f in "$ROOT"/test/isolation/specs/*.spec; do specs+=("$(basename "$f" .spec)"); done
fi
status=0
as_pg "$PGXS_DIR/src/test/isolation/pg_isolation_regress" --temp-instance="$work/instance" \
    --bindir="$PG_BIN" --inputdir="$work" --outputdir="$work" \
    --load-extension=customer_identity --dbname=isolation_regression "${specs[@]}" || status=$?
if [ $status -ne 0 ] && [ -f "$work/regression.diffs" ]; then
    cat "$work/regression.diffs"
fi
[ $status -eq 0 ] && rm -rf "$work"
exit $status
