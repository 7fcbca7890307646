// The review queue; see claims.hpp.
#include "claims.hpp"

#include "audit.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "invite.hpp"
#include "merge.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "tenant_scope.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
}

namespace ci::claims {
namespace {

// Appends one field of a claim's identity: its length first, so no value can pass for two.
void add_field(std::string &identity, const std::optional<std::string> &value) {
    if (!value) {
        identity += "-;";
        return;
    }
    identity += std::to_string(value->size()) + ":" + *value + ";";
}

// What makes two resolve claims the same claim: the call's identifiers as the tenant's
// rules normalize them (a blocked value as given), its name, reference and verification
// flags.  Two spellings of one email or phone are one claim.
std::string claim_identity(const ResolveRequest &request) {
    const CustomerFields &given = request.given;
    const std::optional<std::string> *raw[] = {&given.external_customer_id, &given.user_id,
                                               &given.email, &given.phone};
    std::string identity;
    for (Identifier id : all_identifiers)
        add_field(identity, request.key(id) ? request.key(id) : *raw[static_cast<int>(id)]);
    add_field(identity, given.name);
    add_field(identity, request.customer_ref ? std::optional(std::to_string(*request.customer_ref))
                                             : std::nullopt);
    identity += given.email_verified ? "ev;" : "-;";
    identity += given.phone_verified ? "pv;" : "-;";
    return identity;
}

// The proposal of a resolve claim: the call's inputs as given ($5..$12), replayed on accept.
#define CI_RESOLVE_PROPOSAL                                                                     \
    "pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object("                               \
    "'external_customer_id', $5::pg_catalog.text, 'user_id', $6::pg_catalog.text,"              \
    " 'email', $7::pg_catalog.text, 'phone', $8::pg_catalog.text, 'name', $9::pg_catalog.text," \
    " 'customer_ref', $10::pg_catalog.int8, 'email_verified', $11::pg_catalog.bool,"            \
    " 'phone_verified', $12::pg_catalog.bool))"

// $1 tenant, $2 identifier, $3 value, $4 customer, $13 vendor, $14 via, $15 the claim's
// identity (claim_identity).  The same claim already open is the one returned: the same
// identity (identity_claim_open_identity), or, for a claim opened before 0.10.0 (no
// claim_key), the same proposal to the letter (identity_claim_open_key).
#define CI_OPEN_CLAIM(kind, proposal)                                                             \
    {                                                                                             \
        "WITH new AS (INSERT INTO customer_identity.identity_claim"                               \
        " (tenant_id, kind, identifier, value, customer_id, vendor_id, proposal, via, claim_key)" \
        " VALUES ($1, '" kind "', $2, $3, $4, $13, " proposal                                     \
        ", $14, pg_catalog.md5($15))"                                                             \
        " ON CONFLICT DO NOTHING RETURNING id)"                                                   \
        " SELECT id, true FROM new UNION ALL"                                                     \
        " (SELECT c.id, false FROM customer_identity.identity_claim c"                            \
        " WHERE NOT EXISTS (SELECT 1 FROM new) AND c.status OPERATOR(pg_catalog.=) 'open'"        \
        " AND c.tenant_id OPERATOR(pg_catalog.=) $1 AND c.kind OPERATOR(pg_catalog.=) '" kind     \
        "'"                                                                                       \
        " AND (c.claim_key OPERATOR(pg_catalog.=) pg_catalog.md5($15)"                            \
        " OR (c.claim_key IS NULL AND pg_catalog.md5(c.proposal::pg_catalog.text)"                \
        " OPERATOR(pg_catalog.=) pg_catalog.md5((" proposal                                       \
        ")::pg_catalog.text)))"                                                                   \
        " ORDER BY c.id LIMIT 1)",                                                                \
            15, {TEXTOID, TEXTOID, TEXTOID, INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID,          \
                 TEXTOID, INT8OID, BOOLOID, BOOLOID, INT8OID, TEXTOID, TEXTOID},                  \
            nullptr                                                                               \
    }

spi::Statement open_resolve = CI_OPEN_CLAIM("resolve", CI_RESOLVE_PROPOSAL);

spi::Statement load_claim = {
    "SELECT tenant_id, status, kind, identifier, customer_id, vendor_id,"
    " proposal->>'external_customer_id', proposal->>'user_id', proposal->>'email',"
    " proposal->>'phone', proposal->>'name', (proposal->>'customer_ref')::pg_catalog.int8,"
    " COALESCE((proposal->>'email_verified')::pg_catalog.bool, false),"
    " COALESCE((proposal->>'phone_verified')::pg_catalog.bool, false),"
    " (proposal->>'invite_id')::pg_catalog.int8, (proposal->>'customer_id')::pg_catalog.int8,"
    " (proposal->>'other_id')::pg_catalog.int8"
    " FROM customer_identity.identity_claim WHERE id OPERATOR(pg_catalog.=) $1 FOR UPDATE",
    1,
    {INT8OID},
    nullptr};

spi::Statement decide_claim = {
    "UPDATE customer_identity.identity_claim SET status = $2,"
    " decided_by = customer_identity.caller(), decided_at = pg_catalog.clock_timestamp(),"
    " decision_note = $3, result_customer_id = $4 WHERE id OPERATOR(pg_catalog.=) $1",
    4,
    {INT8OID, TEXTOID, TEXTOID, INT8OID},
    nullptr};

// A rejected duplicate claim: the pair is two people (suggest_duplicates and reconcile read it).
spi::Statement record_distinct = {
    "INSERT INTO customer_identity.distinct_person (tenant_id, customer_id, other_id, claim_id)"
    " VALUES ($1, LEAST($2, $3), GREATEST($2, $3), $4) ON CONFLICT DO NOTHING",
    4,
    {TEXTOID, INT8OID, INT8OID, INT8OID},
    nullptr};

// Runs one of the open statements; returns the claim id and records a new claim's event.
std::int64_t open_claim(spi::Statement &stmt, const spi::Params &params, const std::string &tenant,
                        const char *kind, Identifier via, std::optional<std::int64_t> customer_id,
                        std::optional<std::int64_t> vendor_id, const std::string &how) {
    if (spi::run(stmt, params) == 0)
        // Only under REPEATABLE READ: the same claim opened by a transaction this one's
        // snapshot cannot see.
        throw IdentityError(sqlstate::serialization_failure,
                            "could not serialize access: the same claim was opened concurrently",
                            {}, "Retry the transaction.");
    const std::int64_t id = *spi::int8_at(0, 1);
    if (spi::bool_at(0, 2))
        record_event({tenant,
                      "claim_opened",
                      customer_id,
                      std::nullopt,
                      vendor_id,
                      how,
                      {{"claim_id", std::to_string(id)},
                       {"kind", kind},
                       {"identifier", identifier_name(via)}}});
    return id;
}

}  // namespace

std::int64_t open_resolve_claim(const ResolveRequest &request, Identifier via,
                                std::optional<std::int64_t> customer_id,
                                std::optional<std::int64_t> vendor_id) {
    const CustomerFields &given = request.given;
    spi::Params params;
    params.text(request.tenant)
        .text(identifier_name(via))
        .text(request.key(via))
        .int8(customer_id)
        .text(given.external_customer_id)
        .text(given.user_id)
        .text(given.email)
        .text(given.phone)
        .text(given.name)
        .int8(request.customer_ref)
        .boolean(given.email_verified ? std::optional(true) : std::nullopt)
        .boolean(given.phone_verified ? std::optional(true) : std::nullopt)
        .int8(vendor_id)
        .text(std::string("resolve_customer_identity"))
        .text(claim_identity(request));
    return open_claim(open_resolve, params, request.tenant, "resolve", via, customer_id, vendor_id,
                      "resolve_customer_identity");
}

namespace {

// An open claim, read and locked; CI011 for no such claim, 55000 for a decided one.
struct Claim {
    std::int64_t id = 0;
    std::string tenant, kind, identifier;
    std::optional<std::int64_t> customer_id, vendor_id;
    CustomerFields proposed;
    std::optional<std::int64_t> customer_ref, invite_id, invite_customer;
    std::optional<std::int64_t> other_id;  // a duplicate claim's second customer
};

Claim load_open_claim(std::int64_t id) {
    spi::Params params;
    params.int8(id);
    if (spi::run(load_claim, params, 1) == 0 || !tenant_scope::visible(*spi::text_at(0, 1)))
        throw IdentityError(sqlstate::unknown_id,
                            "claim " + std::to_string(id) + " does not exist");
    const std::string status = *spi::text_at(0, 2);
    if (status != "open")
        throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "claim " + std::to_string(id) + " is already " + status);
    Claim claim;
    claim.id = id;
    claim.tenant = *spi::text_at(0, 1);
    claim.kind = *spi::text_at(0, 3);
    claim.identifier = *spi::text_at(0, 4);
    claim.customer_id = spi::int8_at(0, 5);
    claim.vendor_id = spi::int8_at(0, 6);
    claim.proposed.external_customer_id = spi::text_at(0, 7);
    claim.proposed.user_id = spi::text_at(0, 8);
    claim.proposed.email = spi::text_at(0, 9);
    claim.proposed.phone = spi::text_at(0, 10);
    claim.proposed.name = spi::text_at(0, 11);
    claim.customer_ref = spi::int8_at(0, 12);
    claim.proposed.email_verified = spi::bool_at(0, 13);
    claim.proposed.phone_verified = spi::bool_at(0, 14);
    claim.invite_id = spi::int8_at(0, 15);
    claim.invite_customer = spi::int8_at(0, 16);
    claim.other_id = spi::int8_at(0, 17);
    return claim;
}

// Closes the claim and records the decision.
void decide(const Claim &claim, const char *status, const std::optional<std::string> &note,
            std::optional<std::int64_t> customer_id, std::optional<std::int64_t> vendor_id) {
    spi::Params params;
    params.int8(claim.id).text(std::string(status)).text(note).int8(customer_id);
    spi::run(decide_claim, params);
    record_event({claim.tenant,
                  std::string("claim_") + status,
                  customer_id ? customer_id : claim.customer_id,
                  std::nullopt,
                  vendor_id ? vendor_id : claim.vendor_id,
                  claim.kind,
                  {{"claim_id", std::to_string(claim.id)}, {"note", note}}});
}

// A duplicate claim carried out: the pair merged into the canonical customer the reviewer
// names (one of the two; 22023 otherwise), by default the claim's own.
ResolveOutcome merge_pair(const Claim &claim, std::optional<std::int64_t> canonical_id) {
    const std::int64_t suggested = *claim.customer_id, other = *claim.other_id;
    const std::int64_t canonical = canonical_id.value_or(suggested);
    if (canonical != suggested && canonical != other)
        throw IdentityError(sqlstate::malformed_input,
                            "canonical_id " + std::to_string(canonical) + " is not one of claim " +
                                std::to_string(claim.id) + "'s customers (" +
                                std::to_string(suggested) + ", " + std::to_string(other) + ")");
    merge_customers(canonical, canonical == suggested ? other : suggested, "accept_claim",
                    "duplicate claim " + std::to_string(claim.id) + " accepted");
    ResolveOutcome outcome;
    outcome.has_row = true;
    outcome.customer_id = canonical;
    outcome.method = "merge";
    outcome.created = false;
    return outcome;
}

// Carries the claim out as if its identifier had been verified.
ResolveOutcome carry_out(Claim claim) {
    // Registration claims were opened by 0.5.0 (an invite upsert that landed on an existing
    // customer); 0.6.0 opens none, but one still open can be decided.
    if (claim.kind == "registration") {
        const Redemption redemption =
            redeem_invite_id(*claim.invite_id, *claim.invite_customer, "accept_claim");
        ResolveOutcome outcome;
        outcome.has_row = true;
        outcome.customer_id = redemption.customer_id;
        outcome.vendor_id = redemption.vendor_id;
        outcome.method = "registration";
        outcome.created = redemption.created;
        return outcome;
    }
    if (claim.identifier == "email") claim.proposed.email_verified = true;
    if (claim.identifier == "phone") claim.proposed.phone_verified = true;
    const ResolveRequest request =
        make_resolve_request(claim.tenant, claim.proposed, claim.customer_ref, true, false);
    require_identifier(request);
    const ResolveOutcome outcome = resolve(request);
    if (outcome.method == "claim")
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "an accepted claim was claimed again");
    return outcome;
}

}  // namespace
}  // namespace ci::claims

