// erase_customer: the right to be forgotten (GDPR art. 17 and its peers).
//
// A person is the customer and every customer merged with it (the merge tree: what a
// merge decided is one entity), in its tenant.  Erasure takes the identity locks of all
// their identifiers, so a resolution by any of them waits and then no longer finds them;
// then it removes every personal value of theirs from the extension's tables:
//   customer        name, email, phone, ids, metadata, verification stamps -> NULL / {}
//   vendor          a contact email that is theirs -> NULL (the vendor and its link stay)
//   identity_event  the events about them (any tenant) lose every value of theirs; the
//                   tenant's other events that mention one of their identifiers lose them
//                   too (identity_event_search_idx finds those: no scan of the trail);
//                   their row snapshots in merge events keep ids and structure only
//   identity_claim  claims on them or on their identifiers are scrubbed, and closed if open
//                   (a duplicate claim naming them on either side too)
//   duplicate_key   their blocking keys (hashes of their name, email, phone) are deleted,
//   distinct_person and the pairs recorded as two people with them (a suggestion run of the
//                   tenant and the erasure take turns: neither leaves keys of the erased)
// "Every value of theirs" is every value they ever had, not only the rows' current ones:
// what the events about them recorded of them (a creation's identifiers, row snapshots of
// theirs), the identifiers their claims rested on and the proposals accepted into them, the
// contact email of their linked vendor.  A former identifier that another customer (or an
// unlinked vendor) of the tenant holds now is that one's: it leaves only the events about
// them, never finds other events or vendors.
// An email or phone is theirs by its identity under the tenant's rules (identifier_rules.hpp),
// however it is spelled: each email or phone leaf of a payload erasure reaches is checked
// under those rules, and one whose identity is theirs leaves as it is written.
// Payloads are walked without recursion (jsonb_walk.hpp): a deep value stored by an older
// version cannot stop an erasure.
// Blocked values are the owner's list of values that identify nobody: erasure leaves the
// entries (an application must not unblock a value by erasing someone who typed it); the
// owner's reasons for blocking a value of theirs, and the events that recorded them, lose
// their other values.
// What the application can make it touch beyond the person is bounded by the person's own
// unique identifiers, and recorded: the `erased` event lists the vendors, claims and other
// events it changed (ids only).  What it cannot reach -- WAL, backups, replicas, the server
// log -- is in README.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "erasure.hpp"
#include "write_permits.hpp"
#include "errors.hpp"
#include "event_search.hpp"
#include "flag_scope.hpp"
#include "identifier_rules.hpp"
#include "identity_lock.hpp"
#include "input.hpp"
#include "jsonb_walk.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"
#include "text_array.hpp"
#include "trust.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/array.h"
}

