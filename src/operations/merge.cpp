// merge_customers / unmerge_customer (report 003, phase 3).
//
// A merge moves the duplicate's vendor link and clientele to the canonical customer, fills
// what the canonical customer lacks (its own values win), and archives the duplicate,
// whose identifiers stay on it as aliases.  The merge event records the canonical row
// before and after, the duplicate row, and the clientele rows moved or folded, so that
// unmerge can put every one of them back.  Both take the identity locks of every
// identifier involved, so a resolve of any of them waits for them to finish.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "flag_scope.hpp"
#include "identifier_rules.hpp"
#include "identity_lock.hpp"
#include "input.hpp"
#include "invite.hpp"
#include "merge.hpp"
#include "write_permits.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"
#include "survivorship.hpp"
#include "trust.hpp"
#include "vendor_link.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
}

namespace ci {
namespace {

std::string id_text(std::int64_t id) { return std::to_string(id); }

spi::Statement capture_merge = {
    "SELECT pg_catalog.to_jsonb(c)::pg_catalog.text, pg_catalog.to_jsonb(d)::pg_catalog.text,"
    " COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.to_jsonb(vc) ORDER BY vc.vendor_id)"
    "   FROM customer_identity.vendor_customer vc WHERE vc.customer_id OPERATOR(pg_catalog.=) d.id"
    "   AND NOT EXISTS (SELECT 1 FROM customer_identity.vendor_customer x"
    "     WHERE x.customer_id OPERATOR(pg_catalog.=) c.id"
    "     AND x.vendor_id OPERATOR(pg_catalog.=) vc.vendor_id)),"
    "  '[]'::pg_catalog.jsonb)::pg_catalog.text,"
    " COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.to_jsonb(vc) ORDER BY vc.vendor_id)"
    "   FROM customer_identity.vendor_customer vc WHERE vc.customer_id OPERATOR(pg_catalog.=) d.id"
    "   AND EXISTS (SELECT 1 FROM customer_identity.vendor_customer x"
    "     WHERE x.customer_id OPERATOR(pg_catalog.=) c.id"
    "     AND x.vendor_id OPERATOR(pg_catalog.=) vc.vendor_id)),"
    "  '[]'::pg_catalog.jsonb)::pg_catalog.text,"
    // Which row was written last, before the merge writes either (survivorship rule newest).
    " d.updated_at OPERATOR(pg_catalog.>) c.updated_at"
    " FROM customer_identity.customer c, customer_identity.customer d"
    " WHERE c.id OPERATOR(pg_catalog.=) $1 AND d.id OPERATOR(pg_catalog.=) $2",
    2,
    {INT8OID, INT8OID},
    nullptr};

// Pairs the canonical customer has already are folded: the duplicate's row goes.
spi::Statement fold_clientele = {
    "DELETE FROM customer_identity.vendor_customer vc"
    " WHERE vc.customer_id OPERATOR(pg_catalog.=) $2 AND EXISTS ("
    "   SELECT 1 FROM customer_identity.vendor_customer x"
    "   WHERE x.customer_id OPERATOR(pg_catalog.=) $1 AND x.vendor_id OPERATOR(pg_catalog.=) "
    "vc.vendor_id)",
    2,
    {INT8OID, INT8OID},
    nullptr};

spi::Statement move_clientele = {
    "UPDATE customer_identity.vendor_customer SET customer_id = $1"
    " WHERE customer_id OPERATOR(pg_catalog.=) $2",
    2,
    {INT8OID, INT8OID},
    nullptr};

spi::Statement archive_duplicate = {
    "UPDATE customer_identity.customer SET archived_at = pg_catalog.clock_timestamp(),"
    " merged_into = $1, roles = pg_catalog.array_remove(roles, 'vendor'::pg_catalog.text)"
    " WHERE id OPERATOR(pg_catalog.=) $2",
    2,
    {INT8OID, INT8OID},
    nullptr};

// Survivorship: name, email and phone as the tenant's rules say (survivorship.hpp; the
// canonical value by default); missing identifiers and metadata keys come from the
// duplicate; roles are united (vendor follows the link, not the duplicate).  An email or
// phone comes over only when no other active customer holds its identity under the tenant's
// identifier rules now ($3, $4: what the canonical's trigger will derive from it).
// An identifier another active customer holds is not copied: it stays on the archived
// duplicate as an alias (with stale legacy data, a later merge may bring it over).
#define CI_FREE(value_expr, column)                                                                \
    " NOT EXISTS (SELECT 1 FROM customer_identity.customer o"                                      \
    "   WHERE o.tenant_id OPERATOR(pg_catalog.=) c.tenant_id AND o.archived_at IS NULL"            \
    "   AND o.id OPERATOR(pg_catalog.<>) c.id AND o." column " OPERATOR(pg_catalog.=) " value_expr \
    ")"

// The duplicate's raw email and phone, for their identities under the tenant's rules.
spi::Statement duplicate_contacts = {
    "SELECT d.tenant_id, d.email, d.phone FROM customer_identity.customer d"
    " WHERE d.id OPERATOR(pg_catalog.=) $1",
    1,
    {INT8OID},
    nullptr};

// Does the merge take the duplicate's value of a column with rules (survivorship.hpp)?  A
// value only the duplicate has is taken whatever the rule; where both have one, the rule
// decides ($8: the duplicate was written after the canonical customer).
#define CI_RULE_TAKES(column, rule, own_rules)                                   \
    "(d." column " IS NOT NULL AND (c." column " IS NULL OR CASE " rule          \
    "   WHEN 'duplicate' THEN true WHEN 'newest' THEN $8" own_rules " ELSE false END))"
#define CI_LONGEST(column)                                                    \
    " WHEN 'longest' THEN pg_catalog.length(d." column ") OPERATOR(pg_catalog.>)" \
    " pg_catalog.length(c." column ")"
#define CI_VERIFIED(column)                                                                   \
    " WHEN 'verified' THEN d." column "_verified_at IS NOT NULL AND c." column "_verified_at IS NULL"
// An email or phone is taken only where no other active customer holds its identity, and
// its verification stamp comes with it: a stamp belongs to the value verified.
#define CI_TAKES_CONTACT(column, rule, identity) \
    CI_RULE_TAKES(column, rule, CI_VERIFIED(column)) " AND" CI_FREE(identity, column "_normalized")

// $5, $6, $7: the rules of name, email and phone.
spi::Statement fill_canonical = {
    "UPDATE customer_identity.customer c SET"
    " external_customer_id = CASE WHEN c.external_customer_id IS NULL AND"
    CI_FREE("d.external_customer_id", "external_customer_id")
    "   THEN d.external_customer_id ELSE c.external_customer_id END,"
    " user_id = CASE WHEN c.user_id IS NULL AND" CI_FREE("d.user_id", "user_id")
    "   THEN d.user_id ELSE c.user_id END,"
    " email = CASE WHEN " CI_TAKES_CONTACT("email", "$6", "$3") " THEN d.email ELSE c.email END,"
    " email_verified_at = CASE WHEN " CI_TAKES_CONTACT("email", "$6", "$3")
    "   THEN d.email_verified_at ELSE c.email_verified_at END,"
    " phone = CASE WHEN " CI_TAKES_CONTACT("phone", "$7", "$4") " THEN d.phone ELSE c.phone END,"
    " phone_verified_at = CASE WHEN " CI_TAKES_CONTACT("phone", "$7", "$4")
    "   THEN d.phone_verified_at ELSE c.phone_verified_at END,"
    " name = CASE WHEN " CI_RULE_TAKES("name", "$5", CI_LONGEST("name"))
    "   THEN d.name ELSE c.name END,"
    " metadata = d.metadata OPERATOR(pg_catalog.||) c.metadata,"
    " roles = c.roles OPERATOR(pg_catalog.||) ARRAY(SELECT r FROM pg_catalog.unnest(d.roles) r"
    "   WHERE r OPERATOR(pg_catalog.<>) ALL (c.roles) AND r OPERATOR(pg_catalog.<>) 'vendor')"
    " FROM customer_identity.customer d"
    " WHERE c.id OPERATOR(pg_catalog.=) $1 AND d.id OPERATOR(pg_catalog.=) $2",
    8,
    {INT8OID, INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID},
    nullptr};

spi::Statement record_merge = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, other_customer_id, vendor_id, method, detail)"
    " SELECT c.tenant_id, 'merged', c.id, $2, $3, $4, pg_catalog.jsonb_build_object("
    "  'canonical', $5::pg_catalog.jsonb, 'canonical_after', pg_catalog.to_jsonb(c),"
    "  'duplicate', $6::pg_catalog.jsonb, 'moved', $7::pg_catalog.jsonb,"
    "  'folded', $8::pg_catalog.jsonb, 'reason', $9,"
    // What was taken: per content column its rule ($10) and the row its value came from.
    "  'survivorship', (SELECT pg_catalog.jsonb_object_agg(r.key, pg_catalog.jsonb_build_object("
    "    'rule', r.value, 'from', CASE"
    "     WHEN (pg_catalog.to_jsonb(c) OPERATOR(pg_catalog.->) r.key) IS NOT DISTINCT FROM"
    "          ($5::pg_catalog.jsonb OPERATOR(pg_catalog.->) r.key) THEN 'canonical'"
    "     WHEN (pg_catalog.to_jsonb(c) OPERATOR(pg_catalog.->) r.key) IS NOT DISTINCT FROM"
    "          ($6::pg_catalog.jsonb OPERATOR(pg_catalog.->) r.key) THEN 'duplicate'"
    "     ELSE 'both' END))"
    "   FROM pg_catalog.jsonb_each_text($10::pg_catalog.jsonb) r))"
    " FROM customer_identity.customer c WHERE c.id OPERATOR(pg_catalog.=) $1"
    " RETURNING (detail OPERATOR(pg_catalog.->) 'canonical_after')::pg_catalog.text,"
    " (detail OPERATOR(pg_catalog.->) 'survivorship')::pg_catalog.text",
    10,
    {INT8OID, INT8OID, INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID},
    nullptr};

