// Sharded mode; see sharding.hpp.
#include "sharding.hpp"

#include <algorithm>
#include <bitset>
#include <vector>

#include "errors.hpp"
#include "identity_lock.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "settings_cache.hpp"
#include "shard_key.hpp"

extern "C" {
#include "commands/trigger.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/inval.h"
}

namespace ci::sharding {
namespace {

// The cached node and moved buckets: known says whether they were read since the last change.
bool known = false;
std::optional<std::uint32_t> cached_node;
shard::IdLayout cached_layout = shard::IdLayout::v2;
std::vector<std::uint32_t> cached_moved;
// The buckets this shard serves (served_bucket), one bit per bucket (a write tests one);
// nullopt before 0.10.0 (no such table).
std::optional<std::bitset<shard::bucket_count>> cached_served;

// Forgets the cached node (a change of shard_node).
void forget() { known = false; }

// The bucket write lock's tag: advisory-style, in a key space of its own (like the proxy's
// routing lock, "CIPB" / "CB"), so no pg_advisory_* call reaches it.
LOCKTAG bucket_lock_tag(std::uint32_t bucket) {
    constexpr uint32 bucket_key = 0x43495042;      // "CIPB"
    constexpr uint16 bucket_lock_space = 0x4342;  // "CB"
    LOCKTAG tag;
    SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, bucket_key, bucket, bucket_lock_space);
    return tag;
}

// Holds the bucket's write lock shared for the rest of the transaction; returns whether it
// had to wait for it (a move's switch held it: what this shard serves may have changed).
bool hold_bucket_as_writer(std::uint32_t bucket) {
    constexpr std::uint64_t bucket_entry_key = 0x4349504200000000ULL;  // "CIPB", bucket
    count_held_entry(bucket_entry_key | bucket);
    bool waited = false;
    pg_call([&] {
        LOCKTAG tag = bucket_lock_tag(bucket);
        if (LockAcquire(&tag, ShareLock, false, true) == LOCKACQUIRE_NOT_AVAIL) {
            waited = true;
            tag = bucket_lock_tag(bucket);
            (void)LockAcquire(&tag, ShareLock, false, false);
            AcceptInvalidationMessages();  // the switch's commit: served_bucket changed
        }
    });
    return waited;
}

}  // namespace

// Reads the node and the moved buckets, once per change.
void ensure_known() {
    if (known) return;
    settings_cache::watch();
    cached_node = probe::shard_node();
    cached_layout = cached_node && probe::shard_id_layout() == 1 ? shard::IdLayout::v1
                                                                 : shard::IdLayout::v2;
    cached_moved = cached_node ? probe::moved_buckets() : std::vector<std::uint32_t>{};
    cached_served.reset();
    if (cached_node) {
        if (const auto served = probe::served_buckets()) {
            cached_served.emplace();
            for (const std::uint32_t bucket : *served)
                if (bucket < shard::bucket_count) cached_served->set(bucket);
        }
    }
    known = true;
}

std::optional<std::uint32_t> node() {
    ensure_known();
    return cached_node;
}

void require_served(const std::string &tenant) {
    ensure_known();
    if (!cached_node) return;
    const std::uint32_t bucket = shard::bucket_of_tenant(tenant);
    // A move's switch holds it exclusively while it catches the target up: the write waits,
    // then sees whether this shard still serves the bucket.
    if (hold_bucket_as_writer(bucket)) ensure_known();
    if (std::find(cached_moved.begin(), cached_moved.end(), bucket) != cached_moved.end())
        throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "tenant " + tenant + " is served by another shard: its bucket " +
                                std::to_string(bucket) + " moved away from this one",
                            {}, "Ask the proxy: SELECT customer_identity.shard_of_tenant(...).");
    if (cached_served && (bucket >= shard::bucket_count || !cached_served->test(bucket)))
        throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "tenant " + tenant + " is not served by this shard: its bucket " +
                                std::to_string(bucket) + " is not one of this shard's (served_bucket)",
                            {}, "Ask the proxy: SELECT customer_identity.shard_of_tenant(...).");
}

std::int64_t row_id(const std::string &tenant, std::int64_t id) {
    const auto shard = node();
    if (!shard) return id;
    const std::uint32_t bucket = shard::bucket_of_tenant(tenant);
    if (!shard::is_composed(cached_layout, id)) {
        if (id < 1)
            throw IdentityError(sqlstate::malformed_input,
                                "id " + std::to_string(id) + " is not a valid id on a shard");
        return shard::compose_id(cached_layout, bucket, *shard, id);
    }
    if (shard::bucket_of_id(id) != bucket)
        throw IdentityError(sqlstate::malformed_input,
                            "id " + std::to_string(id) + " carries bucket " +
                                std::to_string(shard::bucket_of_id(id)) + ", not the bucket " +
                                std::to_string(bucket) + " of tenant " + tenant,
                            {}, "Let the shard choose the id.");
    return id;
}

