// Vendor links: link, unlink, upgrade, lookup.  The only writer of vendor.customer_id.
#include "vendor_link.hpp"

#include "audit.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"

namespace ci {

namespace {

// The one write to vendor.customer_id this backend may do right now (plain data: it
// lives in static storage and is cleared by the scope that set it, error or not).
struct LinkPermit {
    bool active = false;
    std::int64_t vendor_id = 0;
    bool has_customer = false;
    std::int64_t customer_id = 0;
};
LinkPermit current_permit;

// Grants the permit for the lifetime of the scope.
class PermitScope {
  public:
    PermitScope(std::int64_t vendor_id, std::optional<std::int64_t> customer_id) {
        current_permit = {true, vendor_id, customer_id.has_value(), customer_id.value_or(0)};
    }
    ~PermitScope() { current_permit = LinkPermit{}; }
    PermitScope(const PermitScope &) = delete;
    PermitScope &operator=(const PermitScope &) = delete;
};

// Writes the link (compare-and-set); a concurrent change of the same vendor is CI009.
void write_link(std::int64_t vendor_id, std::optional<std::int64_t> expected,
                std::optional<std::int64_t> customer_id) {
    bool written = false;
    {
        PermitScope permit(vendor_id, customer_id);
        written = store::set_vendor_customer(vendor_id, expected, customer_id);
    }
    if (!written)
        throw IdentityError(sqlstate::already_linked, "vendor " + std::to_string(vendor_id) +
                                                          " was linked or unlinked concurrently");
}

std::string id_text(std::int64_t id) { return std::to_string(id); }

}  // namespace

void require_same_email(std::int64_t vendor_id, const std::optional<std::string> &vendor_email,
                        std::int64_t customer_id,
                        const std::optional<std::string> &customer_email,
                        const std::string &what) {
    if (!vendor_email || !customer_email || *vendor_email == *customer_email) return;
    const std::string pair = "vendor " + id_text(vendor_id) + " and customer " + id_text(customer_id);
    throw IdentityError(
        sqlstate::vendor_role_rule,
        what.empty() ? pair + " have different emails"
                     : what + ": " + pair + " would have different emails",
        "The vendor's contact email is " + quote_for_message(*vendor_email) +
            ", the customer's email is " + quote_for_message(*customer_email) + ".",
        what.empty() ? std::string() : "A vendor and the customer linked to it share one email.");
}

bool link_write_permitted(std::int64_t vendor_id, std::optional<std::int64_t> customer_id) {
    const LinkPermit &p = current_permit;
    return p.active && p.vendor_id == vendor_id && p.has_customer == customer_id.has_value() &&
           (!p.has_customer || p.customer_id == *customer_id);
}

void link_vendor(std::int64_t vendor_id, std::int64_t customer_id, const char *method) {
    auto vendor = store::load_vendor(vendor_id, store::Lock::for_update);
    if (!vendor)
        throw IdentityError(sqlstate::unknown_id,
                            "vendor " + id_text(vendor_id) + " does not exist");
    auto customer = store::load_customer(customer_id, store::Lock::for_update);
    if (!customer)
        throw IdentityError(sqlstate::unknown_id,
                            "customer " + id_text(customer_id) + " does not exist");
    if (vendor->tenant != customer->tenant)
        throw IdentityError(sqlstate::tenant_mismatch,
                            "vendor " + id_text(vendor_id) + " and customer " +
                                id_text(customer_id) + " belong to different tenants",
                            "The vendor's tenant is " + quote_for_message(vendor->tenant) +
                                ", the customer's is " + quote_for_message(customer->tenant) + ".");
    if (customer->archived)
        throw IdentityError(
            sqlstate::customer_archived, "customer " + id_text(customer_id) + " is archived",
            customer->merged_into
                ? "It was merged into customer " + id_text(*customer->merged_into) + "."
                : std::string());
    if (vendor->customer_id == customer_id) {
        store::add_vendor_role(customer_id);  // no-op when present
        return;
    }
    if (vendor->customer_id)
        throw IdentityError(sqlstate::already_linked,
                            "vendor " + id_text(vendor_id) + " is already linked to customer " +
                                id_text(*vendor->customer_id),
                            {}, "Unlink it first with unlink_vendor_from_customer.");
    if (auto other = store::vendor_linked_to(customer_id))
        throw IdentityError(
            sqlstate::already_linked,
            "customer " + id_text(customer_id) + " is already linked to vendor " + id_text(*other));
    require_same_email(vendor_id, vendor->email_normalized, customer_id,
                       customer->value(Identifier::email), "");
    write_link(vendor_id, std::nullopt, customer_id);
    store::add_vendor_role(customer_id);
    record_event({customer->tenant, "linked", customer_id, std::nullopt, vendor_id, method, {}});
}

void unlink_vendor(std::int64_t vendor_id) {
    auto vendor = store::load_vendor(vendor_id, store::Lock::for_update);
    if (!vendor)
        throw IdentityError(sqlstate::unknown_id,
                            "vendor " + id_text(vendor_id) + " does not exist");
    if (!vendor->customer_id) return;
    const std::int64_t customer_id = *vendor->customer_id;
    write_link(vendor_id, customer_id, std::nullopt);
    store::remove_vendor_role(customer_id);
    record_event(
        {vendor->tenant, "unlinked", customer_id, std::nullopt, vendor_id, std::nullopt, {}});
}

std::int64_t upgrade_to_vendor(std::int64_t customer_id, const std::string &vendor_name) {
    if (is_blank(vendor_name))
        throw IdentityError(sqlstate::malformed_input, "vendor_name must not be empty or blank");
    auto customer = store::load_customer(customer_id, store::Lock::for_update);
    if (!customer)
        throw IdentityError(sqlstate::unknown_id,
                            "customer " + id_text(customer_id) + " does not exist");
    if (customer->archived)
        throw IdentityError(sqlstate::customer_archived,
                            "customer " + id_text(customer_id) + " is archived");
    if (auto other = store::vendor_linked_to(customer_id))
        throw IdentityError(
            sqlstate::already_linked,
            "customer " + id_text(customer_id) + " is already linked to vendor " + id_text(*other));
    const std::int64_t vendor_id = store::insert_vendor_of_customer(customer_id, vendor_name);
    record_event({customer->tenant,
                  "vendor_created",
                  customer_id,
                  std::nullopt,
                  vendor_id,
                  "upgrade_customer_to_vendor",
                  {{"vendor_name", vendor_name}}});
    link_vendor(vendor_id, customer_id, "upgrade_customer_to_vendor");
    return vendor_id;
}

bool move_vendor_link(std::int64_t vendor_id, std::int64_t from, std::int64_t to) {
    PermitScope permit(vendor_id, to);
    return store::set_vendor_customer(vendor_id, from, to);
}

void attach_vendor_for_role(std::int64_t vendor_id, std::int64_t customer_id,
                            const std::string &tenant) {
    write_link(vendor_id, std::nullopt, customer_id);
    record_event({tenant, "linked", customer_id, std::nullopt, vendor_id, "vendor_role", {}});
}

}  // namespace ci

