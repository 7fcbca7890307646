// Cached statements over customer and vendor; see store.hpp.
#include "store.hpp"

#include "probe.hpp"
#include "spi.hpp"
#include "tenant_scope.hpp"

extern "C" {
#include "catalog/pg_type.h"
}

namespace ci {

// The name of each identifier, in Identifier order.
static constexpr const char *identifier_names[] = {"external_customer_id", "user_id", "email",
                                                   "phone"};

const char *identifier_name(Identifier id) { return identifier_names[static_cast<int>(id)]; }

namespace store {

#define CI_FIND_ACTIVE(column)                               \
    "SELECT id FROM customer_identity.customer"              \
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND " column \
    " OPERATOR(pg_catalog.=) $2"                             \
    " AND archived_at IS NULL AND id OPERATOR(pg_catalog.<>) $3 LIMIT 1"

// One statement per identifier, each served by its partial unique index.
static spi::Statement find_active[4] = {
    {CI_FIND_ACTIVE("external_customer_id"), 3, {TEXTOID, TEXTOID, INT8OID}, nullptr},
    {CI_FIND_ACTIVE("user_id"), 3, {TEXTOID, TEXTOID, INT8OID}, nullptr},
    {CI_FIND_ACTIVE("email_normalized"), 3, {TEXTOID, TEXTOID, INT8OID}, nullptr},
    {CI_FIND_ACTIVE("phone_normalized"), 3, {TEXTOID, TEXTOID, INT8OID}, nullptr},
};

// The parts of a customer row the rules read, and the vendor linked to it, in one probe.
// `verified` is the verified-at columns of 0.5.0, or false, false for an older schema.
#define CI_CUSTOMER_LOCKED(verified)                                                            \
    {"SELECT c.id, c.tenant_id, c.external_customer_id, c.user_id, c.email_normalized,"         \
     " c.phone_normalized, c.name IS NOT NULL, c.archived_at IS NOT NULL, c.merged_into,"       \
     " 'vendor'::pg_catalog.text OPERATOR(pg_catalog.=) ANY (c.roles),"                         \
     " (SELECT v.id FROM customer_identity.vendor v"                                            \
     "  WHERE v.customer_id OPERATOR(pg_catalog.=) c.id), " verified                             \
     " FROM customer_identity.customer c WHERE c.id OPERATOR(pg_catalog.=) $1 FOR UPDATE OF c", \
     1,                                                                                         \
     {INT8OID},                                                                                 \
     nullptr}

// Each statement that touches the verified-at columns has a form for the schema before
// 0.5.0 (the library serves an older installed version until ALTER EXTENSION UPDATE).
struct VersionedStatement {
    spi::Statement current, before_trust;
    spi::Statement &get() { return probe::has_verified_columns() ? current : before_trust; }
};

static VersionedStatement load_customer_locked = {
    CI_CUSTOMER_LOCKED("c.email_verified_at IS NOT NULL, c.phone_verified_at IS NOT NULL"),
    CI_CUSTOMER_LOCKED("false, false")};

// The caller's verification stamps the identifier it verified ($8 email, $9 phone).
#define CI_INSERT_CUSTOMER(columns, values)                                                    \
    {"INSERT INTO customer_identity.customer"                                                  \
     " (tenant_id, external_customer_id, user_id, email, phone, name, metadata" columns ")"    \
     " VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::pg_catalog.jsonb, '{}'::pg_catalog.jsonb)" \
     values ") ON CONFLICT DO NOTHING RETURNING id",                                           \
     9,                                                                                        \
     {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID},        \
     nullptr}

static VersionedStatement insert_customer_stmt = {
    CI_INSERT_CUSTOMER(", email_verified_at, phone_verified_at",
                       ", CASE WHEN $8 AND $4 IS NOT NULL THEN pg_catalog.clock_timestamp() END,"
                       " CASE WHEN $9 AND $5 IS NOT NULL THEN pg_catalog.clock_timestamp() END"),
    CI_INSERT_CUSTOMER("", "")};

// Fills what is missing; a verified email or phone is stamped when the customer gets it now
// or already has that very value ($10, $11: their identities under the tenant's rules).
#define CI_FILL_MISSING(stamps)                                                                \
    {"UPDATE customer_identity.customer SET"                                                   \
     " external_customer_id = COALESCE(external_customer_id, $2),"                            \
     " user_id = COALESCE(user_id, $3), email = COALESCE(email, $4),"                          \
     " phone = COALESCE(phone, $5), name = COALESCE(name, $6),"                                \
     " metadata = COALESCE($7::pg_catalog.jsonb OPERATOR(pg_catalog.||) metadata, metadata)"  \
     stamps " WHERE id OPERATOR(pg_catalog.=) $1",                                              \
     11,                                                                                       \
     {INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, BOOLOID,         \
      TEXTOID, TEXTOID},                                                                       \
     nullptr}

static VersionedStatement fill_missing_stmt = {
    CI_FILL_MISSING(
        ", email_verified_at = CASE WHEN $8 AND email_verified_at IS NULL AND $4 IS NOT NULL"
        "   AND (email IS NULL OR email_normalized OPERATOR(pg_catalog.=) $10)"
        "   THEN pg_catalog.clock_timestamp() ELSE email_verified_at END,"
        " phone_verified_at = CASE WHEN $9 AND phone_verified_at IS NULL AND $5 IS NOT NULL"
        "   AND (phone IS NULL OR phone_normalized OPERATOR(pg_catalog.=) $11)"
        "   THEN pg_catalog.clock_timestamp() ELSE phone_verified_at END"),
    CI_FILL_MISSING("")};

static spi::Statement lacks_metadata_keys_stmt = {
    "SELECT EXISTS (SELECT 1 FROM pg_catalog.jsonb_object_keys($2::pg_catalog.jsonb) k"
    " WHERE NOT (c.metadata OPERATOR(pg_catalog.?) k))"
    " FROM customer_identity.customer c WHERE c.id OPERATOR(pg_catalog.=) $1",
    2,
    {INT8OID, TEXTOID},
    nullptr};

static spi::Statement has_clientele_stmt = {
    "SELECT 1 FROM customer_identity.vendor_customer WHERE customer_id OPERATOR(pg_catalog.=) $1"
    " LIMIT 1",
    1,
    {INT8OID},
    nullptr};

static spi::Statement add_vendor_role_stmt = {
    "UPDATE customer_identity.customer"
    " SET roles = pg_catalog.array_append(roles, 'vendor'::pg_catalog.text)"
    " WHERE id OPERATOR(pg_catalog.=) $1"
    " AND NOT ('vendor'::pg_catalog.text OPERATOR(pg_catalog.=) ANY (roles))",
    1,
    {INT8OID},
    nullptr};

static spi::Statement remove_vendor_role_stmt = {
    "UPDATE customer_identity.customer"
    " SET roles = pg_catalog.array_remove(roles, 'vendor'::pg_catalog.text)"
    " WHERE id OPERATOR(pg_catalog.=) $1"
    " AND 'vendor'::pg_catalog.text OPERATOR(pg_catalog.=) ANY (roles)",
    1,
    {INT8OID},
    nullptr};

#define CI_VENDOR_COLUMNS                                                       \
    "SELECT id, tenant_id, customer_id, primary_contact_email_normalized FROM " \
    "customer_identity.vendor"

static spi::Statement load_vendor_plain = {
    CI_VENDOR_COLUMNS " WHERE id OPERATOR(pg_catalog.=) $1", 1, {INT8OID}, nullptr};
static spi::Statement load_vendor_locked = {
    CI_VENDOR_COLUMNS " WHERE id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}, nullptr};

static spi::Statement set_vendor_customer_stmt = {
    "UPDATE customer_identity.vendor SET customer_id = $3"
    " WHERE id OPERATOR(pg_catalog.=) $1"
    " AND (customer_id OPERATOR(pg_catalog.=) $2 OR (customer_id IS NULL AND $2 IS NULL))",
    3,
    {INT8OID, INT8OID, INT8OID},
    nullptr};

static spi::Statement insert_vendor_stmt = {
    "INSERT INTO customer_identity.vendor (tenant_id, name, primary_contact_email)"
    " SELECT c.tenant_id, $2, c.email FROM customer_identity.customer c"
    " WHERE c.id OPERATOR(pg_catalog.=) $1 RETURNING id",
    2,
    {INT8OID, TEXTOID},
    nullptr};

std::optional<std::int64_t> find_active_customer(const std::string &tenant, Identifier id,
                                                 const std::string &value, std::int64_t excluding,
                                                 bool latest_snapshot) {
    spi::Params params;
    params.text(tenant).text(value).int8(excluding);
    auto visibility = latest_snapshot ? spi::Visibility::latest : spi::Visibility::current;
    if (spi::run(find_active[static_cast<int>(id)], params, 1, false, visibility) == 0)
        return std::nullopt;
    return spi::int8_at(0, 1);
}

// Reads row 0 of the last load_customer_locked.
static CustomerRecord customer_from_result() {
    CustomerRecord record;
    record.id = *spi::int8_at(0, 1);
    record.tenant = *spi::text_at(0, 2);
    for (Identifier each : all_identifiers)
        record.identifiers[static_cast<int>(each)] = spi::text_at(0, 3 + static_cast<int>(each));
    record.has_name = spi::bool_at(0, 7);
    record.archived = spi::bool_at(0, 8);
    record.merged_into = spi::int8_at(0, 9);
    record.has_vendor_role = spi::bool_at(0, 10);
    record.linked_vendor = spi::int8_at(0, 11);
    record.email_verified = spi::bool_at(0, 12);
    record.phone_verified = spi::bool_at(0, 13);
    return record;
}

// A row of another tenant is unknown to a caller bound to one tenant (tenant_scope.hpp).
template <typename Record>
std::optional<Record> if_visible(std::optional<Record> record) {
    if (record && !tenant_scope::visible(record->tenant)) return std::nullopt;
    return record;
}

std::optional<CustomerRecord> load_customer(std::int64_t id, Lock lock) {
    if (lock == Lock::none) return if_visible(probe::customer_by_id(id));
    spi::Params params;
    params.int8(id);
    if (spi::run(load_customer_locked.get(), params, 1) == 0) return std::nullopt;
    return if_visible(std::optional(customer_from_result()));
}

std::optional<CustomerRecord> find_active_record(const std::string &tenant, Identifier id,
                                                 const std::string &value) {
    return probe::active_customer(tenant, id, value);
}

std::optional<CustomerHit> find_active_hit(const std::string &tenant, Identifier id,
                                           const std::string &value) {
    return probe::active_customer_hit(tenant, id, value);
}

std::optional<CustomerRecord> follow_merges(std::int64_t id) {
    std::optional<CustomerRecord> record = load_customer(id);
    // Merges form a chain towards the active customer; the bound only guards bad data.
    for (int hops = 0; hops < 1000 && record && record->archived && record->merged_into; ++hops)
        record = load_customer(*record->merged_into);
    return record;
}

bool archived_since_snapshot(std::int64_t id) { return probe::archived_in_latest_snapshot(id); }

std::optional<std::int64_t> find_merged_alias(const std::string &tenant, Identifier id,
                                              const std::string &value) {
    return probe::merged_alias(tenant, id, value);
}

std::optional<std::int64_t> insert_customer(const std::string &tenant,
                                            const CustomerFields &fields) {
    spi::Params params;
    params.text(tenant)
        .text(fields.external_customer_id)
        .text(fields.user_id)
        .text(fields.email)
        .text(fields.phone)
        .text(fields.name)
        .text(fields.metadata)
        .boolean(fields.email_verified)
        .boolean(fields.phone_verified);
    if (spi::run(insert_customer_stmt.get(), params) == 0) return std::nullopt;
    return spi::int8_at(0, 1);
}

bool fill_missing_fields(std::int64_t id, const CustomerFields &fields,
                         const std::optional<std::string> &email_key,
                         const std::optional<std::string> &phone_key) {
    spi::Params params;
    params.int8(id)
        .text(fields.external_customer_id)
        .text(fields.user_id)
        .text(fields.email)
        .text(fields.phone)
        .text(fields.name)
        .text(fields.metadata)
        .boolean(fields.email_verified)
        .boolean(fields.phone_verified)
        .text(email_key)
        .text(phone_key);
    // A writer that takes no identity lock (a plain INSERT) may hold the value by now.
    return spi::run_tolerating(fill_missing_stmt.get(), params, ERRCODE_UNIQUE_VIOLATION);
}

bool lacks_metadata_keys(std::int64_t id, const std::string &metadata) {
    spi::Params params;
    params.int8(id).text(metadata);
    return spi::run(lacks_metadata_keys_stmt, params, 1) == 1 && spi::bool_at(0, 1);
}

bool has_clientele(std::int64_t customer_id) {
    spi::Params params;
    params.int8(customer_id);
    return spi::run(has_clientele_stmt, params, 1) == 1;
}

void add_vendor_role(std::int64_t customer_id) {
    spi::Params params;
    params.int8(customer_id);
    spi::run(add_vendor_role_stmt, params);
}

void remove_vendor_role(std::int64_t customer_id) {
    spi::Params params;
    params.int8(customer_id);
    spi::run(remove_vendor_role_stmt, params);
}

// Reads row 0 of the last vendor query.
static VendorRecord vendor_from_result() {
    VendorRecord record;
    record.id = *spi::int8_at(0, 1);
    record.tenant = *spi::text_at(0, 2);
    record.customer_id = spi::int8_at(0, 3);
    record.email_normalized = spi::text_at(0, 4);
    return record;
}

std::optional<VendorRecord> load_vendor(std::int64_t id, Lock lock) {
    spi::Params params;
    params.int8(id);
    auto &stmt = lock == Lock::for_update ? load_vendor_locked : load_vendor_plain;
    if (spi::run(stmt, params, 1) == 0) return std::nullopt;
    return if_visible(std::optional(vendor_from_result()));
}

std::optional<VendorRecord> find_vendor_by_email(const std::string &tenant,
                                                 const std::string &email_normalized,
                                                 bool unlinked_only) {
    return probe::vendor_by_email(tenant, email_normalized, unlinked_only);
}

std::optional<std::int64_t> vendor_linked_to(std::int64_t customer_id) {
    return probe::vendor_linked_to(customer_id);
}

bool set_vendor_customer(std::int64_t vendor_id, std::optional<std::int64_t> expected,
                         std::optional<std::int64_t> customer_id) {
    spi::Params params;
    params.int8(vendor_id).int8(expected).int8(customer_id);
    return spi::run(set_vendor_customer_stmt, params) == 1;
}

std::int64_t insert_vendor_of_customer(std::int64_t customer_id, const std::string &name) {
    spi::Params params;
    params.int8(customer_id).text(name);
    spi::run(insert_vendor_stmt, params);
    return *spi::int8_at(0, 1);
}

}  // namespace store
}  // namespace ci
