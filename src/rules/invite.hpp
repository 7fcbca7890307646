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
// the end of the statement: for the row an UPDATE wrote it into, or for the row an INSERT
// went to write if that row was inserted; for nobody when ON CONFLICT skipped the row or
// updated an existing customer instead.  While tokens wait, it queues every other row
// written too, so that an id given to two rows of a statement shows (22023).
void queue_customer_write(const RowView &row, RowChanges &changes, bool is_update);

// The flag the extension's own writes of vendor_customer set (FlagScope): the clientele
// trigger lets them through unchecked (they are checked where they are made).
bool &clientele_write_flag();

// Registers the transaction callbacks of the registration queue; called from _PG_init.
void invite_init();

}  // namespace ci
