// The keys that find the audit events naming an identifier without reading the tenant's
// whole trail (event_search.cpp): identity_event_search_idx indexes
// event_search_keys(tenant_id, detail), and erasure asks it for the keys of a person's
// identifiers.  A key is a 64-bit hash of (tenant, kind, value): a collision only costs a
// recheck, payload_mentions decides.
//
// The keys do not depend on a tenant's rules (event_search_keys is IMMUTABLE and indexed):
// a payload is keyed under every rule, and erasure looks it up with the person's identities
// under the rules in force, then payload_mentions and erasure check each leaf under those
// rules.  The email keys depend on the Unicode data of ICU and libidn2 as the identities do
// (email.hpp): after an upgrade of either that changes an identity, REINDEX the index.
//
// What payload_mentions finds, a key finds (so the index is exact after the recheck):
//   a string under an identifier key      x/u: the id as is; e: the email's identity under
//                                         each rule (0.9's, exact, provider); p: the last
//                                         seven digits of the phone as written, read up to
//                                         its extension and without (the end of its identity
//                                         under any rule, whatever region reads it)
//   any other string, searched for the    a<j><k>: each window of j characters before and
//   emails and phones as typed            k after an '@' (1..3 each) of lower(text)
//                                         d: each 4 characters of lower(text) ending at a
//                                         digit, where the text holds 4 digits or more
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pg_boundary.hpp"

namespace ci::event_search {

// The index keys of a payload of the tenant, sorted and without repeats.
std::vector<std::int64_t> payload_keys(const std::string &tenant, Datum detail);

// The keys of which a payload naming one of the identifiers ('kind:value', kinds
// email_normalized, phone_normalized, external_customer_id, user_id) or containing one of
// the shaped values holds at least one; nullopt when a shaped value gives no key (then the
// caller searches without the index).
std::optional<std::vector<std::int64_t>> query_keys(const std::string &tenant,
                                                    const std::vector<std::string> &identifiers,
                                                    const std::vector<std::string> &shaped);

// SQL's lower() under the database's collation.
std::string lower_text(const std::string &value);

// How payload_mentions reads a member key: "email", "phone", "external_customer_id",
// "user_id", or nullopt for free text.
std::optional<std::string> identifier_kind(const std::optional<std::string> &key);

}  // namespace ci::event_search
