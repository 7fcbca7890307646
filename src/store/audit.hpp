// The append-only audit trail (identity_event): what the extension decided and why.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ci {

// One audit record; detail becomes a jsonb object of text values.
struct IdentityEvent {
    std::string tenant;
    std::string type;  // created, enriched, linked, unlinked, conflict, vendor_created
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> other_customer_id;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::string> method;
    std::vector<std::pair<std::string, std::optional<std::string>>> detail;
};

// Appends the event to identity_event (requires an open SPI connection).
void record_event(const IdentityEvent &event);

// Appends a decision to leave something alone, unless the same decision is on record
// already: running reconcile or an import again then writes nothing.
void record_left_alone_once(const IdentityEvent &event);

}  // namespace ci
