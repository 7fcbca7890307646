#!/usr/bin/env bash
# The Debian package of the major prepared last (CI_PG_MAJOR, default 15):
#   1. builds postgresql-<major>-customer-identity_<version>_amd64.deb with CPack and checks
#      its name, its files (Debian/PGDG paths only) and its dependency on the server;
#   2. for 15, the system's major: installs it into the system PostgreSQL 15, runs the
#      regress suite against that installation, removes it again, and checks the system is
#      as it was (same files in the server's lib and extension directories, same package list).
# Usage: test/deb_package.sh   (after prepare; exits non-zero on failure)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
attach_major

fail() { echo "FAIL deb_package: $*"; exit 1; }

version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$ROOT/extension/customer_identity.control")
package=postgresql-$PG_MAJOR-customer-identity
deb=$BUILD/${package}_${version}_amd64.deb
pkglibdir=/usr/lib/postgresql/$PG_MAJOR/lib
extdir=/usr/share/postgresql/$PG_MAJOR/extension

log "building $(basename "$deb")"
rm -f "$deb"
(cd "$BUILD" && cpack -G DEB >/dev/null) || fail "cpack failed"
[ -f "$deb" ] || fail "no $deb (cpack made: $(ls "$BUILD"/*.deb 2>/dev/null))"

# Its files: the module and its phone library, the control files and every script the
# source tree has (the proxy extension's too), and the fresh-install script built from them,
# at the Debian paths, nothing else.
expected=$( { echo ".$pkglibdir/customer_identity.so"
              echo ".$pkglibdir/customer_identity_phone.so"
              echo ".$extdir/customer_identity--$version.sql"
              for f in "$ROOT"/extension/*.sql "$ROOT"/extension/*.control \
                       "$ROOT"/extension/proxy/*.sql "$ROOT"/extension/proxy/*.control; do
                  echo ".$extdir/$(basename "$f")"; done; } | sort)
actual=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort)
[ "$expected" = "$actual" ] || fail "unexpected contents:$(diff <(echo "$expected") <(echo "$actual") || true)"
depends=$(dpkg-deb -f "$deb" Depends)
minor=$(sed -n 's/^#define PG_VERSION_NUM \([0-9]*\)$/\1/p' "$PG_INCLUDEDIR_SERVER/pg_config.h")
echo "$depends" | grep -q "postgresql-$PG_MAJOR (>= $PG_MAJOR.$((minor % 10000)))" ||
    fail "Depends does not name the server it was built for: $depends"
# (libphonenumber, which only the phone library links, through shlibdeps like the others)
echo "$depends" | grep -q "libphonenumber" || fail "Depends does not name libphonenumber: $depends"
echo "  $(basename "$deb"): $(echo "$actual" | wc -l) files; Depends: $depends"

[ "$PG_MAJOR" = 15 ] || { echo "PASS deb_package: built and checked (no $PG_MAJOR server on this system to install into)"; exit 0; }

# One run at a time installs into the system: another run's install waits for this one to
# remove its package (the lock is held until this script exits).
mkdir -p "$CI_CACHE_DIR"
exec 8>"$CI_CACHE_DIR/.lock-system-package"
flock 8

# The system as it is now: what the package touches, and the package list.
system_state() {
    { find "$pkglibdir" "$extdir" -maxdepth 1 -type f -name 'customer_identity*' -exec md5sum {} + 2>/dev/null || true
      dpkg-query -W -f='${Package} ${Status}\n' | grep -i customer-identity || true; } | sort
}
dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" &&
    fail "$package is already installed on this system; remove it first (the test installs and removes it)"
[ "$(id -u)" -eq 0 ] || fail "installing the package needs root"
before=$(system_state)
# Files of an earlier `cmake --install` are moved aside while the package owns those paths.
aside=$(mktemp -d)
for f in "$pkglibdir"/customer_identity* "$extdir"/customer_identity*; do
    [ -f "$f" ] && mkdir -p "$aside$(dirname "$f")" && mv "$f" "$aside$f"
done
# Whatever happens below, the package goes and the system gets its files back.
restore() {
    dpkg -P "$package" >/dev/null 2>&1 || true
    (cd "$aside" && find . -type f | while read -r f; do mv "$f" "/${f#./}"; done)
    rm -rf "$aside"
}
trap restore EXIT

log "installing $(basename "$deb") into the system PostgreSQL 15"
dpkg -i "$deb" >/dev/null 2>&1 || fail "dpkg -i failed"
[ -f "$pkglibdir/customer_identity.so" ] && [ -f "$pkglibdir/customer_identity_phone.so" ] ||
    fail "the module or its phone library is not at $pkglibdir"
log "regress suite against the installed package"
CI_PG_BIN_OVERRIDE=/usr/lib/postgresql/15/bin "$ROOT/test/pg_suite.sh" regress ||
    fail "the regress suite failed against the installed package"
log "removing the package"
dpkg -P "$package" >/dev/null 2>&1 || fail "dpkg -P failed"
[ ! -e "$pkglibdir/customer_identity.so" ] && [ ! -e "$pkglibdir/customer_identity_phone.so" ] ||
    fail "the module or its phone library is still there after removal"
restore; trap - EXIT
after=$(system_state)
[ "$before" = "$after" ] || fail "the system is not as it was:$(diff <(echo "$before") <(echo "$after") || true)"
echo "PASS deb_package: built, installed into PostgreSQL 15, regress suite passed, removed; system as it was"
