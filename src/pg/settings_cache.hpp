// Backend caches of the owner's settings tables -- trust_policy, blocked_identifier,
// tenant_binding, shard_node, moved_bucket, identifier_rules, served_bucket -- which every resolution and every customer write may consult.  They
// are kept across transactions and forgotten when one of those tables changes: the tables'
// statement trigger (settings_changed) sends a relcache invalidation, which every backend
// processes (this one at once, the others when the change commits).
#pragma once

namespace ci::settings_cache {

// Registers a function that forgets one module's cache; called from _PG_init.
void on_change(void (*forget)());

// Notes which relations are the settings tables (call when filling a cache).
void watch();

// Registers the relcache callback; called once from _PG_init.
void init();

}  // namespace ci::settings_cache
