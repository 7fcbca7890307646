// What reconcile and import share: identifiers derived from raw values of rows written
// without the rules, and the grouping of rows that are one entity.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ci {

// The normalized identifiers of one raw row, or why the row cannot be used.
struct RawIdentity {
    std::array<std::optional<std::string>, 4> keys;  // by Identifier (store.hpp)
    std::string malformed;                           // empty when the row is usable
    std::string blocked;  // the identifiers left out as blocked values (trust.hpp), if any
};

// Normalizes raw external id, user id, email and phone under the tenant's identifier rules
// (identifier_rules.hpp); a bad value is named in `malformed`.
// Email and phone values blocked in the tenant are left out: they join nothing.
RawIdentity identity_of_raw(const std::string &tenant,
                            const std::optional<std::string> &external_customer_id,
                            const std::optional<std::string> &user_id,
                            const std::optional<std::string> &email,
                            const std::optional<std::string> &phone);

// Groups the usable rows that share an identifier value, transitively (A-email = B-email
// and B-phone = C-phone make one group).  Each group lists row indexes in ascending
// order; groups come in the order of their first row.
std::vector<std::vector<std::size_t>> group_by_identifiers(
    const std::vector<const RawIdentity *> &rows);

}  // namespace ci
