// The trust policy and blocked values: lookups, and the owner functions that change them.
#include "trust.hpp"

#include <map>

#include "audit.hpp"
#include "blocklist.hpp"
#include "errors.hpp"
#include "flag_scope.hpp"
#include "identifier_rules.hpp"
#include "input.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "settings_cache.hpp"
#include "spi.hpp"
#include "write_permits.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/builtins.h"
}

namespace ci::trust {
namespace {

// What is known of one tenant's settings.
struct TenantTrust {
    Policy policy;
    std::optional<bool> own_list;  // does it keep blocked values of its own? (read on first need)
};

// Kept until trust_policy or blocked_identifier changes (settings_cache.hpp).
std::map<std::string, TenantTrust> tenant_cache;
// The entry found last: a statement's rows and calls nearly always name one tenant.
std::pair<const std::string, TenantTrust> *last_entry = nullptr;

// Forgets the cache.
void forget_cache() {
    tenant_cache.clear();
    last_entry = nullptr;
}

// The tenant's policy as the tables say, with the defaults that apply without a row.
Policy read_policy(const std::string &tenant) {
    settings_cache::watch();
    // No row of the tenant's and no default row: a fresh install's safe default.  Before
    // 0.5.0 (no table: this library serving an older installed version): 0.4.0's rules.
    Policy policy{probe::has_trust_tables(), probe::has_trust_tables()};
    auto row = probe::trust_row(tenant);
    if (!row) row = probe::trust_row(std::nullopt);
    if (row) policy = {row->verified, row->builtin_blocklist};
    return policy;
}

// The tenant's cache entry, read on first need.  (Reading may process invalidations that
// empty the cache, so entries are added only after the tables were read.)
TenantTrust &tenant_trust(const std::string &tenant) {
    if (last_entry != nullptr && last_entry->first == tenant) return last_entry->second;
    auto found = tenant_cache.find(tenant);
    if (found == tenant_cache.end()) {
        const Policy policy = read_policy(tenant);
        found = tenant_cache.insert_or_assign(tenant, TenantTrust{policy, std::nullopt}).first;
    }
    last_entry = &*found;
    return found->second;
}

// Does the tenant keep blocked values of its own?
bool has_own_list(const std::string &tenant) {
    if (const auto own = tenant_trust(tenant).own_list) return *own;
    settings_cache::watch();
    const bool own = probe::any_blocked_value(tenant);
    tenant_trust(tenant).own_list = own;
    return own;
}

}  // namespace

Policy policy_of(const std::string &tenant) { return tenant_trust(tenant).policy; }

bool is_weak(Identifier id) { return id == Identifier::email || id == Identifier::phone; }

bool blocked(const std::string &tenant, Identifier id, const std::string &value) {
    if (!is_weak(id)) return false;
    // A copy, read once per value (every write asks twice): the calls below may empty the cache.
    const TenantTrust trust = tenant_trust(tenant);
    if (trust.policy.builtin_blocklist &&
        (id == Identifier::email
             ? builtin_blocked_email(value)
             : builtin_blocked_phone(value, identifier_rules::rules_of(tenant).phone !=
                                                identifier_rules::PhoneForm::legacy)))
        return true;
    const bool own_list = trust.own_list ? *trust.own_list : has_own_list(tenant);
    return own_list && probe::blocked_value(tenant, identifier_name(id), value);
}

const std::optional<std::string> &unless_blocked(const std::string &tenant, Identifier id,
                                                 const std::optional<std::string> &value) {
    static const std::optional<std::string> none;
    if (value && blocked(tenant, id, *value)) return none;
    return value;
}

void init() { settings_cache::on_change(forget_cache); }

namespace {

// The tenant_id of events about the default policy (no tenant can be named so: blank).
constexpr const char *default_scope = "(default)";

spi::Statement upsert_policy = {
    "INSERT INTO customer_identity.trust_policy AS t (tenant_id, policy, builtin_blocklist)"
    " VALUES ($1, COALESCE($2, (SELECT d.policy FROM customer_identity.trust_policy d"
    "                           WHERE d.tenant_id IS NULL), 'verified'),"
    "         COALESCE($3, (SELECT d.builtin_blocklist FROM customer_identity.trust_policy d"
    "                       WHERE d.tenant_id IS NULL), true))"
    " ON CONFLICT (tenant_id) DO UPDATE SET policy = COALESCE($2, t.policy),"
    " builtin_blocklist = COALESCE($3, t.builtin_blocklist),"
    " set_by = customer_identity.caller(), set_at = pg_catalog.now()",
    3,
    {TEXTOID, TEXTOID, BOOLOID},
    nullptr};

spi::Statement insert_blocked = {
    "INSERT INTO customer_identity.blocked_identifier (tenant_id, identifier, value, reason)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    4,
    {TEXTOID, TEXTOID, TEXTOID, TEXTOID},
    nullptr};

spi::Statement delete_blocked = {
    "DELETE FROM customer_identity.blocked_identifier"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND identifier OPERATOR(pg_catalog.=) $2"
    " AND value OPERATOR(pg_catalog.=) $3",
    3,
    {TEXTOID, TEXTOID, TEXTOID},
    nullptr};

// Rewriting the raw column makes the row triggers derive the normalized one again: a value
// blocked now derives to NULL.  Archived rows too, so the value stops being an alias.
spi::Statement rederive_customer_email = {
    "UPDATE customer_identity.customer SET email = email"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND email_normalized OPERATOR(pg_catalog.=) $2",
    2,
    {TEXTOID, TEXTOID},
    nullptr};
spi::Statement rederive_customer_phone = {
    "UPDATE customer_identity.customer SET phone = phone"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND phone_normalized OPERATOR(pg_catalog.=) $2",
    2,
    {TEXTOID, TEXTOID},
    nullptr};
spi::Statement rederive_vendor_email = {
    "UPDATE customer_identity.vendor SET primary_contact_email = primary_contact_email"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1"
    " AND primary_contact_email_normalized OPERATOR(pg_catalog.=) $2",
    2,
    {TEXTOID, TEXTOID},
    nullptr};

// Sets the policy and/or the built-in list flag of a tenant or of the default.
void set_trust(const std::optional<std::string> &tenant, const std::optional<std::string> &policy,
               std::optional<bool> builtin) {
    spi::connect();
    spi::Params bound;
    bound.text(tenant).text(policy).boolean(builtin);
    spi::run(upsert_policy, bound);
    record_event({tenant.value_or(default_scope),
                  policy ? "trust_policy_set" : "builtin_blocklist_set",
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  {{"policy", policy},
                   {"builtin_blocklist",
                    builtin ? std::optional<std::string>(*builtin ? "true" : "false")
                            : std::nullopt},
                   {"scope", tenant ? "tenant" : "default"}}});
    spi::finish();
}

// 'email' or 'phone' (22023 otherwise), as an Identifier.
Identifier weak_identifier_arg(const std::optional<std::string> &name) {
    if (name && *name == "email") return Identifier::email;
    if (name && *name == "phone") return Identifier::phone;
    throw IdentityError(sqlstate::malformed_input, "identifier must be 'email' or 'phone'",
                        name ? "Got " + quote_for_message(*name) + "." : "Got NULL.");
}

// The tenant's identity of a blocked-list argument (22023 when malformed): a blocked value
// is kept in the form the tenant's rules give it, so it matches every spelling.
std::string normalized_value(const std::string &tenant, Identifier id,
                             const std::optional<std::string> &value) {
    const auto raw = required(value, "value");
    return *(id == Identifier::email ? identifier_rules::checked_email(tenant, raw)
                                     : identifier_rules::checked_phone(tenant, raw));
}

}  // namespace
}  // namespace ci::trust