// The duplicate's latest merge: the latest by time, as link_changed_since says why.
spi::Statement last_merge = {
    "SELECT id, customer_id, vendor_id,"
    " (detail OPERATOR(pg_catalog.->) 'canonical')::pg_catalog.text,"
    " (detail OPERATOR(pg_catalog.->) 'canonical_after')::pg_catalog.text,"
    " (detail OPERATOR(pg_catalog.->) 'duplicate')::pg_catalog.text,"
    " (detail OPERATOR(pg_catalog.->) 'moved')::pg_catalog.text,"
    " (detail OPERATOR(pg_catalog.->) 'folded')::pg_catalog.text"
    " FROM customer_identity.identity_event"
    " WHERE event_type OPERATOR(pg_catalog.=) 'merged' AND other_customer_id "
    "OPERATOR(pg_catalog.=) $1"
    " ORDER BY created_at DESC, id DESC LIMIT 1",
    1,
    {INT8OID},
    nullptr};

// The columns the three-way revert restores (roles and metadata go element-wise).  The
// verification stamps go back with their values: a merge may take the duplicate's email or
// phone with its stamp (survivorship), and the canonical's own value comes back with its own.
#define CI_REVERTED_COLUMNS                                                                    \
    "(tenant_id, name, email, phone, external_customer_id, user_id, merged_into, archived_at," \
    " updated_at, email_verified_at, phone_verified_at)"
