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

// The same decision already on record?  Its detail names its subject and reason, which
// stay the same between runs (ids of rows created meanwhile may not).  Served by
// identity_event_left_alone_idx.
static spi::Statement insert_event_once = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, other_customer_id, vendor_id, method, detail)"
    " SELECT $1, $2, $3, $4, $5, $6, pg_catalog.jsonb_object($7)"
    " WHERE NOT EXISTS (SELECT 1 FROM customer_identity.identity_event e"
    "  WHERE e.tenant_id OPERATOR(pg_catalog.=) $1 AND e.event_type OPERATOR(pg_catalog.=) $2"
    "  AND e.detail OPERATOR(pg_catalog.=) pg_catalog.jsonb_object($7))",
    7,
    {TEXTOID, TEXTOID, INT8OID, INT8OID, INT8OID, TEXTOID, TEXTARRAYOID},
    nullptr};

// Binds an event to the parameters of the insert statements.
static spi::Params event_params(const IdentityEvent &event) {
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
    return params;
}

void record_left_alone_once(const IdentityEvent &event) {
    spi::run(insert_event_once, event_params(event));
}

void record_event(const IdentityEvent &event) { spi::run(insert_event, event_params(event)); }

}  // namespace ci

extern "C" {
#include "miscadmin.h"
#include "utils/builtins.h"
}

// identity_event.actor's default: the role that called, not the owner the functions run as
// (SECURITY DEFINER changes current_user, not the outer user).
CI_SQL_FUNCTION(ci_caller) {
    return ci::entry_guard([&] {
        Datum result = (Datum)0;
        ci::pg_call(
            [&] { result = CStringGetTextDatum(GetUserNameFromId(GetOuterUserId(), false)); });
        return result;
    });
}
