// Writing identity_event rows; the append-only rule itself lives in triggers.cpp.
#include "audit.hpp"

#include "spi.hpp"

extern "C" {
#include "catalog/pg_type.h"
}

namespace ci {

static spi::Statement insert_event = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, other_customer_id, vendor_id, method, detail)"
    " VALUES ($1, $2, $3, $4, $5, $6, pg_catalog.jsonb_object($7))",
    7,
    {TEXTOID, TEXTOID, INT8OID, INT8OID, INT8OID, TEXTOID, TEXTARRAYOID},
    nullptr};

void record_event(const IdentityEvent &event) {
    std::vector<std::optional<std::string>> pairs;
    pairs.reserve(event.detail.size() * 2);
    for (const auto &[key, value] : event.detail) {
        pairs.emplace_back(key);
        pairs.push_back(value);
    }
    spi::Params params;
    params.text(event.tenant)
        .text(event.type)
        .int8(event.customer_id)
        .int8(event.other_customer_id)
        .int8(event.vendor_id)
        .text(event.method)
        .text_array(pairs);
    spi::run(insert_event, params);
}

}  // namespace ci
