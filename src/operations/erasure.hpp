// Erasure, the right to be forgotten (erasure.cpp): erase_customer.
#pragma once

#include <cstdint>
#include <vector>

namespace ci {

// Erases the person the customer is: its personal columns and those of every customer
// merged into the same tree (at most 250: 54000 beyond), the same values in identity_event
// payloads and identity_claim, and the contact email of vendors that carry their email.
// Ids, links, clientele, merge history and blocked values stay.  Records an `erased`
// event.  Returns the customer ids erased (CI011 for an unknown id or one of another
// tenant).  Needs SPI.
std::vector<std::int64_t> erase_customer(std::int64_t customer_id);

}  // namespace ci
