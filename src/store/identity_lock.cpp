// Identity locks: advisory-style heavyweight locks in a key space of their own.
#include "identity_lock.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>

#include "errors.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "access/xact.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "funcapi.h"
#include "utils/guc.h"
}

namespace ci {
namespace {

// Advisory lock tags use field4 = 1 or 2 for the SQL-level functions; these values keep
// the extension's locks apart from any the application takes.
constexpr uint16 identity_lock_space = 0x4349;  // "CI": one identity
constexpr uint16 tenant_lock_space = 0x4354;    // "CT": a whole tenant

// Writers hold the tenant's lock in this mode (they do not conflict with each other) ...
constexpr LOCKMODE tenant_writer_mode = RowExclusiveLock;
// ... and an escalated writer in this one, which conflicts with it.
constexpr LOCKMODE tenant_escalated_mode = ExclusiveLock;

// What this transaction took, across all tenants.  An aborted subtransaction releases its
// locks but not its counts: escalation and the tenant limit come earlier, never later.
std::size_t identity_locks_taken = 0;
std::set<std::uint64_t> tenants_written;

// Forgets the counts when the transaction ends.
void on_transaction_end(XactEvent event, void *) {
    if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
        event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
        event == XACT_EVENT_PREPARE) {
        identity_locks_taken = 0;
        tenants_written.clear();
    }
}

// The lock table entries one transaction may fill: a quarter of what PostgreSQL sizes the
// table for per connection slot times the connection slots, and never fewer than 128.
std::size_t lock_budget() {
    const long budget = static_cast<long>(max_locks_per_xact) * MaxConnections / 4;
    return static_cast<std::size_t>(std::max(budget, 128L));
}

// The keys' hashes, sorted and without repeats: the one order every locker uses.
std::vector<std::uint64_t> sorted_hashes(const std::string &tenant,
                                         const std::vector<IdentityKey> &keys) {
    std::vector<std::uint64_t> hashes;
    hashes.reserve(keys.size());
    for (const IdentityKey &key : keys)
        hashes.push_back(identity_key_hash(tenant, key.kind, key.value));
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

// The lock tag of one hash in one key space.
LOCKTAG lock_tag(std::uint64_t hash, uint16 space) {
    LOCKTAG tag;
    SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, static_cast<uint32>(hash >> 32),
                         static_cast<uint32>(hash), space);
    return tag;
}

// Takes each key's exclusive lock, in hash order.
void lock_each(const std::vector<std::uint64_t> &hashes) {
    for (std::uint64_t hash : hashes) {
        pg_call([&] {
            LOCKTAG tag = lock_tag(hash, identity_lock_space);
            (void)LockAcquire(&tag, ExclusiveLock, false, false);
        });
    }
}

// The tenant's lock tag: its name hashed as an identity of kind "tenant", in its own space.
LOCKTAG tenant_lock_tag(const std::string &tenant, std::uint64_t &hash) {
    hash = identity_key_hash(tenant, "tenant", "");
    return lock_tag(hash, tenant_lock_space);
}

// Counts a tenant this transaction writes, failing past the tenant budget (before its lock
// is taken: the failed write adds no entry).
void count_tenant(std::uint64_t tenant_hash) {
    if (tenants_written.count(tenant_hash)) return;
    if (tenants_written.size() >= tenant_lock_budget())
        throw IdentityError(
            sqlstate::too_many,
            "one transaction may write at most " + std::to_string(tenant_lock_budget()) +
                " tenants",
            "Each tenant a transaction writes holds an entry of the server's shared lock "
            "table until the transaction ends.",
            "Write the tenants in separate transactions, or raise max_locks_per_transaction.");
    tenants_written.insert(tenant_hash);
}

// Holds the tenant's lock as a writer for the rest of the transaction, unless this
// transaction escalated already; returns whether it did.  (Checked every time: a
// subtransaction that escalated and rolled back took its lock with it.)
bool hold_tenant_as_writer(const LOCKTAG &tenant_lock, std::uint64_t tenant_hash) {
    count_tenant(tenant_hash);
    bool escalated = false;
    pg_call([&] {
        escalated = compat::lock_held_by_me(&tenant_lock, tenant_escalated_mode);
        if (!escalated) {
            LOCKTAG tag = tenant_lock;
            (void)LockAcquire(&tag, tenant_writer_mode, false, false);
        }
    });
    return escalated;
}

}  // namespace

void add_identity_keys(const CustomerRecord &record, std::vector<IdentityKey> &keys) {
    for (Identifier id : all_identifiers)
        if (record.value(id)) keys.push_back({identifier_name(id), *record.value(id)});
}

std::size_t identity_lock_budget() { return std::min(max_identity_locks, lock_budget() * 5 / 8); }

std::size_t tenant_lock_budget() { return lock_budget() - identity_lock_budget(); }

void count_held_entry(std::uint64_t key) { count_tenant(key); }

void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    std::uint64_t tenant_hash = 0;
    const LOCKTAG tenant_lock = tenant_lock_tag(tenant, tenant_hash);
    if (hold_tenant_as_writer(tenant_lock, tenant_hash)) return;  // it covers every identity
    const std::vector<std::uint64_t> hashes = sorted_hashes(tenant, keys);
    if (identity_locks_taken + hashes.size() > identity_lock_budget()) {
        pg_call([&] {
            LOCKTAG tag = tenant_lock;
            (void)LockAcquire(&tag, tenant_escalated_mode, false, false);
        });
        return;
    }
    lock_each(hashes);
    identity_locks_taken += hashes.size();
}

// Takes the lock in MODE and releases it at once (waiting for whoever holds it in a mode
// that conflicts); returns whether it had to wait.
bool wait_for_holders(LOCKTAG tag, LOCKMODE mode) {
    bool waited = false;
    pg_call([&] {
        // A lock this transaction holds already just gains and loses one count.
        if (LockAcquire(&tag, mode, false, true) == LOCKACQUIRE_NOT_AVAIL) {
            waited = true;
            (void)LockAcquire(&tag, mode, false, false);
        }
        LockRelease(&tag, mode, false);
    });
    return waited;
}

bool wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    bool waited = false;
    // A merge past the lock budget holds the tenant's lock in the escalated mode instead of
    // its keys: RowShareLock conflicts with that mode only, not with other writers'.  (A
    // creation it overtakes, a reader meets again as a writer.)
    std::uint64_t tenant_hash = 0;
    waited = wait_for_holders(tenant_lock_tag(tenant, tenant_hash), RowShareLock);
    for (std::uint64_t hash : sorted_hashes(tenant, keys))
        waited = wait_for_holders(lock_tag(hash, identity_lock_space), ShareLock) || waited;
    return waited;
}

void identity_lock_init() { RegisterXactCallback(on_transaction_end, nullptr); }

}  // namespace ci

using namespace ci;

// lock_budget() -> (identity_locks, tenants): what one transaction may hold (identity_lock.hpp).
CI_SQL_FUNCTION(ci_lock_budget) {
    return entry_guard([&] {
        Datum result = (Datum)0;
        pg_call([&] {
            TupleDesc desc;
            if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
                elog(ERROR, "lock_budget must return a record");
            Datum values[2] = {Int32GetDatum(static_cast<int32>(identity_lock_budget())),
                               Int32GetDatum(static_cast<int32>(tenant_lock_budget()))};
            bool nulls[2] = {false, false};
            result = HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls));
        });
        return result;
    });
}
