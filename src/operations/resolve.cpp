// resolve_customer_identity: the one resolution order of the SPEC.
//
//   1. external_customer_id  2. user_id  3. email (vendor first, then customer)
//   4. phone  5. customer_ref  6. create (unless create_missing is false)
//
// A call that finds everything in place (the hot path) only reads, through direct index
// probes (probe.hpp) without SPI, and waits for nobody unless the row it found is being
// written (Resolver::quiet_hit).  A call that must
// write (create, link or enrich) first locks every given identifier (identity_lock.hpp)
// until commit and decides again under the locks, so concurrent calls with overlapping
// identifiers take turns and the later one finds what the earlier one created.  All
// checks happen before any write, so a conflict changes nothing.
//
// Trust (trust.hpp): under the tenant's `verified` policy, a match through an unverified
// email or phone that would write -- link a vendor, create the vendor's customer, fill in
// identifiers -- writes nothing and opens a claim in the review queue instead (method
// 'claim').  Blocked values are not identifiers at all.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit.hpp"
#include "claims.hpp"
#include "sharding.hpp"
#include "errors.hpp"
#include "identifier_rules.hpp"
#include "identity_lock.hpp"
#include "input.hpp"
#include "owner_rights.hpp"
#include "pg_boundary.hpp"
#include "resolve.hpp"
#include "spi.hpp"
#include "statement_scans.hpp"
#include "store.hpp"
#include "trust.hpp"
#include "vendor_link.hpp"

extern "C" {
#include "access/xact.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
}

namespace ci {
namespace {

// Two different customers (or a customer and a different value) behind the inputs.
struct Conflict {
    std::string message;
    std::string detail;
    std::optional<std::int64_t> customer_id;
    std::optional<std::int64_t> other_customer_id;
    std::string identifier;
};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// The customer rows one decision read, at most one per identifier, kept in place: a hit
// reads its row once, and slots it leaves empty cost nothing to make or drop.
class SeenRows {
  public:
    void add(CustomerRecord &&record) {
        if (count_ < rows_.size()) rows_[count_++].emplace(std::move(record));
    }
    void clear() {
        for (std::size_t i = 0; i < count_; ++i) rows_[i].reset();
        count_ = 0;
    }
    std::size_t size() const { return count_; }
    const CustomerRecord &operator[](std::size_t i) const { return *rows_[i]; }

  private:
    std::array<std::optional<CustomerRecord>, 4> rows_;
    std::size_t count_ = 0;
};

// What a lookup before the resolution (single_identifier_hit) already found absent: the
// resolution's first decision does not probe it again.  Forgotten with the other lookups.
struct LookupSeed {
    std::array<bool, 4> no_active_holder{};  // by Identifier: no active customer holds the key
    bool no_vendor_by_email = false;         // no vendor has the email as its contact email
};

// The outcome of a hit that writes nothing.  A snapshot older than a merge that archived the
// customer (REPEATABLE READ, SERIALIZABLE) must not hand it out: the caller retries and finds
// the canonical one.
ResolveOutcome hit_outcome(std::string_view method, std::int64_t customer_id,
                           std::optional<std::int64_t> vendor_id) {
    if (IsolationUsesXactSnapshot() && store::archived_since_snapshot(customer_id))
        throw IdentityError(sqlstate::serialization_failure,
                            "could not serialize access: the customer was merged away by a "
                            "concurrent transaction",
                            "Customer " + id_text(customer_id) + " is archived now.",
                            "Retry the transaction.");
    ResolveOutcome outcome;
    outcome.has_row = true;
    outcome.method = method;
    outcome.customer_id = customer_id;
    outcome.vendor_id = vendor_id;
    return outcome;
}

// The method of a match by the identifier's own holder (steps 1-4; a vendor's is
// vendor_email).
std::string_view direct_method(Identifier id) {
    constexpr std::string_view methods[] = {"external_customer_id", "user_id", "customer_email",
                                            "phone"};
    return methods[static_cast<int>(id)];
}

// The decision of steps 1-6, before anything is written.
struct Match {
    std::optional<std::int64_t> customer_id;  // an existing customer
    std::optional<VendorRecord> vendor;       // the vendor matched by email, if any
    bool link_vendor = false;                 // link `vendor` to `customer_id`
    bool create = false;                      // create a new customer
    std::string_view method;                  // a literal: the hit path allocates nothing
};

class Resolver {
  public:
    Resolver(const ResolveRequest &request, const LookupSeed &seed)
        : req_(request), seed_(seed) {}

