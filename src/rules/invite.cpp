// Vendor invite links (SPEC "create_invite_token" ... and report 001): tokens, redemption,
// revocation, rotation, listing, and redemption on registration.
//
// Only SHA-256(token) is stored; every lookup goes by that hash.  Redemption locks the
// token row, so concurrent redemptions of the last uses take turns: exactly max_uses win.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "audit.hpp"
#include "deferred_audit.hpp"
#include "errors.hpp"
#include "flag_scope.hpp"
#include "input.hpp"
#include "invite.hpp"
#include "jsonb_walk.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "shard_key.hpp"
#include "sharding.hpp"
#include "spi.hpp"
#include "store.hpp"
#include "tenant_scope.hpp"
#include "token.hpp"
#include "trust.hpp"

extern "C" {
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/cryptohash.h"
#include "commands/trigger.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
}

namespace ci {
namespace {

constexpr std::size_t sha256_length = 32;

// Set while the extension itself writes vendor_customer rows it has checked (redemption,
// merge, unmerge): the clientele trigger lets them through as they are.
bool clientele_writing = false;

// SHA-256 of the token text: the only form in which a token reaches a table.
std::string token_hash(const std::string &token) {
    unsigned char digest[sha256_length];
    const unsigned char *data = reinterpret_cast<const unsigned char *>(token.data());
    const std::size_t length = token.size();
    pg_call([&] {
        pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);
        if (ctx == nullptr || pg_cryptohash_init(ctx) < 0 ||
            pg_cryptohash_update(ctx, data, length) < 0 ||
            pg_cryptohash_final(ctx, digest, sizeof digest) < 0)
            elog(ERROR, "customer_identity: could not compute SHA-256");
        pg_cryptohash_free(ctx);
    });
    return std::string(reinterpret_cast<char *>(digest), sizeof digest);
}

// A timestamptz as text, in the session's DateStyle and TimeZone.
std::string timestamp_text(std::int64_t timestamp) {
    const char *text = nullptr;
    pg_call([&] { text = timestamptz_to_str(static_cast<TimestampTz>(timestamp)); });
    return text;
}

// A fresh token from PostgreSQL's strong random source; on a shard it carries the bucket
// where it lives, in ten of its bits.
std::string new_token(std::optional<std::uint32_t> bucket) {
    unsigned char random[invite_token_random_bytes];
    bool ok = false;
    pg_call([&] { ok = pg_strong_random(random, sizeof random); });
    if (!ok)
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "could not generate a random invite token");
    if (bucket) shard::embed_bucket(random, sizeof random, *bucket);
    return format_invite_token(random, sizeof random);
}

// The parts of an invite_token row the rules look at.
struct InviteRecord {
    std::int64_t id = 0;
    std::string tenant;
    std::int64_t vendor_id = 0;
    bool revoked = false;
    bool expired = false;
    std::optional<std::int64_t> max_uses;
    std::int64_t use_count = 0;
    std::optional<std::int64_t> expires_at;  // a TimestampTz, carried over on rotation

    bool exhausted() const { return max_uses && use_count >= *max_uses; }
};

spi::Statement insert_invite = {
    "INSERT INTO customer_identity.invite_token (tenant_id, vendor_id, token_hash, expires_at, "
    "max_uses)"
    " SELECT v.tenant_id, v.id, $2, $3, $4 FROM customer_identity.vendor v"
    " WHERE v.id OPERATOR(pg_catalog.=) $1 RETURNING id, tenant_id",
    4,
    {INT8OID, BYTEAOID, TIMESTAMPTZOID, INT4OID},
    nullptr};

spi::Statement expiry_from_now = {
    // Bounded before adding, so no interval can overflow the timestamp (22008).
    "SELECT CASE WHEN $1 OPERATOR(pg_catalog.>) '0'::pg_catalog.interval"
    " AND $1 OPERATOR(pg_catalog.<=) '1000 years'::pg_catalog.interval"
    " THEN pg_catalog.clock_timestamp() OPERATOR(pg_catalog.+) $1 END",
    1,
    {INTERVALOID},
    nullptr};

#define CI_INVITE_COLUMNS                                                                        \
    "SELECT id, tenant_id, vendor_id, revoked_at IS NOT NULL,"                                   \
    " expires_at IS NOT NULL AND expires_at OPERATOR(pg_catalog.<=) pg_catalog.clock_timestamp()," \
    " max_uses::pg_catalog.int8, use_count::pg_catalog.int8, expires_at"                        \
    " FROM customer_identity.invite_token"