using namespace ci;

CI_SQL_FUNCTION(ci_accept_claim) {
    return entry_guard([&] {
        const auto claim_id = required(int8_arg(fcinfo, 0), "claim_id");
        const auto note = text_arg(fcinfo, 1);
        const auto canonical_id = PG_NARGS() > 2 ? int8_arg(fcinfo, 2) : std::nullopt;
        spi::connect();
        const claims::Claim claim = claims::load_open_claim(claim_id);
        if (canonical_id && claim.kind != "duplicate")
            throw IdentityError(sqlstate::malformed_input,
                                "canonical_id is for duplicate claims; claim " +
                                    std::to_string(claim_id) + " is a " + claim.kind + " claim");
        const ResolveOutcome outcome = claim.kind == "duplicate"
                                           ? claims::merge_pair(claim, canonical_id)
                                           : claims::carry_out(claim);
        claims::decide(claim, "accepted", note, outcome.customer_id, outcome.vendor_id);
        spi::finish();
        const std::string_view method = outcome.method;
        pg_call([&] {
            const TupleDesc row_type = spi::start_materialized_srf(fcinfo);
            ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
            Datum values[4] = {
                outcome.customer_id ? Int64GetDatum(*outcome.customer_id) : (Datum)0,
                outcome.vendor_id ? Int64GetDatum(*outcome.vendor_id) : (Datum)0,
                PointerGetDatum(cstring_to_text_with_len(method.data(), method.size())),
                BoolGetDatum(outcome.created)};
            bool nulls[4] = {!outcome.customer_id, !outcome.vendor_id, false, false};
            tuplestore_putvalues(rsinfo->setResult, row_type, values, nulls);
        });
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_reject_claim) {
    return entry_guard([&] {
        const auto claim_id = required(int8_arg(fcinfo, 0), "claim_id");
        const auto note = text_arg(fcinfo, 1);
        spi::connect();
        const claims::Claim claim = claims::load_open_claim(claim_id);
        if (claim.kind == "duplicate")
            spi::run(claims::record_distinct, spi::Params()
                                                  .text(claim.tenant)
                                                  .int8(claim.customer_id)
                                                  .int8(claim.other_id)
                                                  .int8(claim.id));
        claims::decide(claim, "rejected", note, std::nullopt, std::nullopt);
        spi::finish();
        return (Datum)0;
    });
}