namespace ci {
namespace {

// The most customers one erasure locks: their identity locks (up to four each) stay within
// one transaction's bound of identity locks (identity_lock.hpp).
constexpr std::size_t max_erased_customers = max_identity_locks / 4;

// Values shorter than this (in characters) are taken out of payloads only where a whole
// string equals them, and only in the events about the person: inside longer strings, or
// in other people's events, they cannot be told from other words.
constexpr std::size_t min_searched_length = 4;

// Every customer of the tenant ($2) in the merge tree below the root ($1), the root
// included; at most $3 of them.
spi::Statement merge_tree = {
    "WITH RECURSIVE tree AS (SELECT c.id FROM customer_identity.customer c"
    "   WHERE c.id OPERATOR(pg_catalog.=) $1 AND c.tenant_id OPERATOR(pg_catalog.=) $2"
    " UNION SELECT c.id FROM customer_identity.customer c JOIN tree"
    "   ON c.merged_into OPERATOR(pg_catalog.=) tree.id"
    "   WHERE c.tenant_id OPERATOR(pg_catalog.=) $2)"
    " SELECT id FROM tree LIMIT $3",
    3,
    {INT8OID, TEXTOID, INT8OID},
    nullptr};

// A duplicate-suggestion run of the tenant and an erasure take turns (the run holds this
// lock, exclusive, for its transaction): a run reading the person before the erasure commits
// would otherwise keep blocking keys made of their name, email and phone after it.  Taken
// before any row lock of the erasure's, as the run takes it before reading.  (The run's is in
// suggest_duplicates, extension/customer_identity--0.9.0--0.10.0.sql: one key for both.)
spi::Statement wait_for_duplicate_runs = {
    "SELECT pg_catalog.pg_advisory_xact_lock_shared("
    "pg_catalog.hashtext('customer_identity.suggest_duplicates'), pg_catalog.hashtext($1))",
    1,
    {TEXTOID},
    nullptr};

spi::Statement lock_rows = {
    "SELECT id FROM customer_identity.customer"
    " WHERE id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " AND tenant_id OPERATOR(pg_catalog.=) $2 ORDER BY id FOR UPDATE",
    2,
    {TEXTARRAYOID, TEXTOID},
    nullptr};

// The personal values of the customers, one row each, with what they are: 'email' /
// 'phone' (raw, as typed, and whether the row derived its normalized value from it), the
// identifiers 'email_normalized', 'phone_normalized', 'external_customer_id' and 'user_id'
// (each unique among the tenant's active customers), or 'name'.  (Metadata: metadata_rows.)
spi::Statement personal_values = {
    "SELECT DISTINCT v.value, v.kind, v.derived"
    " FROM customer_identity.customer c, LATERAL ("
    "   SELECT x.value, x.kind, x.derived FROM (VALUES (c.name, 'name', false),"
    "     (c.email, 'email', c.email_normalized IS NOT NULL),"
    "     (c.email_normalized, 'email_normalized', true),"
    "     (c.phone, 'phone', c.phone_normalized IS NOT NULL),"
    "     (c.phone_normalized, 'phone_normalized', true),"
    "     (c.external_customer_id, 'external_customer_id', true),"
    "     (c.user_id, 'user_id', true)) AS x(value, kind, derived)) v"
    " WHERE c.id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " AND c.tenant_id OPERATOR(pg_catalog.=) $2"
    " AND v.value IS NOT NULL AND pg_catalog.btrim(v.value) OPERATOR(pg_catalog.<>) ''"
    " ORDER BY 1, 2",
    2,
    {TEXTARRAYOID, TEXTOID},
    nullptr};

// The customers' metadata, walked in C++ (its string leaves are personal values).
spi::Statement metadata_rows = {
    "SELECT c.metadata FROM customer_identity.customer c"
    " WHERE c.id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " AND c.tenant_id OPERATOR(pg_catalog.=) $2"
    " AND c.metadata OPERATOR(pg_catalog.<>) '{}'::pg_catalog.jsonb",
    2,
    {TEXTARRAYOID, TEXTOID},
    nullptr};

// Where values they had before may be: $1 their ids.  Rows of (source, about, payload,
// kind, value): the events about them (payloads: a creation's identifiers, row snapshots),
// the proposals of claims accepted into them, the identifiers their claims rested on, the
// contact emails of their linked vendors.
spi::Statement former_sources = {
    "SELECT e.event_type, e.customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[]),"
    "  e.detail, NULL::pg_catalog.text, NULL::pg_catalog.text"
    " FROM customer_identity.identity_event e"
    " WHERE e.customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    "  OR e.other_customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " UNION ALL SELECT 'accepted_claim', true, c.proposal, NULL, NULL"
    " FROM customer_identity.identity_claim c"
    " WHERE c.result_customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    "  AND c.status OPERATOR(pg_catalog.=) 'accepted'"
    " UNION ALL SELECT 'claim', true, NULL, c.identifier, c.value"
    " FROM customer_identity.identity_claim c"
    " WHERE c.customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " UNION ALL SELECT 'vendor', true, NULL, 'email', v.primary_contact_email"
    " FROM customer_identity.vendor v"
    " WHERE v.customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    "  AND v.primary_contact_email IS NOT NULL",
    1,
    {TEXTARRAYOID},
    nullptr};

// Does a customer of the tenant ($1) other than theirs ($3), active or archived, hold the
// value ($2) of this column now?  (One form per partial index.)
#define CI_HELD_BY_OTHERS(column)                                            \
    {                                                                        \
        "SELECT EXISTS (SELECT 1 FROM customer_identity.customer c"          \
        " WHERE c.tenant_id OPERATOR(pg_catalog.=) $1 AND c." column         \
        " OPERATOR(pg_catalog.=) $2"                                         \
        " AND c.archived_at IS NULL"                                         \
        " AND NOT c.id OPERATOR(pg_catalog.=) ANY ($3::pg_catalog.int8[]))"  \
        " OR EXISTS (SELECT 1 FROM customer_identity.customer c"             \
        " WHERE c.tenant_id OPERATOR(pg_catalog.=) $1 AND c." column         \
        " OPERATOR(pg_catalog.=) $2"                                         \
        " AND c.archived_at IS NOT NULL"                                     \
        " AND NOT c.id OPERATOR(pg_catalog.=) ANY ($3::pg_catalog.int8[]))", \
            3, {TEXTOID, TEXTOID, TEXTARRAYOID}, nullptr                     \
    }

spi::Statement email_held = CI_HELD_BY_OTHERS("email_normalized");
spi::Statement phone_held = CI_HELD_BY_OTHERS("phone_normalized");
spi::Statement external_id_held = CI_HELD_BY_OTHERS("external_customer_id");
spi::Statement user_id_held = CI_HELD_BY_OTHERS("user_id");

// A vendor of the tenant ($1) not linked to them ($3) with the contact email ($2).
spi::Statement email_held_by_vendor = {
    "SELECT EXISTS (SELECT 1 FROM customer_identity.vendor v"
    " WHERE v.tenant_id OPERATOR(pg_catalog.=) $1"
    " AND v.primary_contact_email_normalized OPERATOR(pg_catalog.=) $2"
    " AND (v.customer_id IS NULL OR NOT v.customer_id OPERATOR(pg_catalog.=) ANY "
    "($3::pg_catalog.int8[])))",
    3,
    {TEXTOID, TEXTOID, TEXTARRAYOID},
    nullptr};

spi::Statement erase_rows = {
    "UPDATE customer_identity.customer SET name = NULL, email = NULL, phone = NULL,"
    " external_customer_id = NULL, user_id = NULL, metadata = '{}',"
    " email_verified_at = NULL, phone_verified_at = NULL"
    " WHERE id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    " AND tenant_id OPERATOR(pg_catalog.=) $2",
    2,
    {TEXTARRAYOID, TEXTOID},
    nullptr};

// Their blocking keys (made of their name, email and phone) and the pairs recorded as two
// people with them: suggest_duplicates holds nothing of theirs after an erasure.
spi::Statement erase_duplicate_keys = {
    "DELETE FROM customer_identity.duplicate_key"
    " WHERE customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])",
    1,
    {TEXTARRAYOID},
    nullptr};
spi::Statement erase_distinct_pairs = {
    "DELETE FROM customer_identity.distinct_person"
    " WHERE customer_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])"
    "  OR other_id OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.int8[])",
    1,
    {TEXTARRAYOID},
    nullptr};

// $1 tenant, $2 their emails (normalized): vendors whose contact email is one of them, by
// its normalized value or, where that is missing, as typed.
spi::Statement clear_vendor_emails = {
    "UPDATE customer_identity.vendor v SET primary_contact_email = NULL"
    " WHERE v.tenant_id OPERATOR(pg_catalog.=) $1 AND v.primary_contact_email IS NOT NULL"
    " AND (v.primary_contact_email_normalized OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.text[])"
    "  OR pg_catalog.lower(pg_catalog.btrim(v.primary_contact_email)) OPERATOR(pg_catalog.=) ANY"
    "   ($2::pg_catalog.text[]))"
    " RETURNING v.id",
    2,
    {TEXTOID, TEXTARRAYOID},
    nullptr};

// The tenant's other events that name one of their identifiers (payload_mentions, on the
// events the index gives): $1 tenant, $3 their identifiers, $4 ids erased, $6 their emails
// and phones as typed and normalized, other_events the index's condition (scrub_events).
#define CI_OTHERS(other_events)                                                              \
    " FROM customer_identity.identity_event e"                                               \
    "  WHERE e.tenant_id OPERATOR(pg_catalog.=) $1" other_events                             \
    "    AND (e.customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])) IS NOT TRUE" \
    "    AND (e.other_customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[]))"       \
    " IS NOT TRUE"                                                                           \
    "    AND e.event_type OPERATOR(pg_catalog.<>) 'identifier_blocked'"                      \
    "    AND customer_identity.payload_mentions(e.detail, $1, $3::pg_catalog.text[],"        \
    "      $6::pg_catalog.text[])"

// The claims on them, accepted into them, or resting on one of their identifiers (the same
// kind and value): $1 tenant, $3 their identifiers, $4 ids erased.
#define CI_CLAIMS_OF_THEM                                                                 \
    " WHERE (c.customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"            \
    "  OR c.result_customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"        \
    "  OR (c.kind OPERATOR(pg_catalog.=) 'duplicate' AND (c.proposal->>'other_id')"        \
    "   ::pg_catalog.int8 OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[]))"             \
    "  OR (c.tenant_id OPERATOR(pg_catalog.=) $1"                                         \
    "   AND (c.identifier OPERATOR(pg_catalog.||) '_normalized:' OPERATOR(pg_catalog.||)" \
    " c.value) OPERATOR(pg_catalog.=) ANY ($3::pg_catalog.text[])))"

// $1 tenant, $2 personal values (searched inside strings), $3 their identifiers as
// 'kind:value', $4 ids erased, $5 every value of theirs (whole strings only), $6 their
// emails and phones as typed and normalized, $7 the keys of $3 and $6 in
// identity_event_search_idx (event_search.hpp), $8 the values of $2 nobody else holds.  The
// events about them, in any tenant, lose every value of theirs; the tenant's other events
// that name one of their identifiers (payload_mentions, on the events the index gives) lose
// $8.  Returns each event changed and whether it was about them.
#define CI_SCRUB_EVENTS(other_events)                                                              \
    {                                                                                              \
        "WITH touched AS ("                                                                        \
        "  SELECT e.id, true AS about, customer_identity.erased_jsonb(e.detail, "                  \
        "$2::pg_catalog.text[],"                                                                   \
        "    $4::pg_catalog.int8[]::pg_catalog.text[], $5::pg_catalog.text[]) AS detail"           \
        "   FROM customer_identity.identity_event e"                                               \
        "  WHERE e.customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"                 \
        "     OR e.other_customer_id OPERATOR(pg_catalog.=) ANY ($4::pg_catalog.int8[])"           \
        "  UNION ALL"                                                                              \
        "  SELECT e.id, false, customer_identity.erased_jsonb(e.detail, $8::pg_catalog.text[],"    \
        "    $4::pg_catalog.int8[]::pg_catalog.text[], '{}')" CI_OTHERS(other_events) ")"          \
        " UPDATE customer_identity.identity_event e SET detail = t.detail FROM touched t"          \
        " WHERE e.id OPERATOR(pg_catalog.=) t.id AND e.detail OPERATOR(pg_catalog.<>) t.detail"    \
        " RETURNING e.id, t.about",                                                                \
            8, {TEXTOID,      TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,                            \
                TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID},                           \
            nullptr                                                                                \
    }

// Which other events: through the index, what their payloads' keys share with $7; or every
// event of the tenant, for a shaped value that gives no key ($7 is then empty and unused).
#define CI_EVENTS_BY_INDEX                                                   \
    " AND customer_identity.event_search_keys(e.tenant_id, e.detail)"        \
    " OPERATOR(pg_catalog.&&) $7::pg_catalog.int8[]"
#define CI_EVENTS_BY_SCAN " AND $7 IS NOT NULL"

spi::Statement scrub_events = CI_SCRUB_EVENTS(CI_EVENTS_BY_INDEX);
spi::Statement scrub_events_scanning = CI_SCRUB_EVENTS(CI_EVENTS_BY_SCAN);

// Claims on the customers, or resting on one of their identifiers (the same kind and
// value): scrubbed, and closed if open.  (Parameters as for scrub_events.)  Returns their ids.
spi::Statement scrub_claims = {
    "UPDATE customer_identity.identity_claim c SET"
    " proposal = customer_identity.erased_jsonb(c.proposal, $2::pg_catalog.text[],"
    "   $4::pg_catalog.int8[]::pg_catalog.text[], $5::pg_catalog.text[]),"
    " value = CASE WHEN c.value OPERATOR(pg_catalog.=) ANY ($5::pg_catalog.text[]) THEN '***'"
    "   ELSE customer_identity.erased_text(c.value, $2::pg_catalog.text[]) END,"
    " decision_note = CASE WHEN c.status OPERATOR(pg_catalog.=) 'open'"
    "   THEN 'closed: the customer was erased'"
    "   ELSE customer_identity.erased_text(c.decision_note, $2::pg_catalog.text[]) END,"
    " status = CASE WHEN c.status OPERATOR(pg_catalog.=) 'open' THEN 'rejected' ELSE c.status END,"
    " decided_at = COALESCE(c.decided_at, pg_catalog.clock_timestamp()),"
    " decided_by = COALESCE(c.decided_by, customer_identity.caller()),"
    " claim_key = NULL"  // (a hash of identifiers is theirs too: a guess confirms it)
    CI_CLAIMS_OF_THEM " RETURNING c.id",
    8,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,
     TEXTARRAYOID},
    nullptr};

// The payloads scrub_claims and scrub_events will reach that read_former_values has not
// read, with whether each is another's (parameters as scrub_events', $2, $5 and $8 unused):
// the proposals of the claims, the tenant's other events.  Erasure reads their email and
// phone leaves for the spellings of their identifiers.
#define CI_SPELLING_SOURCES(other_events)                                                          \
    {                                                                                              \
        "SELECT false, c.proposal FROM customer_identity.identity_claim c" CI_CLAIMS_OF_THEM       \
        " AND c.proposal IS NOT NULL"                                                              \
        " UNION ALL SELECT true, e.detail" CI_OTHERS(other_events),                                \
            8, {TEXTOID,      TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,                            \
                TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID},                           \
            nullptr                                                                                \
    }

spi::Statement spelling_sources = CI_SPELLING_SOURCES(CI_EVENTS_BY_INDEX);
spi::Statement spelling_sources_scanning = CI_SPELLING_SOURCES(CI_EVENTS_BY_SCAN);

// $1 tenant, $2 their blocked values as 'kind:value', $3 searched values other than the
// blocked ones: the reasons the owner gave for blocking a value of theirs (in the entry and
// in the event that recorded it) lose those values; the entry and its value stay.
spi::Statement scrub_block_reasons = {
    "UPDATE customer_identity.blocked_identifier b"
    " SET reason = customer_identity.erased_text(b.reason, $3::pg_catalog.text[])"
    " WHERE b.tenant_id OPERATOR(pg_catalog.=) $1 AND b.reason IS NOT NULL"
    " AND (b.identifier OPERATOR(pg_catalog.||) ':' OPERATOR(pg_catalog.||) b.value)"
    "   OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.text[])"
    " AND b.reason OPERATOR(pg_catalog.<>) customer_identity.erased_text(b.reason, "
    "$3::pg_catalog.text[])",
    3,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

spi::Statement scrub_block_events = {
    "UPDATE customer_identity.identity_event e SET detail = e.detail OPERATOR(pg_catalog.||)"
    "  pg_catalog.jsonb_build_object('reason', customer_identity.erased_text("
    "   e.detail OPERATOR(pg_catalog.->>) 'reason', $3::pg_catalog.text[]))"
    " WHERE e.tenant_id OPERATOR(pg_catalog.=) $1"
    " AND e.event_type OPERATOR(pg_catalog.=) 'identifier_blocked'"
    " AND ((e.detail OPERATOR(pg_catalog.->>) 'identifier') OPERATOR(pg_catalog.||) ':'"
    "   OPERATOR(pg_catalog.||) (e.detail OPERATOR(pg_catalog.->>) 'value'))"
    "   OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.text[])"
    " AND (e.detail OPERATOR(pg_catalog.->>) 'reason') OPERATOR(pg_catalog.<>)"
    "   customer_identity.erased_text(e.detail OPERATOR(pg_catalog.->>) 'reason', "
    "$3::pg_catalog.text[])",
    3,
    {TEXTOID, TEXTARRAYOID, TEXTARRAYOID},
    nullptr};

spi::Statement record_erasure = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, method, detail)"
    " VALUES ($1, 'erased', $2, 'erase_customer', pg_catalog.jsonb_build_object("
    "  'customers', $3::pg_catalog.int8[], 'vendors_cleared', $4::pg_catalog.int8[],"
    "  'events_scrubbed', $5::pg_catalog.int8, 'other_events_scrubbed', $6::pg_catalog.int8[],"
    "  'claims_scrubbed', $7::pg_catalog.int8[], 'block_reasons_scrubbed', $8::pg_catalog.int8))",
    8,
    {TEXTOID, INT8OID, TEXTARRAYOID, TEXTARRAYOID, INT8OID, TEXTARRAYOID, TEXTARRAYOID, INT8OID},
    nullptr};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// The ids as text, for a text[] parameter cast to int8[] in SQL.
