// Identity locks: advisory-style heavyweight locks in a key space of their own.
#include "identity_lock.hpp"

#include <algorithm>
#include <cstdint>

#include "normalize.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "miscadmin.h"
#include "storage/lock.h"
}

namespace ci {

// Advisory lock tags use field4 = 1 or 2 for the SQL-level functions; this value
// keeps the extension's locks apart from any the application takes.
constexpr uint16 identity_lock_space = 0x4349;  // "CI"

// The keys' hashes, sorted and without repeats: the one order every locker uses.
static std::vector<std::uint64_t> sorted_hashes(const std::string &tenant,
                                                const std::vector<IdentityKey> &keys) {
    std::vector<std::uint64_t> hashes;
    hashes.reserve(keys.size());
    for (const IdentityKey &key : keys)
        hashes.push_back(identity_key_hash(tenant, key.kind, key.value));
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

// The lock tag of one identity key.
static LOCKTAG identity_tag(std::uint64_t hash) {
    LOCKTAG tag;
    SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, static_cast<uint32>(hash >> 32),
                         static_cast<uint32>(hash), identity_lock_space);
    return tag;
}

void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    for (std::uint64_t hash : sorted_hashes(tenant, keys)) {
        pg_call([&] {
            LOCKTAG tag = identity_tag(hash);
            (void)LockAcquire(&tag, ExclusiveLock, false, false);
        });
    }
}

void wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    for (std::uint64_t hash : sorted_hashes(tenant, keys)) {
        pg_call([&] {
            LOCKTAG tag = identity_tag(hash);
            // Granted only once no other transaction holds the key exclusively; a lock this
            // transaction holds already just gains and loses one count.
            (void)LockAcquire(&tag, ShareLock, false, false);
            LockRelease(&tag, ShareLock, false);
        });
    }
}

}  // namespace ci
