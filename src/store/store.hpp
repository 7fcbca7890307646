// Row access for customer and vendor: every read and write the rules need, each one a
// cached plan.  The rules themselves live in resolve.cpp, vendor_link.cpp and triggers.cpp.
// Plain reads go through direct index probes (probe.hpp); the rest needs an open SPI
// connection.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace ci {

// The identifiers a customer is found by, in resolution order.
enum class Identifier { external_customer_id = 0, user_id, email, phone };
constexpr std::array<Identifier, 4> all_identifiers = {
    Identifier::external_customer_id, Identifier::user_id, Identifier::email, Identifier::phone};

// The identifier's name in errors, events and lock keys.
const char *identifier_name(Identifier id);

// The parts of a customer row the rules look at.
struct CustomerRecord {
    std::int64_t id = 0;
    std::string tenant;
    std::array<std::optional<std::string>, 4> identifiers;  // normalized, by Identifier
    bool has_name = false;  // name is set (the rules only ask whether it is)
    bool archived = false;
    std::optional<std::int64_t> merged_into;
    bool has_vendor_role = false;
    std::optional<std::int64_t> linked_vendor;  // the vendor linked to this customer
    bool email_verified = false;                 // email_verified_at is set
    bool phone_verified = false;                 // phone_verified_at is set
    // When read, another transaction still in progress had locked or updated the row
    // (a merge, an erasure, an enrichment): what was read may be about to change.
    bool being_written = false;

    const std::optional<std::string> &value(Identifier id) const {
        return identifiers[static_cast<int>(id)];
    }
};

// What a hit needs of the customer it found: the id, the vendor linked to it, and whether
// another transaction in progress is writing its row (as CustomerRecord::being_written).
struct CustomerHit {
    std::int64_t id = 0;
    std::optional<std::int64_t> linked_vendor;
    bool being_written = false;
};

// The parts of a vendor row the rules look at.
struct VendorRecord {
    std::int64_t id = 0;
    std::string tenant;
    std::optional<std::int64_t> customer_id;
    std::optional<std::string> email_normalized;
};

// Identifier values a new or enriched customer gets, as the caller gave them.
struct CustomerFields {
    std::optional<std::string> external_customer_id, user_id, email, phone, name;
    std::optional<std::string> metadata;  // jsonb text; its keys never replace existing ones
    bool email_verified = false;          // stamp email_verified_at (the caller verified it)
    bool phone_verified = false;          // stamp phone_verified_at
};

namespace store {

enum class Lock { none, for_update };

// The active customer of the tenant holding this identifier value, other than `excluding`.
std::optional<std::int64_t> find_active_customer(const std::string &tenant, Identifier id,
                                                 const std::string &value,
                                                 std::int64_t excluding = 0,
                                                 bool latest_snapshot = false);
std::optional<CustomerRecord> load_customer(std::int64_t id, Lock lock = Lock::none);
// The active customer of the tenant holding this identifier value, read whole.
std::optional<CustomerRecord> find_active_record(const std::string &tenant, Identifier id,
                                                 const std::string &value);
// The same customer, only what a hit returns (nothing of the row is copied).
std::optional<CustomerHit> find_active_hit(const std::string &tenant, Identifier id,
                                           const std::string &value);
// Follows merged_into from `id` to where the merges end: the active customer, or the last
// archived one (not merged further); nullopt when `id` does not exist.
std::optional<CustomerRecord> follow_merges(std::int64_t id);
// Has the customer been archived by a transaction that committed after this one's snapshot?
bool archived_since_snapshot(std::int64_t id);
// The customer a merged-away customer holding this identifier value was merged into (the
// most recent such merge), if any: the value is an alias of that customer.
std::optional<std::int64_t> find_merged_alias(const std::string &tenant, Identifier id,
                                              const std::string &value);
// Inserts a customer; nullopt when an active customer already holds one of its identifiers
// (ON CONFLICT DO NOTHING: a concurrent writer won).
std::optional<std::int64_t> insert_customer(const std::string &tenant,
                                            const CustomerFields &fields);
// Sets each given field the customer does not have yet; existing values are kept.  False
// when another active customer took one of the identifiers meanwhile (nothing written).
bool fill_missing_fields(std::int64_t id, const CustomerFields &fields,
                         const std::optional<std::string> &email_key,
                         const std::optional<std::string> &phone_key);
// Does the metadata (jsonb text) have a key the customer's metadata lacks?
bool lacks_metadata_keys(std::int64_t id, const std::string &metadata);
// Is the customer in any vendor's clientele (vendor_customer)?
bool has_clientele(std::int64_t customer_id);
void add_vendor_role(std::int64_t customer_id);
void remove_vendor_role(std::int64_t customer_id);

std::optional<VendorRecord> load_vendor(std::int64_t id, Lock lock = Lock::none);
// The vendor of the tenant with this contact email: a linked one first, then the lowest id
// (optionally only unlinked ones).
std::optional<VendorRecord> find_vendor_by_email(const std::string &tenant,
                                                 const std::string &email_normalized,
                                                 bool unlinked_only);
std::optional<std::int64_t> vendor_linked_to(std::int64_t customer_id);
// Compare-and-set of vendor.customer_id; false if it no longer held `expected`.
// Only vendor_link.cpp calls this, under a write permit.
bool set_vendor_customer(std::int64_t vendor_id, std::optional<std::int64_t> expected,
                         std::optional<std::int64_t> customer_id);
// A new vendor in the customer's tenant, with the customer's email (as given) as its
// contact email; its id.
std::int64_t insert_vendor_of_customer(std::int64_t customer_id, const std::string &name);

}  // namespace store
}  // namespace ci