RowView with_shard_id(const RowView &row) {
    if (!node()) return row;
    const std::string tenant(row.text("tenant_id").value_or(""));
    const std::int64_t id = row.int8("id").value_or(0);
    const std::int64_t sharded = row_id(tenant, id);
    if (sharded == id) return row;
    RowChanges changes;
    changes.set_datum(row, "id", Int64GetDatum(sharded));
    return RowView{changes.apply(row), row.desc};
}

void require_same_bucket(std::string_view old_tenant, std::string_view new_tenant) {
    if (old_tenant == new_tenant || !node()) return;
    if (shard::bucket_of_tenant(old_tenant) != shard::bucket_of_tenant(new_tenant))
        throw IdentityError(sqlstate::malformed_input,
                            "a row of tenant " + std::string(old_tenant) +
                                " cannot move to tenant " + std::string(new_tenant) +
                                " on a shard: its id carries its tenant's bucket");
}

RowView checked_row(const RowView &row, const std::optional<RowView> &old, const std::string &tenant) {
    if (old) require_same_bucket(old->text("tenant_id").value_or(""), tenant);
    require_served(tenant);
    return old ? row : with_shard_id(row);
}

void sharding_init() { settings_cache::on_change(forget); }

}  // namespace ci::sharding

using namespace ci;

// BEFORE INSERT OR UPDATE ON invite_token, identity_claim, identity_event of a shard
// (enable_sharding creates it): the id carries the tenant's bucket, which never changes.
// (customer and vendor do the same in their own row triggers.)
CI_SQL_FUNCTION(ci_shard_row_id) {
    return entry_guard([&] {
        if (!CALLED_AS_TRIGGER(fcinfo))
            throw IdentityError(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                                "shard_row_id must be called as a trigger");
        auto *td = reinterpret_cast<TriggerData *>(fcinfo->context);
        const bool is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
        const RowView row{is_update ? td->tg_newtuple : td->tg_trigtuple,
                          td->tg_relation->rd_att};
        const std::string tenant(row.text("tenant_id").value_or(""));
        if (is_update) {
            const RowView old{td->tg_trigtuple, td->tg_relation->rd_att};
            sharding::require_same_bucket(old.text("tenant_id").value_or(""), tenant);
            return PointerGetDatum(row.tuple);
        }
        return PointerGetDatum(sharding::with_shard_id(row).tuple);
    });
}

// tenant_bucket(tenant_id text) -> integer: the bucket of a tenant.
CI_SQL_FUNCTION(ci_tenant_bucket) {
    return entry_guard([&] {
        const auto tenant = text_arg(fcinfo, 0);
        return Int32GetDatum(static_cast<std::int32_t>(shard::bucket_of_tenant(tenant.value_or(""))));
    });
}

// id_bucket(id bigint) -> integer: the bucket an id carries.
CI_SQL_FUNCTION(ci_id_bucket) {
    return entry_guard([&] {
        const auto id = int8_arg(fcinfo, 0);
        return Int32GetDatum(static_cast<std::int32_t>(shard::bucket_of_id(id.value_or(0))));
    });
}

// token_bucket(token text) -> integer: the bucket an invite token carries (NULL: no token).
CI_SQL_FUNCTION(ci_token_bucket) {
    return entry_guard([&]() -> Datum {
        const auto token = text_arg(fcinfo, 0);
        const auto bucket = token ? shard::bucket_of_token(*token) : std::nullopt;
        if (!bucket) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        return Int32GetDatum(static_cast<std::int32_t>(*bucket));
    });
}

// bucket_write_lock(bucket integer, exclusive boolean, wait boolean) -> boolean: a shard's
// write lock of a bucket, held to the end of the transaction.  Every customer or vendor
// write and every tenant call of the bucket holds it shared (require_served); a move's
// switch holds it exclusively on the source, so that no write of the bucket is in flight or
// starts while the target catches up, without locking any table (other tenants' writes go
// on).  Only the owner may execute it.  Without wait, returns false instead of waiting.
CI_SQL_FUNCTION(ci_bucket_write_lock) {
    return entry_guard([&] {
        // (declared STRICT)
        const std::int32_t bucket = PG_GETARG_INT32(0);
        const bool exclusive = PG_GETARG_BOOL(1);
        const bool wait = PG_GETARG_BOOL(2);
        if (bucket < 0 || bucket >= static_cast<std::int32_t>(shard::bucket_count))
            throw IdentityError(sqlstate::malformed_input,
                                "bucket " + std::to_string(bucket) + " is not between 0 and " +
                                    std::to_string(shard::bucket_count - 1));
        bool taken = false;
        pg_call([&] {
            LOCKTAG tag = sharding::bucket_lock_tag(static_cast<std::uint32_t>(bucket));
            taken = LockAcquire(&tag, exclusive ? ExclusiveLock : ShareLock, false, !wait) !=
                    LOCKACQUIRE_NOT_AVAIL;
        });
        return BoolGetDatum(taken);
    });
}
