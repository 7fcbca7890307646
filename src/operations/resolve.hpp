// resolve_customer_identity: the one resolution order of the SPEC (resolve.cpp).  The review
// queue (claims.cpp) replays a claim through the same resolution, as verified.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store.hpp"

namespace ci {

// What the caller asked for, validated and normalized (make_resolve_request).
struct ResolveRequest {
    std::string tenant;
    CustomerFields given;                            // as given (raw email/phone)
    std::array<std::optional<std::string>, 4> keys;  // normalized, by Identifier; blocked: none
    std::optional<std::int64_t> customer_ref;
    bool create_missing = true;
    bool conflict_returns = false;

    const std::optional<std::string> &key(Identifier id) const {
        return keys[static_cast<int>(id)];
    }
    // Did the caller verify this (weak) identifier?
    bool verified(Identifier id) const {
        return (id == Identifier::email && given.email_verified) ||
               (id == Identifier::phone && given.phone_verified);
    }
};

// Validates and normalizes the inputs of a resolution (22023 for bad input; 42501 for a
// tenant of another connection); blocked email and phone values are dropped from the keys.
ResolveRequest make_resolve_request(std::optional<std::string> tenant, CustomerFields given,
                                    std::optional<std::int64_t> customer_ref, bool create_missing,
                                    bool conflict_returns);
// 22023 unless the request has an identifier left to resolve by.
void require_identifier(const ResolveRequest &request);

// What resolution decided.
struct ResolveOutcome {
    bool has_row = false;
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> vendor_id;
    std::string_view method;  // a literal
    bool created = false;
    std::optional<std::int64_t> claim_id;  // method 'claim': the review queue's entry
};

// Resolves; opens and closes its own SPI connection when it writes.
ResolveOutcome resolve(const ResolveRequest &request);

}  // namespace ci