#define CI_REVERTED_VALUES                                                                     \
    "r.tenant_id, r.name, r.email, r.phone, r.external_customer_id, r.user_id, r.merged_into," \
    " r.archived_at, r.updated_at, r.email_verified_at, r.phone_verified_at"

// Three-way revert of the canonical row: a column still holding what the merge wrote goes
// back to its value before the merge; a column changed since keeps the newer value.
spi::Statement revert_canonical = {
    "WITH cur AS (SELECT pg_catalog.to_jsonb(c) AS j FROM customer_identity.customer c"
    "              WHERE c.id OPERATOR(pg_catalog.=) $1),"
    " target AS (SELECT pg_catalog.jsonb_object_agg(k, CASE"
    "   WHEN (cur.j OPERATOR(pg_catalog.->) k) OPERATOR(pg_catalog.=)"
    "        ($3::pg_catalog.jsonb OPERATOR(pg_catalog.->) k)"
    "   THEN $2::pg_catalog.jsonb OPERATOR(pg_catalog.->) k"
    "   ELSE cur.j OPERATOR(pg_catalog.->) k END) AS j"
    "  FROM cur, pg_catalog.jsonb_object_keys(cur.j) AS k)"
    " UPDATE customer_identity.customer c SET " CI_REVERTED_COLUMNS " = (SELECT " CI_REVERTED_VALUES
    "  FROM target, pg_catalog.jsonb_populate_record(NULL::customer_identity.customer, target.j) r)"
    " WHERE c.id OPERATOR(pg_catalog.=) $1",
    3,
    {INT8OID, TEXTOID, TEXTOID},
    nullptr};

// Roles and metadata keys go element by element: what this merge added, and is still as
// the merge left it, goes; what came from other merges or later writes stays.
spi::Statement revert_canonical_sets = {
    "UPDATE customer_identity.customer c SET"
    " roles = ARRAY(SELECT r FROM pg_catalog.unnest(c.roles) WITH ORDINALITY AS u(r, n)"
    // Role vendor stays while a vendor is linked to the customer (it may be another vendor,
    // linked since the merge).
    "   WHERE (r OPERATOR(pg_catalog.=) 'vendor' AND EXISTS (SELECT 1 FROM "
    "customer_identity.vendor v"
    "     WHERE v.customer_id OPERATOR(pg_catalog.=) c.id))"
    "   OR NOT (r OPERATOR(pg_catalog.=) ANY (ARRAY("
    "     SELECT pg_catalog.jsonb_array_elements_text($3::pg_catalog.jsonb OPERATOR(pg_catalog.->) "
    "'roles')"
    "     EXCEPT SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb "
    "OPERATOR(pg_catalog.->) 'roles'))))"
    "   ORDER BY n),"
    " metadata = c.metadata OPERATOR(pg_catalog.-) ARRAY(SELECT k FROM"
    "   pg_catalog.jsonb_object_keys($3::pg_catalog.jsonb OPERATOR(pg_catalog.->) 'metadata') AS k"
    "   WHERE NOT (($2::pg_catalog.jsonb OPERATOR(pg_catalog.->) 'metadata') "
    "OPERATOR(pg_catalog.?) k)"
    "   AND (c.metadata OPERATOR(pg_catalog.->) k) OPERATOR(pg_catalog.=)"
    "       (($3::pg_catalog.jsonb OPERATOR(pg_catalog.->) 'metadata') OPERATOR(pg_catalog.->) k))"
    " WHERE c.id OPERATOR(pg_catalog.=) $1",
    3,
    {INT8OID, TEXTOID, TEXTOID},
    nullptr};

