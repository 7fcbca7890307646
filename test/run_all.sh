#!/usr/bin/env bash
# Every test suite on every supported PostgreSQL major (15, 17, 18), from a fresh machine:
# installs what is missing, builds, installs the extension into a private server tree of
# each major, runs each suite, and ends with one summary line per major and
# "N passed, N failed".  CI_PG_MAJORS="15 18" narrows the majors.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_packages

passed=0; failed=0; failed_names=()
declare -A major_summary
# Runs one suite of the current major, counting it.
suite() {
    local suite_name=$1 name="$1 (PostgreSQL $PG_MAJOR)"; shift
    log "suite: $name"
    if "$@"; then passed=$((passed + 1)); major_passed=$((major_passed + 1)); echo "PASS $name"
    else failed=$((failed + 1)); major_failed+=("$suite_name"); failed_names+=("$name"); echo "FAIL $name"; fi
}
# Runs the node client and ORM examples against a private instance of the current major.
clients_suite() {
    local dir status=0
    dir=$(pg_workdir clients)
    start_instance "$dir"
    PSQL=$PG_BIN/psql CI_SERVER_LOG=$dir/server.log bash "$ROOT/examples/run_clients.sh" || status=$?
    stop_instance "$dir"
    unset PGPORT PGHOST
    [ $status -eq 0 ] && rm -rf "$dir"
    return $status
}

for major in $(pg_majors); do
    major_passed=0; major_failed=()
    export CI_PG_MAJOR=$major
    if ! (prepare "$major"); then
        failed=$((failed + 1)); failed_names+=("build (PostgreSQL $major)")
        major_summary[$major]="FAILED: build"
        continue
    fi
    major_paths "$major"
    suite unit       "$BUILD/unit_tests" --gtest_brief=1
    suite regress    "$ROOT/test/pg_suite.sh" regress
    suite isolation  "$ROOT/test/pg_suite.sh" isolation
    suite clients    clients_suite
    # pg_dump refuses servers newer than itself, and only 15's exists on Debian 12.
    [ "$major" = 15 ] && suite dump_restore "$ROOT/test/dump_restore.sh"
    suite scaleout   "$ROOT/test/scaleout/run.sh"
    suite deb_package "$ROOT/test/deb_package.sh"
    if [ ${#major_failed[@]} -eq 0 ]; then major_summary[$major]="passed ($major_passed suites)"
    else major_summary[$major]="FAILED: ${major_failed[*]} ($major_passed passed)"; fi
done

echo
echo "summary:"
for major in $(pg_majors); do echo "  PostgreSQL $major: ${major_summary[$major]}"; done
[ $failed -gt 0 ] && echo "failed suites: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