spi::Statement load_invite_locked = {
    CI_INVITE_COLUMNS " WHERE token_hash OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {BYTEAOID},
    nullptr};

spi::Statement load_invite_by_id = {
    CI_INVITE_COLUMNS " WHERE id OPERATOR(pg_catalog.=) $1 FOR UPDATE", 1, {INT8OID}, nullptr};

spi::Statement load_invite_of_tenant = {
    CI_INVITE_COLUMNS
    " WHERE id OPERATOR(pg_catalog.=) $1 AND tenant_id OPERATOR(pg_catalog.=) $2"
    " FOR UPDATE",
    2,
    {INT8OID, TEXTOID},
    nullptr};

spi::Statement pair_exists = {
    "SELECT 1 FROM customer_identity.vendor_customer"
    " WHERE vendor_id OPERATOR(pg_catalog.=) $1 AND customer_id OPERATOR(pg_catalog.=) $2",
    2,
    {INT8OID, INT8OID},
    nullptr};

spi::Statement insert_pair = {
    "INSERT INTO customer_identity.vendor_customer (vendor_id, customer_id, tenant_id, source, "
    "invite_id)"
    " VALUES ($1, $2, $3, 'invite', $4) ON CONFLICT DO NOTHING RETURNING 1",
    4,
    {INT8OID, INT8OID, TEXTOID, INT8OID},
    nullptr};

spi::Statement use_invite = {
    "UPDATE customer_identity.invite_token SET use_count = use_count OPERATOR(pg_catalog.+) 1"
    " WHERE id OPERATOR(pg_catalog.=) $1",
    1,
    {INT8OID},
    nullptr};

spi::Statement revoke_invite = {
    "UPDATE customer_identity.invite_token"
    " SET revoked_at = pg_catalog.clock_timestamp(), rotated_to = $2"
    " WHERE id OPERATOR(pg_catalog.=) $1",
    2,
    {INT8OID, INT8OID},
    nullptr};

spi::Statement list_pending = {
    "SELECT id, created_at, expires_at, max_uses, use_count,"
    " max_uses OPERATOR(pg_catalog.-) use_count"
    " FROM customer_identity.invite_token"
    " WHERE vendor_id OPERATOR(pg_catalog.=) $1 AND revoked_at IS NULL"
    " AND (expires_at IS NULL OR expires_at OPERATOR(pg_catalog.>) pg_catalog.clock_timestamp())"
    " AND (max_uses IS NULL OR use_count OPERATOR(pg_catalog.<) max_uses)"
    " ORDER BY created_at DESC, id DESC",
    1,
    {INT8OID},
    nullptr};

// The invite the last load_invite_* statement found; nullopt when it found none, or one of
// another tenant (as unknown as a token that does not exist).
std::optional<InviteRecord> invite_from_result(std::uint64_t rows) {
    if (rows == 0) return std::nullopt;
    InviteRecord invite;
    invite.id = *spi::int8_at(0, 1);
    invite.tenant = *spi::text_at(0, 2);
    if (!tenant_scope::visible(invite.tenant)) return std::nullopt;
    invite.vendor_id = *spi::int8_at(0, 3);
    invite.revoked = spi::bool_at(0, 4);
    invite.expired = spi::bool_at(0, 5);
    invite.max_uses = spi::int8_at(0, 6);
    invite.use_count = spi::int8_at(0, 7).value_or(0);
    invite.expires_at = spi::int8_at(0, 8);
    return invite;
}

// The invite with this token, locked; nullopt for a token nobody issued.
std::optional<InviteRecord> load_invite(const std::string &token) {
    if (!looks_like_invite_token(token)) return std::nullopt;
    spi::Params params;
    params.bytea(token_hash(token));
    return invite_from_result(spi::run(load_invite_locked, params, 1));
}