// The columns of a customer that are not its content: what merge and unmerge write, and
// what the trigger derives.
#define CI_NOT_CONTENT                                                                            \
    "ARRAY['id', 'tenant_id', 'created_at', 'updated_at', 'archived_at', 'merged_into', 'roles'," \
    " 'email_normalized', 'phone_normalized']"

// The duplicate comes back active, three-way: the merge wrote only archived_at, merged_into
// and role vendor on it, so every other column keeps its current value -- edits made to the
// duplicate since the merge survive.  Role vendor follows the link ($3: it comes back).
// updated_at returns to its value before the merge unless the row was edited since.
// Returns the content columns edited since the merge ($2: the duplicate before the merge,
// read back through the row type so that both sides print alike).
spi::Statement restore_duplicate = {
    "WITH cur AS (SELECT pg_catalog.to_jsonb(c) AS j FROM customer_identity.customer c"
    "              WHERE c.id OPERATOR(pg_catalog.=) $1),"
    " before AS (SELECT pg_catalog.to_jsonb(r) AS j, r.updated_at FROM"
    "   pg_catalog.jsonb_populate_record(NULL::customer_identity.customer, $2::pg_catalog.jsonb) "
    "r),"
    " edited AS (SELECT before.updated_at, (SELECT COALESCE(pg_catalog.jsonb_agg(k ORDER BY k),"
    "     '[]'::pg_catalog.jsonb) FROM pg_catalog.jsonb_object_keys(cur.j) AS k"
    "    WHERE NOT k OPERATOR(pg_catalog.=) ANY (" CI_NOT_CONTENT
    ")"
    "    AND (cur.j OPERATOR(pg_catalog.->) k) IS DISTINCT FROM (before.j OPERATOR(pg_catalog.->) "
    "k))"
    "   OPERATOR(pg_catalog.||) CASE WHEN"
    "    ((cur.j OPERATOR(pg_catalog.->) 'roles') OPERATOR(pg_catalog.-) 'vendor') "
    "OPERATOR(pg_catalog.@>)"
    "    ((before.j OPERATOR(pg_catalog.->) 'roles') OPERATOR(pg_catalog.-) 'vendor') AND"
    "    ((before.j OPERATOR(pg_catalog.->) 'roles') OPERATOR(pg_catalog.-) 'vendor') "
    "OPERATOR(pg_catalog.@>)"
    "    ((cur.j OPERATOR(pg_catalog.->) 'roles') OPERATOR(pg_catalog.-) 'vendor')"
    "   THEN '[]'::pg_catalog.jsonb ELSE '[\"roles\"]'::pg_catalog.jsonb END AS keys"
    "  FROM cur, before)"
    " UPDATE customer_identity.customer c SET archived_at = NULL, merged_into = NULL,"
    "  roles = CASE WHEN NOT $3 THEN pg_catalog.array_remove(c.roles, 'vendor'::pg_catalog.text)"
    "   WHEN 'vendor' OPERATOR(pg_catalog.=) ANY (c.roles) THEN c.roles"
    "   ELSE c.roles OPERATOR(pg_catalog.||) 'vendor'::pg_catalog.text END,"
    "  updated_at = CASE WHEN e.keys OPERATOR(pg_catalog.=) '[]'::pg_catalog.jsonb"
    "   THEN e.updated_at ELSE c.updated_at END"
    " FROM edited e WHERE c.id OPERATOR(pg_catalog.=) $1"
    " RETURNING e.keys::pg_catalog.text",
    3,
    {INT8OID, TEXTOID, BOOLOID},
    nullptr};

// Clientele rows the merge moved, still as they were moved, go back to the duplicate.
// Clientele rows the merge moved and that are still there, as moved, go back to the
// duplicate (a row deleted since stays deleted).
spi::Statement take_back_moved = {
    "WITH taken AS (DELETE FROM customer_identity.vendor_customer vc"
    " USING pg_catalog.jsonb_populate_recordset(NULL::customer_identity.vendor_customer,"
    "   $2::pg_catalog.jsonb) s"
    " WHERE vc.customer_id OPERATOR(pg_catalog.=) $1"
    " AND vc.vendor_id OPERATOR(pg_catalog.=) s.vendor_id"
    " AND vc.created_at OPERATOR(pg_catalog.=) s.created_at RETURNING s.*)"
    " INSERT INTO customer_identity.vendor_customer"
    " (vendor_id, customer_id, tenant_id, source, invite_id, created_at)"
    " SELECT vendor_id, customer_id, tenant_id, source, invite_id, created_at FROM taken",
    2,
    {INT8OID, TEXTOID},
    nullptr};

// The duplicate's folded rows come back, for the vendors and invites that still exist.
spi::Statement restore_folded = {
    "INSERT INTO customer_identity.vendor_customer"
    " (vendor_id, customer_id, tenant_id, source, invite_id, created_at)"
    " SELECT s.vendor_id, s.customer_id, s.tenant_id, s.source,"
    "  (SELECT i.id FROM customer_identity.invite_token i WHERE i.id OPERATOR(pg_catalog.=) "
    "s.invite_id),"
    "  s.created_at"
    " FROM pg_catalog.jsonb_populate_recordset(NULL::customer_identity.vendor_customer,"
    "   $1::pg_catalog.jsonb) s"
    " WHERE EXISTS (SELECT 1 FROM customer_identity.vendor v WHERE v.id OPERATOR(pg_catalog.=) "
    "s.vendor_id)"
    " ON CONFLICT DO NOTHING",
    1,
    {TEXTOID},
    nullptr};

