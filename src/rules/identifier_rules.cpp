// The identifier rules of each tenant: lookups, the canonical forms, and the owner functions
// that change them (identifier_rules.hpp).
#include "identifier_rules.hpp"

#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "audit.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "settings_cache.hpp"
#include "spi.hpp"

extern "C" {
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
}

namespace ci::identifier_rules {
namespace {

// The rules of each tenant seen, kept until identifier_rules changes (settings_cache.hpp).
std::map<std::string, Rules> tenant_cache;
// The entry found last: a statement's rows and calls nearly always name one tenant.
const std::pair<const std::string, Rules> *last_entry = nullptr;

// Recent phone parses: (rule, raw) -> identity.  Emptied when full, never stale: a parse
// depends only on its rule and the library in this process.  Only spellings that need
// libphonenumber's parser come here: a plain one (plain_phone) is read in less time than a
// lookup takes.
constexpr std::size_t phone_cache_capacity = 4096;
std::unordered_map<std::string, Normalized> phone_cache;
// The key of the lookup in progress, kept so that a lookup allocates nothing.
std::string phone_cache_key;

// Forgets the rules (the parses stay valid).
void forget_cache() {
    tenant_cache.clear();
    last_entry = nullptr;
}

// The rules a row's phone and email columns name.
void apply_phone(Rules &rules, const std::string &phone) {
    if (phone == "legacy") {
        rules.phone = PhoneForm::legacy;
        rules.region.clear();
    } else if (phone == "international") {
        rules.phone = PhoneForm::international;
        rules.region.clear();
    } else {
        rules.phone = PhoneForm::regional;
        rules.region = phone;
    }
}
void apply_email(Rules &rules, const std::string &email) {
    rules.email = email == "legacy"     ? EmailForm::legacy
                  : email == "provider" ? EmailForm::provider
                                        : EmailForm::exact;
}


// The tenant's rules as the table says.  With no table (this library serving a version
// before 0.10.0) every rule is 0.9's.
Rules read_rules(const std::string &tenant) {
    settings_cache::watch();
    Rules rules;
    if (!OidIsValid(probe::settings_relations().identifier_rules)) {
        rules.phone = PhoneForm::legacy;
        rules.email = EmailForm::legacy;
    } else {
        std::optional<std::string> phone, email, default_phone, default_email;
        for (const auto &row : probe::identifier_rule_rows()) {
            if (!row.tenant) {
                default_phone = row.phone;
                default_email = row.email;
            } else if (*row.tenant == tenant) {
                phone = row.phone;
                email = row.email;
            }
        }
        if (!phone) phone = default_phone;
        if (!email) email = default_email;
        if (phone) apply_phone(rules, *phone);
        if (email) apply_email(rules, *email);
    }
    return rules;
}

// A derived identity, or 22023 naming the value, the rule's region and the reason.
std::string checked(Normalized result, std::string_view raw, const char *what,
                    const std::string &region) {
    if (result.ok) return std::move(result.value);
    throw IdentityError(sqlstate::malformed_input,
                        std::string("invalid ") + what + " " +
                            quote_for_message(std::string(raw)) +
                            (region.empty() ? std::string() : " in region " + region),
                        result.error + ".");
}

}  // namespace

void Rules::describe() const {
    std::string phone_text = "phone " + phone_rule_name(*this);
    if (phone != PhoneForm::legacy) phone_text += " (" + phone_library_version() + ")";
    std::string email_text = std::string("email ") + email_rule_name(email);
    if (email != EmailForm::legacy) email_text += " (" + email_library_version() + ")";
    description_ = phone_text + "; " + email_text;
    if (phone == PhoneForm::legacy && email == EmailForm::legacy)
        derivation_.reset();
    else
        derivation_ = static_cast<std::int64_t>(identity_key_hash(description_, "", ""));
    described_ = true;
}

const std::string &Rules::description() const {
    if (!described_) describe();
    return description_;
}

const std::optional<std::int64_t> &Rules::derivation() const {
    if (!described_) describe();
    return derivation_;
}

const Rules &rules_of(const std::string &tenant) {
    if (last_entry != nullptr && last_entry->first == tenant) return last_entry->second;
    auto found = tenant_cache.find(tenant);
    if (found == tenant_cache.end()) {
        // Reading may process invalidations that empty the cache: insert afterwards.
        Rules rules = read_rules(tenant);
        found = tenant_cache.insert_or_assign(tenant, std::move(rules)).first;
    }
    last_entry = &*found;
    return found->second;
}

std::string phone_rule_name(const Rules &rules) {
    switch (rules.phone) {
    case PhoneForm::legacy: return "legacy";
    case PhoneForm::international: return "international";
    case PhoneForm::regional: return rules.region;
    }
    return "legacy";
}

const char *email_rule_name(EmailForm form) {
    switch (form) {
    case EmailForm::legacy: return "legacy";
    case EmailForm::exact: return "exact";
    case EmailForm::provider: return "provider";
    }
    return "legacy";
}

Normalized email_identity(const Rules &rules, std::string_view raw) {
    switch (rules.email) {
    case EmailForm::legacy: return normalize_email(raw);
    case EmailForm::exact: return canonical_email(raw, EmailMode::exact);
    case EmailForm::provider: return canonical_email(raw, EmailMode::provider);
    }
    return normalize_email(raw);
}

Normalized phone_identity(const Rules &rules, std::string_view raw) {
    if (rules.phone == PhoneForm::legacy) return normalize_phone(raw);
    if (auto plain = plain_phone(raw, rules.region)) return {true, std::move(*plain), {}};
    std::string &key = phone_cache_key;
    key.assign(rules.region);  // empty for international
    key.push_back('\0');
    key.append(raw);
    if (auto hit = phone_cache.find(key); hit != phone_cache.end()) return hit->second;
    PhoneIdentity parsed = canonical_phone(raw, rules.region);
    Normalized result{parsed.ok, std::move(parsed.value), std::move(parsed.error)};
    if (phone_cache.size() >= phone_cache_capacity) phone_cache.clear();
    phone_cache.emplace(key, result);
    return result;
}

std::optional<std::string> checked_email(const std::string &tenant,
                                         std::optional<std::string_view> raw, const char *what,
                                         bool limit) {
    if (!raw) return std::nullopt;
    if (limit) check_length(*raw, max_email_bytes, what);
    return checked(email_identity(rules_of(tenant), *raw), *raw, what, std::string());
}

std::optional<std::string> checked_phone(const std::string &tenant,
                                         std::optional<std::string_view> raw, const char *what,
                                         bool limit) {
    if (!raw) return std::nullopt;
    if (limit) check_length(*raw, max_phone_bytes, what);
    const Rules &rules = rules_of(tenant);
    return checked(phone_identity(rules, *raw), *raw, what, rules.region);
}

bool derived_otherwise(const std::optional<std::int64_t> &derived_by, const Rules &rules,
                       const std::optional<std::string> &stored,
                       const std::optional<std::string> &raw, bool email) {
    if (derived_by == rules.derivation()) return false;
    if (derived_by) return true;
    if (!raw) return !stored;
    const Normalized legacy = email ? normalize_email(*raw) : normalize_phone(*raw);
    return legacy.ok && stored == legacy.value;
}

void init() { settings_cache::on_change(forget_cache); }

namespace {

// The tenant_id of events about the default rules (no tenant can be named so: blank).
constexpr const char *default_scope = "(default)";

// Sets one rule of a tenant (or of the default, tenant NULL); the other stays as it was (a
// new tenant row leaves it NULL: the default's).
spi::Statement upsert_phone_rule = {
    "INSERT INTO customer_identity.identifier_rules AS r (tenant_id, phone) VALUES ($1, $2)"
    " ON CONFLICT (tenant_id) DO UPDATE SET phone = $2,"
    " set_by = customer_identity.caller(), set_at = pg_catalog.now()",
    2,
    {TEXTOID, TEXTOID},
    nullptr};
spi::Statement upsert_email_rule = {
    "INSERT INTO customer_identity.identifier_rules AS r (tenant_id, email) VALUES ($1, $2)"
    " ON CONFLICT (tenant_id) DO UPDATE SET email = $2,"
    " set_by = customer_identity.caller(), set_at = pg_catalog.now()",
    2,
    {TEXTOID, TEXTOID},
    nullptr};

// The blocked values (trust.hpp) of one kind the rules of a tenant, or of every tenant that
// takes the default ($1 NULL), apply to: stored in the form the old rules gave them.
#define CI_BLOCKED_UNDER(column)                                                                \
    "SELECT b.tenant_id, b.value FROM customer_identity.blocked_identifier b"                 \
    " WHERE b.identifier OPERATOR(pg_catalog.=) $2 AND CASE WHEN $1::pg_catalog.text IS NULL"  \
    "   THEN NOT EXISTS (SELECT 1 FROM customer_identity.identifier_rules r"                   \
    "                    WHERE r.tenant_id OPERATOR(pg_catalog.=) b.tenant_id"                 \
    "                      AND r." column " IS NOT NULL)"                                       \
    "   ELSE b.tenant_id OPERATOR(pg_catalog.=) $1 END ORDER BY b.tenant_id, b.value"
spi::Statement blocked_under_phone_rule = {CI_BLOCKED_UNDER("phone"), 2, {TEXTOID, TEXTOID}, nullptr};
spi::Statement blocked_under_email_rule = {CI_BLOCKED_UNDER("email"), 2, {TEXTOID, TEXTOID}, nullptr};

// A blocked value in its new form: rewritten, or dropped where the new form is blocked too.
spi::Statement rewrite_blocked = {
    "WITH kept AS (SELECT 1 FROM customer_identity.blocked_identifier"
    "              WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND identifier OPERATOR(pg_catalog.=) $2"
    "                AND value OPERATOR(pg_catalog.=) $4),"
    " dropped AS (DELETE FROM customer_identity.blocked_identifier"
    "             WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND identifier OPERATOR(pg_catalog.=) $2"
    "               AND value OPERATOR(pg_catalog.=) $3 AND EXISTS (SELECT 1 FROM kept))"
    " UPDATE customer_identity.blocked_identifier SET value = $4"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1 AND identifier OPERATOR(pg_catalog.=) $2"
    "   AND value OPERATOR(pg_catalog.=) $3 AND NOT EXISTS (SELECT 1 FROM kept)",
    4,
    {TEXTOID, TEXTOID, TEXTOID, TEXTOID},
    nullptr};

// Re-derives the blocked values a rule change reaches, so that a blocked value keeps
// matching every spelling under the new rules.  A value the new rules cannot read (a
// national number no longer possible in the new region) stays as it was: it matches nothing.
void rederive_blocked(const std::optional<std::string> &tenant, bool phone) {
    pg_call([] { CommandCounterIncrement(); });  // the rule just written, and its invalidation
    spi::Params scope;
    scope.text(tenant).text(std::string(phone ? "phone" : "email"));
    const std::uint64_t rows =
        spi::run(phone ? blocked_under_phone_rule : blocked_under_email_rule, scope);
    std::vector<std::pair<std::string, std::string>> values;
    for (std::uint64_t row = 0; row < rows; ++row)
        values.emplace_back(*spi::text_at(row, 1), *spi::text_at(row, 2));
    for (const auto &[owner, value] : values) {
        const Rules &rules = rules_of(owner);
        const Normalized now = phone ? phone_identity(rules, value) : email_identity(rules, value);
        if (!now.ok || now.value == value) continue;
        spi::Params rewrite;
        rewrite.text(owner).text(std::string(phone ? "phone" : "email")).text(value).text(now.value);
        spi::run(rewrite_blocked, rewrite);
    }
}

// Writes one rule and its event.
void set_rule(const std::optional<std::string> &tenant, spi::Statement &upsert,
              const char *event, const char *rule, const std::string &value) {
    spi::connect();
    spi::Params row;
    row.text(tenant).text(value);
    spi::run(upsert, row);
    rederive_blocked(tenant, std::string(rule) == "phone");
    record_event({tenant.value_or(default_scope),
                  event,
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  {{rule, value}, {"scope", tenant ? "tenant" : "default"}}});
    spi::finish();
}

}  // namespace
}  // namespace ci::identifier_rules