// Inserts a token row for the vendor; returns (token, invite id).  CI011 for no such vendor.
std::pair<std::string, std::int64_t> issue_token(std::int64_t vendor_id,
                                                 std::optional<std::int64_t> expires_at,
                                                 std::optional<std::int64_t> max_uses,
                                                 const char *how) {
    // The token of a shard carries its tenant's bucket: the vendor's (no vendor: CI011 below).
    std::optional<std::uint32_t> bucket;
    if (sharding::node())
        if (const auto vendor = store::load_vendor(vendor_id))
            bucket = shard::bucket_of_tenant(vendor->tenant);
    const std::string token = new_token(bucket);
    spi::Params params;
    params.int8(vendor_id).bytea(token_hash(token)).timestamptz(expires_at).int4(max_uses);
    if (spi::run(insert_invite, params, 1) == 0)
        throw IdentityError(sqlstate::unknown_id,
                            "vendor " + std::to_string(vendor_id) + " does not exist");
    const std::int64_t invite_id = *spi::int8_at(0, 1);
    const std::string tenant = *spi::text_at(0, 2);
    record_event(
        {tenant,
         "invite_created",
         std::nullopt,
         std::nullopt,
         vendor_id,
         how,
         {{"invite_id", std::to_string(invite_id)},
          {"expires_at", expires_at ? std::optional(timestamp_text(*expires_at)) : std::nullopt},
          {"max_uses", max_uses ? std::optional(std::to_string(*max_uses)) : std::nullopt}}});
    return {token, invite_id};
}

// The errors a token can be refused with, before any customer is looked at.
void check_usable(const std::optional<InviteRecord> &invite) {
    if (!invite) throw IdentityError(sqlstate::unknown_invite, "unknown invite token");
    if (invite->revoked)
        throw IdentityError(sqlstate::invite_revoked,
                            "invite token " + std::to_string(invite->id) + " has been revoked");
    if (invite->expired)
        throw IdentityError(
            sqlstate::invite_expired, "invite token " + std::to_string(invite->id) + " has expired",
            "It expired at " + timestamp_text(invite->expires_at.value_or(0)) + ".");
}

// Redeems without recording rejections (redeem() does that).
Redemption redeem_checked(const std::optional<InviteRecord> &invite, std::int64_t customer_id,
                          const char *path) {
    check_usable(invite);
    // Locked: a merge of this customer in progress finishes first, and then the customer
    // is archived (CI010) -- the pair never lands on a merged-away customer.
    auto customer = store::load_customer(customer_id, store::Lock::for_update);
    if (!customer)
        throw IdentityError(sqlstate::unknown_id,
                            "customer " + std::to_string(customer_id) + " does not exist");
    if (customer->archived)
        throw IdentityError(sqlstate::customer_archived,
                            "customer " + std::to_string(customer_id) + " is archived");
    if (customer->tenant != invite->tenant)
        throw IdentityError(sqlstate::tenant_mismatch,
                            "invite token " + std::to_string(invite->id) + " and customer " +
                                std::to_string(customer_id) + " belong to different tenants");
    Redemption result{invite->vendor_id, customer_id, false};
    spi::Params pair;
    pair.int8(invite->vendor_id).int8(customer_id);
    // An existing pair needs no use of the token, even an exhausted one.
    if (spi::run(pair_exists, pair, 1) == 0) {
        if (invite->exhausted())
            throw IdentityError(sqlstate::invite_exhausted,
                                "invite token " + std::to_string(invite->id) + " has no uses left",
                                "It was used " + std::to_string(invite->use_count) + " of " +
                                    std::to_string(*invite->max_uses) + " times.");
        spi::Params row;
        row.int8(invite->vendor_id).int8(customer_id).text(invite->tenant).int8(invite->id);
        {
            FlagScope own_write(clientele_writing);  // checked and used up here
            result.created = spi::run(insert_pair, row, 1) == 1;
        }
        if (result.created) {
            spi::Params id;
            id.int8(invite->id);
            spi::run(use_invite, id);
        }
    }
    record_event({invite->tenant,
                  "invite_redeemed",
                  customer_id,
                  std::nullopt,
                  invite->vendor_id,
                  path,
                  {{"invite_id", std::to_string(invite->id)},
                   {"created", result.created ? "true" : "false"}}});
    return result;
}

// Where a rejection is recorded and which customer it names.  A caller bound to a tenant
// records only in that tenant, and only about rows it can see: the customer's tenant when
// the customer is visible to it, else the token's (visible tokens are of its tenant), else
// its own tenant.  An unbound caller records in the customer's tenant when the customer
// exists, else the token's, else 'default'.  A customer the caller cannot see (another
// tenant's, or none at all) is never named: not as customer_id, not in the reason.
struct RejectionScope {
    std::string tenant;
    std::optional<std::int64_t> customer_id;
};

