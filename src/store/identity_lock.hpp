// Locks on identities (tenant, kind, value), so that every writer of the same
// identifier -- resolve_customer_identity, an import, a merge -- takes turns.  This is what
// makes find-or-create race-free without unique violations.
//
// Bounded: each lock is an entry of the server's shared lock table, which every session of
// every database shares, so one transaction's locks are bounded whatever tenants and paths
// it uses (resolve, import, merge, unmerge, erasure, enrichment) -- the lock budget:
//   - identity locks: at most identity_lock_budget() in the transaction, across all tenants.
//     Past it, the tenant being written takes one tenant-wide lock instead (escalation): it
//     then waits for the tenant's other writers to finish, and they (and readers waiting
//     for a merge) wait for it, but no further entry is taken for that tenant.
//   - tenants: every writer holds its tenant's lock in a shared mode for the rest of its
//     transaction (what the escalated lock conflicts with), one entry per tenant.  A
//     transaction that would hold more than tenant_lock_budget() of them fails (54000).
// Both come from the server's settings: together a quarter of max_locks_per_transaction x
// max_connections (1,600 entries at the defaults, of a table sized for about 7,800).
#pragma once

#include <cstddef>
#include <cstdint>
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

// Identity locks one transaction takes, across all tenants, before a tenant-wide lock
// replaces them (at most; identity_lock_budget() is smaller on a server with a small lock
// table).
constexpr std::size_t max_identity_locks = 1000;

// The identity locks one transaction may take before it escalates (see above).
std::size_t identity_lock_budget();

// The tenants one transaction may write (hold a tenant's lock for) before it fails.
std::size_t tenant_lock_budget();

// Counts one more entry this transaction holds in the shared lock table until it ends
// (a shard's bucket write lock, sharding.cpp), named by key: within the tenants' budget,
// failing (54000) past it, so that the budget still bounds everything a write holds.
void count_held_entry(std::uint64_t key);

// Takes transaction-scoped exclusive locks on all keys, in a fixed order (no deadlock
// between callers that name the same keys in a different order) -- or, past
// max_identity_locks in this transaction, the tenant-wide lock that covers them all.  Merges,
// unmerges and erasures lock through it too: a reader waits for their keys, or for the
// escalated tenant lock (wait_for_identity_writers).
void lock_identities(const std::string &tenant, const std::vector<IdentityKey> &keys);

// Waits until no other transaction holds the keys (a merge or a creation in progress) or
// the tenant-wide lock, without keeping anything: each is taken in a share mode and
// released at once.  Returns whether it had to wait for one.
bool wait_for_identity_writers(const std::string &tenant, const std::vector<IdentityKey> &keys);

// Registers the transaction callback that forgets the per-transaction counts (_PG_init).
void identity_lock_init();

}  // namespace ci