    // Did the resolution open an SPI connection (it must then be finished)?
    bool connected() const { return connected_; }

    ResolveOutcome run() {
        if (auto hit = quiet_hit()) return *hit;
        // A merge or creation of these identities in progress finishes first, so what is
        // read below is never a customer that is being merged away.  What was read before
        // stands if nobody was writing them.
        if (wait_for_identity_writers(req_.tenant, given_keys())) forget_lookups();
        // Bounded: a retry happens only when a writer outside resolve raced the insert.
        for (int attempt = 0; attempt < 4; ++attempt) {
            Match match = decide();
            if (match.create && !req_.create_missing) return {};
            std::optional<CustomerRecord> record;
            if (match.customer_id) record = load_active(*match.customer_id);
            if (auto conflict = find_conflict(match, record)) return on_conflict(*conflict);
            const bool writes =
                match.create || match.link_vendor || !missing_fields(*record).empty();
            if (!writes) return found(match, *record);
            connect_spi();
            if (!locked_) {
                lock_given_identifiers();
                forget_lookups();
                continue;  // decide again: the locks may have waited for another writer
            }
            check_no_newer_holder(record);
            if (auto weak = untrusted_weak_match(match, record))
                return open_claim(match, record, *weak);
            if (auto outcome = apply(match, record)) return *outcome;
            forget_lookups();
        }
        throw IdentityError(sqlstate::serialization_failure,
                            "could not resolve the customer: concurrent writes kept changing it",
                            {}, "Retry the transaction.");
    }

  private:
    const ResolveRequest &req_;
    std::array<std::optional<std::optional<std::int64_t>>, 4> holders_;  // memoized lookups
    std::array<bool, 4> alias_{};       // matched through a merged-away customer
    SeenRows seen_;  // rows read by the lookups above, until forgotten
    std::optional<std::int64_t> ref_target_;
    bool ref_resolved_ = false;
    bool locked_ = false;
    bool connected_ = false;
    std::optional<OwnerRights> as_owner_;  // from the first write to the end of resolve()
    LookupSeed seed_;  // lookups made before the resolution, until forgotten

    // Reads are direct index probes; only a resolution that writes needs SPI, and it
    // writes as the owner (the function runs with the caller's rights: owner_rights.hpp).
    void connect_spi() {
        if (connected_) return;
        as_owner_.emplace();
        spi::connect();
        connected_ = true;
    }

    void forget_lookups() {
        holders_ = {};
        seed_ = {};
        seen_.clear();
        alias_ = {};
        ref_resolved_ = false;
        ref_target_.reset();
    }

    // The identity keys of the given identifiers.
    std::vector<IdentityKey> given_keys() const {
        std::vector<IdentityKey> keys;
        for (Identifier id : all_identifiers)
            if (req_.key(id)) keys.push_back({identifier_name(id), *req_.key(id)});
        return keys;
    }

    void lock_given_identifiers() {
        lock_identities(req_.tenant, given_keys());
        locked_ = true;
    }