using namespace ci;

CI_SQL_FUNCTION(ci_set_trust_policy) {
    return entry_guard([&] {
        const auto policy = text_arg(fcinfo, 0);
        if (!policy || (*policy != "trusting" && *policy != "verified"))
            throw IdentityError(sqlstate::malformed_input,
                                "policy must be 'trusting' or 'verified'",
                                policy ? "Got " + quote_for_message(*policy) + "." : "Got NULL.");
        trust::set_trust(tenant_or_default_arg(fcinfo, 1), policy, std::nullopt);
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_set_builtin_blocklist) {
    return entry_guard([&] {
        const bool enabled = required(bool_arg(fcinfo, 0), "enabled");
        trust::set_trust(tenant_or_default_arg(fcinfo, 1), std::nullopt, enabled);
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_trust_policy) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        const char *policy = trust::policy_of(tenant).verified ? "verified" : "trusting";
        Datum result = (Datum)0;
        pg_call([&] { result = CStringGetTextDatum(policy); });
        return result;
    });
}

CI_SQL_FUNCTION(ci_block_identifier) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        const Identifier id = trust::weak_identifier_arg(text_arg(fcinfo, 1));
        const std::string value = trust::normalized_value(tenant, id, text_arg(fcinfo, 2));
        const auto reason = text_arg(fcinfo, 3);
        spi::connect();
        spi::Params row;
        row.text(tenant).text(identifier_name(id)).text(value).text(reason);
        if (spi::run(trust::insert_blocked, row) == 1) {
            spi::Params key;
            key.text(tenant).text(value);
            FlagScope rederive(write_permits::rederiving());
            if (id == Identifier::email) {
                spi::run(trust::rederive_customer_email, key);
                spi::run(trust::rederive_vendor_email, key);
            } else {
                spi::run(trust::rederive_customer_phone, key);
            }
            record_event({tenant,
                          "identifier_blocked",
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          {{"identifier", identifier_name(id)}, {"value", value}, {"reason", reason}}});
        }
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_unblock_identifier) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        const Identifier id = trust::weak_identifier_arg(text_arg(fcinfo, 1));
        const std::string value = trust::normalized_value(tenant, id, text_arg(fcinfo, 2));
        spi::connect();
        spi::Params key;
        key.text(tenant).text(identifier_name(id)).text(value);
        if (spi::run(trust::delete_blocked, key) == 1) {
            record_event({tenant,
                          "identifier_unblocked",
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          std::nullopt,
                          {{"identifier", identifier_name(id)}, {"value", value}}});
        }
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_is_blocked_identifier) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        const Identifier id = trust::weak_identifier_arg(text_arg(fcinfo, 1));
        const std::string value = trust::normalized_value(tenant, id, text_arg(fcinfo, 2));
        return BoolGetDatum(trust::blocked(tenant, id, value));
    });
}

// derived_identifier(tenant_id, kind, value): the normalized value the triggers derive from
// a raw email or phone under the tenant's rules now -- NULL when it is malformed or blocked in the tenant (for
// check_integrity, which must not stop at the first malformed legacy row).
CI_SQL_FUNCTION(ci_derived_identifier) {
    return entry_guard([&]() -> Datum {
        const auto tenant = text_arg(fcinfo, 0);
        const auto kind = text_arg(fcinfo, 1);
        const auto value = text_arg(fcinfo, 2);
        if (!tenant || !kind || !value) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        const Identifier id = trust::weak_identifier_arg(kind);
        const identifier_rules::Rules &rules = identifier_rules::rules_of(*tenant);
        const Normalized n = id == Identifier::email ? identifier_rules::email_identity(rules, *value)
                                                     : identifier_rules::phone_identity(rules, *value);
        const auto derived =
            n.ok ? trust::unless_blocked(*tenant, id, std::optional<std::string>(n.value))
                 : std::nullopt;
        if (!derived) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        return text_datum(*derived);
    });
}
