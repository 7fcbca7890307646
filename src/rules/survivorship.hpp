// Survivorship: which value a merge keeps where both customers have one (README
// "Survivorship").  Per tenant and column, in survivorship_rule; the row with tenant_id NULL
// is the default of every tenant, and a column without a row keeps the canonical value.
//
//   canonical  the canonical customer's value (0.9.0's behaviour, the default)
//   duplicate  the duplicate's value
//   newest     the value of the customer written last (updated_at before the merge)
//   verified   email and phone: a verified value wins over an unverified one
//   longest    name: the longer one (in characters)
//
// A rule decides only between two values: a value only one side has is taken as before, and
// an email or phone another active customer holds is never taken.  The rules are read once
// per merge (one indexed statement next to a dozen): there is no cache to forget.
#pragma once

#include <optional>
#include <string>

namespace ci::survivorship {

// The rules in force for one tenant, one per column that has them.
struct Rules {
    std::string name = "canonical";
    std::string email = "canonical";
    std::string phone = "canonical";
};

// Is `rule` a rule, and one that fits `column`?  nullopt when the column has no rules.
std::optional<bool> fits(const std::string &column, const std::string &rule);

// The tenant's rules: its own rows, else the default rows, else canonical (also before
// 0.10.0, without the table).  Needs SPI.
Rules rules_of(const std::string &tenant);

}  // namespace ci::survivorship