std::vector<std::optional<std::string>> as_text(const std::vector<std::int64_t> &ids) {
    std::vector<std::optional<std::string>> out;
    out.reserve(ids.size());
    for (auto id : ids) out.emplace_back(id_text(id));
    return out;
}

// The ids of the tenant's merge tree below `root`, in id order (54000 past the bound).
std::vector<std::int64_t> tree_below(const std::string &tenant, std::int64_t root) {
    spi::Params params;
    params.int8(root).text(tenant).int8(static_cast<std::int64_t>(max_erased_customers) + 1);
    const auto rows = spi::run(merge_tree, params);
    if (rows > max_erased_customers)
        throw IdentityError(sqlstate::too_many,
                            "customer " + id_text(root) + " has more than " +
                                std::to_string(max_erased_customers) +
                                " customers merged into it to erase at once",
                            {}, "Unmerge some of them, erase each, then erase this one.");
    std::vector<std::int64_t> ids;
    for (std::uint64_t r = 0; r < rows; ++r) ids.push_back(*spi::int8_at(r, 1));
    std::sort(ids.begin(), ids.end());
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
    std::int64_t root;              // the active customer (or where the merges end)
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
        const auto ids = tree_below(root->tenant, root->id);
        // (Only rows older versions let through merge across tenants; check_integrity
        // lists them.)
        if (!std::binary_search(ids.begin(), ids.end(), customer_id))
            throw IdentityError(
                sqlstate::tenant_mismatch,
                "customer " + id_text(customer_id) + " is merged into a customer of another tenant",
                {}, "SELECT * FROM customer_identity.check_integrity() lists it.");
        spi::run(wait_for_duplicate_runs, spi::Params().text(root->tenant));
        const auto keys = keys_of(ids);
        lock_identities(root->tenant, keys);
        spi::Params rows;
        rows.text_array(as_text(ids)).text(root->tenant);
        spi::run(lock_rows, rows);
        // Done when nobody merged, unmerged or changed an identifier meanwhile.
        const auto locked_root = store::follow_merges(customer_id);
        if (locked_root && locked_root->id == root->id &&
            tree_below(root->tenant, root->id) == ids && same_keys(keys_of(ids), keys))
            return {root->tenant, root->id, ids};
    }
    throw IdentityError(sqlstate::serialization_failure,
                        "customers kept changing while being erased", {}, "Retry the transaction.");
}

