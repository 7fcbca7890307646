// Merging duplicate customers and undoing a merge (merge.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pg_boundary.hpp"

namespace ci {

// What a merge made of the canonical customer, as its event records it (jsonb texts).
struct MergeOutcome {
    std::string canonical_after;  // the row after the merge
    std::string sources;          // per content column: {"rule": ..., "from": ...}
};

// Merges the duplicate into the canonical customer (CI011, CI008, CI010, CI009, CI007, 22023
// for a customer into itself), keeping values as the tenant's survivorship rules say; records
// the merge with both rows as they were and what was taken.  The first failed check is
// thrown; with all_blockers, every failed check of the pair is listed there first (the
// customers exist and share a tenant).  Needs SPI.
MergeOutcome merge_customers(std::int64_t canonical_id, std::int64_t duplicate_id,
                             const char *method, const std::string &reason,
                             std::vector<IdentityError> *all_blockers = nullptr);

// Undoes the last merge of the customer, three-way: what the merge wrote goes back, edits
// made since the merge -- to the canonical row or to the duplicate -- stay (CI001 when one
// of the duplicate's identifiers has been taken by another customer since).  The vendor
// link goes back only while it is the merge's: a vendor linked or unlinked since, or whose
// contact email no longer matches the duplicate's, stays where it is.  Needs SPI.
void unmerge_customer(std::int64_t duplicate_id);

}  // namespace ci
