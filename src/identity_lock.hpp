// Locks on identities (tenant, kind, value), so that every writer of the same
// identifier -- resolve_customer_identity, a direct INSERT, an UPDATE -- takes
// turns.  This is what makes find-or-create race-free without unique violations.
#pragma once

#include <string>
#include <vector>

namespace ci {

// One identifier of one tenant, as normalized.
struct IdentityKey {
    std::string kind;  // "external_customer_id", "user_id", "email", "phone"
    std::string value;
};

// Takes transaction-scoped exclusive locks on all keys, in a fixed order (no deadlock
// between callers that name the same keys in a different order).
void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys);

// Waits until no other transaction holds the keys (a merge or a creation in progress),
// without keeping anything: each key is taken in share mode and released at once.
void wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys);

}  // namespace ci