// ---------------------------------------------------------------------------
// SQL entry points
// ---------------------------------------------------------------------------

using namespace ci;

CI_SQL_FUNCTION(ci_link_vendor_to_customer) {
    return entry_guard([&] {
        const auto vendor_id = required(int8_arg(fcinfo, 0), "vendor_id");
        const auto customer_id = required(int8_arg(fcinfo, 1), "customer_id");
        spi::connect();
        link_vendor(vendor_id, customer_id, "link_vendor_to_customer");
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_unlink_vendor_from_customer) {
    return entry_guard([&] {
        const auto vendor_id = required(int8_arg(fcinfo, 0), "vendor_id");
        spi::connect();
        unlink_vendor(vendor_id);
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_upgrade_customer_to_vendor) {
    return entry_guard([&] {
        const auto customer_id = required(int8_arg(fcinfo, 0), "customer_id");
        const auto vendor_name = required(text_arg(fcinfo, 1), "vendor_name");
        spi::connect();
        const std::int64_t vendor_id = upgrade_to_vendor(customer_id, vendor_name);
        spi::finish();
        return Int64GetDatum(vendor_id);
    });
}

CI_SQL_FUNCTION(ci_vendor_for_customer) {
    return entry_guard([&] {
        const auto customer_id = required(int8_arg(fcinfo, 0), "customer_id");
        // Probes only: no SPI.  A customer of another tenant is unknown (tenant_scope.hpp).
        const auto customer = store::load_customer(customer_id);
        const auto vendor_id = customer ? customer->linked_vendor : std::nullopt;
        if (!vendor_id) fcinfo->isnull = true;
        return vendor_id ? Int64GetDatum(*vendor_id) : (Datum)0;
    });
}
