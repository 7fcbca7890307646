// erase_customer: the right to be forgotten (GDPR art. 17 and its peers).
//
// A person is the customer and every customer merged with it (the merge tree: what a
// merge decided is one entity).  Erasure takes the identity locks of all their
// identifiers, so a resolution by any of them waits and then no longer finds them; then it
// removes every personal value of theirs from the extension's tables:
//   customer             name, email, phone, ids, metadata, verification stamps -> NULL / {}
//   vendor               a contact email that is theirs -> NULL (the link stays)
//   identity_event       payload strings that are (or contain) their values; their row
//                        snapshots in merge events keep ids and structure only
//   identity_claim       the same in proposals, values and notes; open claims are closed
//   blocked_identifier   their values leave the blocked list; reasons lose them
// Ids, links, clientele, merge history and the events themselves stay, so nothing else
// breaks; an `erased` event without personal data records who erased whom and when.
// What this cannot reach -- WAL, backups, replicas, the server log -- is in README.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "erasure.hpp"
#include "errors.hpp"
#include "identity_lock.hpp"
#include "input.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/array.h"
}

namespace ci {
namespace {

// Set while the audit payloads are rewritten; plain data, cleared by its scope.
bool erasing = false;

// Lets identity_event_append_only accept erasure's UPDATE, for the scope's lifetime.
class ErasingScope {
  public:
    ErasingScope() { erasing = true; }
    ~ErasingScope() { erasing = false; }
    ErasingScope(const ErasingScope &) = delete;
    ErasingScope &operator=(const ErasingScope &) = delete;
};

// Does the text mention one of the values $3?  (The JSON spelling of each value, without
// its quotes, found anywhere in it, case-insensitively.)
#define CI_MENTIONS(text_expr)                                                                 \
    "EXISTS (SELECT 1 FROM pg_catalog.unnest($3::pg_catalog.text[]) AS x WHERE"                \
    " pg_catalog.strpos(pg_catalog.lower(" text_expr "), pg_catalog.lower(pg_catalog.substr("  \
    "   pg_catalog.to_jsonb(x)::pg_catalog.text, 2,"                                          \
    "   pg_catalog.length(pg_catalog.to_jsonb(x)::pg_catalog.text) - 2))) > 0)"

// Every customer of the merge tree below the root ($1), the root included.
spi::Statement merge_tree = {
    "WITH RECURSIVE tree AS (SELECT c.id FROM customer_identity.customer c"
    "   WHERE c.id OPERATOR(pg_catalog.=) $1"
    " UNION SELECT c.id FROM customer_identity.customer c JOIN tree"
    "   ON c.merged_into OPERATOR(pg_catalog.=) tree.id)"
    " SELECT id FROM tree ORDER BY id",
    1,
    {INT8OID},
    nullptr};

spi::Statement lock_rows = {
    "SELECT id FROM customer_identity.customer"
    " WHERE id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[]) ORDER BY id FOR UPDATE",
    1,
    {TEXTARRAYOID},
    nullptr};

// The personal values of the customers, one row each (metadata string leaves included), with
// what they are: 'email' / 'phone' (raw, as typed), 'identifier' (normalized values, ids),
// 'name' or 'metadata'.
spi::Statement personal_values = {
    "SELECT DISTINCT v.value, v.kind"
    " FROM customer_identity.customer c, LATERAL ("
    "   SELECT x.value, x.kind FROM (VALUES (c.name, 'name'), (c.email, 'email'),"
    "     (c.email_normalized, 'identifier'), (c.phone, 'phone'), (c.phone_normalized, 'identifier'),"
    "     (c.external_customer_id, 'identifier'), (c.user_id, 'identifier')) AS x(value, kind)"
    "   UNION ALL SELECT l #>> '{}', 'metadata'"
    "     FROM pg_catalog.jsonb_path_query(c.metadata, 'strict $.**') AS l"
    "    WHERE pg_catalog.jsonb_typeof(l) OPERATOR(pg_catalog.=) 'string') v"
    " WHERE c.id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " AND v.value IS NOT NULL AND pg_catalog.btrim(v.value) OPERATOR(pg_catalog.<>) ''"
    " ORDER BY 1, 2",
    1,
    {TEXTARRAYOID},
    nullptr};

spi::Statement erase_rows = {
    "UPDATE customer_identity.customer SET name = NULL, email = NULL, phone = NULL,"
    " external_customer_id = NULL, user_id = NULL, metadata = '{}',"
    " email_verified_at = NULL, phone_verified_at = NULL"
    " WHERE id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])",
    1,
    {TEXTARRAYOID},
    nullptr};

// $1 tenant, $2 mentionable values: vendors whose contact email is one of them.
spi::Statement clear_vendor_emails = {
    "UPDATE customer_identity.vendor v SET primary_contact_email = NULL"
    " WHERE v.tenant_id OPERATOR(pg_catalog.=) $1 AND v.primary_contact_email IS NOT NULL"
    " AND pg_catalog.lower(pg_catalog.btrim(v.primary_contact_email)) OPERATOR(pg_catalog.=) ANY"
    "   (SELECT pg_catalog.lower(x) FROM pg_catalog.unnest($2::pg_catalog.text[]) AS x)"
    " RETURNING v.id",
    2,
    {TEXTOID, TEXTARRAYOID},
    nullptr};

// $1 tenant, $2 personal values, $3 mentionable values, $4 ids erased.  The events about
// the customers, and every other event of the tenant that mentions one of their
// identifiers, lose every personal value of theirs.
spi::Statement scrub_events = {
    "WITH touched AS (SELECT e.id, customer_identity.erased_jsonb(e.detail,"
    "   $2::pg_catalog.text[], $4::pg_catalog.int8[]::pg_catalog.text[]) AS detail"
    "  FROM customer_identity.identity_event e"
    "  WHERE e.tenant_id OPERATOR(pg_catalog.=) $1"
    "  AND (e.customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"
    "   OR e.other_customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"
    "   OR " CI_MENTIONS("e.detail::pg_catalog.text") "))"
    " UPDATE customer_identity.identity_event e SET detail = t.detail FROM touched t"
    " WHERE e.id OPERATOR(pg_catalog.=) t.id AND e.detail OPERATOR(pg_catalog.<>) t.detail",
    4,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

// Claims on the customers or on their values: scrubbed, and closed if open.
spi::Statement scrub_claims = {
    "UPDATE customer_identity.identity_claim c SET"
    " proposal = customer_identity.erased_jsonb(c.proposal, $2::pg_catalog.text[],"
    "   $4::pg_catalog.int8[]::pg_catalog.text[]),"
    " value = customer_identity.erased_text(c.value, $2::pg_catalog.text[]),"
    " decision_note = CASE WHEN c.status OPERATOR(pg_catalog.=) 'open'"
    "   THEN 'closed: the customer was erased'"
    "   ELSE customer_identity.erased_text(c.decision_note, $2::pg_catalog.text[]) END,"
    " status = CASE WHEN c.status OPERATOR(pg_catalog.=) 'open' THEN 'rejected' ELSE c.status END,"
    " decided_at = COALESCE(c.decided_at, pg_catalog.clock_timestamp()),"
    " decided_by = COALESCE(c.decided_by, customer_identity.caller())"
    " WHERE c.tenant_id OPERATOR(pg_catalog.=) $1"
    " AND (c.customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"
    "  OR c.result_customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"
    "  OR " CI_MENTIONS("c.value OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) "
                        "c.proposal::pg_catalog.text OPERATOR(pg_catalog.||) ' ' "
                        "OPERATOR(pg_catalog.||) COALESCE(c.decision_note, '')") ")",
    4,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

// $1 tenant, $3 mentionable values: blocked entries that are one of them go.
spi::Statement unblock_values = {
    "DELETE FROM customer_identity.blocked_identifier b"
    " WHERE b.tenant_id OPERATOR(pg_catalog.=) $1"
    " AND pg_catalog.lower(b.value) OPERATOR(pg_catalog.=) ANY"
    "   (SELECT pg_catalog.lower(x) FROM pg_catalog.unnest($3::pg_catalog.text[]) AS x)",
    3,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

// $1 tenant, $2 personal values, $3 mentionable values: reasons that mention them lose
// every personal value (a reason is the owner's note about that value).
spi::Statement scrub_block_reasons = {
    "UPDATE customer_identity.blocked_identifier b"
    " SET reason = customer_identity.erased_text(b.reason, $2::pg_catalog.text[])"
    " WHERE b.tenant_id OPERATOR(pg_catalog.=) $1 AND b.reason IS NOT NULL"
    " AND " CI_MENTIONS("b.reason"),
    3,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

spi::Statement record_erasure = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, method, detail)"
    " VALUES ($1, 'erased', $2, 'erase_customer', pg_catalog.jsonb_build_object("
    "  'customers', $3::pg_catalog.int8[], 'vendors_cleared', $4::pg_catalog.int8[],"
    "  'events_scrubbed', $5::pg_catalog.int8, 'claims_scrubbed', $6::pg_catalog.int8,"
    "  'blocked_values_removed', $7::pg_catalog.int8))",
    7,
    {TEXTOID, INT8OID, TEXTARRAYOID, TEXTARRAYOID, INT8OID, INT8OID, INT8OID},
    nullptr};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// The ids as text, for a text[] parameter cast to int8[] in SQL.
std::vector<std::optional<std::string>> as_text(const std::vector<std::int64_t> &ids) {
    std::vector<std::optional<std::string>> out;
    out.reserve(ids.size());
    for (auto id : ids) out.emplace_back(id_text(id));
    return out;
}

// The ids of the merge tree below `root`, in id order.
std::vector<std::int64_t> tree_below(std::int64_t root) {
    spi::Params params;
    params.int8(root);
    const auto rows = spi::run(merge_tree, params);
    std::vector<std::int64_t> ids;
    for (std::uint64_t r = 0; r < rows; ++r) ids.push_back(*spi::int8_at(r, 1));
    return ids;
}

// The identity keys of these customers, as they are now.
std::vector<IdentityKey> keys_of(const std::vector<std::int64_t> &ids) {
    std::vector<IdentityKey> keys;
    for (auto id : ids)
        if (auto record = store::load_customer(id)) add_identity_keys(*record, keys);
    return keys;
}

// Same keys, whatever their order?
bool same_keys(std::vector<IdentityKey> a, std::vector<IdentityKey> b) {
    auto order = [](const IdentityKey &x, const IdentityKey &y) {
        return std::tie(x.kind, x.value) < std::tie(y.kind, y.value);
    };
    std::sort(a.begin(), a.end(), order);
    std::sort(b.begin(), b.end(), order);
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const IdentityKey &x, const IdentityKey &y) {
                          return x.kind == y.kind && x.value == y.value;
                      });
}

// The customers erased together.
struct Person {
    std::string tenant;
    std::int64_t root;               // the active customer (or where the merges end)
    std::vector<std::int64_t> ids;  // the merge tree, root included, in id order
};

// The person the customer is, locked: identity locks of all their identifiers (as a merge
// takes them, so resolutions wait), then the rows in id order, read again under the locks.
Person lock_person(std::int64_t customer_id) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        const auto root = store::follow_merges(customer_id);
        if (!root || !store::load_customer(customer_id))
            throw IdentityError(sqlstate::unknown_id,
                                "customer " + id_text(customer_id) + " does not exist");
        const auto ids = tree_below(root->id);
        const auto keys = keys_of(ids);
        lock_identities_one_by_one(root->tenant, keys);
        spi::Params rows;
        rows.text_array(as_text(ids));
        spi::run(lock_rows, rows);
        // Done when nobody merged, unmerged or changed an identifier meanwhile.
        const auto locked_root = store::follow_merges(customer_id);
        if (locked_root && locked_root->id == root->id && tree_below(root->id) == ids &&
            same_keys(keys_of(ids), keys))
            return {root->tenant, root->id, ids};
    }
    throw IdentityError(sqlstate::serialization_failure,
                        "customers kept changing while being erased", {}, "Retry the transaction.");
}

}  // namespace

