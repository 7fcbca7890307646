// The shared library's identity and its load-time setup.
#include "deferred_audit.hpp"
#include "identifier_rules.hpp"
#include "identity_lock.hpp"
#include "invite.hpp"
#include "pg_boundary.hpp"
#include "settings_cache.hpp"
#include "sharding.hpp"
#include "statement_scans.hpp"
#include "table_locks.hpp"
#include "tenant_scope.hpp"
#include "trust.hpp"
#include "tuples.hpp"

extern "C" {
PG_MODULE_MAGIC;

// Called once when the library is loaded into a backend.
PGDLLEXPORT void _PG_init(void);
}

void _PG_init(void) {
    ci::columns_init();
    ci::deferred_audit_init();
    ci::identity_lock_init();
    ci::invite_init();
    ci::settings_cache::init();
    ci::sharding::sharding_init();
    ci::statement_scans::init();
    ci::table_locks::init();
    ci::tenant_scope::init();
    ci::trust::init();
    ci::identifier_rules::init();
}