// Characters (code points) in UTF-8 text.
std::size_t characters(const std::string &text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// The values erasure takes out of payloads.
struct PersonalValues {
    std::set<std::string> whole;           // every value: a string equal to one goes
    std::set<std::string> searched;        // long enough to be searched inside strings
    std::set<std::string> identifiers;     // 'kind:value' of the identifiers unique to them in
                                           // the tenant: these find other payloads and claims
    std::set<std::string> shaped;          // their emails and phones, as typed and normalized,
                                           // searched in the free text of other payloads
    std::set<std::string> emails;          // their normalized emails (vendor contacts)
    std::set<std::string> blocked;         // their values on the blocked list, 'kind:value'
    std::set<std::string> blocked_values;  // the same values alone
    std::set<std::string> held;            // former values someone else holds now: only the events
                                           // about them lose these
    std::set<std::string> held_identifiers;  // 'kind:value' of those held identifiers
    // The email and phone leaves of the payloads about them read so far, to be checked for
    // spellings of their identifiers once every identifier of theirs is known.
    std::vector<std::pair<std::string, std::string>> leaves;  // (kind, value as written)

    // A value of theirs: whole, and searched when long enough.
    void add(const std::string &value) {
        whole.insert(value);
        if (characters(value) >= min_searched_length) searched.insert(value);
    }
    // The searched values other people's events lose.
    std::set<std::string> searched_in_others() const {
        std::set<std::string> out;
        for (const auto &value : searched)
            if (!held.count(value)) out.insert(value);
        return out;
    }
};

// The identity of a raw email or phone under the tenant's rules: the one the rows derive.
Normalized identity_of(const std::string &tenant, bool email, std::string_view raw) {
    const identifier_rules::Rules &rules = identifier_rules::rules_of(tenant);
    return email ? identifier_rules::email_identity(rules, raw)
                 : identifier_rules::phone_identity(rules, raw);
}

bool held_by_others(const Person &person, const std::string &kind, const std::string &value);
bool add_identifier(const Person &person, PersonalValues &values, const std::string &kind,
                    const std::string &identifier);

// Reads the personal values of the customers (needs the rows, so before erase_rows).
PersonalValues read_personal_values(const Person &person) {
    spi::Params who;
    who.text_array(as_text(person.ids)).text(person.tenant);
    const auto rows = spi::run(personal_values, who);
    PersonalValues values;
    std::vector<std::pair<std::string, std::string>> raw_derived;  // ('email'/'phone', raw)
    for (std::uint64_t r = 0; r < rows; ++r) {
        const std::string value = *spi::text_at(r, 1);
        const std::string kind = *spi::text_at(r, 2);
        const bool derived = spi::bool_at(r, 3);
        values.add(value);
        const bool email = kind == "email" || kind == "email_normalized";
        const bool phone = kind == "phone" || kind == "phone_normalized";
        if (kind == "email_normalized" || kind == "phone_normalized" ||
            kind == "external_customer_id" || kind == "user_id")
            values.identifiers.insert(kind + ":" + value);
        if ((email || phone) && derived && characters(value) >= min_searched_length)
            values.shaped.insert(value);
        if (kind == "email_normalized") values.emails.insert(value);
        if ((kind == "email" || kind == "phone") && derived) raw_derived.emplace_back(kind, value);
        if ((kind == "email" || kind == "phone") && !derived) {
            // A raw value that derived nothing is malformed or blocked.  A blocked one's
            // identity is what the blocked list and their own events hold.
            const Normalized normal = identity_of(person.tenant, email, value);
            if (!normal.ok) continue;
            values.add(normal.value);
            values.blocked.insert(kind + ":" + normal.value);
            values.blocked_values.insert(normal.value);
        }
    }
    const auto metadata = spi::run(metadata_rows, who);
    for (std::uint64_t r = 0; r < metadata; ++r)
        if (const auto datum = spi::datum_at(r, 1))
            for (const auto &leaf : jsonb::string_leaves(*datum))
                if (!is_blank(leaf.value)) values.add(leaf.value);
    // A row derived under other rules (or library versions) than the tenant's now holds a
    // stale identity until reconcile re-derives it: the identity its raw value has now is
    // theirs too, unless someone else holds it.  (The probes run statements of their own:
    // the results above are read by now.)
    for (const auto &[kind, raw] : raw_derived) {
        const Normalized now = identity_of(person.tenant, kind == "email", raw);
        if (now.ok) add_identifier(person, values, kind + "_normalized", now.value);
    }
    return values;
}

// Does someone else of the tenant hold the identifier ('kind:value') now?
bool held_by_others(const Person &person, const std::string &kind, const std::string &value) {
    spi::Statement *stmt = kind == "email_normalized"       ? &email_held
                           : kind == "phone_normalized"     ? &phone_held
                           : kind == "external_customer_id" ? &external_id_held
                                                            : &user_id_held;
    spi::Params params;
    params.text(person.tenant).text(value).text_array(as_text(person.ids));
    if (spi::run(*stmt, params, 1) == 1 && spi::bool_at(0, 1)) return true;
    if (kind != "email_normalized") return false;
    return spi::run(email_held_by_vendor, params, 1) == 1 && spi::bool_at(0, 1);
}

// Adds an identifier of theirs ('kind' as in personal_values, the value as the rows hold it)
// to those that find other payloads and claims, unless someone else of the tenant holds it
// now: then it is only theirs in the events about them.  Returns false when it is held.
bool add_identifier(const Person &person, PersonalValues &values, const std::string &kind,
                    const std::string &identifier) {
    const std::string key = kind + ":" + identifier;
    if (values.identifiers.count(key)) return true;
    if (values.held_identifiers.count(key)) return false;
    values.add(identifier);
    if (held_by_others(person, kind, identifier)) {
        values.held.insert(identifier);
        values.held_identifiers.insert(key);
        return false;
    }
    values.identifiers.insert(key);
    if (kind == "email_normalized" || kind == "phone_normalized") {
        if (characters(identifier) >= min_searched_length) values.shaped.insert(identifier);
    }
    if (kind == "email_normalized") values.emails.insert(identifier);
    return true;
}

// A value they had before (kind as in personal_values, or 'metadata'), added to what
// erasure takes out.  An identifier nobody else holds now still finds other payloads.
void add_former(const Person &person, PersonalValues &values, const std::string &kind,
                const std::string &value) {
    if (is_blank(value)) return;
    values.add(value);
    std::string identifier_kind = kind;
    std::string identifier = value;
    if (kind == "email" || kind == "email_normalized" || kind == "phone" ||
        kind == "phone_normalized") {
        const bool email = kind.rfind("email", 0) == 0;
        const Normalized normal = identity_of(person.tenant, email, value);
        if (!normal.ok) return;
        identifier_kind = email ? "email_normalized" : "phone_normalized";
        identifier = normal.value;
    } else if (kind != "external_customer_id" && kind != "user_id") {
        return;  // a name or a metadata value: searched, never an identifier
    }
    if (values.identifiers.count(identifier_kind + ":" + identifier)) {
        values.add(identifier);
        return;
    }
    if (!add_identifier(person, values, identifier_kind, identifier)) {
        values.held.insert(value);
        return;
    }
    if ((identifier_kind == "email_normalized" || identifier_kind == "phone_normalized") &&
        characters(value) >= min_searched_length)
        values.shaped.insert(value);
}

// The member keys whose values are a customer's own in a creation's record, an accepted
// claim's proposal or a row snapshot.
bool personal_key(const std::optional<std::string> &key) {
    static const std::set<std::string> keys = {
        "name",   "email", "email_normalized", "phone", "phone_normalized", "external_customer_id",
        "user_id"};
    return key && keys.count(*key);
}

// Adds every value they had before that is still stored: in the events about them, their
// claims and their linked vendors (before erase_rows, which records nothing).
void read_former_values(const Person &person, PersonalValues &values) {
    struct Former {
        std::string kind, value;
    };
    std::vector<Former> found;
    spi::Params who;
    who.text_array(as_text(person.ids));
    const auto rows = spi::run(former_sources, who);
    std::set<std::string> ids;
    for (auto id : person.ids) ids.insert(id_text(id));
    for (std::uint64_t r = 0; r < rows; ++r) {
        const std::string source = *spi::text_at(r, 1);
        const bool about = spi::bool_at(r, 2);
        if (const auto payload = spi::datum_at(r, 3)) {
            // A creation's identifiers and an accepted proposal are top-level members.
            const bool top_level = about && (source == "created" || source == "accepted_claim");
            for (auto &leaf : jsonb::string_leaves(*payload)) {
                const auto kind = event_search::identifier_kind(leaf.key);
                if (kind == "email" || kind == "phone")
                    values.leaves.emplace_back(*kind, leaf.value);
                if (leaf.snapshot_id && ids.count(*leaf.snapshot_id)) {
                    // A row snapshot of theirs: its personal columns, its metadata's strings.
                    if (leaf.snapshot_column == "metadata")
                        found.push_back({"metadata", std::move(leaf.value)});
                    else if (personal_key(leaf.snapshot_column) && leaf.key == leaf.snapshot_column)
                        found.push_back({*leaf.key, std::move(leaf.value)});
                } else if (top_level && !leaf.snapshot_id && leaf.depth == 1 &&
                           personal_key(leaf.key)) {
                    found.push_back({*leaf.key, std::move(leaf.value)});
                }
            }
        } else if (auto value = spi::text_at(r, 5)) {
            found.push_back({spi::text_at(r, 4).value_or(""), std::move(*value)});
        }
    }
    // (The probes below run statements of their own: the result above is read by now.)
    for (const auto &f : found) add_former(person, values, f.kind, f.value);
}

// Adds the spellings of their identifiers among email and phone leaves (kind, value as
// written): a leaf whose identity under the tenant's rules is one of theirs is theirs as it
// is written, and erased_jsonb takes out values, not identities.  In the tenant's other
// events (others) only an identifier nobody else holds makes a leaf theirs; in the events
// about them and in the claims scrub_claims reaches, a held or blocked one of theirs too.
void add_spellings(const Person &person, PersonalValues &values,
                   const std::vector<std::pair<std::string, std::string>> &leaves, bool others) {
    for (const auto &[kind, raw] : leaves) {
        // (The spelling without the whitespace no identity keeps: inside a longer string the
        // text around it stays.)
        const std::string value(trim_space(raw));
        if (value.empty() || values.whole.count(value)) continue;
        const Normalized identity = identity_of(person.tenant, kind == "email", value);
        if (!identity.ok) continue;
        const std::string key = kind + "_normalized:" + identity.value;
        if (values.identifiers.count(key)) {
            values.add(value);
        } else if (others) {
            continue;
        } else if (values.held_identifiers.count(key)) {
            values.add(value);
            values.held.insert(value);
        } else if (values.blocked.count(kind + ":" + identity.value)) {
            values.add(value);
            values.blocked_values.insert(value);
        }
    }
}

// As a text[] parameter.
std::vector<std::optional<std::string>> elements(const std::set<std::string> &values) {
    return {values.begin(), values.end()};
}

// The parameters of scrub_events, scrub_claims and spelling_sources.
spi::Params scrub_params(const Person &person, const PersonalValues &values,
                         const std::vector<std::optional<std::string>> &keys) {
    spi::Params scrub;
    scrub.text(person.tenant)
        .text_array(elements(values.searched))
        .text_array(elements(values.identifiers))
        .text_array(as_text(person.ids))
        .text_array(elements(values.whole))
        .text_array(elements(values.shaped))
        .text_array(keys)
        .text_array(elements(values.searched_in_others()));
    return scrub;
}

// Adds the spellings of their identifiers in the payloads scrub_claims and scrub_events will
// reach beyond those read_former_values read: each leaf is checked under the tenant's rules
// (the index and payload_mentions find the events; a leaf of them is theirs only if its
// identity is).
void read_spellings(const Person &person, PersonalValues &values,
                    const std::vector<std::optional<std::string>> &keys, bool indexed) {
    add_spellings(person, values, values.leaves, false);
    std::vector<std::pair<std::string, std::string>> claims, others;
    const auto rows = spi::run(indexed ? spelling_sources : spelling_sources_scanning,
                               scrub_params(person, values, keys));
    for (std::uint64_t r = 0; r < rows; ++r) {
        auto &into = spi::bool_at(r, 1) ? others : claims;
        if (const auto payload = spi::datum_at(r, 2))
            for (const auto &leaf : jsonb::string_leaves(*payload)) {
                const auto kind = event_search::identifier_kind(leaf.key);
                if (kind == "email" || kind == "phone") into.emplace_back(*kind, leaf.value);
            }
    }
    add_spellings(person, values, claims, false);
    add_spellings(person, values, others, true);
}

// The first column of the result, as int8 ids.
std::vector<std::int64_t> ids_returned(std::uint64_t rows) {
    std::vector<std::int64_t> ids;
    for (std::uint64_t r = 0; r < rows; ++r) ids.push_back(*spi::int8_at(r, 1));
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

std::vector<std::int64_t> erase_customer(std::int64_t customer_id) {
    const Person person = lock_person(customer_id);
    const std::string &tenant = person.tenant;
    const auto id_elements = as_text(person.ids);
    PersonalValues values = read_personal_values(person);
    read_former_values(person, values);

    // The tenant's other events that may name them come from the index, unless a shaped
    // value gives no key.
    const std::vector<std::string> identifiers(values.identifiers.begin(),
                                               values.identifiers.end());
    const std::vector<std::string> shaped(values.shaped.begin(), values.shaped.end());
    const auto keys = event_search::query_keys(tenant, identifiers, shaped);
    std::vector<std::optional<std::string>> key_elements;
    if (keys)
        for (auto key : *keys) key_elements.emplace_back(std::to_string(key));
    // (The spellings are values, never identifiers: the events and claims reached stay the
    // same.)
    read_spellings(person, values, key_elements, keys.has_value());

    spi::Params rows;
    rows.text_array(id_elements).text(tenant);
    spi::run(erase_rows, rows);
    spi::Params ids;
    ids.text_array(id_elements);
    spi::run(erase_duplicate_keys, ids);
    spi::run(erase_distinct_pairs, ids);

    spi::Params vendors;
    vendors.text(tenant).text_array(elements(values.emails));
    const auto cleared = ids_returned(spi::run(clear_vendor_emails, vendors));

    const spi::Params scrub = scrub_params(person, values, key_elements);
    std::int64_t about_them = 0;
    std::vector<std::int64_t> other_events;
    {
        FlagScope scope(write_permits::erasing());
        const auto changed = spi::run(keys ? scrub_events : scrub_events_scanning, scrub);
        for (std::uint64_t r = 0; r < changed; ++r) {
            if (spi::bool_at(r, 2))
                ++about_them;
            else
                other_events.push_back(*spi::int8_at(r, 1));
        }
    }
    std::sort(other_events.begin(), other_events.end());
    const auto claims = ids_returned(spi::run(scrub_claims, scrub));

    std::set<std::string> reason_values;
    for (const auto &value : values.searched)
        if (!values.blocked_values.count(value)) reason_values.insert(value);
    spi::Params blocks;
    blocks.text(tenant).text_array(elements(values.blocked)).text_array(elements(reason_values));
    std::int64_t reasons = static_cast<std::int64_t>(spi::run(scrub_block_reasons, blocks));
    {
        FlagScope scope(write_permits::erasing());
        reasons += static_cast<std::int64_t>(spi::run(scrub_block_events, blocks));
    }

    spi::Params event;
    event.text(tenant)
        .int8(person.root)
        .text_array(id_elements)
        .text_array(as_text(cleared))
        .int8(about_them)
        .text_array(as_text(other_events))
        .text_array(as_text(claims))
        .int8(reasons);
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
            result =
                PointerGetDatum(construct_array(elements, static_cast<int>(ids.size()), INT8OID,
                                                sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
        });
        return result;
    });
}

