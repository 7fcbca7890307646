// The proxy's routing (customer_identity_proxy): which shard serves a call, from a directory
// kept per backend.
//
// 0.1.0 routed each call through a PL/pgSQL function that took the bucket's routing lock and
// read bucket_directory (a SECURITY DEFINER call with its own search_path and a query):
// most of the hop's cost.  Here a call takes the routing lock and looks its bucket up in this
// backend's copy of the directory, read once and forgotten on a relcache invalidation of
// bucket_directory, which its statement trigger (routing_changed) sends on every change.
//
// The contract a move relies on (move_bucket, move_lock_bucket; keep it): a move switches a
// bucket by taking the bucket's routing lock exclusively, UPDATE-ing bucket_directory, and
// committing.  Every call takes the bucket's routing lock shared until its transaction ends,
// and only then reads the directory.  A committing transaction sends its invalidations
// before it releases its locks, and the call accepts invalidations after the lock is granted
// and reads with the latest snapshot: a call that waited on the move routes to the new
// shard, and so does every call that starts after the move committed.  A call in progress
// (it holds the lock shared) keeps the move waiting until its transaction ends.
#include "routing.hpp"

#include "pg_boundary.hpp"
#include "shard_key.hpp"

#include <array>
#include <cstdint>
#include <string>

extern "C" {
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/snapmgr.h"

// The key decoders' entry points (sharding.cpp): routing decodes keys as the SQL functions do.
PGDLLEXPORT Datum ci_tenant_bucket(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum ci_id_bucket(PG_FUNCTION_ARGS);
PGDLLEXPORT Datum ci_token_bucket(PG_FUNCTION_ARGS);
}

namespace ci::routing {
namespace {

constexpr std::int32_t no_shard = -1;

// This backend's copy of bucket_directory: the shard of each bucket (no_shard: none).
std::array<std::int32_t, shard::bucket_count> shard_of_bucket;
// Is the copy current (no change of bucket_directory seen since it was read)?
bool directory_known = false;
// bucket_directory's oid, once looked up (InvalidOid: not yet).
Oid directory_relation = InvalidOid;
bool callback_registered = false;

// Relcache callback: a change of bucket_directory (or of every relation) makes the copy stale.
void forget_on_change(Datum, Oid relid) {
    if (relid == InvalidOid || relid == directory_relation || !OidIsValid(directory_relation))
        directory_known = false;
}

// The routing lock of a bucket: advisory-style, in a key space of its own (advisory tags use
// field4 = 1 or 2 for the SQL-level functions, and 0x4349 / 0x4354 for the identity locks),
// so no pg_advisory_* call reaches it.  Calls take it shared, a move exclusively
// (routing_lock, below).
LOCKTAG routing_lock_tag(std::int32_t bucket) {
    constexpr uint32 routing_key = 0x43495052;     // "CIPR"
    constexpr uint16 routing_lock_space = 0x4352;  // "CR"
    LOCKTAG tag;
    SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, routing_key, static_cast<uint32>(bucket), routing_lock_space);
    return tag;
}

// Takes the bucket's routing lock shared until the end of the transaction, then sees the
// invalidations of whoever held it.
void lock_bucket_for_call(std::int32_t bucket) {
    LOCKTAG tag = routing_lock_tag(bucket);
    (void)LockAcquire(&tag, ShareLock, false, false);
    AcceptInvalidationMessages();
}

// Reads bucket_directory (of the schema the routing function lives in) into the copy, with
// the latest snapshot.  No privilege is checked: the application routes, it does not read
// the table (the shard number is no secret: shard_of_tenant tells it).
void read_directory(Oid schema) {
    if (!callback_registered) {
        CacheRegisterRelcacheCallback(forget_on_change, (Datum)0);
        callback_registered = true;
    }
    directory_relation = get_relname_relid("bucket_directory", schema);
    if (!OidIsValid(directory_relation))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
                        errmsg("no customer_identity.bucket_directory in this database"),
                        errhint("Routing runs on the proxy (customer_identity_proxy).")));
    // known from here: a change seen while reading (opening the table accepts
    // invalidations) makes the next call read again
    directory_known = true;
    shard_of_bucket.fill(no_shard);
    Relation directory = table_open(directory_relation, AccessShareLock);
    Snapshot snapshot = RegisterSnapshot(GetLatestSnapshot());
    TableScanDesc scan = table_beginscan(directory, snapshot, 0, nullptr);
    TupleTableSlot *slot = table_slot_create(directory, nullptr);
    while (table_scan_getnextslot(scan, ForwardScanDirection, slot)) {
        bool bucket_null = true, shard_null = true;
        const Datum bucket = slot_getattr(slot, 1, &bucket_null);
        const Datum serving = slot_getattr(slot, 2, &shard_null);
        const std::int32_t b = DatumGetInt32(bucket);
        if (!bucket_null && !shard_null && b >= 0 && b < static_cast<std::int32_t>(shard::bucket_count))
            shard_of_bucket[b] = DatumGetInt32(serving);
    }
    ExecDropSingleTupleTableSlot(slot);
    table_endscan(scan);
    UnregisterSnapshot(snapshot);
    table_close(directory, AccessShareLock);
}