using namespace ci;
using namespace ci::identifier_rules;

// set_phone_region(region, tenant_id DEFAULT NULL): region NULL reads phones without one
// ('international'); an unknown region is 22023.
CI_SQL_FUNCTION(ci_set_phone_region) {
    return entry_guard([&] {
        const auto region = text_arg(fcinfo, 0);
        std::string rule = "international";
        if (region) {
            if (region->size() != 2 || !known_region(*region))
                throw IdentityError(sqlstate::malformed_input,
                                    "unknown phone region " + quote_for_message(*region),
                                    "A region is an ISO 3166-1 alpha-2 code that libphonenumber "
                                    "has metadata for, such as 'US' or 'GB'.",
                                    "NULL reads phones without a region: only a number written "
                                    "with its country code is parsed.");
            rule = *region;
            for (char &c : rule) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        set_rule(tenant_or_default_arg(fcinfo, 1), upsert_phone_rule, "phone_region_set", "phone", rule);
        return (Datum)0;
    });
}

// phone_region(tenant_id DEFAULT 'default'): the region the tenant's phones are read in, or
// NULL when there is none.
CI_SQL_FUNCTION(ci_phone_region) {
    return entry_guard([&]() -> Datum {
        const Rules &rules = rules_of(checked_tenant(text_arg(fcinfo, 0)));
        if (rules.phone != PhoneForm::regional) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        return text_datum(rules.region);
    });
}

// set_email_canonicalization(mode, tenant_id DEFAULT NULL): 'exact' or 'provider'.
CI_SQL_FUNCTION(ci_set_email_canonicalization) {
    return entry_guard([&] {
        const auto mode = text_arg(fcinfo, 0);
        if (!mode || (*mode != "exact" && *mode != "provider"))
            throw IdentityError(sqlstate::malformed_input,
                                "email canonicalization must be 'exact' or 'provider'",
                                mode ? "Got " + quote_for_message(*mode) + "." : "Got NULL.");
        set_rule(tenant_or_default_arg(fcinfo, 1), upsert_email_rule, "email_canonicalization_set", "email",
                 *mode);
        return (Datum)0;
    });
}

// email_canonicalization(tenant_id DEFAULT 'default'): 'legacy', 'exact' or 'provider'.
CI_SQL_FUNCTION(ci_email_canonicalization) {
    return entry_guard([&] {
        return text_datum(email_rule_name(rules_of(checked_tenant(text_arg(fcinfo, 0))).email));
    });
}

// identifier_derivation(tenant_id DEFAULT 'default', OUT rules text, OUT derived_by bigint):
// what derives the tenant's identifiers now, and the value rows derived so carry.
CI_SQL_FUNCTION(ci_identifier_derivation) {
    return entry_guard([&] {
        const Rules rules = rules_of(checked_tenant(text_arg(fcinfo, 0)));
        Datum result = (Datum)0;
        pg_call([&] {
            TupleDesc desc = nullptr;
            if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
                ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                                errmsg("identifier_derivation must return a record")));
            desc = BlessTupleDesc(desc);
            Datum values[2] = {PointerGetDatum(cstring_to_text_with_len(
                                   rules.description().data(), rules.description().size())),
                               Int64GetDatum(rules.derivation().value_or(0))};
            bool nulls[2] = {false, !rules.derivation()};
            result = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
        });
        return result;
    });
}

// identifier_derived_otherwise(tenant_id, kind, raw, stored, derived_by): derived_otherwise
// for check_integrity (NULL arguments but tenant and kind are values too).
CI_SQL_FUNCTION(ci_identifier_derived_otherwise) {
    return entry_guard([&]() -> Datum {
        const auto tenant = text_arg(fcinfo, 0);
        const auto kind = text_arg(fcinfo, 1);
        if (!tenant || !kind || (*kind != "email" && *kind != "phone")) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        return BoolGetDatum(derived_otherwise(int8_arg(fcinfo, 4), rules_of(*tenant),
                                              text_arg(fcinfo, 3), text_arg(fcinfo, 2),
                                              *kind == "email"));
    });
}
