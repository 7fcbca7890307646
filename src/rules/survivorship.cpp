// Survivorship rules: the lookup merges use, and the owner's set_survivorship / the
// survivorship() reader (survivorship.hpp).
#include "survivorship.hpp"

#include <array>

#include "audit.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
}

namespace ci::survivorship {
namespace {

// The columns that have rules, and the rules each accepts.
struct ColumnRules {
    const char *column;
    std::array<const char *, 4> rules;
};
constexpr std::array<ColumnRules, 3> column_rules = {{
    {"name", {"canonical", "duplicate", "newest", "longest"}},
    {"email", {"canonical", "duplicate", "newest", "verified"}},
    {"phone", {"canonical", "duplicate", "newest", "verified"}},
}};
constexpr std::array<const char *, 5> all_rules = {"canonical", "duplicate", "newest",
                                                   "verified", "longest"};

// The tenant_id of events about the default rules (no tenant can be named so: blank).
constexpr const char *default_scope = "(default)";

// Before 0.10.0 the table does not exist (this library serving an older installed version).
spi::Statement table_exists = {
    "SELECT pg_catalog.to_regclass('customer_identity.survivorship_rule') IS NOT NULL", 0, {},
    nullptr};

// Each column's rule: the tenant's row, else the default row, else canonical.
spi::Statement effective_rules = {
    "SELECT k.col, COALESCE("
    "  (SELECT r.rule FROM customer_identity.survivorship_rule r"
    "    WHERE r.tenant_id OPERATOR(pg_catalog.=) $1 AND r.column_name OPERATOR(pg_catalog.=) k.col),"
    "  (SELECT r.rule FROM customer_identity.survivorship_rule r"
    "    WHERE r.tenant_id IS NULL AND r.column_name OPERATOR(pg_catalog.=) k.col),"
    "  'canonical')"
    " FROM pg_catalog.unnest(ARRAY['name', 'email', 'phone']::pg_catalog.text[]) AS k(col)",
    1,
    {TEXTOID},
    nullptr};

spi::Statement upsert_rule = {
    "INSERT INTO customer_identity.survivorship_rule AS s (tenant_id, column_name, rule)"
    " VALUES ($1, $2, $3)"
    " ON CONFLICT (tenant_id, column_name) DO UPDATE SET rule = $3,"
    " set_by = customer_identity.caller(), set_at = pg_catalog.now()",
    3,
    {TEXTOID, TEXTOID, TEXTOID},
    nullptr};

}  // namespace

std::optional<bool> fits(const std::string &column, const std::string &rule) {
    for (const ColumnRules &entry : column_rules) {
        if (column != entry.column) continue;
        for (const char *accepted : entry.rules)
            if (rule == accepted) return true;
        return false;
    }
    return std::nullopt;
}

Rules rules_of(const std::string &tenant) {
    Rules rules;
    spi::run(table_exists, spi::Params(), 1, true);
    if (!spi::bool_at(0, 1)) return rules;
    spi::Params who;
    who.text(tenant);
    const std::uint64_t rows = spi::run(effective_rules, who, 0, true);
    for (std::uint64_t row = 0; row < rows; ++row) {
        const std::string column = *spi::text_at(row, 1);
        const std::string rule = *spi::text_at(row, 2);
        (column == "name" ? rules.name : column == "email" ? rules.email : rules.phone) = rule;
    }
    return rules;
}

}  // namespace ci::survivorship

using namespace ci;

// set_survivorship(column, rule, tenant_id DEFAULT NULL): the owner's; an unknown column or
// rule, or a rule that does not fit the column, is 22023 before anything is written.
CI_SQL_FUNCTION(ci_set_survivorship) {
    return entry_guard([&] {
        const std::string column = required(text_arg(fcinfo, 0), "column");
        const std::string rule = required(text_arg(fcinfo, 1), "rule");
        const auto fit = survivorship::fits(column, rule);
        if (!fit)
            throw IdentityError(sqlstate::malformed_input,
                                "column " + quote_for_message(column) + " has no survivorship rules",
                                {}, "Rules exist for name, email and phone.");
        if (!*fit) {
            bool known = false;
            for (const char *r : survivorship::all_rules) known = known || rule == r;
            throw IdentityError(
                sqlstate::malformed_input,
                known ? "survivorship rule " + quote_for_message(rule) + " does not fit column " +
                            column
                      : "unknown survivorship rule " + quote_for_message(rule),
                {},
                "name: canonical, duplicate, newest or longest; email and phone: canonical, "
                "duplicate, newest or verified.");
        }
        const auto tenant = tenant_or_default_arg(fcinfo, 2);
        spi::connect();
        spi::Params row;
        row.text(tenant).text(column).text(rule);
        spi::run(survivorship::upsert_rule, row);
        record_event({tenant.value_or(survivorship::default_scope),
                      "survivorship_set",
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      std::nullopt,
                      {{"column", column}, {"rule", rule}, {"scope", tenant ? "tenant" : "default"}}});
        spi::finish();
        return (Datum)0;
    });
}

// survivorship(tenant_id DEFAULT 'default'): the rules a merge in the tenant follows now, as
// {"name": rule, "email": rule, "phone": rule}.
CI_SQL_FUNCTION(ci_survivorship) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        spi::connect();
        const survivorship::Rules rules = survivorship::rules_of(tenant);
        spi::finish();
        const std::string json = "{\"name\": \"" + rules.name + "\", \"email\": \"" + rules.email +
                                 "\", \"phone\": \"" + rules.phone + "\"}";
        Datum result = (Datum)0;
        pg_call([&] {
            result = DirectFunctionCall1(jsonb_in, CStringGetDatum(json.c_str()));
        });
        return result;
    });
}
