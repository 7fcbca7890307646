// The trust model (README "Trust"): which identifiers prove who someone is.
//
//   strong  external_customer_id, user_id: the payment provider's and the application's own
//           ids; a match through them is proof.
//   weak    email, phone: typed by anyone.  Under a tenant's `verified` policy a match
//           through one may link a vendor, add identifiers to a customer, give role vendor or
//           enroll through an invite only when the identifier is verified -- by the call
//           (email_verified => true), or for the customer's own link by its row
//           (email_verified_at).  Otherwise the claim goes to the review queue (claims.hpp).
//           Under `trusting` the rules of 0.4.0 apply.
//
// Blocked values (a tenant's list, plus the built-in one of blocklist.hpp where it applies)
// never identify anyone: the rules treat them as absent, rows still carry the raw value.
#pragma once

#include <optional>
#include <string>

#include "store.hpp"

namespace ci::trust {

// The rules in force for a tenant.
struct Policy {
    bool verified = false;           // `verified` (else `trusting`)
    bool builtin_blocklist = false;  // the built-in blocked values apply
};

// The tenant's policy: its own row, else the default row (cached until either changes).
Policy policy_of(const std::string &tenant);

// Is the identifier weak (email, phone)?
bool is_weak(Identifier id);

// Is the normalized value blocked in the tenant?  Only email and phone can be.
bool blocked(const std::string &tenant, Identifier id, const std::string &value);

// The normalized value, or nullopt when it is blocked in the tenant: a reference to `value`
// itself or to a static nullopt, so that checking a row copies nothing.
const std::optional<std::string> &unless_blocked(const std::string &tenant, Identifier id,
                                                 const std::optional<std::string> &value);

// Registers the cache with settings_cache; called from _PG_init.
void init();

}  // namespace ci::trust
