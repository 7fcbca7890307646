// reconcile(tenant_id, dry_run): clean up data written before the rules held (report 003,
// phase 3).  It trusts no stored normalized column: it normalizes the raw values itself,
// groups the active customers that share an identifier (transitively: A-email = B-email
// and B-phone = C-phone make one entity), merges each group into one canonical customer,
// repairs stale normalized columns, and links each vendor without a customer to the
// customer with its contact email (creating one where there is none).  The dry run
// returns the plan; otherwise the same rows say what was done, and every decision --
// including each customer or vendor left alone, with the reason -- lands in identity_event.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "audit.hpp"
#include "sharding.hpp"
#include "errors.hpp"
#include "flag_scope.hpp"
#include "grouping.hpp"
#include "identifier_rules.hpp"
#include "input.hpp"
#include "merge.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"
#include "trust.hpp"
#include "vendor_link.hpp"
#include "write_permits.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
}

namespace ci {
namespace {

// An active customer as reconcile sees it: raw values, and what they normalize to.
struct Candidate : RawIdentity {
    std::int64_t id = 0;
    std::optional<std::string> email_raw, phone_raw;
    std::optional<std::string> stored_email, stored_phone;
    std::optional<std::int64_t> vendor_id;
    std::optional<std::int64_t> derived_by;  // identifiers_derived_by
    // Its place by creation (created_at, then id): "the oldest" of a group.  Not the id
    // alone: ids of one tenant do not grow with time on a sharded install (a moved
    // bucket's new ids carry another node; an updated shard's ids drop below 2^53).
    std::int64_t age_rank = 0;
};

// A vendor without a customer.
struct LonelyVendor {
    std::int64_t id = 0;
    std::optional<std::string> email_raw, email;  // email: normalized
    std::string name;
    std::optional<std::string> stored_email;
    std::optional<std::int64_t> derived_by;  // identifiers_derived_by
    bool blocked = false;  // the contact email is a blocked value (trust.hpp)
};

// One line of the plan (or of what was done).
struct Action {
    std::string action;
    std::optional<std::int64_t> customer_id, other_id, vendor_id;
    std::string reason;
    std::string subject;  // "customer N" / "vendor N": what the decision is about
};

spi::Statement active_customers = {
    "SELECT c.id, c.external_customer_id, c.user_id, c.email, c.phone, c.email_normalized,"
    " c.phone_normalized, (SELECT v.id FROM customer_identity.vendor v"
    "                      WHERE v.customer_id OPERATOR(pg_catalog.=) c.id),"
    " c.identifiers_derived_by, pg_catalog.row_number() OVER (ORDER BY c.created_at, c.id)"
    " FROM customer_identity.customer c"
    " WHERE c.tenant_id OPERATOR(pg_catalog.=) $1 AND c.archived_at IS NULL ORDER BY c.id",
    1,
    {TEXTOID},
    nullptr};

// The same columns of the archived customers (a merged one has no vendor).
spi::Statement archived_customers = {
    "SELECT c.id, c.external_customer_id, c.user_id, c.email, c.phone, c.email_normalized,"
    " c.phone_normalized, NULL::pg_catalog.int8, c.identifiers_derived_by,"
    " pg_catalog.row_number() OVER (ORDER BY c.created_at, c.id)"
    " FROM customer_identity.customer c"
    " WHERE c.tenant_id OPERATOR(pg_catalog.=) $1 AND c.archived_at IS NOT NULL ORDER BY c.id",
    1,
    {TEXTOID},
    nullptr};

spi::Statement lonely_vendors = {
    "SELECT v.id, v.primary_contact_email, v.name, v.primary_contact_email_normalized,"
    " v.identifiers_derived_by"
    " FROM customer_identity.vendor v"
    " WHERE v.tenant_id OPERATOR(pg_catalog.=) $1 AND v.customer_id IS NULL ORDER BY v.id",
    1,
    {TEXTOID},
    nullptr};

// Rewriting a column with itself makes the row trigger derive its normalized form again.
spi::Statement renormalize_customer = {
    "UPDATE customer_identity.customer SET email = email, phone = phone"
    " WHERE id OPERATOR(pg_catalog.=) $1",
    1,
    {INT8OID},
    nullptr};

spi::Statement renormalize_vendor = {
    "UPDATE customer_identity.vendor SET primary_contact_email = primary_contact_email"
    " WHERE id OPERATOR(pg_catalog.=) $1",
    1,
    {INT8OID},
    nullptr};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// Why a row derived under other rules or library versions than the tenant's now (its
// identifiers_derived_by, identifier_rules.hpp) is re-derived: not corruption, a change.
// (A row whose values agree with the rules keeps its record: nothing in it is wrong.)
std::string rederive_reason(const identifier_rules::Rules &rules) {
    return "derived under other identifier rules or library versions: re-derive under " +
           rules.description();
}

// Reads the tenant's active (or archived) customers and normalizes their raw identifiers.
std::vector<Candidate> read_candidates(const std::string &tenant, spi::Statement &statement) {
    spi::Params params;
    params.text(tenant);
    const std::uint64_t rows = spi::run(statement, params, 0);
    std::vector<Candidate> result;
    result.reserve(rows);
    for (std::uint64_t row = 0; row < rows; ++row) {
        Candidate c;
        c.id = *spi::int8_at(row, 1);
        const auto ext = spi::text_at(row, 2);
        const auto user = spi::text_at(row, 3);
        const auto email = spi::text_at(row, 4);
        const auto phone = spi::text_at(row, 5);
        c.stored_email = spi::text_at(row, 6);
        c.stored_phone = spi::text_at(row, 7);
        c.vendor_id = spi::int8_at(row, 8);
        c.derived_by = spi::int8_at(row, 9);
        c.age_rank = *spi::int8_at(row, 10);
        c.email_raw = email;
        c.phone_raw = phone;
        static_cast<RawIdentity &>(c) = identity_of_raw(tenant, ext, user, email, phone);
        result.push_back(std::move(c));
    }
    return result;
}

// Pairs a reviewer recorded as two people (a rejected duplicate claim): never merged.
spi::Statement distinct_pairs = {
    "SELECT customer_id, other_id FROM customer_identity.distinct_person"
    " WHERE tenant_id OPERATOR(pg_catalog.=) $1",
    1,
    {TEXTOID},
    nullptr};

using DistinctPairs = std::set<std::pair<std::int64_t, std::int64_t>>;

// Reads the tenant's pairs recorded as two people, lower id first.
DistinctPairs read_distinct_pairs(const std::string &tenant) {
    const std::uint64_t rows = spi::run(distinct_pairs, spi::Params().text(tenant), 0);
    DistinctPairs result;
    for (std::uint64_t row = 0; row < rows; ++row)
        result.emplace(*spi::int8_at(row, 1), *spi::int8_at(row, 2));
    return result;
}

// Reads the tenant's vendors that have no customer.
std::vector<LonelyVendor> read_lonely_vendors(const std::string &tenant) {
    spi::Params params;
    params.text(tenant);
    const std::uint64_t rows = spi::run(lonely_vendors, params, 0);
    std::vector<LonelyVendor> result;
    for (std::uint64_t row = 0; row < rows; ++row) {
        LonelyVendor v;
        v.id = *spi::int8_at(row, 1);
        v.email_raw = spi::text_at(row, 2);
        v.name = *spi::text_at(row, 3);
        v.stored_email = spi::text_at(row, 4);
        v.derived_by = spi::int8_at(row, 5);
        if (v.email_raw) {
            Normalized n =
                identifier_rules::email_identity(identifier_rules::rules_of(tenant), *v.email_raw);
            if (n.ok && trust::blocked(tenant, Identifier::email, n.value))
                v.blocked = true;
            else if (n.ok)
                v.email = n.value;
        }
        result.push_back(std::move(v));
    }
    return result;
}

// What the duplicate shares with the rest of its group, for the reason column.
std::string shared_identifiers(const Candidate &dup, const std::vector<const Candidate *> &group) {
    std::string reason;
    for (Identifier id : all_identifiers) {
        const auto &value = dup.keys[static_cast<int>(id)];
        if (!value) continue;
        for (const Candidate *other : group) {
            if (other == &dup || other->keys[static_cast<int>(id)] != value) continue;
            reason += (reason.empty() ? "same " : ", same ") + std::string(identifier_name(id)) +
                      " " + quote_for_message(*value) + " as customer " + id_text(other->id);
            break;
        }
    }
    return reason.empty() ? "same entity as the rest of its group" : reason;
}

// Builds the whole plan; nothing is written.
std::vector<Action> plan(const std::string &tenant, std::vector<Candidate> &customers,
                         const std::vector<Candidate> &archived,
                         const std::vector<LonelyVendor> &vendors, const DistinctPairs &two_people) {
    std::vector<Action> actions;
    const identifier_rules::Rules rules = identifier_rules::rules_of(tenant);
    std::set<std::string> vendor_emails;  // contact emails of vendors waiting for a customer
    for (const LonelyVendor &v : vendors)
        if (v.email) vendor_emails.insert(*v.email);
    std::map<std::int64_t, const Candidate *> by_id;
    std::vector<const RawIdentity *> identities;
    for (const Candidate &c : customers) {
        by_id[c.id] = &c;
        identities.push_back(&c);
        if (!c.malformed.empty())
            actions.push_back({"skip", c.id, std::nullopt, c.vendor_id,
                               c.malformed + "; fix it first", "customer " + id_text(c.id)});
    }
    std::vector<std::vector<const Candidate *>> members;
    for (const auto &indexes : group_by_identifiers(identities)) {
        members.emplace_back();
        for (std::size_t i : indexes) members.back().push_back(&customers[i]);
    }

    // Where each customer ends up: itself, or its group's canonical customer.  A group
    // holding customers of different vendors is frozen: any write in it could collide.
    std::map<std::int64_t, std::int64_t> final_customer;
    std::set<std::int64_t> frozen;
    for (auto &group : members) {
        auto rank = [&](const Candidate *c) {
            const bool vendor_waits = c->keys[2] && vendor_emails.count(*c->keys[2]) > 0;
            return std::make_tuple(!c->vendor_id, !vendor_waits, !c->keys[0], !c->keys[1], c->age_rank);
        };
        const Candidate *canonical = *std::min_element(
            group.begin(), group.end(),
            [&](const Candidate *a, const Candidate *b) { return rank(a) < rank(b); });
        std::string vendors_in_group;
        for (const Candidate *c : group)
            if (c->vendor_id)
                vendors_in_group += (vendors_in_group.empty() ? "" : ", ") + id_text(*c->vendor_id);
        const bool vendor_conflict = std::count_if(group.begin(), group.end(),
                                                   [](const Candidate *c) { return c->vendor_id; }) > 1;
        // A group holding a pair a reviewer recorded as two people is left alone too.
        std::string recorded_two;
        for (const Candidate *x : group)
            for (const Candidate *y : group)
                if (x->id < y->id && two_people.count({x->id, y->id}) && recorded_two.empty())
                    recorded_two = "customers " + id_text(x->id) + " and " + id_text(y->id);
        const bool conflict = vendor_conflict || !recorded_two.empty();
        for (const Candidate *c : group) {
            final_customer[c->id] = conflict ? c->id : canonical->id;
            if (conflict) frozen.insert(c->id);
            if (c == canonical) continue;
            if (!vendor_conflict && conflict)
                actions.push_back({"conflict", canonical->id, c->id, c->vendor_id,
                                   shared_identifiers(*c, group) + ", but " + recorded_two +
                                       " were recorded as two people (a rejected duplicate"
                                       " claim): merge them by hand if they are one",
                                   "customer " + id_text(c->id)});
            else if (conflict)
                actions.push_back({"conflict", canonical->id, c->id, c->vendor_id,
                                   shared_identifiers(*c, group) +
                                       ", but the group holds customers of different vendors (" +
                                       vendors_in_group + "): unlink all but one to merge it",
                                   "customer " + id_text(c->id)});
            else
                actions.push_back({"merge", canonical->id, c->id, c->vendor_id,
                                   shared_identifiers(*c, group), "customer " + id_text(c->id)});
        }
    }
    // Normalized columns that disagree with the raw values: written with the rules off, or
    // derived under other rules than the tenant's now.
    auto derived_otherwise = [&](const Candidate &c) {
        return identifier_rules::derived_otherwise(c.derived_by, rules, c.stored_email,
                                                   c.email_raw, true) &&
               identifier_rules::derived_otherwise(c.derived_by, rules, c.stored_phone,
                                                   c.phone_raw, false);
    };
    auto renormalize = [&](const Candidate &c, std::optional<std::int64_t> vendor) {
        if (c.stored_email == c.keys[2] && c.stored_phone == c.keys[3]) return;
        actions.push_back({"renormalize", c.id, std::nullopt, vendor,
                           derived_otherwise(c)
                               ? rederive_reason(rules)
                               : "stored normalized email/phone do not match the raw values",
                           "customer " + id_text(c.id)});
    };
    for (const Candidate &c : customers) {
        if (!c.malformed.empty() || frozen.count(c.id)) continue;
        // A linked vendor is re-derived with its customer: they share one email (CI007).
        if (final_customer[c.id] == c.id)
            renormalize(c, c.vendor_id);
        // A duplicate keeps values derived under other rules when the merge archives it (the
        // rows written with the rules off are derived again then): after the merge, again.
        else if (derived_otherwise(c))
            renormalize(c, std::nullopt);
    }
    // Archived customers keep their identifiers as aliases of the customer they were merged
    // into: derived as the tenant derives them now, or no alias is found by them.
    for (const Candidate &c : archived)
        if (c.malformed.empty()) renormalize(c, std::nullopt);
    // Vendors without a customer: the customer with their contact email, or a new one.
    std::map<std::string, std::int64_t> by_email;  // normalized email -> customer holding it
    std::set<std::int64_t> linked;
    for (const Candidate &c : customers) {
        if (c.keys[2]) by_email.emplace(*c.keys[2], c.id);
        if (c.vendor_id) linked.insert(c.id);
    }
    for (const LonelyVendor &v : vendors) {
        const std::string subject = "vendor " + id_text(v.id);
        auto left_alone = [&](std::optional<std::int64_t> customer, const std::string &reason) {
            actions.push_back({"skip", customer, std::nullopt, v.id, reason, subject});
        };
        if (v.stored_email != v.email && v.email)
            actions.push_back(
                {"renormalize", std::nullopt, std::nullopt, v.id,
                 identifier_rules::derived_otherwise(v.derived_by, rules, v.stored_email,
                                                     v.email_raw, true)
                     ? rederive_reason(rules)
                     : "stored normalized contact email does not match the raw value",
                 subject});
        if (!v.email_raw) {
            left_alone(std::nullopt, "vendor has no contact email");
            continue;
        }
        if (v.blocked) {
            left_alone(std::nullopt, "vendor contact email " + quote_for_message(*v.email_raw) +
                                         " is a blocked value: it identifies nobody");
            continue;
        }
        if (!v.email) {
            left_alone(std::nullopt, "vendor contact email " + quote_for_message(*v.email_raw) +
                                         " is malformed; fix it first");
            continue;
        }
        const std::string email = quote_for_message(*v.email);
        auto found = by_email.find(*v.email);
        if (found == by_email.end()) {
            actions.push_back({"create_customer", std::nullopt, std::nullopt, v.id,
                               "no customer has the contact email " + email, subject});
            by_email.emplace(*v.email, 0);
            linked.insert(0);  // a second vendor with this email finds the new customer taken
            continue;
        }
        const std::int64_t holder = found->second;
        const Candidate *holder_row = holder ? by_id[holder] : nullptr;
        if (holder_row && !holder_row->malformed.empty()) {
            left_alone(holder, "the customer with the contact email " + email + " is left alone (" +
                                   holder_row->malformed + ")");
            continue;
        }
        if (frozen.count(holder)) {
            left_alone(holder, "the customer with the contact email " + email +
                                   " is in a conflict between vendors");
            continue;
        }
        const std::int64_t target = holder ? final_customer[holder] : 0;
        if (target && by_id[target]->keys[2] != v.email) {
            left_alone(target, "the contact email " + email +
                                   " belongs to a customer merged into one with another email");
            continue;
        }
        if (linked.count(target)) {
            left_alone(
                target ? std::optional(target) : std::nullopt,
                "the customer with the contact email " + email + " is linked to another vendor");
            continue;
        }
        // Under `verified` an email proves nothing until its owner confirmed it: a customer
        // who typed a vendor's email does not become the vendor (trust.hpp).
        if (target && trust::policy_of(tenant).verified) {
            const auto customer = store::load_customer(target);
            if (!customer || !customer->email_verified) {
                left_alone(target, "the customer with the contact email " + email +
                                       " has not verified it (tenant policy verified)");
                continue;
            }
        }
        linked.insert(target);
        actions.push_back({"link_vendor", target, std::nullopt, v.id,
                           "contact email " + email + " matches the customer", subject});
    }
    return actions;
}

// Carries out the plan in order (merges, repairs, links); fills in created customer ids.
void apply(const std::string &tenant, std::vector<Action> &actions,
           const std::vector<LonelyVendor> &vendors) {
    for (Action &a : actions) {
        spi::Params id;
        if (a.action == "merge") {
            merge_customers(*a.customer_id, *a.other_id, "reconcile", a.reason);
        } else if (a.action == "renormalize") {
            // The pair of a linked customer and vendor is re-derived together; each trigger
            // leaves the shared email to this check (CI007 when the rules part them).
            {
                FlagScope rederive(write_permits::rederiving());
                if (a.customer_id) spi::run(renormalize_customer, spi::Params().int8(a.customer_id));
                if (a.vendor_id) spi::run(renormalize_vendor, spi::Params().int8(a.vendor_id));
            }
            if (a.customer_id && a.vendor_id) {
                const auto customer = store::load_customer(*a.customer_id);
                const auto vendor = store::load_vendor(*a.vendor_id, store::Lock::none);
                if (customer && vendor)
                    require_same_email(*a.vendor_id, vendor->email_normalized, *a.customer_id,
                                       customer->value(Identifier::email),
                                       "cannot re-derive the emails of a linked pair");
            }
            record_event({tenant,
                          "renormalized",
                          a.customer_id,
                          std::nullopt,
                          a.vendor_id,
                          "reconcile",
                          {{"reason", a.reason}}});
        } else if (a.action == "link_vendor") {
            link_vendor(*a.vendor_id, *a.customer_id, "reconcile");
        } else if (a.action == "create_customer") {
            const LonelyVendor &v =
                *std::find_if(vendors.begin(), vendors.end(),
                              [&](const LonelyVendor &x) { return x.id == *a.vendor_id; });
            CustomerFields fields;
            fields.email = v.email_raw;
            fields.name = v.name;
            const auto created = store::insert_customer(tenant, fields);
            if (!created)
                throw IdentityError(sqlstate::identity_conflict,
                                    "reconcile could not create the customer of vendor " +
                                        id_text(v.id) + ": its email was taken meanwhile",
                                    {}, "Run reconcile again.");
            a.customer_id = *created;
            record_event({tenant,
                          "created",
                          *created,
                          std::nullopt,
                          v.id,
                          "reconcile",
                          {{"email", v.email}}});
            link_vendor(v.id, *created, "reconcile");
        } else {
            record_left_alone_once(
                {tenant,
                 "reconcile_left_alone",
                 a.customer_id,
                 a.other_id,
                 a.vendor_id,
                 "reconcile",
                 {{"action", a.action}, {"subject", a.subject}, {"reason", a.reason}}});
        }
    }
}

// Returns the actions as the function's result set.
void emit(FunctionCallInfo fcinfo, const std::vector<Action> &actions) {
    TupleDesc row_type = nullptr;
    pg_call([&] { row_type = spi::start_materialized_srf(fcinfo); });
    for (const Action &a : actions) {
        const char *action = a.action.c_str();
        const char *reason = a.reason.c_str();
        pg_call([&] {
            ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
            Datum values[5] = {CStringGetTextDatum(action),
                               a.customer_id ? Int64GetDatum(*a.customer_id) : (Datum)0,
                               a.other_id ? Int64GetDatum(*a.other_id) : (Datum)0,
                               a.vendor_id ? Int64GetDatum(*a.vendor_id) : (Datum)0,
                               CStringGetTextDatum(reason)};
            bool nulls[5] = {false, !a.customer_id, !a.other_id, !a.vendor_id, false};
            tuplestore_putvalues(rsinfo->setResult, row_type, values, nulls);
        });
    }
}

}  // namespace
}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_reconcile) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        sharding::require_served(tenant);
        const auto dry_run = bool_arg(fcinfo, 1);
        if (!dry_run) throw IdentityError(sqlstate::malformed_input, "dry_run must not be null");
        spi::connect();
        std::vector<Candidate> customers = read_candidates(tenant, active_customers);
        const std::vector<Candidate> archived = read_candidates(tenant, archived_customers);
        const std::vector<LonelyVendor> vendors = read_lonely_vendors(tenant);
        std::vector<Action> actions =
            plan(tenant, customers, archived, vendors, read_distinct_pairs(tenant));
        if (!*dry_run) apply(tenant, actions, vendors);
        spi::finish();
        emit(fcinfo, actions);
        return (Datum)0;
    });
}