// The scope of a rejected redemption of `invite` for `customer_id`.
RejectionScope rejection_scope(const std::optional<InviteRecord> &invite,
                               std::int64_t customer_id) {
    if (const auto customer = store::load_customer(customer_id))
        return {customer->tenant, customer_id};
    if (invite) return {invite->tenant, std::nullopt};
    // (A caller that acts in no tenant under isolation was refused before it got here.)
    std::optional<std::string> bound;
    try {
        bound = tenant_scope::bound_tenant();
    } catch (const IdentityError &) {
    }
    return {bound.value_or("default"), std::nullopt};
}
}  // namespace

namespace {

// Redeems a loaded invite; a rejection is recorded if the enclosing transaction commits.
Redemption redeem_loaded(const std::optional<InviteRecord> &invite, std::int64_t customer_id,
                         const char *path) {
    try {
        return redeem_checked(invite, customer_id, path);
    } catch (const IdentityError &error) {
        char code[6];
        pg_call([&] { std::memcpy(code, unpack_sql_state(error.sqlstate()), sizeof code); });
        const RejectionScope scope = rejection_scope(invite, customer_id);
        // The one reason that names the customer is its CI011.
        const bool names_hidden_customer =
            !scope.customer_id && error.sqlstate() == sqlstate::unknown_id;
        defer_event(
            {scope.tenant,
             "invite_rejected",
             scope.customer_id,
             std::nullopt,
             invite ? std::optional(invite->vendor_id) : std::nullopt,
             path,
             {{"sqlstate", std::string(code)},
              {"reason", names_hidden_customer ? std::string("unknown customer") : error.message()},
              {"invite_id", invite ? std::optional(std::to_string(invite->id)) : std::nullopt}}});
        throw;
    }
}

}  // namespace

Redemption redeem(const std::string &token, std::int64_t customer_id, const char *path) {
    return redeem_loaded(load_invite(token), customer_id, path);
}

Redemption redeem_invite_id(std::int64_t invite_id, std::int64_t customer_id, const char *path) {
    spi::Params params;
    params.int8(invite_id);
    return redeem_loaded(invite_from_result(spi::run(load_invite_by_id, params, 1)), customer_id,
                         path);
}

}  // namespace ci

// ---------------------------------------------------------------------------
// SQL entry points
// ---------------------------------------------------------------------------

using namespace ci;

CI_SQL_FUNCTION(ci_create_invite_token) {
    return entry_guard([&] {
        const auto vendor_id = required(int8_arg(fcinfo, 0), "vendor_id");
        const auto max_uses = int8_arg(fcinfo, 2);
        if (max_uses && *max_uses <= 0)
            throw IdentityError(sqlstate::malformed_input, "max_uses must be positive or NULL");
        spi::connect();
        // Unknown, or of another tenant than the caller's (tenant_scope.hpp).
        if (!store::load_vendor(vendor_id))
            throw IdentityError(sqlstate::unknown_id,
                                "vendor " + std::to_string(vendor_id) + " does not exist");
        std::optional<std::int64_t> expires_at;
        if (!PG_ARGISNULL(1)) {
            spi::Params interval;
            interval.raw(PG_GETARG_DATUM(1));
            spi::run(expiry_from_now, interval, 1);
            expires_at = spi::int8_at(0, 1);
            if (!expires_at)
                throw IdentityError(sqlstate::malformed_input,
                                    "expires_in must be a positive interval of at most 1000 years, "
                                    "or NULL");
        }
        const std::string token =
            issue_token(vendor_id, expires_at, max_uses, "create_invite_token").first;
        spi::finish();
        Datum result = (Datum)0;
        pg_call([&] { result = CStringGetTextDatum(token.c_str()); });
        return result;
    });
}

