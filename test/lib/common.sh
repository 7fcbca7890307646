# Shared shell helpers: packages, build + install, private PostgreSQL instances.
# Source it; it defines functions and the variables ROOT, BUILD_ROOT, and (after prepare or
# use_major) BUILD, PG_BIN and the others postgres_majors.sh lists.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_ROOT=${CI_BUILD_DIR:-$ROOT/build}
# (libphonenumber-dev, libicu-dev, libidn2-dev: the identifiers' libraries, see CMakeLists.txt;
# flex, bison, libpq-dev: building PL/Proxy for 17 and 18, see postgres_majors.sh)
CI_PACKAGES="postgresql-15 postgresql-server-dev-15 postgresql-contrib postgresql-15-plproxy cmake g++ make libgtest-dev dpkg-dev libphonenumber-dev libicu-dev libidn2-dev libmecab-dev mecab-ipadic-utf8 libhangul-data flex bison libpq-dev"

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

source "$(dirname "${BASH_SOURCE[0]}")/postgres_majors.sh"

# Installs the Debian packages the build and the tests need, when missing.
ensure_packages() {
    local missing=()
    for pkg in $CI_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    # Node.js and npm (for 17, 18 and the client tests): Debian's, unless some are already there.
    command -v npm >/dev/null || missing+=(nodejs npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing packages (${missing[*]}); run as root or install them"
    log "installing ${missing[*]}"
    # (another run may be installing at the same time: wait for dpkg's lock rather than fail)
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${missing[@]}" >/dev/null
}

# Configures and builds the module for the current major (use_major) in $BUILD.
build_module() {
    log "building for PostgreSQL $PG_MAJOR in $BUILD"
    # (the unit tests link the same core library as this major's module)
    cmake -S "$ROOT" -B "$BUILD" -DPG_INCLUDEDIR_SERVER="$PG_INCLUDEDIR_SERVER" \
        -DCI_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || return 1
    cmake --build "$BUILD" -j"$(nproc)" >/dev/null || cmake --build "$BUILD" -j1
}

# Installs the built module into the private server tree (what the .deb installs, moved
# from the Debian paths to the tree's own).
install_into_tree() {
    local stage=$BUILD/stage
    rm -rf "$stage"
    DESTDIR=$stage cmake --install "$BUILD" >/dev/null || return 1
    # (the module and the phone library it loads on first use, customer_identity_phone.so)
    cp "$stage"/usr/lib/postgresql/"$PG_MAJOR"/lib/customer_identity*.so "$PG_TREE_PKGLIBDIR/"
    cp "$stage"/usr/share/postgresql/"$PG_MAJOR"/extension/customer_identity* "$PG_TREE_SHAREDIR/extension/"
    check_module_symbols
}

# Everything a suite needs before it runs, for one major (default: CI_PG_MAJOR, else 15).
# (CI_SKIP_PREPARE=1 reuses the build already there, for working on scripts alone.)
prepare() {
    local major=${1:-${CI_PG_MAJOR:-15}}
    [ "${CI_SKIP_PREPARE:-0}" = 1 ] || ensure_packages
    use_major "$major"
    if [ "${CI_SKIP_PREPARE:-0}" != 1 ] || [ ! -f "$BUILD/customer_identity.so" ] ||
       [ ! -f "$BUILD/customer_identity_phone.so" ]; then
        build_module || return 1
    fi
    install_into_tree
}

# Runs a command as the unprivileged database user (postgres when we are root), with the
# server environment of the current major.  From a working directory that user cannot
# enter (a checkout under /root, a 0700 temporary directory) it runs from / instead, so
# PostgreSQL's programs do not warn that they could not change into it; what it reads must
# then be named by a path that user can read (pg_workdir), or come on standard input.
as_pg() {
    if [ "$(id -u)" -ne 0 ]; then env "${PG_SERVER_ENV[@]}" "$@"; return; fi
    if [ "${AS_PG_CWD_OK:-}" != "$PWD" ]; then
        runuser -u postgres -- test -x "$PWD" -a -r "$PWD" 2>/dev/null || {
            (cd / && runuser -u postgres -- env "${PG_SERVER_ENV[@]}" "$@"); return; }
        AS_PG_CWD_OK=$PWD
    fi
    runuser -u postgres -- env "${PG_SERVER_ENV[@]}" "$@"
}

# A scratch directory the database user can write to.
pg_workdir() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/customer_identity.$1.XXXXXX")
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 755 "$dir"
    echo "$dir"
}

# Picks a free TCP port number for a private instance (from a random place in the range:
# two runs at once rarely try the same one, and start_instance retries if they do).
free_port() {
    local port
    for port in $(shuf -i 54400-54999); do
        ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "$port"; return; }
    done
    die "no free port"
}

# Starts a throwaway instance in DIR; sets PGHOST and PGPORT for psql.
# (fsync is off unless CI_PG_FSYNC=on: a test that kills the server asks for it.)
start_instance() {
    local dir=$1 attempt given=${PGPORT:-}
    export PGHOST=$dir PGUSER=postgres
    as_pg "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    for attempt in 1 2 3 4 5; do
        export PGPORT=${given:-$(free_port)}
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
            -o "-p $PGPORT -k $dir -c listen_addresses='' -c fsync=${CI_PG_FSYNC:-off} ${PG_EXTRA_OPTS:-}" start >/dev/null && return 0
        [ -z "$given" ] || return 1
    done
    return 1
}

# Stops the instance started by start_instance.
stop_instance() {
    as_pg "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
}

# psql against the private instance, failing on the first error.
psql_pg() {
    as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres "$@"
}