// Has the vendor been linked or unlinked since the merge event?  Then its link to the
// canonical customer is a later edit, not the merge's move.  "Since" is by the events'
// clock_timestamp(), the id only breaking a tie: ids of one tenant do not grow with time
// on a sharded install (a moved bucket's new ids carry another node; a shard updated to
// 0.10.0 hands out ids below 2^53 after ones above it).  Through identity_event_vendor_idx
// (vendor_id, created_at, id): the vendor's events from the merge on.
spi::Statement link_changed_since = {
    "SELECT 1 FROM customer_identity.identity_event e, customer_identity.identity_event m"
    " WHERE m.id OPERATOR(pg_catalog.=) $2 AND e.vendor_id OPERATOR(pg_catalog.=) $1"
    " AND e.created_at OPERATOR(pg_catalog.>=) m.created_at"
    " AND (e.created_at OPERATOR(pg_catalog.>) m.created_at OR e.id OPERATOR(pg_catalog.>) m.id)"
    " AND e.event_type OPERATOR(pg_catalog.=) ANY (ARRAY['linked', 'unlinked']::pg_catalog.text[])"
    " LIMIT 1",
    2,
    {INT8OID, INT8OID},
    nullptr};

spi::Statement record_unmerge = {
    "INSERT INTO customer_identity.identity_event"
    " (tenant_id, event_type, customer_id, other_customer_id, vendor_id, method, detail)"
    " VALUES ($1, 'unmerged', $2, $3, $4, 'unmerge_customer',"
    "  pg_catalog.jsonb_build_object('merge_event_id', $5, 'kept', $6::pg_catalog.jsonb)"
    "  OPERATOR(pg_catalog.||) CASE WHEN $7 IS NULL THEN '{}'::pg_catalog.jsonb"
    "   ELSE pg_catalog.jsonb_build_object('vendor_link_kept', $7) END)",
    7,
    {TEXTOID, INT8OID, INT8OID, INT8OID, INT8OID, TEXTOID, INT8OID},
    nullptr};

// Loads both customers (CI011), takes the identity locks of all their identifiers, then
// their row locks in id order, and reads them again under the locks.
std::pair<CustomerRecord, CustomerRecord> lock_pair(std::int64_t first_id, std::int64_t second_id) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto first = store::load_customer(first_id);
        auto second = store::load_customer(second_id);
        if (!first)
            throw IdentityError(sqlstate::unknown_id,
                                "customer " + id_text(first_id) + " does not exist");
        if (!second)
            throw IdentityError(sqlstate::unknown_id,
                                "customer " + id_text(second_id) + " does not exist");
        if (first->tenant != second->tenant)
            throw IdentityError(sqlstate::tenant_mismatch, "customers " + id_text(first_id) +
                                                               " and " + id_text(second_id) +
                                                               " belong to different tenants");
        std::vector<IdentityKey> keys;
        add_identity_keys(*first, keys);
        add_identity_keys(*second, keys);
        lock_identities(first->tenant, keys);
        const std::int64_t low = std::min(first_id, second_id);
        const std::int64_t high = std::max(first_id, second_id);
        store::load_customer(low, store::Lock::for_update);
        store::load_customer(high, store::Lock::for_update);
        auto locked_first = store::load_customer(first_id);
        auto locked_second = store::load_customer(second_id);
        // The identifiers read before locking are the ones locked: done.
        if (locked_first->identifiers == first->identifiers &&
            locked_second->identifiers == second->identifiers &&
            locked_first->tenant == first->tenant && locked_second->tenant == second->tenant)
            return {*locked_first, *locked_second};
    }
    throw IdentityError(sqlstate::serialization_failure,
                        "customers kept changing while being merged", {}, "Retry the transaction.");
}

// Is the vendor's link to the canonical customer still the one the merge moved there, and
// can it go back to the duplicate without breaking the vendor email rule?
bool link_is_the_merges(std::int64_t vendor_id, std::int64_t merge_event,
                        const CustomerRecord &duplicate) {
    spi::Params since;
    since.int8(vendor_id).int8(merge_event);
    if (spi::run(link_changed_since, since, 1) != 0) return false;
    const auto vendor = store::load_vendor(vendor_id);
    const auto &vendor_email = vendor ? vendor->email_normalized : std::nullopt;
    const auto &duplicate_email = duplicate.value(Identifier::email);
    return !vendor_email || !duplicate_email || *vendor_email == *duplicate_email;
}

}  // namespace

