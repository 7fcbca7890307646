// The trigger rules of the SPEC: they hold whatever writes the rows.
//
//   customer_before_write      normalized columns, malformed or too long email/phone/name/
//                              role/tenant (22023); metadata a bounded JSON object (22023,
//                              vendor_before_write too); roles deduplicated; blocked values derive
//                              no normalized value; a changed email/phone loses its
//                              verification; duplicates among active customers hit the
//                              partial unique indexes (23505, DETAIL names the column)
//   customer_vendor_role_rule  role vendor <=> linked from a vendor (CI007), auto-link on
//                              insert -- under the `verified` policy only for a verified email
//   vendor_before_write        vendor.customer_id written only by the extension (CI006)
//   identity_event_append_only no UPDATE, DELETE or TRUNCATE of the audit trail (erasure
//                              alone rewrites payloads, erasure.cpp)
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit.hpp"
#include "errors.hpp"
#include "identifier_rules.hpp"
#include "input.hpp"
#include "invite.hpp"
#include "jsonb_walk.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "sharding.hpp"
#include "spi.hpp"
#include "store.hpp"
#include "trust.hpp"
#include "write_permits.hpp"
#include "tuples.hpp"
#include "vendor_link.hpp"

extern "C" {
#include "commands/trigger.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
}

namespace ci {
namespace {

constexpr std::string_view valid_roles[] = {"customer", "vendor", "wholesale", "retail"};

// The TriggerData of a call, checked to be the kind of trigger this function expects.
TriggerData *trigger_data(FunctionCallInfo fcinfo, const char *function) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw IdentityError(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                            std::string(function) + " must be called as a trigger");
    return reinterpret_cast<TriggerData *>(fcinfo->context);
}

// The row a row-level trigger works on: NEW for INSERT/UPDATE, OLD for DELETE.
RowView new_row(const TriggerData *td) {
    HeapTuple tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
    return RowView{tuple, td->tg_relation->rd_att};
}

// The OLD row of an UPDATE.
RowView old_row(const TriggerData *td) {
    return RowView{td->tg_trigtuple, td->tg_relation->rd_att};
}

// The roles value last found valid and without repeats, byte for byte: the rows of a
// statement nearly always carry the same roles, and the same bytes need no second check.
std::string last_plain_roles;

// The bytes of an in-line, uncompressed varlena (its header included); nullopt for a
// compressed value or a TOAST pointer (whose bytes do not determine the value for good).
std::optional<std::string_view> inline_bytes(Datum value) {
    const auto *pointer = reinterpret_cast<const struct varlena *>(DatumGetPointer(value));
    if (VARATT_IS_EXTERNAL(pointer) || VARATT_IS_COMPRESSED(pointer)) return std::nullopt;
    return std::string_view(reinterpret_cast<const char *>(pointer), VARSIZE_ANY(pointer));
}

// Roles must be known, non-NULL and one-dimensional.  Returns them without repeats, in
// the order given (nullopt when there were none to drop).
std::optional<std::vector<std::string_view>> checked_roles(const RowView &row) {
    const auto raw = row.datum("roles");
    const auto bytes = raw ? inline_bytes(*raw) : std::nullopt;
    if (bytes && *bytes == last_plain_roles) return std::nullopt;
    // Each valid role is kept once, so the distinct ones fit in a fixed array.
    std::string_view distinct[std::size(valid_roles)];
    std::size_t kept = 0, given = 0;
    const bool present = row.each_text("roles", [&](std::optional<std::string_view> role) {
        if (!role) throw IdentityError(sqlstate::malformed_input, "roles must not contain NULL");
        bool known = std::any_of(std::begin(valid_roles), std::end(valid_roles),
                                 [&](std::string_view valid) { return *role == valid; });
        if (!known)
            throw IdentityError(sqlstate::malformed_input,
                                "unknown role " + quote_for_message(std::string(*role)),
                                "Valid roles are customer, vendor, wholesale and retail.");
        ++given;
        if (std::find(distinct, distinct + kept, *role) == distinct + kept)
            distinct[kept++] = *role;
    });
    if (!present) throw IdentityError(sqlstate::malformed_input, "roles must not be null");
    if (kept == given) {
        if (bytes) last_plain_roles.assign(*bytes);
        return std::nullopt;
    }
    return std::vector<std::string_view>(distinct, distinct + kept);
}

// Does 'vendor' appear among the row's roles (roles already validated)?
bool has_vendor_role(const RowView &row) {
    bool vendor = false;
    row.each_text("roles", [&](std::optional<std::string_view> role) {
        vendor = vendor || (role && *role == "vendor");
    });
    return vendor;
}

// Clears the row's verified-at column of an email or phone (raw column `raw`, normalized
// `value`) when the value is gone, or changed by a write that did not set the column itself.
void clear_stale_verification(const RowView &row, const std::optional<RowView> &old,
                              const char *column, const char *raw,
                              const std::optional<std::string> &value, RowChanges &changes) {
    if (row.is_null(column)) return;
    const bool stamped_now =
        !old || old->is_null(column) || row.datum(column) != old->datum(column);
    if (!value || (!stamped_now && row.text(raw) != old->text(raw))) changes.set_null(row, column);
}

// A raw column the rules check: on UPDATE a value the row already had is not checked again
// (rows written before a limit existed stay writable).
bool changed(const RowView &row, const std::optional<RowView> &old, const char *column) {
    return !old || row.text(column) != old->text(column);
}

// Metadata nests at most this deep and is at most this large as jsonb: every walk over it
// (erasure's, an audit payload's that copies it) then stays small, and no application can
// store a value that makes them fail.
constexpr int max_metadata_depth = 32;
constexpr std::size_t max_metadata_bytes = 64 * 1024;

// Byte-equal values (the same toast pointer included): an UPDATE that leaves the column alone.
bool same_datum(Datum a, Datum b) {
    bool same = false;
    pg_call([&] { same = datumIsEqual(a, b, false, -1); });
    return same;
}

// Equal as jsonb (the same value written back in another representation).
bool same_jsonb(Datum a, Datum b) {
    bool same = false;
    pg_call([&] { same = DatumGetBool(DirectFunctionCall2(jsonb_eq, a, b)); });
    return same;
}

// Metadata is a JSON object within the bounds (22023); SQL or JSON null becomes {}.  An
// UPDATE that keeps the row's value is not checked again: rows written before the bounds
// stay writable.
void check_metadata(const RowView &row, const std::optional<RowView> &old, RowChanges &changes,
                    const char *what) {
    const auto value = row.datum("metadata");
    const auto before = old ? old->datum("metadata") : std::nullopt;
    if (value && before && same_datum(*value, *before)) return;
    if (value && jsonb::is_empty_object(*value)) return;  // the default, in nearly every row
    const auto shape =
        value ? jsonb::shape(*value, max_metadata_depth, max_metadata_bytes) : jsonb::Shape{};
    if (!value || shape.null) {
        Datum empty = (Datum)0;
        pg_call([&] { empty = DirectFunctionCall1(jsonb_in, CStringGetDatum("{}")); });
        changes.set_datum(row, "metadata", empty);
        return;
    }
    if (shape.bytes <= max_metadata_bytes && shape.object && !shape.too_deep) return;
    if (before && same_jsonb(*value, *before)) return;
    const std::string column(what);
    if (shape.bytes > max_metadata_bytes)
        throw IdentityError(sqlstate::malformed_input,
                            column + " is too large: " + std::to_string(shape.bytes) +
                                " bytes as jsonb, at most " + std::to_string(max_metadata_bytes),
                            {}, "Keep large documents in a table of the application's own.");
    if (!shape.object)
        throw IdentityError(sqlstate::malformed_input, column + " must be a JSON object", {},
                            "Write {} for no metadata, or an object such as {\"tags\": [...]}.");
    throw IdentityError(sqlstate::malformed_input, column + " nests more than " +
                                                       std::to_string(max_metadata_depth) +
                                                       " levels of objects and arrays");
}

// A text column's value as an owned string.
std::optional<std::string> owned(std::optional<std::string_view> value) {
    if (!value) return std::nullopt;
    return std::string(*value);
}

// A row's email and phone identities and the derivation they were derived under.
struct DerivedIdentifiers {
    std::optional<std::string> email, phone;
    std::optional<std::int64_t> derivation;
    bool kept = false;  // the old row's values, derived under earlier rules
};

// The identities of the row's email and phone under the tenant's rules
// (identifier_rules.hpp); a changed raw value is checked against its length limit too.  An
// UPDATE that changes neither raw value of a row derived under other rules (and not written
// with the rules off: identifier_rules::derived_otherwise) keeps its values until reconcile
// re-derives them: opting in to new rules changes no row behind the owner's back, and no
// unrelated write fails on a duplicate the new rules reveal.
DerivedIdentifiers derive_identifiers(const std::string &tenant, const RowView &row,
                                      const std::optional<RowView> &old) {
    const identifier_rules::Rules &rules = identifier_rules::rules_of(tenant);
    const bool email_changed = changed(row, old, "email");
    const bool phone_changed = changed(row, old, "phone");
    if (old && !email_changed && !phone_changed && !write_permits::rederiving() &&
        row.has_column("identifiers_derived_by")) {
        const auto derived_by = old->int8("identifiers_derived_by");
        auto email = owned(old->text("email_normalized"));
        auto phone = owned(old->text("phone_normalized"));
        if (derived_by != rules.derivation() &&
            identifier_rules::derived_otherwise(derived_by, rules, email,
                                                owned(old->text("email")), true) &&
            identifier_rules::derived_otherwise(derived_by, rules, phone,
                                                owned(old->text("phone")), false))
            return {std::move(email), std::move(phone), derived_by, true};
    }
    return {identifier_rules::checked_email(tenant, row.text("email"), "email", email_changed),
            identifier_rules::checked_phone(tenant, row.text("phone"), "phone", phone_changed),
            rules.derivation(), false};
}

// Records the derivation of a row's identifiers (0.10.0 and later).
void set_derivation(const RowView &row, const std::optional<std::int64_t> &derivation,
                    RowChanges &changes) {
    if (!row.has_column("identifiers_derived_by") ||
        row.int8("identifiers_derived_by") == derivation)
        return;
    if (derivation)
        changes.set_datum(row, "identifiers_derived_by", Int64GetDatum(*derivation));
    else
        changes.set_null(row, "identifiers_derived_by");
}

// BEFORE INSERT OR UPDATE ON customer.
Datum customer_before_write(FunctionCallInfo fcinfo) {
    TriggerData *td = trigger_data(fcinfo, "customer_before_write");
    const bool is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
    std::optional<RowView> old;
    if (is_update) old = old_row(td);
    const RowView written = new_row(td);
    const std::string tenant = checked_tenant(written.text("tenant_id"));
    const RowView row = sharding::checked_row(written, old, tenant);

    check_identifier(row.text("external_customer_id"), "external_customer_id");
    check_identifier(row.text("user_id"), "user_id");
    if (changed(row, old, "name")) check_name(row.text("name"));
    const DerivedIdentifiers derived = derive_identifiers(tenant, row, old);
    const auto &email = derived.email;
    const auto &phone = derived.phone;
    // Blocked values stay in the raw column and derive nothing: they identify nobody.
    const auto &email_key =
        derived.kept ? email : trust::unless_blocked(tenant, Identifier::email, email);
    const auto &phone_key =
        derived.kept ? phone : trust::unless_blocked(tenant, Identifier::phone, phone);

    RowChanges changes;
    if (auto distinct = checked_roles(row)) changes.set_text_array(row, "roles", *distinct);
    // Callers never write the normalized columns: they are always derived here.
    if (!is_update || email_key != row.text("email_normalized"))
        changes.set_text(row, "email_normalized", email_key);
    if (!is_update || phone_key != row.text("phone_normalized"))
        changes.set_text(row, "phone_normalized", phone_key);
    set_derivation(row, derived.derivation, changes);
    // A verification belongs to the value verified: a new email or phone is unverified unless
    // the same write marks it verified.
    if (row.has_column("email_verified_at")) {
        clear_stale_verification(row, old, "email_verified_at", "email", email, changes);
        clear_stale_verification(row, old, "phone_verified_at", "phone", phone, changes);
    }
    // merged_into is a link, like vendor.customer_id: only merge and unmerge write it.
    if (row.int8("merged_into") != (old ? old->int8("merged_into") : std::nullopt) &&
        !write_permits::merge_writing())
        throw IdentityError(sqlstate::manual_link_write,
                            "customer.merged_into cannot be written directly", {},
                            "Use merge_customers or unmerge_customer.");
    // A linked customer's email follows its vendor's contact email (CI007).
    // (reconcile re-deriving a linked pair checks the pair once both are written.)
    if (old && email_key != old->text("email_normalized") && has_vendor_role(row) &&
        !write_permits::rederiving())
        if (const auto vendor = probe::vendor_of_customer(*row.int8("id")))
            require_same_email(
                vendor->id, vendor->email_normalized, *row.int8("id"), email_key,
                "cannot change the email of customer " + std::to_string(*row.int8("id")));
    // updated_at follows every UPDATE; only unmerge, restoring rows as they were, keeps its own,
    // and a re-derivation, which edits nothing (unmerge reads updated_at for edits).
    if (is_update && !write_permits::restoring() && !write_permits::rederiving())
        changes.set_timestamptz_now(row, "updated_at");
    check_metadata(row, old, changes, "metadata");
    // Registration through an invite (invite.cpp).
    queue_customer_write(row, changes, is_update);

    // Uniqueness among active customers is the partial unique indexes' job: their
    // 23505 names the identifier, and they cost far less than a lookup per row.
    return PointerGetDatum(changes.apply(row));
}

// AFTER INSERT OR UPDATE ON customer (only when roles, tenant or archived_at change).
Datum customer_vendor_role_rule(FunctionCallInfo fcinfo) {
    TriggerData *td = trigger_data(fcinfo, "customer_vendor_role_rule");
    const bool is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
    const RowView row = new_row(td);
    const std::int64_t id = *row.int8("id");
    const std::string tenant(*row.text("tenant_id"));
    const bool vendor_role = has_vendor_role(row);
    const bool archived = !row.is_null("archived_at");
    std::optional<RowView> old;
    if (is_update) old = old_row(td);
    const std::string customer = "customer " + std::to_string(id);

    spi::connect();
    // (Moving a linked customer to another tenant never gets here: the tenant foreign key
    // vendor_customer_id_fkey, an earlier AFTER trigger, refuses it with 23503.)
    const auto linked = store::vendor_linked_to(id);
    const bool archived_now = archived && old && old->is_null("archived_at");
    if (linked && archived_now)
        throw IdentityError(sqlstate::customer_archived,
                            "cannot archive " + customer + " while vendor " +
                                std::to_string(*linked) + " is linked to it",
                            {}, "Unlink the vendor or merge the customer instead.");
    // Archiving by hand (not a merge) may not strand a clientele, and is recorded.
    if (archived_now && !write_permits::merge_writing()) {
        if (store::has_clientele(id))
            throw IdentityError(sqlstate::customer_archived,
                                "cannot archive " + customer + ": it is in a vendor's clientele",
                                {}, "Merge it into the customer it duplicates instead.");
        record_event({tenant, "archived", id, std::nullopt, std::nullopt, "direct", {}});
    }
    if (linked && !vendor_role)
        throw IdentityError(sqlstate::vendor_role_rule,
                            "cannot remove role vendor from " + customer + ": vendor " +
                                std::to_string(*linked) + " is linked to it",
                            {}, "Call unlink_vendor_from_customer first.");
    const bool role_added = vendor_role && (!old || !has_vendor_role(*old));
    if (!linked && role_added) {
        const auto email = row.text("email_normalized");
        std::optional<VendorRecord> vendor;
        if (email && !archived)
            vendor = store::find_vendor_by_email(tenant, std::string(*email), true);
        if (!vendor)
            throw IdentityError(sqlstate::vendor_role_rule,
                                customer + " has role vendor but no vendor is linked to it",
                                "No unlinked vendor of tenant " + quote_for_message(tenant) +
                                    " has this customer's email as its contact email.",
                                "Create the vendor first, or use upgrade_customer_to_vendor.");
        // Typing a vendor's contact email proves nothing: under `verified` the row must say
        // the person confirmed it (trust.hpp).
        const bool email_verified =
            row.has_column("email_verified_at") && !row.is_null("email_verified_at");
        if (!email_verified && trust::policy_of(tenant).verified)
            throw IdentityError(sqlstate::vendor_role_rule,
                                customer + " has role vendor but its email is not verified",
                                "Tenant " + quote_for_message(tenant) +
                                    " links a vendor through the customer's email only when "
                                    "email_verified_at is set.",
                                "Set email_verified_at once the person confirmed the email, or "
                                "use link_vendor_to_customer.");
        attach_vendor_for_role(vendor->id, id, tenant);
    }
    spi::finish();
    return PointerGetDatum(nullptr);
}

// BEFORE INSERT OR UPDATE OR DELETE ON vendor.
Datum vendor_before_write(FunctionCallInfo fcinfo) {
    TriggerData *td = trigger_data(fcinfo, "vendor_before_write");
    if (TRIGGER_FIRED_BY_DELETE(td->tg_event)) {
        const RowView old = old_row(td);
        if (auto customer_id = old.int8("customer_id"))
            throw IdentityError(sqlstate::vendor_role_rule,
                                "cannot delete vendor " + std::to_string(*old.int8("id")) +
                                    " while it is linked to customer " +
                                    std::to_string(*customer_id),
                                {}, "Call unlink_vendor_from_customer first.");
        return PointerGetDatum(td->tg_trigtuple);
    }
    const bool is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
    std::optional<RowView> old;
    if (is_update) old = old_row(td);
    const RowView written = new_row(td);
    const std::string tenant = checked_tenant(written.text("tenant_id"));
    const RowView row = sharding::checked_row(written, old, tenant);
    const std::int64_t id = row.int8("id").value_or(0);
    if (const auto name = row.text("name"); name && is_blank(*name))
        throw IdentityError(sqlstate::malformed_input, "vendor name must not be empty or blank");
    if (changed(row, old, "name")) check_name(row.text("name"), "vendor name");
    const auto customer_id = row.int8("customer_id");
    std::optional<std::int64_t> old_customer_id;
    // Moving a linked vendor to another tenant: the tenant foreign key refuses it (23503).
    if (old) old_customer_id = old->int8("customer_id");
    if (customer_id != old_customer_id && !link_write_permitted(id, customer_id))
        throw IdentityError(sqlstate::manual_link_write,
                            "vendor.customer_id cannot be written directly", {},
                            "Use link_vendor_to_customer or unlink_vendor_from_customer.");
    RowChanges changes;
    check_metadata(row, old, changes, "vendor metadata");
    // As derive_identifiers does for a customer: an unchanged email of a vendor derived
    // under other rules keeps its value until reconcile re-derives it.
    // (The rules are read before the blocked-value probe, which may empty their cache.)
    const identifier_rules::Rules &rules = identifier_rules::rules_of(tenant);
    const std::optional<std::int64_t> derivation = rules.derivation();
    const bool email_changed = changed(row, old, "primary_contact_email");
    const bool kept = old && !email_changed && !write_permits::rederiving() &&
                      row.has_column("identifiers_derived_by") &&
                      identifier_rules::derived_otherwise(
                          old->int8("identifiers_derived_by"), rules,
                          owned(old->text("primary_contact_email_normalized")),
                          owned(old->text("primary_contact_email")), true);
    const auto email =
        kept ? owned(old->text("primary_contact_email_normalized"))
             : trust::unless_blocked(
                   tenant, Identifier::email,
                   identifier_rules::checked_email(tenant, row.text("primary_contact_email"),
                                                   "primary_contact_email", email_changed));
    if (!is_update || email != row.text("primary_contact_email_normalized"))
        changes.set_text(row, "primary_contact_email_normalized", email);
    set_derivation(row, kept ? old->int8("identifiers_derived_by") : derivation, changes);
    // A linked vendor's contact email follows its customer's (CI007): otherwise resolving by
    // the new email would lead to the linked customer, who never had it.
    if (old && customer_id && customer_id == old_customer_id &&
        email != old->text("primary_contact_email_normalized") && !write_permits::rederiving()) {
        const auto customer = store::load_customer(*customer_id);
        require_same_email(id, email, *customer_id,
                           customer ? customer->value(Identifier::email) : std::nullopt,
                           "cannot change the contact email of vendor " + std::to_string(id));
    }
    return PointerGetDatum(changes.apply(row));
}

}  // namespace
}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_customer_before_write) {
    return entry_guard([&] { return customer_before_write(fcinfo); });
}

CI_SQL_FUNCTION(ci_customer_vendor_role_rule) {
    return entry_guard([&] { return customer_vendor_role_rule(fcinfo); });
}

CI_SQL_FUNCTION(ci_vendor_before_write) {
    return entry_guard([&] { return vendor_before_write(fcinfo); });
}

CI_SQL_FUNCTION(ci_identity_event_append_only) {
    return entry_guard([&]() -> Datum {
        TriggerData *td = trigger_data(fcinfo, "identity_event_append_only");
        // The one rewrite allowed: erase_customer taking a person's data out of payloads.
        if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && TRIGGER_FIRED_FOR_ROW(td->tg_event) &&
            write_permits::erasing())
            return PointerGetDatum(td->tg_newtuple);
        throw IdentityError(sqlstate::append_only,
                            "identity_event is append-only: its rows cannot be updated or deleted");
    });
}
