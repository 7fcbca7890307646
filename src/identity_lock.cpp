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

void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys) {
    std::vector<std::uint64_t> hashes;
    hashes.reserve(keys.size());
    for (const IdentityKey &key : keys)
        hashes.push_back(identity_key_hash(tenant, key.kind, key.value));
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::uint64_t hash : hashes) {
        pg_call([&] {
            LOCKTAG tag;
            SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, static_cast<uint32>(hash >> 32),
                                 static_cast<uint32>(hash), identity_lock_space);
            (void)LockAcquire(&tag, ExclusiveLock, false, false);
        });
    }
}

}  // namespace ci
