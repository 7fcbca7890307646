// Invalidation of the settings caches; see settings_cache.hpp.
#include "settings_cache.hpp"

#include "errors.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"

extern "C" {
#include "commands/trigger.h"
#include "utils/inval.h"
}

namespace ci::settings_cache {
namespace {

constexpr int max_caches = 6;
void (*forget_functions[max_caches])() = {};
int cache_count = 0;
// The settings tables (shard_node, moved_bucket, identifier_rules and served_bucket too), once a cache was filled (InvalidOid before 0.5.0 or until then).
Oid watched[7] = {InvalidOid, InvalidOid, InvalidOid, InvalidOid, InvalidOid, InvalidOid, InvalidOid};

// Relcache callback: a change to a settings table (or to everything) empties the caches.
void forget_on_change(Datum, Oid relid) {
    // A settings table not known yet (not filled, or an older version installed when the
    // cache was filled: an update in this session may create it) could be the one changed.
    bool ours = relid == InvalidOid;
    for (Oid oid : watched) ours = ours || !OidIsValid(oid) || oid == relid;
    if (!ours) return;
    for (int i = 0; i < cache_count; ++i) forget_functions[i]();
}

}  // namespace

void on_change(void (*forget)()) {
    if (cache_count < max_caches) forget_functions[cache_count++] = forget;
}

void watch() {
    const probe::SettingsRelations relations = probe::settings_relations();
    watched[0] = relations.trust_policy;
    watched[1] = relations.blocked_identifier;
    watched[2] = relations.tenant_binding;
    watched[3] = relations.shard_node;
    watched[4] = relations.moved_bucket;
    watched[5] = relations.identifier_rules;
    watched[6] = relations.served_bucket;
}

void init() { CacheRegisterRelcacheCallback(forget_on_change, (Datum)0); }

}  // namespace ci::settings_cache

using namespace ci;

// AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ... FOR EACH STATEMENT on the settings tables.
CI_SQL_FUNCTION(ci_settings_changed) {
    return entry_guard([&] {
        if (!CALLED_AS_TRIGGER(fcinfo))
            throw IdentityError(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                                "settings_changed must be called as a trigger");
        Relation relation = reinterpret_cast<TriggerData *>(fcinfo->context)->tg_relation;
        pg_call([&] { CacheInvalidateRelcache(relation); });
        return PointerGetDatum(nullptr);
    });
}
