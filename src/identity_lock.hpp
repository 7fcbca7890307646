// Locks on identities (tenant, kind, value), so that every writer of the same
// identifier -- resolve_customer_identity, an import, a merge -- takes turns.  This is what
// makes find-or-create race-free without unique violations.
//
// Bounded: each lock is an entry of the server's shared lock table, which every session of
// every database shares.  A transaction that has locked max_identity_locks identities of a
// tenant through lock_identities takes one tenant-wide lock instead (escalation): it then
// waits for the tenant's other writers to finish, and they wait for it, but the lock table
// holds a bounded number of its entries however many identities it creates.  Every writer
// holds the tenant's lock in a shared mode for the rest of its transaction, which is what
// the escalated lock conflicts with.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store.hpp"

namespace ci {

// One identifier of one tenant, as normalized.
struct IdentityKey {
    std::string kind;  // "external_customer_id", "user_id", "email", "phone"
    std::string value;
};

// Appends the identity keys of the customer's identifiers (the ones a merge or an erasure
// of it must lock).
void add_identity_keys(const CustomerRecord &record, std::vector<IdentityKey> &keys);

// Identity locks one transaction holds per tenant before one tenant-wide lock replaces them.
constexpr std::size_t max_identity_locks = 1000;

// Takes transaction-scoped exclusive locks on all keys, in a fixed order (no deadlock
// between callers that name the same keys in a different order) -- or, past
// max_identity_locks in this transaction, the tenant-wide lock that covers them all.
void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys);

// The same, never escalated: a merge's keys are what a concurrent reader waits for
// (wait_for_identity_writers), so they are always locked one by one.
void lock_identities_one_by_one(const std::string &tenant, const std::vector<IdentityKey> &keys);

// Waits until no other transaction holds the keys (a merge or a creation in progress),
// without keeping anything: each key is taken in share mode and released at once.
// Returns whether it had to wait for one.
bool wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys);

// Registers the transaction callback that forgets the per-transaction counts (_PG_init).
void identity_lock_init();

}  // namespace ci