MergeOutcome merge_customers(std::int64_t canonical_id, std::int64_t duplicate_id,
                             const char *method, const std::string &reason,
                             std::vector<IdentityError> *all_blockers) {
    if (canonical_id == duplicate_id)
        throw IdentityError(sqlstate::malformed_input,
                            "cannot merge customer " + id_text(canonical_id) + " into itself");
    auto [canonical, duplicate] = lock_pair(canonical_id, duplicate_id);
    // The checks of the pair, in the order they are raised: without all_blockers the first
    // that fails is thrown; with it (merge_preview), every one is listed, then the first thrown.
    std::vector<IdentityError> blockers;
    if (canonical.archived)
        blockers.emplace_back(sqlstate::customer_archived,
                              "canonical customer " + id_text(canonical_id) + " is archived",
                              canonical.merged_into ? "It was merged into customer " +
                                                          id_text(*canonical.merged_into) + "."
                                                    : std::string());
    if (!blockers.empty() && !all_blockers) throw blockers.front();
    if (duplicate.archived)
        blockers.emplace_back(
            sqlstate::customer_archived, "customer " + id_text(duplicate_id) + " is archived",
            duplicate.merged_into
                ? "It was merged into customer " + id_text(*duplicate.merged_into) + " already."
                : std::string());
    if (!blockers.empty() && !all_blockers) throw blockers.front();
    const auto canonical_vendor = store::vendor_linked_to(canonical_id);
    const auto duplicate_vendor = store::vendor_linked_to(duplicate_id);
    if (canonical_vendor && duplicate_vendor)
        blockers.emplace_back(sqlstate::already_linked,
                              "both customers are linked to vendors: customer " +
                                  id_text(canonical_id) + " to vendor " +
                                  id_text(*canonical_vendor) + ", customer " +
                                  id_text(duplicate_id) + " to vendor " +
                                  id_text(*duplicate_vendor),
                              std::string(), "A customer has one vendor: unlink one of them first.");
    if (!blockers.empty() && !all_blockers) throw blockers.front();

    // The link the duplicate carries over must not end on a customer with another email:
    // the canonical one keeps its email, or takes the duplicate's when it has none.
    if (duplicate_vendor) {
        const auto vendor = store::load_vendor(*duplicate_vendor);
        const auto &merged_email = canonical.value(Identifier::email)
                                       ? canonical.value(Identifier::email)
                                       : duplicate.value(Identifier::email);
        try {
            require_same_email(*duplicate_vendor, vendor ? vendor->email_normalized : std::nullopt,
                               canonical_id, merged_email,
                               "cannot merge customer " + id_text(duplicate_id) +
                                   " into customer " + id_text(canonical_id));
        } catch (const IdentityError &error) {
            blockers.push_back(error);
        }
    }
    if (!blockers.empty()) {
        if (all_blockers) *all_blockers = blockers;
        throw blockers.front();
    }

    spi::Params pair;
    pair.int8(canonical_id).int8(duplicate_id);
    spi::run(capture_merge, pair, 1);
    const std::string canonical_before = *spi::text_at(0, 1);
    const std::string duplicate_before = *spi::text_at(0, 2);
    const std::string moved = *spi::text_at(0, 3);
    const std::string folded = *spi::text_at(0, 4);
    const bool duplicate_written_last = spi::bool_at(0, 5);

    // The rules of the tenant; a customer that ends linked to a vendor keeps the email the
    // vendor's contact email requires (CI007, checked above): its email rule is canonical.
    const survivorship::Rules value_rules = survivorship::rules_of(canonical.tenant);
    const bool email_pinned = canonical_vendor || duplicate_vendor;
    const std::string email_rule = email_pinned ? "vendor_contact_email" : value_rules.email;

    if (duplicate_vendor) {
        move_vendor_link(*duplicate_vendor, duplicate_id, canonical_id);
        store::add_vendor_role(canonical_id);
    }
    // The identities the duplicate's email and phone have under the tenant's rules now.
    spi::Params fill;
    fill.int8(canonical_id).int8(duplicate_id);
    {
        spi::Params id;
        id.int8(duplicate_id);
        spi::run(duplicate_contacts, id, 1);
        const std::string tenant = *spi::text_at(0, 1);
        const auto email = spi::text_at(0, 2);
        const auto phone = spi::text_at(0, 3);
        const identifier_rules::Rules rules = identifier_rules::rules_of(tenant);
        auto identity = [&](const std::optional<std::string> &raw, Identifier kind) {
            if (!raw) return std::optional<std::string>();
            const Normalized n = kind == Identifier::email
                                     ? identifier_rules::email_identity(rules, *raw)
                                     : identifier_rules::phone_identity(rules, *raw);
            return n.ok ? trust::unless_blocked(tenant, kind, std::optional(n.value))
                        : std::optional<std::string>();
        };
        fill.text(identity(email, Identifier::email)).text(identity(phone, Identifier::phone));
        fill.text(value_rules.name).text(email_rule).text(value_rules.phone).boolean(duplicate_written_last);
    }
    spi::run(fold_clientele, pair);
    {
        FlagScope own_write(clientele_write_flag());  // rows as redeemed, not new claims
        spi::run(move_clientele, pair);
    }
    {
        FlagScope scope(write_permits::merging());
        spi::run(archive_duplicate, pair);  // frees its identifiers among active customers
        spi::run(fill_canonical, fill);
    }

    spi::Params event;
    event.int8(canonical_id)
        .int8(duplicate_id)
        .int8(duplicate_vendor)
        .text(std::string(method))
        .text(canonical_before)
        .text(duplicate_before)
        .text(moved)
        .text(folded)
        .text(reason)
        .text("{\"name\": \"" + value_rules.name + "\", \"email\": \"" + email_rule +
              "\", \"email_verified_at\": \"follows email\", \"phone\": \"" + value_rules.phone +
              "\", \"phone_verified_at\": \"follows phone\", \"external_customer_id\": "
              "\"canonical\", \"user_id\": \"canonical\", \"roles\": \"union\", "
              "\"metadata\": \"union\"}");
    spi::run(record_merge, event, 1);
    return {*spi::text_at(0, 1), *spi::text_at(0, 2)};
}

