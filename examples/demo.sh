#!/usr/bin/env bash
# The main job, end to end on a fresh machine: installs what is missing, builds and
# installs the extension into a private server tree, starts a private throwaway
# PostgreSQL instance (15, the system's; CI_PG_MAJOR=17 or 18 for another major), walks
# through the stories of reports 000, 002 and 003 in SQL (examples/demo.sql), stops.
set -euo pipefail
source "$(dirname "$0")/../test/lib/common.sh"
prepare
dir=$(pg_workdir demo)
trap 'stop_instance "$dir"; rm -rf "$dir"' EXIT
start_instance "$dir"
log "private PostgreSQL $PG_MAJOR instance on port $PGPORT (socket in $dir)"
psql_pg -d postgres -c "CREATE DATABASE demo"
psql_pg -d demo --echo-queries < "$ROOT/examples/demo.sql"
log "demo finished; stopping the instance"