namespace {

// A text[] argument's elements (NULL elements skipped; a NULL array is empty).
std::vector<std::string> text_array_arg(FunctionCallInfo fcinfo, int index) {
    std::vector<std::string> out;
    if (PG_ARGISNULL(index)) return out;
    ArrayType *array = nullptr;
    pg_call([&] { array = PG_GETARG_ARRAYTYPE_P(index); });
    each_text_element(array, [&](std::optional<std::string_view> element) {
        if (element) out.emplace_back(*element);
    });
    return out;
}

}  // namespace

// erased_jsonb(value, personal, erased_ids, whole): the payload without the person's values
// (the rules are the 0.7.0 function's; the walk keeps its own stack).
CI_SQL_FUNCTION(ci_erased_jsonb) {
    return entry_guard([&]() -> Datum {
        if (PG_ARGISNULL(0)) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        jsonb::Erasure erasure{text_array_arg(fcinfo, 1), text_array_arg(fcinfo, 2),
                               text_array_arg(fcinfo, 3)};
        Datum personal = (Datum)0;
        if (PG_ARGISNULL(1))
            pg_call([&] { personal = PointerGetDatum(construct_empty_array(TEXTOID)); });
        else
            personal = PG_GETARG_DATUM(1);
        return jsonb::erased(PG_GETARG_DATUM(0), erasure, personal);
    });
}