// The shard serving the bucket, for a call: under the bucket's routing lock (shared).
std::int32_t route(FunctionCallInfo fcinfo, std::int32_t bucket) {
    std::int32_t serving = no_shard;
    // No bucket outside 0-1023 has a shard: answered (55000, below) without taking a lock.
    if (bucket >= 0 && bucket < static_cast<std::int32_t>(shard::bucket_count))
        pg_call([&] {
            lock_bucket_for_call(bucket);
            if (!directory_known) read_directory(get_func_namespace(fcinfo->flinfo->fn_oid));
            serving = shard_of_bucket[bucket];
        });
    if (serving == no_shard)
        throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "no shard serves bucket " + std::to_string(bucket), {},
                            "SELECT customer_identity.assign_buckets() after adding the shards.");
    return serving;
}

// The bucket a key decoder (tenant_bucket, id_bucket, token_bucket's C function) gives the
// function's argument (the routing function's first, or the API function's key); a NULL
// argument or answer is bucket 0, whose shard answers with the error a single server gives.
std::int32_t bucket_of_key(FunctionCallInfo fcinfo, PGFunction decoder, int argument = 0) {
    if (PG_ARGISNULL(argument)) return 0;
    std::int32_t bucket = 0;
    pg_call([&] {
        LOCAL_FCINFO(key_call, 1);
        InitFunctionCallInfoData(*key_call, nullptr, 1, PG_GET_COLLATION(), nullptr, nullptr);
        key_call->args[0].value = PG_GETARG_DATUM(argument);
        key_call->args[0].isnull = false;
        const Datum decoded = decoder(key_call);
        if (!key_call->isnull) bucket = DatumGetInt32(decoded);
    });
    return bucket;
}

}  // namespace

// (routing.hpp)
std::int32_t route_argument(FunctionCallInfo fcinfo, int argument, Key key) {
    const PGFunction decoder = key == Key::tenant ? ci_tenant_bucket : key == Key::id ? ci_id_bucket : ci_token_bucket;
    return route(fcinfo, bucket_of_key(fcinfo, decoder, argument));
}

}  // namespace ci::routing

using namespace ci;

// route_bucket(bucket integer) -> integer: the shard serving the bucket (55000: none), the
// bucket's routing lock held shared until the transaction ends.
CI_SQL_FUNCTION(ci_route_bucket) {
    return entry_guard([&] {
        if (PG_ARGISNULL(0))
            throw IdentityError(ERRCODE_NULL_VALUE_NOT_ALLOWED, "bucket must not be null");
        return Int32GetDatum(routing::route(fcinfo, PG_GETARG_INT32(0)));
    });
}

// route_tenant(tenant_id text) -> integer: the shard serving the tenant's bucket.
CI_SQL_FUNCTION(ci_route_tenant) {
    return entry_guard([&] { return Int32GetDatum(routing::route(fcinfo, routing::bucket_of_key(fcinfo, ci_tenant_bucket))); });
}

// route_id(id bigint) -> integer: the shard serving the bucket the id carries.
CI_SQL_FUNCTION(ci_route_id) {
    return entry_guard([&] { return Int32GetDatum(routing::route(fcinfo, routing::bucket_of_key(fcinfo, ci_id_bucket))); });
}

// route_token(token text) -> integer: the shard serving the bucket the invite token carries.
CI_SQL_FUNCTION(ci_route_token) {
    return entry_guard([&] { return Int32GetDatum(routing::route(fcinfo, routing::bucket_of_key(fcinfo, ci_token_bucket))); });
}

// routing_lock(bucket integer, exclusive boolean, wait boolean) -> boolean: the proxy's
// routing lock of a bucket (routing_lock_tag), held to the end of the transaction (calls
// routed to the bucket hold it shared, a move of the bucket exclusively).  Only the proxy's
// owner may execute it.  Without wait, returns false instead of waiting.
CI_SQL_FUNCTION(ci_routing_lock) {
    return entry_guard([&] {
        // (declared STRICT)
        const std::int32_t bucket = PG_GETARG_INT32(0);
        const bool exclusive = PG_GETARG_BOOL(1);
        const bool wait = PG_GETARG_BOOL(2);
        bool taken = false;
        pg_call([&] {
            LOCKTAG tag = routing::routing_lock_tag(bucket);
            taken = LockAcquire(&tag, exclusive ? ExclusiveLock : ShareLock, false, !wait) !=
                    LOCKACQUIRE_NOT_AVAIL;
        });
        return BoolGetDatum(taken);
    });
}
