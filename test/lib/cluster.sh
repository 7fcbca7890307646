# A sharded cluster on this machine, for the scale-out suite and its benchmark: sourced
# after common.sh and attach_major / prepare.  start_cluster WORK N starts N servers
# (WORK/a, WORK/b, ...; wal_level = logical), each with a shard database `shard` (enable_sharding(i)) and the
# role ci_app; the first also gets the proxy database `proxy` with the first two shards,
# every bucket assigned, the API generated and ci_app's grants.  stop_cluster stops them.
# Then: on DIR DB [psql args] runs psql as postgres; conninfo DIR DB prints a conninfo.

declare -A port
cluster_servers=()

on() {
    local dir=$1 db=$2; shift 2
    PGHOST=$dir PGPORT=${port[$dir]} psql_pg -d "$db" "$@"
}

conninfo() { echo "host=$1 port=${port[$1]} dbname=$2"; }

start_cluster() {
    local work=$1 count=$2 i dir
    [ "$PG_MAJOR" = 15 ] || die "the cluster needs PL/Proxy, packaged here for PostgreSQL 15 only"
    [ -f "$PG_TREE_PKGLIBDIR/plproxy.so" ] || die "PL/Proxy is missing from the server tree (postgresql-15-plproxy)"
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
        on "$dir" postgres -q -c "CREATE ROLE ci_app LOGIN" -c "CREATE DATABASE shard"
        on "$dir" shard -q -c "SET client_min_messages = warning" -c "CREATE EXTENSION customer_identity" \
            -c "SELECT customer_identity.enable_sharding($i)" >/dev/null
    done
    dir=${cluster_servers[0]}
    on "$dir" postgres -q -c "CREATE DATABASE proxy"
    on "$dir" proxy >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION customer_identity_proxy CASCADE;
SELECT customer_identity.add_shard('$(conninfo "${cluster_servers[0]}" shard)');
SELECT customer_identity.add_shard('$(conninfo "${cluster_servers[1]}" shard)');
SELECT customer_identity.assign_buckets();
SELECT customer_identity.create_api();
SELECT customer_identity.grant_application_role('ci_app');
SELECT customer_identity.grant_proxy_access('ci_app');
SQL
}

stop_cluster() {
    local dir
    for dir in "${cluster_servers[@]}"; do stop_instance "$dir"; done
}
