// Direct index probes for the reads every resolution makes: one btree descent into the
// index that serves the lookup and one heap fetch, with no executor, no SPI and no plan
// (as execReplication.c does).  Each probe reads with a fresh statement snapshot, exactly
// like an SPI query of a volatile function: it sees what this transaction wrote and, under
// READ COMMITTED, everything committed before it started.
//
// The functions do not need an SPI connection.  store.cpp uses them for its plain reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store.hpp"

namespace ci::probe {

// The active customer of the tenant holding this normalized identifier value
// (its partial unique index), with the vendor linked to it.
std::optional<CustomerRecord> active_customer(const std::string &tenant, Identifier id,
                                              const std::string &value);
// The same customer, only its id, linked vendor and whether its row is being written.
std::optional<CustomerHit> active_customer_hit(const std::string &tenant, Identifier id,
                                               const std::string &value);
// The customer with this id (primary key), active or not, with the vendor linked to it.
std::optional<CustomerRecord> customer_by_id(std::int64_t id);
// Did this transaction insert the customer's current row version (an INSERT, not the new
// version an UPDATE wrote)?
bool inserted_by_this_transaction(std::int64_t id);
// The vendor linked to the customer (vendor_customer_id_key).
std::optional<std::int64_t> vendor_linked_to(std::int64_t customer_id);
// The same vendor, read whole.
std::optional<VendorRecord> vendor_of_customer(std::int64_t customer_id);
// The vendor of the tenant with this normalized contact email: a linked one first, then
// the lowest id; with unlinked_only, the lowest id among the unlinked ones.
std::optional<VendorRecord> vendor_by_email(const std::string &tenant,
                                            const std::string &email_normalized,
                                            bool unlinked_only);

// The customer the most recently archived customer holding this identifier value was
// merged into (partial index over archived rows), if any.
std::optional<std::int64_t> merged_alias(const std::string &tenant, Identifier id,
                                         const std::string &value);
// Is the customer archived in the latest committed state (not this transaction's snapshot)?
bool archived_in_latest_snapshot(std::int64_t id);

// A row of trust_policy.
struct TrustRow {
    bool verified;           // policy 'verified' (else 'trusting')
    bool builtin_blocklist;  // the built-in blocked values apply
};
// The trust_policy row of the tenant, or with nullopt the default row (tenant_id NULL);
// nullopt when there is none (or the installed version predates 0.5.0).
std::optional<TrustRow> trust_row(const std::optional<std::string> &tenant);
// Is the normalized value on the tenant's own blocked list (blocked_identifier)?
bool blocked_value(const std::string &tenant, const char *identifier, const std::string &value);
// Does the tenant have any blocked value of its own?
bool any_blocked_value(const std::string &tenant);
// The tenant the role is bound to (tenant_binding), if any.
std::optional<std::string> tenant_binding(std::uint32_t role);

// The owner's settings tables (InvalidOid before 0.5.0).
struct SettingsRelations {
    std::uint32_t trust_policy, blocked_identifier, tenant_binding;  // Oids
    std::uint32_t shard_node, moved_bucket;  // InvalidOid before 0.8.0
    std::uint32_t identifier_rules;          // InvalidOid before 0.10.0
    std::uint32_t served_bucket;             // InvalidOid before 0.10.0 (shards own their buckets)
};
SettingsRelations settings_relations();
// A row of identifier_rules (0.10.0): tenant NULL is the default of every tenant; a NULL
// phone or email rule is the default's.
struct IdentifierRuleRow {
    std::optional<std::string> tenant, phone, email;
};
// Every row of identifier_rules (a small table, read whole); none before 0.10.0.
std::vector<IdentifierRuleRow> identifier_rule_rows();
// This database's shard node number (shard_node, 0.8.0), or nullopt when it is no shard.
std::optional<std::uint32_t> shard_node();
// The id layout this shard hands out (shard_node.id_layout, 0.10.0: 2, ids below 2^53);
// 1 on a shard without the column (0.8.0, 0.9.0: a new library on a shard not yet updated
// keeps handing out the ids its proxy's library can route).  See shard_key.hpp.
int shard_id_layout();
// The buckets this shard moved to another one (moved_bucket, 0.8.0).
std::vector<std::uint32_t> moved_buckets();
// The buckets this shard serves (served_bucket, 0.10.0); nullopt before 0.10.0.
std::optional<std::vector<std::uint32_t>> served_buckets();
// Does the installed version have the trust tables (0.5.0 and later)?
bool has_trust_tables();
// Does customer have the verified-at columns (0.5.0 and later)?
bool has_verified_columns();

// Row-level security state and owner of the extension's tables (as of customer).
struct TableSecurity {
    bool row_security;
    std::uint32_t owner;  // Oid
};
TableSecurity table_security();

}  // namespace ci::probe
