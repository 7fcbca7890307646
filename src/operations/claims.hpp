// The review queue (README "Review queue"): claims through an unverified email or phone
// that the `verified` policy did not carry out.  Opening one writes only the claim (and its
// event); the owner lists them (list_claims, in SQL), accepts one -- which carries out what
// it proposed, as verified, with the reviewer on record -- or rejects it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "resolve.hpp"
#include "store.hpp"

namespace ci::claims {

// Opens the claim of a resolution that matched through `via` (or finds the same claim
// still open); returns its id.  Needs SPI.
std::int64_t open_resolve_claim(const ResolveRequest &request, Identifier via,
                                std::optional<std::int64_t> customer_id,
                                std::optional<std::int64_t> vendor_id);

}  // namespace ci::claims
