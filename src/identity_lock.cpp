// Identity locks: advisory-style heavyweight locks in a key space of their own.
#include "identity_lock.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "normalize.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "access/xact.h"
#include "miscadmin.h"
#include "storage/lock.h"
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

// Identity locks taken by lock_identities in this transaction, per tenant hash.  An
// aborted subtransaction releases its locks but not its count: escalation comes earlier,
// never later.
std::map<std::uint64_t, std::size_t> locks_this_transaction;

// Forgets the counts when the transaction ends.
void on_transaction_end(XactEvent event, void *) {
    if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
        event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT ||
        event == XACT_EVENT_PREPARE)
        locks_this_transaction.clear();
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

// Holds the tenant's lock as a writer for the rest of the transaction, unless this
// transaction escalated already; returns whether it did.  (Checked every time: a
// subtransaction that escalated and rolled back took its lock with it.)
bool hold_tenant_as_writer(const LOCKTAG &tenant_lock) {
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

void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    // The tenant's lock: its name hashed as an identity of kind "tenant", in its own space.
    const std::uint64_t tenant_hash = identity_key_hash(tenant, "tenant", "");
    const LOCKTAG tenant_lock = lock_tag(tenant_hash, tenant_lock_space);
    if (hold_tenant_as_writer(tenant_lock)) return;  // it covers every identity of the tenant
    const std::vector<std::uint64_t> hashes = sorted_hashes(tenant, keys);
    std::size_t &taken = locks_this_transaction[tenant_hash];
    if (taken + hashes.size() > max_identity_locks) {
        pg_call([&] {
            LOCKTAG tag = tenant_lock;
            (void)LockAcquire(&tag, tenant_escalated_mode, false, false);
        });
        return;
    }
    lock_each(hashes);
    taken += hashes.size();
}

void lock_identities_one_by_one(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    hold_tenant_as_writer(lock_tag(identity_key_hash(tenant, "tenant", ""), tenant_lock_space));
    lock_each(sorted_hashes(tenant, keys));
}

bool wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    bool waited = false;
    for (std::uint64_t hash : sorted_hashes(tenant, keys)) {
        pg_call([&] {
            LOCKTAG tag = lock_tag(hash, identity_lock_space);
            // Granted only once no other transaction holds the key exclusively; a lock this
            // transaction holds already just gains and loses one count.  (Not the tenant's
            // lock: what a reader must not overtake is a merge, whose keys are always
            // locked one by one; a creation it overtakes, it meets again as a writer.)
            if (LockAcquire(&tag, ShareLock, false, true) == LOCKACQUIRE_NOT_AVAIL) {
                waited = true;
                (void)LockAcquire(&tag, ShareLock, false, false);
            }
            LockRelease(&tag, ShareLock, false);
        });
    }
    return waited;
}

void identity_lock_init() { RegisterXactCallback(on_transaction_end, nullptr); }

}  // namespace ci