CI_SQL_FUNCTION(ci_redeem_invite_token) {
    return entry_guard([&] {
        const auto token = required(text_arg(fcinfo, 0), "token");
        const auto customer_id = required(int8_arg(fcinfo, 1), "customer_id");
        spi::connect();
        const Redemption result = redeem(token, customer_id, "redeem_invite_token");
        spi::finish();
        pg_call([&] {
            const TupleDesc row_type = spi::start_materialized_srf(fcinfo);
            ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
            Datum values[3] = {Int64GetDatum(result.vendor_id), Int64GetDatum(result.customer_id),
                               BoolGetDatum(result.created)};
            bool nulls[3] = {false, false, false};
            tuplestore_putvalues(rsinfo->setResult, row_type, values, nulls);
        });
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_revoke_invite_token) {
    return entry_guard([&] {
        const auto token = required(text_arg(fcinfo, 0), "token");
        spi::connect();
        const auto invite = load_invite(token);
        if (!invite) throw IdentityError(sqlstate::unknown_invite, "unknown invite token");
        if (!invite->revoked) {
            spi::Params params;
            params.int8(invite->id).int8(std::nullopt);
            spi::run(revoke_invite, params);
            record_event({invite->tenant,
                          "invite_revoked",
                          std::nullopt,
                          std::nullopt,
                          invite->vendor_id,
                          "revoke_invite_token",
                          {{"invite_id", std::to_string(invite->id)}}});
        }
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_rotate_invite_token) {
    return entry_guard([&] {
        const auto token = required(text_arg(fcinfo, 0), "token");
        spi::connect();
        const auto invite = load_invite(token);
        check_usable(invite);
        if (invite->exhausted())
            throw IdentityError(sqlstate::invite_exhausted,
                                "invite token " + std::to_string(invite->id) + " has no uses left");
        // Same vendor and expiry; the uses left carry over, so rotation never adds uses.
        std::optional<std::int64_t> uses_left;
        if (invite->max_uses) uses_left = *invite->max_uses - invite->use_count;
        const auto [new_token_text, new_id] =
            issue_token(invite->vendor_id, invite->expires_at, uses_left, "rotate_invite_token");
        spi::Params params;
        params.int8(invite->id).int8(new_id);
        spi::run(revoke_invite, params);
        record_event({invite->tenant,
                      "invite_rotated",
                      std::nullopt,
                      std::nullopt,
                      invite->vendor_id,
                      "rotate_invite_token",
                      {{"invite_id", std::to_string(invite->id)},
                       {"new_invite_id", std::to_string(new_id)}}});
        spi::finish();
        Datum result = (Datum)0;
        const char *text = new_token_text.c_str();
        pg_call([&] { result = CStringGetTextDatum(text); });
        return result;
    });
}

CI_SQL_FUNCTION(ci_pending_invites) {
    return entry_guard([&] {
        const auto vendor_id = required(int8_arg(fcinfo, 0), "vendor_id");
        spi::connect();
        if (!store::load_vendor(vendor_id))
            throw IdentityError(sqlstate::unknown_id,
                                "vendor " + std::to_string(vendor_id) + " does not exist");
        spi::Params params;
        params.int8(vendor_id);
        spi::run(list_pending, params, 0, true);
        spi::materialize_result(fcinfo);
        spi::finish();
        return (Datum)0;
    });
}

// ---------------------------------------------------------------------------
// Clientele rows written directly: the rules a redemption follows
// ---------------------------------------------------------------------------

namespace ci {

bool &clientele_write_flag() { return clientele_writing; }

namespace {

// Has the bigint `column` a different value in the NEW row than in the OLD one (always, for
// an INSERT)?
bool id_changed(const RowView &row, const std::optional<RowView> &old, const char *column) {
    return !old || row.int8(column) != old->int8(column);
}

// The same for a text column.
bool text_changed(const RowView &row, const std::optional<RowView> &old, const char *column) {
    return !old || row.text(column) != old->text(column);
}

// A vendor_customer row written by anyone but the extension's own functions: the customer
// must be active (CI010); a row from an invite names a usable invite of the same vendor and
// tenant (CI002-CI005) and uses it up as a redemption does (recorded as invite_redeemed,
// method 'direct'), unless the pair exists already.  References to rows of another tenant,
// or to none, are left to the tenant keys (23503), so no caller learns whether another
// tenant's row exists.  Only what the write changes is checked: rows written before 0.10.0
// stay writable, and ON DELETE SET NULL may drop a deleted invite.
void check_clientele_row(const RowView &row, const std::optional<RowView> &old) {
    const auto vendor_id = row.int8("vendor_id");
    const auto customer_id = row.int8("customer_id");
    const auto tenant_text = row.text("tenant_id");
    const auto source = row.text("source");
    if (!vendor_id || !customer_id || !tenant_text || !source) return;  // NOT NULL reports it
    const std::string tenant(*tenant_text);
    const bool pair_changed = id_changed(row, old, "vendor_id") ||
                              id_changed(row, old, "customer_id") ||
                              text_changed(row, old, "tenant_id");
    if (pair_changed) {
        const auto customer = probe::customer_by_id(*customer_id);
        if (customer && customer->tenant == tenant && tenant_scope::visible(tenant) &&
            customer->archived)
            throw IdentityError(
                sqlstate::customer_archived,
                "customer " + std::to_string(*customer_id) + " is archived",
                customer->merged_into
                    ? "It was merged into customer " + std::to_string(*customer->merged_into) + "."
                    : std::string(),
                "A vendor's clientele holds active customers only.");
    }
    const auto invite_id = row.int8("invite_id");
    const bool from_invite = *source == "invite";
    if (invite_id && !from_invite)
        throw IdentityError(sqlstate::malformed_input,
                            "a clientele row of source " + quote_for_message(std::string(*source)) +
                                " names no invite",
                            {}, "Only a row of source 'invite' has an invite_id.");
    const bool invite_changed =
        id_changed(row, old, "invite_id") || text_changed(row, old, "source");
    if (!from_invite || !(invite_changed || pair_changed)) return;
    // (An UPDATE that only drops the invite -- ON DELETE SET NULL -- is no new claim.)
    if (!invite_id && old && !text_changed(row, old, "source")) return;
    if (!invite_id)
        throw IdentityError(sqlstate::unknown_invite,
                            "a clientele row of source 'invite' must name its invite", {},
                            "Use redeem_invite_token, or source 'api' for a row of your own.");
    spi::Params key;
    key.int8(*invite_id).text(tenant);
    if (spi::run(load_invite_of_tenant, key, 1) == 0) return;  // another tenant's, or none
    const auto invite = invite_from_result(1);
    if (!invite) return;  // invisible to this caller: the tenant key answers
    if (invite->vendor_id != *vendor_id)
        throw IdentityError(sqlstate::unknown_invite, "invite " + std::to_string(invite->id) +
                                                          " is not an invite of vendor " +
                                                          std::to_string(*vendor_id));
    check_usable(invite);
    spi::Params pair;
    pair.int8(*vendor_id).int8(*customer_id);
    // A new pair that exists already: the write collides with it (23505, or ON CONFLICT
    // skips it), so no use is spent, as a redemption of an existing pair spends none.  (An
    // UPDATE that keeps its pair finds itself: turning it into an invite row is a new claim.)
    if (pair_changed && spi::run(pair_exists, pair, 1) != 0) return;
    if (invite->exhausted())
        throw IdentityError(sqlstate::invite_exhausted,
                            "invite token " + std::to_string(invite->id) + " has no uses left",
                            "It was used " + std::to_string(invite->use_count) + " of " +
                                std::to_string(*invite->max_uses) + " times.");
    spi::Params id;
    id.int8(invite->id);
    spi::run(use_invite, id);
    record_event({invite->tenant,
                  "invite_redeemed",
                  *customer_id,
                  std::nullopt,
                  invite->vendor_id,
                  "direct",
                  {{"invite_id", std::to_string(invite->id)}, {"created", "true"}}});
}

}  // namespace
}  // namespace ci

// BEFORE INSERT OR UPDATE ON vendor_customer: rows not written by the extension's own
// functions follow the rules of a redemption (check_clientele_row).
CI_SQL_FUNCTION(ci_vendor_customer_before_write) {
    return entry_guard([&] {
        if (!CALLED_AS_TRIGGER(fcinfo))
            throw IdentityError(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                                "vendor_customer_before_write must be called as a trigger");
        const auto *td = reinterpret_cast<TriggerData *>(fcinfo->context);
        const bool is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
        HeapTuple written = is_update ? td->tg_newtuple : td->tg_trigtuple;
        if (clientele_writing) return PointerGetDatum(written);
        const TupleDesc desc = td->tg_relation->rd_att;
        std::optional<RowView> old;
        if (is_update) old = RowView{td->tg_trigtuple, desc};
        spi::connect();
        check_clientele_row(RowView{written, desc}, old);
        spi::finish();
        return PointerGetDatum(written);
    });
}

// ---------------------------------------------------------------------------
// Registration through an invite: metadata->>'invite_token' on a customer write
// ---------------------------------------------------------------------------

namespace ci {
namespace {

// What a customer row trigger leaves for the end of its statement, once a token has been
// seen: one entry per row the statement went to insert or updated, in statement order.
// A BEFORE INSERT trigger cannot know whether its row will be inserted (ON CONFLICT decides
// after it); so the end of the statement redeems a token only for a row that is there now
// as this transaction's insert, under the id the trigger saw free (an upsert that inserts
// nothing redeems nothing, whatever else the statement writes), or for a row an UPDATE
// wrote with the token in it.  Plain C data in TopTransactionContext, newest first;
// entries of a rolled-back subtransaction are dropped.
struct QueuedInvite {
    std::int64_t customer_id;  // the row written (an insert: the id it was given)
    char *token;               // the token taken out of it, or null
    bool update;               // written by UPDATE (else by INSERT)
    bool id_taken;             // an INSERT whose id already belonged to a customer
    SubTransactionId subxact;
    QueuedInvite *next;
};
QueuedInvite *queued_invites = nullptr;

// Drops (abort) or hands to the parent (commit) the entries of a finished subtransaction.
void on_subtransaction_event(SubXactEvent event, SubTransactionId subxact, SubTransactionId parent,
                             void *) {
    if (event != SUBXACT_EVENT_ABORT_SUB && event != SUBXACT_EVENT_COMMIT_SUB) return;
    QueuedInvite **link = &queued_invites;
    while (*link != nullptr) {
        QueuedInvite *entry = *link;
        if (entry->subxact == subxact && event == SUBXACT_EVENT_ABORT_SUB) {
            *link = entry->next;
            continue;
        }
        if (entry->subxact == subxact) entry->subxact = parent;
        link = &entry->next;
    }
}

// Forgets the queue at the end of the transaction (its memory goes with it).
void on_transaction_event(XactEvent event, void *) {
    if (event != XACT_EVENT_PRE_COMMIT && event != XACT_EVENT_PRE_PREPARE &&
        event != XACT_EVENT_PARALLEL_PRE_COMMIT)
        queued_invites = nullptr;
}

// Appends an entry to the queue.
void enqueue(std::int64_t customer_id, char *token, bool update, bool id_taken) {
    pg_call([&] {
        auto *entry = static_cast<QueuedInvite *>(
            MemoryContextAllocZero(TopTransactionContext, sizeof(QueuedInvite)));
        entry->customer_id = customer_id;
        entry->token = token;
        entry->update = update;
        entry->id_taken = id_taken;
        entry->subxact = GetCurrentSubTransactionId();
        entry->next = queued_invites;
        queued_invites = entry;
    });
}

// A queue entry, as C++ values.
struct QueuedWrite {
    std::int64_t customer_id;
    std::optional<std::string> token;
    bool update;
    bool id_taken;
};

// Does another INSERT entry of the statement carry the same id as the one at `at`?  Only
// an explicit id (OVERRIDING SYSTEM VALUE) can repeat; then the row there now may be the
// other one, and the token cannot tell which row registered.
bool id_repeated(const std::vector<QueuedWrite> &writes, std::size_t at) {
    for (std::size_t other = 0; other < writes.size(); ++other)
        if (other != at && !writes[other].update &&
            writes[other].customer_id == writes[at].customer_id)
            return true;
    return false;
}

// The customer the token at `at` registers: the row an UPDATE wrote it into, or the row an
// INSERT went to write if that row was inserted -- its id was free before the statement and
// the row carrying it is now this transaction's insert (not a version an UPDATE wrote, as
// ON CONFLICT DO UPDATE or a CTE's UPDATE do).  A row that ON CONFLICT skipped or turned
// into an update of an existing customer registers nobody.
std::optional<std::int64_t> registered_customer(const std::vector<QueuedWrite> &writes,
                                                std::size_t at) {
    const QueuedWrite &write = writes[at];
    if (write.update) return write.customer_id;
    if (write.id_taken) return std::nullopt;
    if (id_repeated(writes, at))
        throw IdentityError(sqlstate::malformed_input,
                            "customer id " + std::to_string(write.customer_id) +
                                " is given to more than one row of the statement",
                            "An invite token in the metadata of one of them cannot tell which "
                            "row registered.",
                            "Give each row its own id, or let the identity column choose.");
    if (probe::inserted_by_this_transaction(write.customer_id)) return write.customer_id;
    return std::nullopt;
}

// The text key 'invite_token' as a Datum.
Datum invite_key() { return CStringGetTextDatum("invite_token"); }

}  // namespace

void queue_customer_write(const RowView &row, RowChanges &changes, bool is_update) {
    const std::int64_t id = *row.int8("id");
    const auto metadata = row.datum("metadata");
    bool present = false;
    if (!metadata) return;  // customer_before_write makes it {}
    // Only an object has keys: an array or string that spells the key holds no token (the
    // trigger refuses writing one; a row older than that rule may still hold one).
    if (!jsonb::is_empty(*metadata))  // ({} is the default: no token, nothing to read)
        pg_call([&] {
            Jsonb *value = DatumGetJsonbP(*metadata);
            present = JB_ROOT_IS_OBJECT(value) && !JB_ROOT_IS_SCALAR(value) &&
                      DatumGetBool(
                          DirectFunctionCall2(jsonb_exists, JsonbPGetDatum(value), invite_key()));
        });
    if (!present) {
        // While tokens wait, every row written is noted, so that an id given twice shows.
        if (queued_invites != nullptr) enqueue(id, nullptr, is_update, false);
        return;
    }
    char *token = nullptr;
    bool is_string = false;
    bool is_null = false;
    Datum stripped = (Datum)0;
    pg_call([&] {
        Datum value = DirectFunctionCall2(jsonb_object_field, *metadata, invite_key());
        char *type = TextDatumGetCString(DirectFunctionCall1(jsonb_typeof, value));
        is_string = strcmp(type, "string") == 0;
        is_null = strcmp(type, "null") == 0;
        if (is_string)
            token = MemoryContextStrdup(TopTransactionContext,
                                        TextDatumGetCString(DirectFunctionCall2(
                                            jsonb_object_field_text, *metadata, invite_key())));
        stripped = DirectFunctionCall2(jsonb_delete, *metadata, invite_key());
    });
    // JSON null is "no token" (what an ORM writes for an unset field): the key is dropped.
    if (!is_string && !is_null)
        throw IdentityError(sqlstate::malformed_input, "metadata->'invite_token' must be a string");
    changes.set_datum(row, "metadata", stripped);
    if (is_null) token = nullptr;
    if (token == nullptr && queued_invites == nullptr) return;
    // An insert given the id of an existing customer (OVERRIDING SYSTEM VALUE) is no
    // registration of that customer, whatever ON CONFLICT or a CTE makes of it.
    const bool id_taken = !is_update && token != nullptr && probe::customer_by_id(id).has_value();
    enqueue(id, token, is_update, id_taken);
}

void invite_init() {
    RegisterXactCallback(on_transaction_event, nullptr);
    RegisterSubXactCallback(on_subtransaction_event, nullptr);
}

}  // namespace ci

// AFTER INSERT OR UPDATE ... FOR EACH STATEMENT ON customer: redeem the queued tokens.
CI_SQL_FUNCTION(ci_customer_redeem_invites) {
    return entry_guard([&] {
        if (!CALLED_AS_TRIGGER(fcinfo))
            throw IdentityError(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                                "customer_redeem_invites must be called as a trigger");
        if (queued_invites == nullptr) return PointerGetDatum(nullptr);
        // Oldest first; the queue is emptied before redeeming, so a nested statement
        // cannot redeem an entry twice.
        std::vector<QueuedWrite> writes;  // in statement order
        for (QueuedInvite *entry = queued_invites; entry != nullptr; entry = entry->next)
            writes.push_back(
                {entry->customer_id,
                 entry->token ? std::optional<std::string>(entry->token) : std::nullopt,
                 entry->update, entry->id_taken});
        std::reverse(writes.begin(), writes.end());
        queued_invites = nullptr;
        spi::connect();
        for (std::size_t at = 0; at < writes.size(); ++at)
            if (writes[at].token)
                if (auto customer = registered_customer(writes, at))
                    redeem(*writes[at].token, *customer, "registration");
        spi::finish();
        return PointerGetDatum(nullptr);
    });
}