    // Under REPEATABLE READ or SERIALIZABLE the snapshot may predate another transaction's
    // commit of the same identifier: that is a serialization failure, never a 23505.
    void check_no_newer_holder(const std::optional<CustomerRecord> &record) {
        if (!IsolationUsesXactSnapshot()) return;
        const std::int64_t self = record ? record->id : 0;
        for (Identifier id : all_identifiers) {
            if (!req_.key(id) || (record && record->value(id))) continue;
            if (store::find_active_customer(req_.tenant, id, *req_.key(id), self, true))
                throw IdentityError(
                    sqlstate::serialization_failure,
                    "could not serialize access due to a concurrent write of the "
                    "same customer identifier",
                    std::string("Another transaction committed a customer with this ") +
                        identifier_name(id) + " after this transaction's snapshot.",
                    "Retry the transaction.");
        }
    }

    // The hit path, without waiting for writers: every identifier given names the same
    // active customer directly, it has everything given, and no other transaction in
    // progress had its row locked or updated when it was read.  A merge locks the rows it
    // archives, so a customer being merged away is never quiet; one whose merge has not
    // reached its row yet is returned as a hit that came first.  Anything else -- a miss, an
    // alias, a conflict, a write, a customer_ref to follow -- takes the waiting path.
    std::optional<ResolveOutcome> quiet_hit() {
        if (req_.customer_ref) return std::nullopt;
        const Match match = decide();
        if (!match.customer_id || match.create || match.link_vendor) return std::nullopt;
        for (Identifier id : all_identifiers)
            if (req_.key(id) && (holder(id) != match.customer_id || alias_[static_cast<int>(id)]))
                return std::nullopt;
        const CustomerRecord *record = nullptr;
        for (std::size_t i = 0; i < seen_.size(); ++i) {
            const CustomerRecord &known = seen_[i];
            if (known.being_written) return std::nullopt;
            if (known.id == *match.customer_id) record = &known;
        }
        if (!record || !missing_fields(*record).empty()) return std::nullopt;
        return found(match, *record);
    }

    // The outcome of a pure hit: nothing to write.
    ResolveOutcome found(const Match &match, const CustomerRecord &record) {
        return hit_outcome(match.method, record.id,
                           match.vendor ? std::optional(match.vendor->id) : record.linked_vendor);
    }

    // The active customer holding the given value of this identifier, if any -- directly,
    // or through a merged-away customer that held it (then the value is an alias).
    std::optional<std::int64_t> holder(Identifier id) {
        auto &slot = holders_[static_cast<int>(id)];
        if (slot) return *slot;
        slot = std::optional<std::int64_t>();
        if (!req_.key(id)) return *slot;
        if (!seed_.no_active_holder[static_cast<int>(id)])
            if (auto record = store::find_active_record(req_.tenant, id, *req_.key(id))) {
                slot = record->id;
                seen_.add(std::move(*record));  // the hit path reads each row once
                return *slot;
            }
        if (auto merged_into = store::find_merged_alias(req_.tenant, id, *req_.key(id))) {
            auto end = store::follow_merges(*merged_into);
            if (end && !end->archived && end->tenant == req_.tenant) {
                slot = end->id;
                alias_[static_cast<int>(id)] = true;
            }
        }
        return *slot;
    }

    // The active customer customer_ref stands for, following merges; CI011/CI008/CI010.
    std::optional<std::int64_t> ref_target() {
        if (ref_resolved_ || !req_.customer_ref) return ref_target_;
        ref_resolved_ = true;
        const std::string ref = "customer_ref " + id_text(*req_.customer_ref);
        auto end = store::follow_merges(*req_.customer_ref);
        if (!end) throw IdentityError(sqlstate::unknown_id, ref + " does not exist");
        if (end->tenant != req_.tenant)
            throw IdentityError(sqlstate::tenant_mismatch, ref + " belongs to a different tenant");
        if (end->archived)
            throw IdentityError(sqlstate::customer_archived,
                                ref + " is archived and was not merged into an active customer");
        return ref_target_ = end->id;
    }

