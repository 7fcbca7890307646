#!/usr/bin/env bash
# Every test suite, from a fresh machine: installs what is missing, builds, installs the
# extension, runs each suite and ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
prepare || die "build failed"

passed=0; failed=0; failed_names=()
# Runs one suite, counting it.
suite() {
    local name=$1; shift
    log "suite: $name"
    if "$@"; then passed=$((passed + 1)); echo "PASS $name"
    else failed=$((failed + 1)); failed_names+=("$name"); echo "FAIL $name"; fi
}

suite unit          "$BUILD/unit_tests" --gtest_brief=1
suite regress       "$ROOT/test/pg_suite.sh" regress
suite isolation     "$ROOT/test/pg_suite.sh" isolation
suite dump_restore  "$ROOT/test/dump_restore.sh"

echo
[ $failed -gt 0 ] && echo "failed suites: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