void unmerge_customer(std::int64_t duplicate_id) {
    auto duplicate = store::load_customer(duplicate_id);
    if (!duplicate)
        throw IdentityError(sqlstate::unknown_id,
                            "customer " + id_text(duplicate_id) + " does not exist");
    if (!duplicate->archived || !duplicate->merged_into)
        throw IdentityError(sqlstate::malformed_input, "customer " + id_text(duplicate_id) +
                                                           " is not merged into another customer");
    spi::Params who;
    who.int8(duplicate_id);
    if (spi::run(last_merge, who, 1) == 0)
        throw IdentityError(sqlstate::malformed_input,
                            "no merge of customer " + id_text(duplicate_id) + " is on record", {},
                            "It was archived by a direct write, not by merge_customers.");
    const std::int64_t merge_event = *spi::int8_at(0, 1);
    const std::int64_t canonical_id = *spi::int8_at(0, 2);
    const auto moved_vendor = spi::int8_at(0, 3);
    const std::string canonical_before = *spi::text_at(0, 4);
    const std::string canonical_after = *spi::text_at(0, 5);
    const std::string duplicate_before = *spi::text_at(0, 6);
    const std::string moved = *spi::text_at(0, 7);
    const std::string folded = *spi::text_at(0, 8);
    if (*duplicate->merged_into != canonical_id)
        throw IdentityError(sqlstate::malformed_input, "customer " + id_text(duplicate_id) +
                                                           " is merged into customer " +
                                                           id_text(*duplicate->merged_into) +
                                                           ", not as the last merge recorded");

    auto [canonical, locked_duplicate] = lock_pair(canonical_id, duplicate_id);
    // A concurrent unmerge may have finished while this one waited for the locks.
    if (!locked_duplicate.archived || locked_duplicate.merged_into != canonical_id)
        throw IdentityError(sqlstate::malformed_input, "customer " + id_text(duplicate_id) +
                                                           " is not merged into another customer");
    if (canonical.archived)
        throw IdentityError(sqlstate::customer_archived,
                            "customer " + id_text(canonical_id) + " has been merged away since", {},
                            "Unmerge customer " + id_text(canonical_id) + " first.");

    // The vendor link goes back first, while the canonical row still has role vendor --
    // unless it is a later edit: the vendor was unlinked and linked again since the merge,
    // or its contact email has changed so that it no longer matches the duplicate's (CI007).
    // Then the link stays where it is now and the duplicate comes back without it.
    bool link_back = false;
    std::optional<std::int64_t> link_kept;
    if (moved_vendor && store::vendor_linked_to(canonical_id) == moved_vendor) {
        if (link_is_the_merges(*moved_vendor, merge_event, locked_duplicate))
            link_back = move_vendor_link(*moved_vendor, canonical_id, duplicate_id);
        else
            link_kept = moved_vendor;
    }

    spi::Params revert;
    revert.int8(canonical_id).text(canonical_before).text(canonical_after);
    {
        FlagScope scope(write_permits::restoring());
        spi::run(revert_canonical, revert);
        spi::run(revert_canonical_sets, revert);
    }
    // Role vendor follows the link: without one, the canonical customer does not keep it.
    if (!store::vendor_linked_to(canonical_id)) store::remove_vendor_role(canonical_id);

    // The duplicate's identifiers must be free again (the revert freed those it gave).
    for (Identifier id : all_identifiers) {
        const auto &value = locked_duplicate.value(id);
        if (!value) continue;
        if (auto holder = store::find_active_customer(locked_duplicate.tenant, id, *value))
            throw IdentityError(sqlstate::identity_conflict,
                                "cannot unmerge customer " + id_text(duplicate_id) + ": its " +
                                    identifier_name(id) + " " + quote_for_message(*value) +
                                    " is held by customer " + id_text(*holder) + " now",
                                {}, "Nothing was changed.");
    }
    spi::Params restore;
    restore.int8(duplicate_id).text(duplicate_before).boolean(link_back);
    std::string kept;  // the duplicate's columns edited since the merge, kept as they are
    {
        FlagScope scope(write_permits::restoring());
        spi::run(restore_duplicate, restore, 1);
        kept = *spi::text_at(0, 1);
    }

    spi::Params take_back;
    take_back.int8(canonical_id).text(moved);
    spi::Params folded_rows;
    folded_rows.text(folded);
    {
        FlagScope own_write(clientele_write_flag());  // rows as they were, not new claims
        spi::run(take_back_moved, take_back);
        spi::run(restore_folded, folded_rows);
    }

    spi::Params event;
    event.text(canonical.tenant)
        .int8(canonical_id)
        .int8(duplicate_id)
        .int8(link_back ? moved_vendor : std::nullopt)
        .int8(merge_event)
        .text(kept)
        .int8(link_kept);
    spi::run(record_unmerge, event);
}

}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_merge_customers) {
    return entry_guard([&] {
        const auto canonical_id = required(int8_arg(fcinfo, 0), "canonical_id");
        const auto duplicate_id = required(int8_arg(fcinfo, 1), "duplicate_id");
        spi::connect();
        merge_customers(canonical_id, duplicate_id, "merge_customers",
                        "merge_customers was called");
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_unmerge_customer) {
    return entry_guard([&] {
        const auto duplicate_id = required(int8_arg(fcinfo, 0), "duplicate_id");
        spi::connect();
        unmerge_customer(duplicate_id);
        spi::finish();
        return (Datum)0;
    });
}

namespace {

// The errors that say why a pair cannot be merged (the extension's, a malformed request, an
// identifier another customer holds).  Others -- a cancel, a deadlock, a lock budget -- are
// about the call, not the pair: merge_preview raises them.
bool is_blocker(int code) {
    return ERRCODE_TO_CATEGORY(code) == ERRCODE_TO_CATEGORY(sqlstate::identity_conflict) ||
           code == sqlstate::malformed_input || code == sqlstate::duplicate_identifier;
}

// The preview as jsonb text: $1 mergeable, $2-$5 the blockers' SQLSTATEs, messages, details
// and hints (in order), $6 canonical_after, $7 sources.
spi::Statement preview_document = {
    "SELECT pg_catalog.jsonb_build_object('mergeable', $1,"
    " 'blockers', COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls("
    "   pg_catalog.jsonb_build_object('sqlstate', b.code, 'message', b.message,"
    "   'detail', b.detail, 'hint', b.hint)) ORDER BY b.n)"
    "   FROM ROWS FROM (pg_catalog.unnest($2), pg_catalog.unnest($3), pg_catalog.unnest($4),"
    "     pg_catalog.unnest($5)) WITH ORDINALITY AS b(code, message, detail, hint, n)),"
    "   '[]'::pg_catalog.jsonb),"
    " 'canonical_after', $6::pg_catalog.jsonb, 'sources', $7::pg_catalog.jsonb)::pg_catalog.text",
    7,
    {BOOLOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTOID, TEXTOID},
    nullptr};

}  // namespace

// merge_preview(canonical_id, duplicate_id): runs merge_customers itself -- every check and
// every write, the tenant's survivorship rules included -- in a subtransaction that is always
// rolled back, and reports what it raised (blockers: every failed check of the pair, or the
// error that stopped it before them) or the canonical row it wrote.  Nothing stays: rows,
// events, row and identity locks go with the rollback.
CI_SQL_FUNCTION(ci_merge_preview) {
    return entry_guard([&] {
        const auto canonical_id = required(int8_arg(fcinfo, 0), "canonical_id");
        const auto duplicate_id = required(int8_arg(fcinfo, 1), "duplicate_id");
        spi::connect();
        MergeOutcome outcome;
        std::vector<IdentityError> pair_checks;
        const std::optional<CaughtError> blocker = run_and_roll_back([&] {
            outcome = merge_customers(canonical_id, duplicate_id, "merge_preview",
                                      "merge_preview was called", &pair_checks);
        });
        if (blocker && !is_blocker(blocker->sqlstate))
            throw IdentityError(blocker->sqlstate, blocker->message, blocker->detail,
                                blocker->hint);
        // Every failed check of the pair when the merge got that far, else what it raised.
        std::vector<std::optional<std::string>> codes, messages, details, hints;
        auto add = [&](int code, const std::string &message, const std::string &detail,
                       const std::string &hint) {
            codes.emplace_back(unpack_sql_state(code));
            messages.emplace_back(message);
            details.emplace_back(detail.empty() ? std::nullopt : std::optional(detail));
            hints.emplace_back(hint.empty() ? std::nullopt : std::optional(hint));
        };
        if (blocker && pair_checks.empty())
            add(blocker->sqlstate, blocker->message, blocker->detail, blocker->hint);
        if (blocker)
            for (const IdentityError &check : pair_checks)
                add(check.sqlstate(), check.message(), check.detail(), check.hint());
        spi::Params document;
        document.boolean(!blocker).text_array(codes).text_array(messages).text_array(details)
            .text_array(hints);
        document.text(blocker ? std::nullopt : std::optional(outcome.canonical_after))
            .text(blocker ? std::nullopt : std::optional(outcome.sources));
        spi::run(preview_document, document, 1, true);
        const std::string json = *spi::text_at(0, 1);
        spi::finish();
        Datum result = (Datum)0;
        pg_call([&] { result = DirectFunctionCall1(jsonb_in, CStringGetDatum(json.c_str())); });
        return result;
    });
}