    // Steps 1 to 6 of the resolution order; reads only.
    Match decide() {
        if (auto id = holder(Identifier::external_customer_id))
            return {id, std::nullopt, false, false,
                    direct_method(Identifier::external_customer_id)};
        if (auto id = holder(Identifier::user_id))
            return {id, std::nullopt, false, false, direct_method(Identifier::user_id)};
        if (const auto &email = req_.key(Identifier::email)) {
            // (A seeded vendor miss serves the first decision only: later ones look again.)
            const bool vendor_known_absent = std::exchange(seed_.no_vendor_by_email, false);
            if (auto vendor = vendor_known_absent
                                  ? std::nullopt
                                  : store::find_vendor_by_email(req_.tenant, *email, false)) {
                if (vendor->customer_id)
                    return {vendor->customer_id, vendor, false, false, "vendor_email"};
                if (auto id = holder(Identifier::email)) {
                    // Already the customer of another vendor: it cannot take this one too.
                    // Nor can a customer that only has the email as an alias (it was merged
                    // away from it): the link needs the same email on both sides.
                    if (alias_[static_cast<int>(Identifier::email)] ||
                        load_active(*id).linked_vendor)
                        return {id, std::nullopt, false, false, direct_method(Identifier::email)};
                    return {id, vendor, true, false, "vendor_email"};
                }
                return {std::nullopt, vendor, false, true, "vendor_email"};
            }
            if (auto id = holder(Identifier::email))
                return {id, std::nullopt, false, false, direct_method(Identifier::email)};
        }
        if (auto id = holder(Identifier::phone))
            return {id, std::nullopt, false, false, direct_method(Identifier::phone)};
        if (auto id = ref_target()) return {id, std::nullopt, false, false, "customer_ref"};
        return {std::nullopt, std::nullopt, false, true, "created"};
    }

    // The matched customer; a vendor linked to an archived customer is CI010.
    CustomerRecord load_active(std::int64_t id, store::Lock lock = store::Lock::none) {
        if (lock == store::Lock::none)
            for (std::size_t i = 0; i < seen_.size(); ++i)
                if (seen_[i].id == id) return seen_[i];
        auto record = store::load_customer(id, lock);
        if (!record)
            throw IdentityError(sqlstate::unknown_id,
                                "customer " + id_text(id) + " does not exist");
        if (record->archived)
            throw IdentityError(sqlstate::customer_archived,
                                "customer " + id_text(id) + " is archived");
        return *record;
    }

    // The first identity conflict between the inputs and the decision, if any.
    std::optional<Conflict> find_conflict(const Match &match,
                                          const std::optional<CustomerRecord> &record) {
        const std::string target = record ? "customer " + id_text(record->id)
                                          : "a new customer for vendor " +
                                                (match.vendor ? id_text(match.vendor->id) : "?");
        for (Identifier id : all_identifiers) {
            const auto &given = req_.key(id);
            if (!given) continue;
            const char *name = identifier_name(id);
            auto other = holder(id);
            if (other && (!record || *other != record->id))
                return Conflict{"identity conflict: " + std::string(name) + " " +
                                    quote_for_message(*given) + " belongs to customer " +
                                    id_text(*other) + ", but the inputs resolve to " + target,
                                "Resolved by " + std::string(match.method) + " to " + target + "; " + name +
                                    " points at customer " + id_text(*other) + ".",
                                record ? std::optional(record->id) : std::nullopt, other, name};
            if (record && !alias_[static_cast<int>(id)] && record->value(id) &&
                *record->value(id) != *given)
                return Conflict{
                    "identity conflict: customer " + id_text(record->id) + " has " + name + " " +
                        quote_for_message(*record->value(id)) + ", not " +
                        quote_for_message(*given),
                    "Resolved by " + std::string(match.method) + " to customer " + id_text(record->id) + ".",
                    record->id, std::nullopt, name};
        }
        if (req_.customer_ref) {
            auto ref = ref_target();
            if (!record || (ref && *ref != record->id))
                return Conflict{"identity conflict: customer_ref " + id_text(*req_.customer_ref) +
                                    " is customer " + id_text(ref.value_or(0)) +
                                    ", but the inputs resolve to " + target,
                                "Resolved by " + std::string(match.method) + " to " + target + ".",
                                record ? std::optional(record->id) : std::nullopt, ref,
                                "customer_ref"};
        }
        return std::nullopt;
    }

