// Invite tokens: what other modules use of invite.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "tuples.hpp"

namespace ci {

// What a redemption did.
struct Redemption {
    std::int64_t vendor_id;
    std::int64_t customer_id;
    bool created;  // false: the pair existed already (no use of the token spent)
};

// Redeems the token for the customer (CI002-CI005, CI008, CI010, CI011); a rejection is
// recorded in identity_event if the enclosing transaction commits.  Needs SPI.
Redemption redeem(const std::string &token, std::int64_t customer_id, const char *path);

// Redeems the invite with this id (accepting a registration claim), as redeem() does.
Redemption redeem_invite_id(std::int64_t invite_id, std::int64_t customer_id, const char *path);

// Customer row trigger (INSERT or UPDATE): takes metadata->'invite_token' out of the row
// being written (it is never stored) and queues it, with the row's id, for redemption at
// the end of the statement: for the row if the statement inserted or updated it; for the
// existing customer an INSERT ... ON CONFLICT DO UPDATE updated instead; for nobody when
// the upsert inserted and updated nothing.  While tokens wait, it queues every other row
// written too, which tells whose update follows whose insert.
void queue_customer_write(const RowView &row, RowChanges &changes, bool is_update);

// Registers the transaction callbacks of the registration queue; called from _PG_init.
void invite_init();

}  // namespace ci
