#!/usr/bin/env bash
# Runs the client examples (node-postgres, MikroORM, Prisma) against a running PostgreSQL
# server that has the customer_identity extension installed but not yet created.
#
#   PGHOST=/path/to/socket/dir PGPORT=5432 PGUSER=postgres bash examples/run_clients.sh [dbname]
#
# It creates a fresh database (default ci_clients) with the extension and an application role
# (<dbname>_app, given grant_application_role), installs the three projects (skipped when their
# package-lock.json is unchanged), runs each test suite as that role, then drops the database
# and the role. Optional: CI_SERVER_LOG=<server log file> lets the tests check what the server
# logged. Ends with one summary line; exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
db=${1:-ci_clients}
role=${CI_APP_ROLE:-${db}_app}
: "${PGHOST:?set PGHOST (a host name or a Unix socket directory)}"
: "${PGUSER:?set PGUSER (a superuser)}"
export PGHOST PGUSER PGPORT=${PGPORT:-5432}
export CHECKPOINT_DISABLE=1 # Prisma CLI: no telemetry / update check
psql_bin=${PSQL:-$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)}
projects=(node orm/mikroorm orm/prisma)
logdir=$(mktemp -d /tmp/run_clients.XXXXXX)
start=$SECONDS
summarized=

# Runs SQL as the superuser in database $1 (remaining args: psql options).
sql() { local d=$1; shift; "$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$d" "$@"; }

# Drops the test database and the application role, if they exist.
cleanup_db() {
  sql postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1 || true
}

# On exit: drop what we created; keep the logs only when something failed.
on_exit() {
  local rc=$?
  cleanup_db
  if [ "$rc" -eq 0 ]; then rm -rf "$logdir"; elif [ -z "$summarized" ]; then echo "run_clients: FAILED before the tests ran; logs in $logdir" >&2; fi
  exit "$rc"
}
trap on_exit EXIT

# The application role's URL; a PGHOST starting with / is a socket directory (?host=).
app_url() {
  if [[ $PGHOST == /* ]]; then
    node -e 'const [r,d,h,p]=process.argv.slice(1);console.log(`postgresql://${r}@localhost/${d}?host=${encodeURIComponent(h)}&port=${p}`)' \
      "$role" "$db" "$PGHOST" "$PGPORT"
  else
    echo "postgresql://${role}@${PGHOST}:${PGPORT}/${db}"
  fi
}

# Hash of the files that decide what npm installs (and what Prisma generates) in project $1.
stamp_of() { (cd "$here/$1" && cat package.json package-lock.json prisma/schema.prisma prisma.config.js 2>/dev/null; node --version) | sha256sum | cut -d' ' -f1; }

# npm ci for project $1 unless node_modules matches its lock; Prisma: generate the client too.
install_project() {
  local p=$1 dir="$here/$1" stamp
  stamp=$(stamp_of "$p")
  if [ -f "$dir/node_modules/.ci_stamp" ] && [ "$(cat "$dir/node_modules/.ci_stamp")" = "$stamp" ] &&
     { [ "$p" != orm/prisma ] || [ -f "$dir/generated/client/index.js" ]; }; then
    echo "install $p: up to date"
    return
  fi
  echo "install $p: npm ci"
  # --ignore-scripts: nothing here needs install scripts, and Prisma's would fetch native engines
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$logdir/install_${p//\//_}.log" 2>&1 ||
    { cat "$logdir/install_${p//\//_}.log" >&2; return 1; }
  if [ "$p" = orm/prisma ]; then
    (cd "$dir" && DATABASE_URL=$(app_url) npx --no-install prisma generate) >>"$logdir/install_orm_prisma.log" 2>&1 ||
      { cat "$logdir/install_orm_prisma.log" >&2; return 1; }
  fi
  echo "$stamp" >"$dir/node_modules/.ci_stamp"
}

node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' || { echo "Node.js 18 or later is required (Debian 12 has 18.19)" >&2; exit 1; }
sql postgres -tAc "SELECT 1 FROM pg_available_extensions WHERE name = 'customer_identity'" | grep -q 1 ||
  { echo "customer_identity is not installed in this server's extension directory" >&2; exit 1; }

cleanup_db
sql postgres -c "CREATE DATABASE \"$db\"" -c "CREATE ROLE \"$role\" LOGIN"
sql "$db" -c "CREATE EXTENSION customer_identity" -c "SELECT customer_identity.grant_application_role('$role')" >/dev/null
echo "database $db: extension $(sql "$db" -tAc "SELECT extversion FROM pg_extension WHERE extname = 'customer_identity'"), role $role"

for p in "${projects[@]}"; do install_project "$p"; done

export PGDATABASE=$db DATABASE_URL
DATABASE_URL=$(app_url)
summary=()
failed=0
for p in "${projects[@]}"; do
  log="$logdir/test_${p//\//_}.tap"
  rc=0
  (cd "$here/$p" && node --test --test-concurrency=1 --test-reporter=tap test/*.test.js) >"$log" 2>&1 || rc=$?
  count() { sed -n "s/^# $1 //p" "$log"; }
  tests=$(count tests) pass=$(count pass) fail=$(count fail) skip=$(count skipped)
  if [ "$rc" -ne 0 ] || [ -z "$pass" ] || [ "${fail:-1}" != 0 ]; then
    failed=$((failed + 1))
    echo "---- ${p}: FAILED (exit $rc) ----" >&2
    grep -v '^\s*\(duration_ms\|\.\.\.\|---\)' "$log" | grep -A25 'not ok' >&2 || tail -40 "$log" >&2
  fi
  note=""; if [ "${skip:-0}" != 0 ]; then note=" ($skip skipped)"; fi
  summary+=("${p#orm/} ${pass:-0}/${tests:-0}$note")
done

result="all passed"; if [ "$failed" -ne 0 ]; then result="$failed suite(s) FAILED, logs in $logdir"; fi
summarized=1
line=$(printf '%s, ' "${summary[@]}")
echo "run_clients: ${line%, } tests passed; ${result}; $((SECONDS - start))s"
[ "$failed" -eq 0 ]