    // on_conflict => 'raise' raises CI001; 'return' records the conflict and returns it.
    ResolveOutcome on_conflict(const Conflict &conflict) {
        if (!req_.conflict_returns)
            throw IdentityError(sqlstate::identity_conflict, conflict.message, conflict.detail);
        connect_spi();
        record_event({req_.tenant,
                      "conflict",
                      conflict.customer_id,
                      conflict.other_customer_id,
                      std::nullopt,
                      std::nullopt,
                      {{"identifier", conflict.identifier}, {"message", conflict.message}}});
        ResolveOutcome outcome;
        outcome.has_row = true;
        outcome.method = "conflict";
        return outcome;
    }

    // The identifiers (and name) the caller gave that the customer lacks.
    std::vector<std::string> missing_fields(const CustomerRecord &record) const {
        std::vector<std::string> missing;
        for (Identifier id : all_identifiers)
            if (req_.key(id) && !record.value(id) && !alias_[static_cast<int>(id)])
                missing.emplace_back(identifier_name(id));
        if (req_.given.name && !record.has_name) missing.emplace_back("name");
        // A verified value the customer already has, not yet marked verified.
        if (req_.verified(Identifier::email) && req_.key(Identifier::email) &&
            record.value(Identifier::email) == req_.key(Identifier::email) && !record.email_verified)
            missing.emplace_back("email_verified_at");
        if (req_.verified(Identifier::phone) && req_.key(Identifier::phone) &&
            record.value(Identifier::phone) == req_.key(Identifier::phone) && !record.phone_verified)
            missing.emplace_back("phone_verified_at");
        return missing;
    }

    // The weak identifier a match that would write went through, when the tenant's policy
    // asks for verification and neither the call nor (for the customer's own vendor link)
    // the customer's row gives it; nullopt when the match may write.
    std::optional<Identifier> untrusted_weak_match(const Match &match,
                                                   const std::optional<CustomerRecord> &record) {
        std::optional<Identifier> via;
        if (match.method == "vendor_email" || match.method == "customer_email")
            via = Identifier::email;
        else if (match.method == "phone")
            via = Identifier::phone;
        if (!via || req_.verified(*via) || !trust::policy_of(req_.tenant).verified)
            return std::nullopt;
        // The customer proved this email: linking it to the vendor with that contact email
        // takes nothing from the caller.  Anything the caller adds still needs its own proof.
        if (match.link_vendor && record && record->email_verified &&
            missing_fields(*record).empty())
            return std::nullopt;
        return via;
    }

    // Writes nothing but the claim: the caller learns its id, not the customer's.
    ResolveOutcome open_claim(const Match &match, const std::optional<CustomerRecord> &record,
                              Identifier via) {
        ResolveOutcome outcome;
        outcome.has_row = true;
        outcome.method = "claim";
        outcome.claim_id = claims::open_resolve_claim(
            req_, via, record ? std::optional(record->id) : std::nullopt,
            match.vendor ? std::optional(match.vendor->id) : std::nullopt);
        return outcome;
    }

