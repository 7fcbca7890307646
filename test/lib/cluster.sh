# A sharded cluster on this machine, for the scale-out suite and its benchmark: sourced
# after common.sh and attach_major / prepare.  start_cluster WORK N starts N servers
# (WORK/a, WORK/b, ...; wal_level = logical, which a move needs) and runs the README's setup block on them as written (see
# readme_setup_step): each server gets the role ci_app and a shard database `shard`
# (enable_sharding(i)); the first also gets the proxy database `proxy` with the first two
# shards, every bucket assigned, the API generated, ci_app's user mapping and grants.  The
# setup's output goes to WORK/setup.out.  stop_cluster stops them.
# Then: on DIR DB [psql args] runs psql as postgres; conninfo DIR DB prints a conninfo.

declare -A port
cluster_servers=()

on() {
    local dir=$1 db=$2; shift 2
    PGHOST=$dir PGPORT=${port[$dir]} psql_pg -d "$db" "$@"
}

conninfo() { echo "host=$1 port=${port[$1]} dbname=$2"; }

# The SQL of one step of the README's setup block (the block after the marker
# "<!-- scale-out setup", its steps headed by "-- on every server", "-- on each shard
# server", "-- in each shard database", "-- on the proxy server", "-- in the proxy
# database"), for this cluster: ci_app for app, psql variables :'db0' and :'db1' for the
# shards' conninfos, :shard_number for enable_sharding's argument.
readme_setup_step() {
    awk -v step="$1" '
        /^<!-- scale-out setup/ { block = 1; next }
        block && /^```sql/ { inside = 1; next }
        inside && /^```/ { exit }
        inside && /^-- (on|in) / { current = ($0 ~ "^-- " step "( |$)") }
        inside && current' "$ROOT/README.md" |
    sed -E -e 's/\bapp\b/ci_app/g' -e "s/'host=db([0-9]+) dbname=shard'/:'db\\1'/g" \
           -e 's/enable_sharding\(0\)/enable_sharding(:shard_number)/'
}

# The password the README's setup gives ROLE (ci_app, postgres).
cluster_password() {
    readme_setup_step "on every server" | sed -n "s/.*ROLE $1 .*PASSWORD '\\([^']*\\)'.*/\\1/p"
}
cluster_app_password() { cluster_password ci_app; }

start_cluster() {
    local work=$1 count=$2 i dir proxy_dir steps
    [ -f "$PG_TREE_PKGLIBDIR/plproxy.so" ] ||
        die "PL/Proxy is missing from the server tree of PostgreSQL $PG_MAJOR (15: postgresql-15-plproxy; 17, 18: use_major builds it)"
    # The owner's password for the shards, as the README puts it in ~postgres/.pgpass on
    # the proxy's server: here for every server and the test's own clients.
    printf '*:*:shard:postgres:%s\n' "$(cluster_password postgres)" >"$work/pgpass"
    chown "$(stat -c %U "$work")" "$work/pgpass" && chmod 600 "$work/pgpass"
    export PGPASSFILE=$work/pgpass
    for ((i = 0; i < count; i++)); do
        dir=$work/$(printf "\\x$(printf %x $((97 + i)))")
        mkdir -p "$dir" && chown "$(stat -c %U "$work")" "$dir"
        unset PGPORT
        # (a move copies a bucket with logical replication: shards need wal_level = logical;
        # PostgreSQL 15 starts a subscription's worker at most once per
        # wal_retrieve_retry_interval, 5 s by default: 1 s lets moves follow each other)
        PG_EXTRA_OPTS="${PG_EXTRA_OPTS:-} -c wal_level=logical -c wal_retrieve_retry_interval=1s" start_instance "$dir"
        port[$dir]=$PGPORT
        cluster_servers+=("$dir")
        # Every role logs into the shard databases with its password, as the README's
        # pg_hba.conf line asks (the proxy's user mappings give the application roles',
        # the passfile the owner's: the proxy connects a role that is not a superuser only
        # with one); everything else is trusted, as initdb set it.
        as_pg sed -i -e '1i local shard all scram-sha-256' "$dir/data/pg_hba.conf"
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" reload >/dev/null
    done
    proxy_dir=${cluster_servers[0]}
    # (psql -a: the output shows each statement, then what it printed)
    setup() {  # setup DIR DB STEP [psql args]: one step of the README's setup, logged
        local dir=$1 db=$2 step=$3; shift 3
        echo "-- server $(basename "$dir"), database $db: $step"
        readme_setup_step "$step" | on "$dir" "$db" -a "$@" 2>&1 || true
    }
    {
        for dir in "${cluster_servers[@]}"; do setup "$dir" postgres "on every server"; done
        for dir in "${cluster_servers[@]}"; do setup "$dir" postgres "on each shard server"; done
        for ((i = 0; i < count; i++)); do
            setup "${cluster_servers[$i]}" shard "in each shard database" -v shard_number="$i"
        done
        setup "$proxy_dir" postgres "on the proxy server"
        setup "$proxy_dir" proxy "in the proxy database" \
            -v db0="$(conninfo "${cluster_servers[0]}" shard)" -v db1="$(conninfo "${cluster_servers[1]}" shard)"
    } >"$work/setup.out"
    grep -q ERROR "$work/setup.out" && { cat "$work/setup.out"; die "the README's setup failed"; }
    return 0
}

stop_cluster() {
    local dir
    for dir in "${cluster_servers[@]}"; do stop_instance "$dir"; done
}
