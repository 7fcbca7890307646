# Shared shell helpers: packages, build + install, private PostgreSQL instances.
# Source it; it defines functions and the variables ROOT, BUILD, PG_BIN, PGXS_DIR.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${CI_BUILD_DIR:-$ROOT/build}
CI_PACKAGES="postgresql-15 postgresql-server-dev-15 postgresql-contrib cmake g++ make libgtest-dev"

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages the build and the tests need, when missing.
ensure_packages() {
    local missing=()
    for pkg in $CI_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them"
    log "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Resolves the PostgreSQL 15 tool locations from pg_config.
find_postgres() {
    PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
    [ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)
    PG_BIN=$("$PG_CONFIG" --bindir)
    PGXS_DIR=$(cd "$(dirname "$("$PG_CONFIG" --pgxs)")/../.." && pwd)  # .../lib/pgxs
}

# Configures, builds and installs the extension (installing needs root).
build_and_install() {
    find_postgres
    log "building in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -DPG_CONFIG="$PG_CONFIG" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j"$(nproc)" >/dev/null || cmake --build "$BUILD" -j1
    cmake --install "$BUILD" >/dev/null
}

# Everything a suite needs before it runs.
# (CI_SKIP_PREPARE=1 uses what is already installed, for working on scripts alone.)
prepare() {
    [ "${CI_SKIP_PREPARE:-0}" = 1 ] && { find_postgres; return 0; }
    ensure_packages
    build_and_install
}

# Runs a command as the unprivileged database user (postgres when we are root).
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A scratch directory the database user can write to.
pg_workdir() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/customer_identity.$1.XXXXXX")
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 755 "$dir"
    echo "$dir"
}

# Picks a free TCP port number for a private instance.
free_port() {
    local port
    for port in $(seq 54400 54499); do
        ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "$port"; return; }
    done
    die "no free port"
}

# Starts a throwaway instance in DIR; sets PGHOST and PGPORT for psql.
# (fsync is off unless CI_PG_FSYNC=on: a test that kills the server asks for it.)
start_instance() {
    local dir=$1
    find_postgres
    export PGPORT=${PGPORT:-$(free_port)} PGHOST=$dir PGUSER=postgres
    as_pg "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $PGPORT -k $dir -c listen_addresses='' -c fsync=${CI_PG_FSYNC:-off} ${PG_EXTRA_OPTS:-}" start >/dev/null
}

# Stops the instance started by start_instance.
stop_instance() {
    as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

# psql against the private instance, failing on the first error.
psql_pg() {
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres "$@"
}
