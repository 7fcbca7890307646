#!/usr/bin/env bash
# Stress test, one command from a fresh clone, as root:  bash test/stress/run.sh
# (~8 min on 2 cores after the build: soak 3 min, crash 0.5 min, fuzz ~4 min)
# Installs what is missing (sqlsmith too), builds and installs the extension, starts a
# private PostgreSQL 15 instance (fsync on) and:
#   1. soak   -- pgbench, 16 clients, as an unprivileged application role: hits, misses,
#                overlapping new identities, direct writes, links, upgrades, invites, merges;
#                every error the contract does not allow for the operation aborts a client
#                and fails the run (test/stress/setup.sql);
#   2. invariants (test/stress/invariants.sql): every query returns zero rows;
#   3. crash  -- a second soak, the postmaster killed with SIGKILL mid-run, crash recovery,
#                the invariants and amcheck again;
#   4. fuzz   -- sqlsmith as another unprivileged role; the server must not crash.
# Exits 0 only if all of it holds.  Shorter runs while working on it:
#   STRESS_SOAK_SECONDS=180 STRESS_CRASH_SECONDS=60 STRESS_CRASH_AFTER=25
#   STRESS_FUZZ_QUERIES=20000 STRESS_FUZZ_TIMEOUT=420 STRESS_CLIENTS=16 CI_SKIP_PREPARE=1
#   STRESS_MIX='resolve_hit@25 merge_op@6 ...' (script@weight, scripts in this directory)
#   STRESS_KEEP=1 keeps the instance directory (logs, data) after a clean run too
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
HERE=$ROOT/test/stress
SOAK_SECONDS=${STRESS_SOAK_SECONDS:-180}
CRASH_SECONDS=${STRESS_CRASH_SECONDS:-60}
CRASH_AFTER=${STRESS_CRASH_AFTER:-25}
FUZZ_QUERIES=${STRESS_FUZZ_QUERIES:-20000}
FUZZ_TIMEOUT=${STRESS_FUZZ_TIMEOUT:-420}
CLIENTS=${STRESS_CLIENTS:-16}
DB=stress
APP_ROLE=stress_app
FUZZ_ROLE=stress_fuzz
# the soak's mix: script@weight (what each does: setup.sql)
MIX=${STRESS_MIX:-"resolve_hit@25 resolve_miss@10 resolve_overlap@20 direct_write@12 vendor_op@12 invite_op@12 merge_op@6 lock_budget_op@1"}
# server log lines that mean a backend crashed
# (not "background worker ... exited with exit code 1": parallel workers of a failed query)
CRASH_PATTERN='terminated by signal|terminated by exception|server process .* exited with exit code|PANIC|all server processes terminated|terminating any other active server processes'

