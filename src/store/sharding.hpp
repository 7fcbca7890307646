// Sharded mode: this database is one shard of several (enable_sharding).  The ids it hands
// out and the invite tokens it issues carry their tenant's bucket (shard_key.hpp), so a
// proxy can route a call by a tenant, an id or a token, and a bucket can move to another
// shard with its ids.  A single-server install (no shard_node row) is unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tuples.hpp"

namespace ci::sharding {

// This shard's node number, or nullopt on a single-server install.  Cached per backend;
// a change of shard_node empties the cache (settings_cache).
std::optional<std::uint32_t> node();

// Refuses (55000) a write or a call of a tenant whose bucket this shard does not serve:
// moved to another one (moved_bucket: a direct writer still connected here would write
// where nobody reads), or not among its buckets (served_bucket, 0.10.0: the proxy gives a
// shard its buckets; a stray write here would be a second copy nobody reads, and a later
// move of the bucket here would be stopped by it).  Unsharded: nothing refused.
void require_served(const std::string &tenant);

// The id of a row being inserted for `tenant`, given the identity sequence's value (or an
// explicit id): composed with the tenant's bucket and this node, in the shard's id layout
// (shard_key.hpp: v2, below 2^53, from 0.10.0; v1 on a shard not yet updated).  An
// explicit id that already carries a bucket keeps it if it is the tenant's (22023
// otherwise).  Unsharded: the id as given.
std::int64_t row_id(const std::string &tenant, std::int64_t id);

// A row trigger's new row with its id made by row_id (the row itself when unsharded or
// unchanged): every rule after it sees the id the row will have.
RowView with_shard_id(const RowView &row);

// Refuses (22023) moving a row to a tenant of another bucket: its id carries the bucket.
void require_same_bucket(std::string_view old_tenant, std::string_view new_tenant);

// A customer or vendor row trigger's new row on a shard: refuses moving it to a tenant of
// another bucket and a tenant this shard no longer serves, and gives an inserted row its
// composed id (with_shard_id).  Unsharded: the row as given.
RowView checked_row(const RowView &row, const std::optional<RowView> &old, const std::string &tenant);

// Registers the cache hook; called from _PG_init.
void sharding_init();

}  // namespace ci::sharding