    // Writes what was decided: create, enrich, link; nullopt when a write lost a race
    // against a writer that takes no identity locks (then the caller decides again).
    std::optional<ResolveOutcome> apply(const Match &match, std::optional<CustomerRecord> record) {
        ResolveOutcome outcome;
        outcome.has_row = true;
        outcome.method = match.method;
        if (match.create) {
            const auto inserted = store::insert_customer(req_.tenant, req_.given);
            if (!inserted) return std::nullopt;
            const std::int64_t id = *inserted;
            outcome.customer_id = id;
            outcome.created = true;
            record_event({req_.tenant, "created", id, std::nullopt,
                          match.vendor ? std::optional(match.vendor->id) : std::nullopt,
                          std::string(match.method), given_detail()});
            if (match.vendor) {
                link_vendor(match.vendor->id, id, "resolve_customer_identity");
                outcome.vendor_id = match.vendor->id;
            }
            return outcome;
        }
        const std::int64_t id = record->id;
        outcome.customer_id = id;
        if (!missing_fields(*record).empty()) {
            // Re-read under a row lock: a concurrent enrichment may have filled a field.
            record = load_active(id, store::Lock::for_update);
            if (auto conflict = find_conflict(match, record)) return on_conflict(*conflict);
            auto missing = missing_fields(*record);
            if (!missing.empty()) {
                if (!store::fill_missing_fields(id, req_.given, req_.key(Identifier::email),
                                                req_.key(Identifier::phone)))
                    return std::nullopt;
                std::vector<std::pair<std::string, std::optional<std::string>>> detail;
                std::string filled;
                for (const auto &field : missing) filled += (filled.empty() ? "" : ",") + field;
                detail.emplace_back("filled", filled);
                record_event({req_.tenant, "enriched", id, std::nullopt, std::nullopt, std::string(match.method),
                              detail});
            }
        }
        if (match.link_vendor) link_vendor(match.vendor->id, id, "resolve_customer_identity");
        outcome.vendor_id =
            match.vendor ? std::optional(match.vendor->id) : store::vendor_linked_to(id);
        return outcome;
    }

