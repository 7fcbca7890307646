// The vendor <-> own-customer link (SPEC "link_vendor_to_customer" and the CI006 rule).
// vendor.customer_id is written only here, under a write permit the vendor trigger checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ci {

// Links a vendor to its customer record and gives the customer role vendor, with every
// check of the SPEC (CI011, CI008, CI010, CI009, CI007).  Idempotent for the same pair.
// Requires an open SPI connection.
void link_vendor(std::int64_t vendor_id, std::int64_t customer_id, const char *method);

// Removes the link and the role; a vendor with no link is left as it is.
void unlink_vendor(std::int64_t vendor_id);

// Creates a vendor from the customer (name given, contact email = the customer's) and links it.
std::int64_t upgrade_to_vendor(std::int64_t customer_id, const std::string &vendor_name);

// Links an unlinked vendor to a customer that just took role vendor (customer trigger).
void attach_vendor_for_role(std::int64_t vendor_id, std::int64_t customer_id,
                            const std::string &tenant);

// Moves a vendor's link from one customer to the other (merge, unmerge): the caller has
// decided, so no email or archive checks.  False if the vendor no longer links `from`.
bool move_vendor_link(std::int64_t vendor_id, std::int64_t from, std::int64_t to);

// The vendor email rule (CI007): a vendor and the customer linked to it have the same
// normalized email wherever both have one.  `what` says which write would break it.  Used
// by every path that links or changes a linked pair: link, merge, the vendor and customer
// triggers.
void require_same_email(std::int64_t vendor_id, const std::optional<std::string> &vendor_email,
                        std::int64_t customer_id,
                        const std::optional<std::string> &customer_email,
                        const std::string &what);

// True while this module itself is writing exactly this value into vendor.customer_id.
bool link_write_permitted(std::int64_t vendor_id, std::optional<std::int64_t> customer_id);

}  // namespace ci