bool erasing_audit_payloads() { return erasing; }

std::vector<std::int64_t> erase_customer(std::int64_t customer_id) {
    const Person person = lock_person(customer_id);
    const std::string &tenant = person.tenant;
    const auto id_elements = as_text(person.ids);

    spi::Params who;
    who.text_array(id_elements);
    const auto value_count = spi::run(personal_values, who);
    // The customer rows and their snapshots lose everything whatever its length.  In the
    // payloads: personal, every value of four characters or more, taken out of every payload
    // about them; mentionable, the identifiers (raw and normalized) among those, which find
    // the payloads of other events and claims about them.  Shorter values, and names and
    // metadata searched tenant-wide, would hit other people's words and the payloads' ids.
    std::set<std::string> personal_set, mentionable_set;
    auto add = [&](const std::string &value, bool mentionable) {
        if (value.size() < 4) return;
        personal_set.insert(value);
        if (mentionable) mentionable_set.insert(value);
    };
    for (std::uint64_t r = 0; r < value_count; ++r) {
        const std::string value = *spi::text_at(r, 1);
        const std::string kind = *spi::text_at(r, 2);
        const bool identifier = kind == "email" || kind == "phone" || kind == "identifier";
        add(value, identifier);
        // A blocked email or phone has no normalized column, but its normalized spelling is
        // what blocked_identifier and the audit hold.
        const Normalized normal = kind == "email"   ? normalize_email(value)
                                  : kind == "phone" ? normalize_phone(value)
                                                    : Normalized{false, {}, {}};
        if (normal.ok) add(normal.value, true);
    }
    const std::vector<std::optional<std::string>> personal(personal_set.begin(),
                                                           personal_set.end());
    const std::vector<std::optional<std::string>> mentionable(mentionable_set.begin(),
                                                              mentionable_set.end());

    spi::run(erase_rows, who);

    spi::Params vendors;
    vendors.text(tenant).text_array(mentionable);
    const auto cleared_count = spi::run(clear_vendor_emails, vendors);
    std::vector<std::int64_t> cleared;
    for (std::uint64_t r = 0; r < cleared_count; ++r) cleared.push_back(*spi::int8_at(r, 1));

    std::uint64_t events = 0, claims = 0, unblocked = 0;
    if (!personal.empty()) {
        spi::Params scrub;
        scrub.text(tenant).text_array(personal).text_array(mentionable).text_array(id_elements);
        {
            ErasingScope scope;
            events = spi::run(scrub_events, scrub);
        }
        claims = spi::run(scrub_claims, scrub);
        spi::Params blocked;
        blocked.text(tenant).text_array(personal).text_array(mentionable);
        unblocked = spi::run(unblock_values, blocked);
        spi::run(scrub_block_reasons, blocked);
    }

    spi::Params event;
    event.text(tenant)
        .int8(person.root)
        .text_array(id_elements)
        .text_array(as_text(cleared))
        .int8(static_cast<std::int64_t>(events))
        .int8(static_cast<std::int64_t>(claims))
        .int8(static_cast<std::int64_t>(unblocked));
    spi::run(record_erasure, event);
    return person.ids;
}

}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_erase_customer) {
    return entry_guard([&] {
        const auto customer_id = required(int8_arg(fcinfo, 0), "customer_id");
        spi::connect();
        const auto ids = erase_customer(customer_id);
        spi::finish();
        Datum result = (Datum)0;
        pg_call([&] {
            auto *elements = static_cast<Datum *>(palloc(sizeof(Datum) * ids.size()));
            for (std::size_t i = 0; i < ids.size(); ++i) elements[i] = Int64GetDatum(ids[i]);
            result = PointerGetDatum(construct_array(elements, static_cast<int>(ids.size()),
                                                     INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
                                                     TYPALIGN_DOUBLE));
        });
        return result;
    });
}