    // The identifiers of a creation, for its audit record.
    std::vector<std::pair<std::string, std::optional<std::string>>> given_detail() const {
        std::vector<std::pair<std::string, std::optional<std::string>>> detail;
        for (Identifier id : all_identifiers)
            if (req_.key(id)) detail.emplace_back(identifier_name(id), req_.key(id));
        return detail;
    }
};

// The positions of resolve_customer_identity's arguments.  A 0.4.0 definition of the
// function (nine arguments, no verification flags) still calls this library until ALTER
// EXTENSION UPDATE.
enum ResolveArgument {
    tenant_arg = 0,
    external_customer_id_arg = 1,
    email_arg = 2,
    customer_ref_arg = 3,
    user_id_arg = 4,
    phone_arg = 5,
    name_arg = 6,
    create_missing_arg = 7,
    on_conflict_arg = 8,
    email_verified_arg = 9,
    phone_verified_arg = 10
};

// Reads the SQL arguments (22023 / 22004 for bad input).
ResolveRequest read_request(FunctionCallInfo fcinfo) {
    CustomerFields given;
    given.external_customer_id = text_arg(fcinfo, external_customer_id_arg);
    given.email = text_arg(fcinfo, email_arg);
    given.user_id = text_arg(fcinfo, user_id_arg);
    given.phone = text_arg(fcinfo, phone_arg);
    given.name = text_arg(fcinfo, name_arg);
    const auto create_missing = bool_arg(fcinfo, create_missing_arg);
    const auto on_conflict = text_arg(fcinfo, on_conflict_arg);
    std::optional<bool> email_verified = false, phone_verified = false;
    if (PG_NARGS() > phone_verified_arg) {
        email_verified = bool_arg(fcinfo, email_verified_arg);
        phone_verified = bool_arg(fcinfo, phone_verified_arg);
    }
    given.email_verified = email_verified.value_or(false);
    given.phone_verified = phone_verified.value_or(false);
    ResolveRequest request = make_resolve_request(text_arg(fcinfo, tenant_arg), std::move(given),
                                                  int8_arg(fcinfo, customer_ref_arg), true, false);
    if (!email_verified || !phone_verified)
        throw IdentityError(sqlstate::malformed_input,
                            "email_verified and phone_verified must not be null");
    if (!create_missing)
        throw IdentityError(sqlstate::malformed_input, "create_missing must not be null");
    request.create_missing = *create_missing;
    if (on_conflict && *on_conflict == "raise")
        request.conflict_returns = false;
    else if (on_conflict && *on_conflict == "return")
        request.conflict_returns = true;
    else
        throw IdentityError(
            sqlstate::malformed_input, "on_conflict must be 'raise' or 'return'",
            on_conflict ? "Got " + quote_for_message(*on_conflict) + "." : "Got NULL.");
    require_identifier(request);
    return request;
}

// The commonest call, resolved without building the general request: one identifier and the
// tenant, nothing else but the defaults (no customer_ref, name or verification).  It reads
// and checks the arguments in place, in the general path's order, and returns the customer
// only when the general path would return it as its quiet hit (Resolver::quiet_hit): an
// active customer holding the key directly, no vendor with the email first (the SPEC's
// order), its row not being written.  Anything else -- a bad or unusual argument, a blocked
// value, a vendor, a miss -- returns nullopt and the general path decides (and raises, in
// its own order); what was found absent goes to it in `seed`, so it is not probed twice.
std::optional<ResolveOutcome> single_identifier_hit(FunctionCallInfo fcinfo, LookupSeed &seed) {
    constexpr std::pair<int, Identifier> identifier_args[] = {
        {external_customer_id_arg, Identifier::external_customer_id},
        {user_id_arg, Identifier::user_id},
        {email_arg, Identifier::email},
        {phone_arg, Identifier::phone}};
    if (PG_ARGISNULL(tenant_arg) || !PG_ARGISNULL(customer_ref_arg) || !PG_ARGISNULL(name_arg) ||
        PG_ARGISNULL(create_missing_arg) || PG_ARGISNULL(on_conflict_arg))
        return std::nullopt;
    if (PG_NARGS() > phone_verified_arg &&
        (PG_ARGISNULL(email_verified_arg) || PG_ARGISNULL(phone_verified_arg) ||
         PG_GETARG_BOOL(email_verified_arg) || PG_GETARG_BOOL(phone_verified_arg)))
        return std::nullopt;
    const std::string_view on_conflict = text_view(PG_GETARG_DATUM(on_conflict_arg));
    if (on_conflict != "raise" && on_conflict != "return") return std::nullopt;
    std::optional<std::pair<int, Identifier>> given;
    for (const auto &argument : identifier_args) {
        if (PG_ARGISNULL(argument.first)) continue;
        if (given) return std::nullopt;  // more than one: the general path compares them
        given = argument;
    }
    if (!given) return std::nullopt;

    // The checks of make_resolve_request for these arguments, in its order.
    const std::string tenant = checked_tenant(text_view(PG_GETARG_DATUM(tenant_arg)));
    sharding::require_served(tenant);
    const Identifier id = given->second;
    const std::string_view raw = text_view(PG_GETARG_DATUM(given->first));
    std::optional<std::string> key;
    if (id == Identifier::email)
        key = identifier_rules::checked_email(tenant, raw);
    else if (id == Identifier::phone)
        key = identifier_rules::checked_phone(tenant, raw);
    else {
        check_identifier(raw, identifier_name(id));
        key.emplace(raw);
    }
    if (trust::blocked(tenant, id, *key)) return std::nullopt;

    // Step 3 looks at vendors first.
    if (id == Identifier::email) {
        if (store::find_vendor_by_email(tenant, *key, false)) return std::nullopt;
        seed.no_vendor_by_email = true;
    }
    const auto record = store::find_active_hit(tenant, id, *key);
    if (!record) {
        seed.no_active_holder[static_cast<int>(id)] = true;
        return std::nullopt;
    }
    if (record->being_written) return std::nullopt;
    return hit_outcome(direct_method(id), record->id, record->linked_vendor);
}

// Emits the result row (if any) through a materialized set, with as many of the columns
// (customer_id, vendor_id, method, created, claim_id) as the function's definition has.
void emit(FunctionCallInfo fcinfo, const ResolveOutcome &outcome) {
    const std::string_view method = outcome.method;
    pg_call([&] {
        const TupleDesc row_type = spi::start_materialized_srf(fcinfo);
        if (!outcome.has_row) return;
        ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
        Datum values[5];
        bool nulls[5] = {!outcome.customer_id, !outcome.vendor_id, false, false,
                         !outcome.claim_id};
        values[0] = outcome.customer_id ? Int64GetDatum(*outcome.customer_id) : (Datum)0;
        values[1] = outcome.vendor_id ? Int64GetDatum(*outcome.vendor_id) : (Datum)0;
        values[2] = PointerGetDatum(cstring_to_text_with_len(method.data(), method.size()));
        values[3] = BoolGetDatum(outcome.created);
        values[4] = outcome.claim_id ? Int64GetDatum(*outcome.claim_id) : (Datum)0;
        if (row_type->natts < 4 || row_type->natts > 5)
            elog(ERROR, "customer_identity: unexpected result type of resolve_customer_identity");
        tuplestore_putvalues(rsinfo->setResult, row_type, values, nulls);
    });
}

}  // namespace

ResolveRequest make_resolve_request(std::optional<std::string> tenant, CustomerFields given,
                                    std::optional<std::int64_t> customer_ref, bool create_missing,
                                    bool conflict_returns) {
    ResolveRequest req;
    req.tenant = checked_tenant(tenant);
    sharding::require_served(req.tenant);
    req.given = std::move(given);
    check_identifier(req.given.external_customer_id, "external_customer_id");
    check_identifier(req.given.user_id, "user_id");
    check_name(req.given.name);
    req.customer_ref = customer_ref;
    req.create_missing = create_missing;
    req.conflict_returns = conflict_returns;
    req.keys[static_cast<int>(Identifier::external_customer_id)] = req.given.external_customer_id;
    req.keys[static_cast<int>(Identifier::user_id)] = req.given.user_id;
    const auto email = identifier_rules::checked_email(req.tenant, req.given.email);
    const auto phone = identifier_rules::checked_phone(req.tenant, req.given.phone);
    // A blocked value identifies nobody: the row may carry it, nothing matches by it.
    req.keys[static_cast<int>(Identifier::email)] =
        trust::unless_blocked(req.tenant, Identifier::email, email);
    req.keys[static_cast<int>(Identifier::phone)] =
        trust::unless_blocked(req.tenant, Identifier::phone, phone);
    return req;
}

void require_identifier(const ResolveRequest &req) {
    bool any = req.customer_ref.has_value();
    for (const auto &key : req.keys) any = any || key.has_value();
    if (!any && (req.given.email || req.given.phone))
        throw IdentityError(sqlstate::malformed_input,
                            "resolve_customer_identity got no usable identifier: the email or "
                            "phone given is a blocked value",
                            "Blocked values (README \"Blocked values\") identify nobody.",
                            "Give external_customer_id, user_id or customer_ref as well.");
    if (!any)
        throw IdentityError(sqlstate::malformed_input,
                            "resolve_customer_identity needs at least one identifier", {},
                            "Give external_customer_id, user_id, email, phone or customer_ref.");
}

namespace {

// Resolves, knowing what `seed` found absent.
ResolveOutcome resolve_seeded(const ResolveRequest &request, const LookupSeed &seed) {
    Resolver resolver(request, seed);
    const ResolveOutcome outcome = resolver.run();
    if (resolver.connected()) spi::finish();
    return outcome;
}

}  // namespace

ResolveOutcome resolve(const ResolveRequest &request) { return resolve_seeded(request, {}); }

}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_resolve_customer_identity) {
    return entry_guard([&] {
        // Called once per row of a join or a batch: its probes rescan the statement's scans.
        statement_scans::Scope scans(fcinfo);
        LookupSeed seed;
        const auto hit = single_identifier_hit(fcinfo, seed);
        emit(fcinfo, hit ? *hit : resolve_seeded(read_request(fcinfo), seed));
        return (Datum)0;
    });
}