CI_PACKAGES="$CI_PACKAGES sqlsmith" prepare
command -v sqlsmith >/dev/null || CI_PACKAGES=sqlsmith ensure_packages
started=$SECONDS
dir=$(pg_workdir stress)
# (pgbench reads its scripts as the database user: from a copy that user can read)
mkdir -p "$dir/scripts" && cp "$HERE"/*.sql "$dir/scripts/" && chown -R postgres "$dir/scripts" 2>/dev/null || true
ok=0
bg_pid=
# Stops the instance; removes it after a clean run, keeps it (and says where) after a failure.
cleanup() {
    [ -n "$bg_pid" ] && kill "$bg_pid" 2>/dev/null || true
    stop_instance "$dir"
    if [ "$ok" = 1 ] && [ "${STRESS_KEEP:-0}" != 1 ]; then rm -rf "$dir"; elif [ "$ok" = 1 ]; then echo "stress: kept $dir"; else printf '\nstress: FAILED; server log, pgbench and sqlsmith output kept in %s\n' "$dir" >&2; fi
}
trap cleanup EXIT
fail() { printf '\nstress: FAIL: %s\n' "$*" >&2; exit 1; }
phase_started=$SECONDS
# Prints how long the phase that just ended took.
took() { echo "($1 took $(( SECONDS - phase_started ))s)"; phase_started=$SECONDS; }

export CI_PG_FSYNC=on
export PG_EXTRA_OPTS="-c shared_buffers=256MB -c max_connections=60 -c log_checkpoints=on -c log_line_prefix='%m [%p] %q%u@%d '"
# the same options again, for the restart after the crash
server_opts() { echo "-p $PGPORT -k $dir -c listen_addresses='' -c fsync=$CI_PG_FSYNC $PG_EXTRA_OPTS"; }

q() { psql_pg -d "$DB" -At -c "$1"; }
log_size() { stat -c %s "$dir/server.log"; }
log_since() { tail -c +"$(( $1 + 1 ))" "$dir/server.log"; }
postmaster_pid() { head -1 "$dir/data/postmaster.pid"; }

# Creates login role $1 as an application role (neither superuser nor owner) with the grants
# the extension documents for one (grant_application_role, README "Security").
setup_app_role() {
    local role=$1
    psql_pg -d "$DB" -c "CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT" >/dev/null
    q "SELECT customer_identity.grant_application_role('$role')" >/dev/null
}

# Fails unless role $1 is neither superuser nor the owner of anything in the extension's schema.
check_unprivileged() {
    local n
    n=$(q "SELECT count(*) FROM pg_roles WHERE rolname = '$1' AND (rolsuper OR rolbypassrls)")
    [ "$n" = 0 ] || fail "$1 is a superuser"
    n=$(q "SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname = 'customer_identity' AND pg_get_userbyid(c.relowner) = '$1'")
    [ "$n" = 0 ] || fail "$1 owns objects of customer_identity"
}

# Runs the soak mix with pgbench as the application role for $1 seconds; output to file $2.
run_pgbench() {
    local args=() script
    for script in $MIX; do args+=(-f "$dir/scripts/${script%@*}.sql@${script#*@}"); done
    as_pg "$PG_BIN/pgbench" -h "$PGHOST" -p "$PGPORT" -U "$APP_ROLE" -n -c "$CLIENTS" -j 2 \
        -T "$1" -P 30 "${args[@]}" "$DB" > "$2" 2>&1
}

# Fails if the server log after byte offset $1 shows a crashed backend or an error no
# wrapper caught (either means a client aborted).
check_log_clean() {
    local bad
    bad=$(log_since "$1" | grep -E "$CRASH_PATTERN|ERROR:|deadlock detected") || true
    [ -z "$bad" ] || { printf '%s\n' "$bad" | head -40 >&2 || true; fail "server log of the $2 shows errors or a crash (above)"; }
}

# Runs invariants.sql; fails (printing the rows) if any query returns a row.
check_invariants() {
    local out rows
    out=$(psql_pg -d "$DB" -At -F ' | ' -f "$dir/scripts/invariants.sql" 2>&1) || true
    rows=$(printf '%s\n' "$out" | grep -v '^invariant ' || true)
    if [ -n "$rows" ]; then
        printf '%s\n' "$out" | head -200 >&2 || true
        fail "invariants broken $1 (rows above)"
    fi
    echo "invariants after $1: $(printf '%s\n' "$out" | grep -c '^invariant ') checks, 0 rows"
}

# Verifies every table and B-tree index of the extension with amcheck (heap and index agree).
check_storage() {
    psql_pg -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null
    local out
    out=$(q "SELECT c.relname || ': ' || v.msg
               FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace,
                    LATERAL verify_heapam(c.oid) v
              WHERE s.nspname = 'customer_identity' AND c.relkind = 'r'")
    [ -z "$out" ] || { printf '%s\n' "$out" >&2; fail "amcheck: heap corruption $1"; }
    # (bt_index_check verifies B-trees; erasure's GIN search index is not one)
    q "SELECT bt_index_check(i.indexrelid, true)
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace s ON s.oid = c.relnamespace
         JOIN pg_am a ON a.oid = c.relam
        WHERE s.nspname = 'customer_identity' AND a.amname = 'btree'" >/dev/null || fail "amcheck: index corruption $1"
    echo "amcheck after $1: heap and B-tree indexes of customer_identity verified"
}

# Prints how the soak's operations ended, per operation and SQLSTATE.
print_outcomes() {
    psql_pg -d "$DB" -c "SELECT op, sum(n) AS attempts, string_agg(sqlstate || ' ' || n, ', ' ORDER BY sqlstate <> 'ok', sqlstate) AS outcomes
                           FROM (SELECT op, sqlstate, count(*) AS n FROM stress.outcome GROUP BY op, sqlstate) s
                          GROUP BY op ORDER BY op"
}

# Starts the server again after the postmaster was killed (crash recovery).
restart_server() {
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 300 -o "$(server_opts)" start >/dev/null
}

###########################################################################################
log "private instance in $dir (fsync on)"
start_instance "$dir"
sync
psql_pg -d postgres -c "CREATE DATABASE $DB" >/dev/null
psql_pg -d "$DB" -c "CREATE EXTENSION customer_identity" >/dev/null
psql_pg -d "$DB" -f "$dir/scripts/setup.sql" >/dev/null
setup_app_role "$APP_ROLE"
setup_app_role "$FUZZ_ROLE"
check_unprivileged "$APP_ROLE"
check_unprivileged "$FUZZ_ROLE"
# the harness (schema stress) is the app role's too; the fuzz role sees only the extension
psql_pg -d "$DB" -c "GRANT USAGE ON SCHEMA stress TO $APP_ROLE" >/dev/null
log "populating 4 tenants"
psql_pg -d "$DB" -f "$dir/scripts/populate.sql" >/dev/null
q "SELECT 'customers ' || (SELECT count(*) FROM customer_identity.customer) ||
          ', vendors ' || (SELECT count(*) FROM customer_identity.vendor) ||
          ' (' || (SELECT count(*) FROM customer_identity.vendor WHERE customer_id IS NOT NULL) || ' linked)' ||
          ', invite tokens ' || (SELECT count(*) FROM customer_identity.invite_token) ||
          ', clientele rows ' || (SELECT count(*) FROM customer_identity.vendor_customer)"
check_invariants "populating"
took setup

# 1. soak
log "soak: $CLIENTS clients for ${SOAK_SECONDS}s as $APP_ROLE ($MIX)"
offset=$(log_size)
soak_rc=0
run_pgbench "$SOAK_SECONDS" "$dir/soak_pgbench.log" || soak_rc=$?
grep -E '^(progress|number of|latency average|tps)' "$dir/soak_pgbench.log" || true
soak_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$dir/soak_pgbench.log")
soak_failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$dir/soak_pgbench.log")
aborted=$(grep -c 'aborted' "$dir/soak_pgbench.log" || true)
print_outcomes
if [ "$soak_rc" != 0 ] || [ "$aborted" != 0 ] || [ "${soak_failed:-x}" != 0 ] || [ -z "$soak_tx" ]; then
    grep -E 'aborted|ERROR|DETAIL|HINT|CONTEXT' "$dir/soak_pgbench.log" | head -40 >&2 || true
    log_since "$offset" | grep -E -A4 "ERROR:|$CRASH_PATTERN" | head -60 >&2 || true
    fail "soak: pgbench exit $soak_rc, $aborted aborted client lines, ${soak_failed:-?} failed transactions"
fi
check_log_clean "$offset" "soak"
took soak

# 2. invariants
log "invariants after the soak"
check_invariants "the soak"

# 3. crash: SIGKILL of the postmaster in the middle of a second soak, then crash recovery
log "crash: soak for ${CRASH_SECONDS}s, SIGKILL of the postmaster after ${CRASH_AFTER}s"
offset=$(log_size)
run_pgbench "$CRASH_SECONDS" "$dir/crash_pgbench.log" &
bg_pid=$!
sleep "$CRASH_AFTER"
kill -0 "$bg_pid" 2>/dev/null || fail "crash: the soak ended before the kill (see $dir/crash_pgbench.log)"
pm=$(postmaster_pid)
children=$(ps -o pid= --ppid "$pm" | tr -d ' ' | tr '\n' ' ')
kill_offset=$(log_size)
crash_tx=$(q "SELECT count(*) FROM stress.outcome")
kill -9 "$pm"
echo "killed postmaster $pm (children: $children)"
# the orphaned backends exit at their next wait; the shared memory must be free before a restart
for _ in $(seq 1 120); do
    alive=0
    for pid in $children; do kill -0 "$pid" 2>/dev/null && alive=1; done
    kill -0 "$pm" 2>/dev/null && alive=1
    [ "$alive" = 0 ] && break
    sleep 0.5
done
[ "$alive" = 0 ] || fail "crash: server processes still alive 60s after the postmaster was killed"
wait "$bg_pid" || true
bg_pid=
# up to the kill, the second soak must have been as clean as the first
before_kill=$(log_since "$offset" | head -c $(( kill_offset - offset ))) || true
bad=$(printf '%s\n' "$before_kill" | grep -E "ERROR:|deadlock detected|$CRASH_PATTERN" || true)
[ -z "$bad" ] || { printf '%s\n' "$bad" | head -40 >&2 || true; fail "crash: errors in the server log before the kill (above)"; }
restart_offset=$(log_size)
restart_server
recovery=$(log_since "$restart_offset" | grep -E 'not properly shut down|automatic recovery in progress|was interrupted|redo starts|redo done|redo is not required' || true)
printf '%s\n' "$recovery"
printf '%s\n' "$recovery" | grep -qE 'automatic recovery in progress|was interrupted' ||
    fail "crash: the server log does not show crash recovery"
echo "outcomes committed before the kill: $crash_tx"
check_invariants "the crash"
check_storage "the crash"
took crash

# 4. fuzz with sqlsmith as an unprivileged role
log "fuzz: sqlsmith, $FUZZ_QUERIES queries as $FUZZ_ROLE (statement_timeout 1s)"
psql_pg -d "$DB" -c "ALTER ROLE $FUZZ_ROLE SET statement_timeout = '1s'; ALTER ROLE $FUZZ_ROLE SET lock_timeout = '1s';
                     ALTER ROLE $FUZZ_ROLE SET idle_in_transaction_session_timeout = '10s'" >/dev/null
pm=$(postmaster_pid)
offset=$(log_size)
fuzz_rc=0
timeout "$FUZZ_TIMEOUT" "$(command -v sqlsmith)" --target="host=$dir port=$PGPORT dbname=$DB user=$FUZZ_ROLE" \
    --max-queries="$FUZZ_QUERIES" --exclude-catalog --seed="${STRESS_FUZZ_SEED:-42}" --verbose > "$dir/sqlsmith.log" 2>&1 || fuzz_rc=$?
[ "$(postmaster_pid 2>/dev/null)" = "$pm" ] && kill -0 "$pm" 2>/dev/null || fail "fuzz: the postmaster is gone"
q "SELECT 1" >/dev/null || fail "fuzz: the server does not answer"
bad=$(log_since "$offset" | grep -E "$CRASH_PATTERN") || true
if [ -n "$bad" ]; then
    log_since "$offset" | grep -E -B20 "$CRASH_PATTERN" | head -80 >&2 || true
    fail "fuzz: a backend crashed (server log above; queries in $dir/server.log)"
fi
fuzz_errors=$(log_since "$offset" | grep -c 'ERROR:' || true)
case $fuzz_rc in
    0) fuzz_queries=$FUZZ_QUERIES ;;
    124) fuzz_queries="${FUZZ_TIMEOUT}s of" ;;   # stopped by the time limit, not a failure
    *) fail "fuzz: sqlsmith exited with $fuzz_rc (see $dir/sqlsmith.log)" ;;
esac
echo "sqlsmith: $fuzz_queries queries, $fuzz_errors ended in an error (most frequent, numbers and names elided):"
log_since "$offset" | sed -n 's/.*ERROR:  //p' | sed -E 's/"[^"]*"/"…"/g; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -12 || true
check_invariants "the fuzzing"
took fuzz

ok=1
log "done in $(( SECONDS - started ))s"
echo "stress: soak $soak_tx tx, 0 aborted; invariants 0 rows after soak and after crash (recovered from SIGKILL); fuzz $fuzz_queries queries, no crash"