// payload_mentions(payload, tenant_id, identifiers, shaped, key): does the payload name one
// of the identifiers?  (The 0.7.0 function's rules, without its recursion: a string under a
// key named for a kind is compared whole as that kind -- an email or phone by its identity
// under the tenant's rules --, any other string is searched for the shaped values; array
// elements take their array's key.)
CI_SQL_FUNCTION(ci_payload_mentions) {
    return entry_guard([&]() -> Datum {
        if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) return BoolGetDatum(false);
        const std::string tenant = *text_arg(fcinfo, 1);
        const auto list = text_array_arg(fcinfo, 2);
        const std::set<std::string> identifiers(list.begin(), list.end());
        std::vector<std::string> shaped;
        for (const auto &value : text_array_arg(fcinfo, 3))
            if (!value.empty()) shaped.push_back(event_search::lower_text(value));
        const auto outer_key = text_arg(fcinfo, 4);
        for (const auto &leaf : jsonb::string_leaves(PG_GETARG_DATUM(0))) {
            const auto kind = event_search::identifier_kind(leaf.key ? leaf.key : outer_key);
            if (kind == "email" || kind == "phone") {
                const bool email = kind == "email";
                const Normalized normal = identity_of(tenant, email, leaf.value);
                if (!normal.ok) continue;
                const std::optional<std::string> value(normal.value);
                const auto &derived = trust::unless_blocked(
                    tenant, email ? Identifier::email : Identifier::phone, value);
                if (derived && identifiers.count(*kind + "_normalized:" + *derived))
                    return BoolGetDatum(true);
            } else if (kind) {
                if (identifiers.count(*kind + ":" + leaf.value)) return BoolGetDatum(true);
            } else if (!shaped.empty() &&
                       leaf.value.find_first_of("@0123456789") != std::string::npos) {
                // (Every shaped value holds an '@' or digits, which lower() leaves alone.)
                const std::string low = event_search::lower_text(leaf.value);
                for (const auto &value : shaped)
                    if (low.find(value) != std::string::npos) return BoolGetDatum(true);
            }
        }
        return BoolGetDatum(false);
    });
}
