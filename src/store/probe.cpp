// Direct index probes; see probe.hpp.
//
// Everything between pg_call's braces is plain C: values are copied into the probe memory
// context and turned into C++ strings only after the scan is closed.
#include "probe.hpp"

#include <cstring>
#include <string_view>

#include "pg_boundary.hpp"
#include "statement_scans.hpp"
#include "text_array.hpp"

extern "C" {
#include "access/genam.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "catalog/pg_class.h"
#include "access/htup_details.h"
#include "access/multixact.h"
#include "storage/bufmgr.h"
#include "storage/procarray.h"
}

namespace ci::probe {
namespace {

// Relations and columns, looked up by name once per backend and forgotten when any of them
// changes (DROP / CREATE EXTENSION, ALTER TABLE): no catalog lookups per call.
struct Catalog {
    bool valid;
    bool row_security;  // customer.relrowsecurity: tenant isolation is on
    Oid owner;
    Oid customer, vendor;
    Oid customer_pkey, identifier_index[4], archived_index[4], vendor_customer_key,
        vendor_email_index;
    AttrNumber c_id, c_tenant, c_identifier[4], c_name, c_archived_at, c_merged_into,
        c_roles;
    AttrNumber v_id, v_tenant, v_customer_id, v_email_normalized;
    AttrNumber c_email_verified_at, c_phone_verified_at;  // InvalidAttrNumber before 0.5.0
    // The trust tables of 0.5.0 (InvalidOid before): policy, blocked values, role bindings.
    Oid trust_policy, trust_policy_key, blocked, blocked_key, binding, binding_key;
    AttrNumber t_policy, t_builtin, b_tenant;
};
Catalog catalog;
// Holds the values one probe copies out of the heap; reset at the start of the next probe.
MemoryContext probe_context = nullptr;

// Relcache invalidation callback: a change to any relation we cached drops the cache.
void forget_catalog(Datum, Oid relid) {
    if (!catalog.valid) return;
    const Oid cached[] = {catalog.customer,
                          catalog.vendor,
                          catalog.customer_pkey,
                          catalog.identifier_index[0],
                          catalog.identifier_index[1],
                          catalog.identifier_index[2],
                          catalog.identifier_index[3],
                          catalog.archived_index[0],
                          catalog.archived_index[1],
                          catalog.archived_index[2],
                          catalog.archived_index[3],
                          catalog.vendor_customer_key,
                          catalog.vendor_email_index,
                          catalog.trust_policy,
                          catalog.trust_policy_key,
                          catalog.blocked,
                          catalog.blocked_key,
                          catalog.binding,
                          catalog.binding_key};
    if (relid == InvalidOid) catalog.valid = false;
    for (Oid oid : cached)
        if (oid == relid) catalog.valid = false;
}

// The OID of a relation of the extension's schema (errors if missing).
Oid relation_named(Oid schema, const char *name) {
    Oid oid = get_relname_relid(name, schema);
    if (!OidIsValid(oid))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("customer_identity: relation \"%s\" is missing", name)));
    return oid;
}

// The OID of an index added by a later version of the SQL script; InvalidOid while the
// installed version is older than the library.
Oid optional_relation(Oid schema, const char *name) { return get_relname_relid(name, schema); }

// A sharding table of 0.8.0 (shard_node, moved_bucket; InvalidOid before), looked up each
// time: they are read only to fill the sharding cache.
Oid sharding_relation(const char *name) {
    const Oid schema = get_namespace_oid("customer_identity", true);
    return OidIsValid(schema) ? optional_relation(schema, name) : InvalidOid;
}

// The attribute number of a column (errors if missing).
AttrNumber column_named(Oid relation, const char *name) {
    AttrNumber attnum = get_attnum(relation, name);
    if (attnum == InvalidAttrNumber)
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_COLUMN),
                        errmsg("customer_identity: column \"%s\" is missing", name)));
    return attnum;
}

// Fills the catalog cache if needed (inside pg_call).
void ensure_catalog() {
    if (catalog.valid) return;
    if (probe_context == nullptr) {
        CacheRegisterRelcacheCallback(forget_catalog, (Datum)0);
        probe_context = AllocSetContextCreate(TopMemoryContext, "customer_identity probes",
                                              ALLOCSET_SMALL_SIZES);
    }
    Oid schema = get_namespace_oid("customer_identity", false);
    Catalog c{};
    c.customer = relation_named(schema, "customer");
    HeapTuple class_tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(c.customer));
    if (!HeapTupleIsValid(class_tuple))
        elog(ERROR, "customer_identity: cache lookup failed for relation %u", c.customer);
    c.row_security = reinterpret_cast<Form_pg_class>(GETSTRUCT(class_tuple))->relrowsecurity;
    c.owner = reinterpret_cast<Form_pg_class>(GETSTRUCT(class_tuple))->relowner;
    ReleaseSysCache(class_tuple);
    c.vendor = relation_named(schema, "vendor");
    c.customer_pkey = relation_named(schema, "customer_pkey");
    c.identifier_index[0] = relation_named(schema, "customer_external_id_key");
    c.identifier_index[1] = relation_named(schema, "customer_user_id_key");
    c.identifier_index[2] = relation_named(schema, "customer_email_key");
    c.identifier_index[3] = relation_named(schema, "customer_phone_key");
    c.archived_index[0] = optional_relation(schema, "customer_archived_external_id_idx");
    c.archived_index[1] = optional_relation(schema, "customer_archived_user_id_idx");
    c.archived_index[2] = optional_relation(schema, "customer_archived_email_idx");
    c.archived_index[3] = optional_relation(schema, "customer_archived_phone_idx");
    c.vendor_customer_key = relation_named(schema, "vendor_customer_id_key");
    c.vendor_email_index = relation_named(schema, "vendor_contact_email_idx");
    c.c_id = column_named(c.customer, "id");
    c.c_tenant = column_named(c.customer, "tenant_id");
    c.c_identifier[0] = column_named(c.customer, "external_customer_id");
    c.c_identifier[1] = column_named(c.customer, "user_id");
    c.c_identifier[2] = column_named(c.customer, "email_normalized");
    c.c_identifier[3] = column_named(c.customer, "phone_normalized");
    c.c_name = column_named(c.customer, "name");
    c.c_archived_at = column_named(c.customer, "archived_at");
    c.c_merged_into = column_named(c.customer, "merged_into");
    c.c_roles = column_named(c.customer, "roles");
    c.v_id = column_named(c.vendor, "id");
    c.v_tenant = column_named(c.vendor, "tenant_id");
    c.v_customer_id = column_named(c.vendor, "customer_id");
    c.v_email_normalized = column_named(c.vendor, "primary_contact_email_normalized");
    c.c_email_verified_at = get_attnum(c.customer, "email_verified_at");
    c.c_phone_verified_at = get_attnum(c.customer, "phone_verified_at");
    c.trust_policy = optional_relation(schema, "trust_policy");
    c.trust_policy_key = optional_relation(schema, "trust_policy_tenant_key");
    c.blocked = optional_relation(schema, "blocked_identifier");
    c.blocked_key = optional_relation(schema, "blocked_identifier_pkey");
    c.binding = optional_relation(schema, "tenant_binding");
    c.binding_key = optional_relation(schema, "tenant_binding_pkey");
    if (OidIsValid(c.trust_policy)) {
        c.t_policy = column_named(c.trust_policy, "policy");
        c.t_builtin = column_named(c.trust_policy, "builtin_blocklist");
    }
    if (OidIsValid(c.binding)) c.b_tenant = column_named(c.binding, "tenant_id");
    c.valid = true;
    catalog = c;
}

// A text value copied out of a tuple: short values (nearly every tenant id and identifier)
// into the struct itself, longer ones into the probe context.  No pointer into the struct is
// kept, so a RawText can be copied.
struct RawText {
    static constexpr int inline_capacity = 48;
    int length;  // -1: NULL
    const char *long_data;
    char inline_data[inline_capacity];

    const char *data() const { return length <= inline_capacity ? inline_data : long_data; }
};
constexpr RawText null_text() { return RawText{-1, nullptr, {}}; }

// A customer row (and its linked vendor) copied out of the heap.  The texts are written
// only when a row is found, so an empty one is not cleared first.
struct RawCustomer {
    bool found = false;
    std::int64_t id = 0;
    RawText tenant, identifiers[4];
    bool has_name = false, archived = false, has_merged_into = false, vendor_role = false,
         has_vendor = false, email_verified = false, phone_verified = false,
         being_written = false;
    std::int64_t merged_into = 0, vendor = 0;
};

// A vendor row copied out of the heap.
struct RawVendor {
    bool found;
    std::int64_t id, customer_id;
    bool has_customer;
    RawText tenant, email_normalized;
};

// Copies the text column's value, detoasted, into `raw` (see RawText).
void read_text_column(TupleTableSlot *slot, AttrNumber attnum, RawText *raw) {
    bool is_null = true;
    Datum value = slot_getattr(slot, attnum, &is_null);
    raw->long_data = nullptr;
    if (is_null) {
        raw->length = -1;
        return;
    }
    // Packed: a short or plain value is read in place, only a toasted one is detoasted.
    struct varlena *packed = PG_DETOAST_DATUM_PACKED(value);
    raw->length = static_cast<int>(VARSIZE_ANY_EXHDR(packed));
    if (raw->length <= RawText::inline_capacity) {
        std::memcpy(raw->inline_data, VARDATA_ANY(packed), raw->length);
    } else {
        char *copy = static_cast<char *>(palloc(raw->length));
        std::memcpy(copy, VARDATA_ANY(packed), raw->length);
        raw->long_data = copy;
    }
}

// Is the column NULL?  A heap row answers from its null bitmap, without being deformed up
// to the column: a probe reads late columns (archived_at, the verified-at pair) only for this.
bool column_is_null(TupleTableSlot *slot, AttrNumber attnum) {
    if (TTS_IS_BUFFERTUPLE(slot)) {
        HeapTuple tuple = reinterpret_cast<BufferHeapTupleTableSlot *>(slot)->base.tuple;
        if (tuple != nullptr) return heap_attisnull(tuple, attnum, slot->tts_tupleDescriptor);
    }
    bool is_null = true;
    slot_getattr(slot, attnum, &is_null);
    return is_null;
}

// The int8 column's value; false when NULL.
bool int8_column(TupleTableSlot *slot, AttrNumber attnum, std::int64_t *out) {
    if (column_is_null(slot, attnum)) return false;
    bool is_null = true;
    *out = DatumGetInt64(slot_getattr(slot, attnum, &is_null));
    return true;
}

// Is the (optional) column present and not NULL?
bool is_set(TupleTableSlot *slot, AttrNumber attnum) {
    return attnum != InvalidAttrNumber && !column_is_null(slot, attnum);
}

// Does `bytes` contain `wanted`?  A plain loop: the payloads searched are a few dozen bytes,
// less than a library search costs to start.
bool contains_bytes(std::string_view bytes, std::string_view wanted) {
    if (wanted.empty()) return true;
    for (std::size_t at = 0; at + wanted.size() <= bytes.size(); ++at)
        if (bytes[at] == wanted.front() && bytes.substr(at, wanted.size()) == wanted) return true;
    return false;
}

// Does the text[] column contain `role`?  A small array (roles always are) is read from an
// aligned copy on the stack instead of a detoasted copy and a deconstructed one.
bool array_contains(TupleTableSlot *slot, AttrNumber attnum, const char *role) {
    bool is_null = true;
    Datum value = slot_getattr(slot, attnum, &is_null);
    if (is_null) return false;
    union {
        char bytes[256];
        double align;  // MAXALIGN for the array header
    } local;
    struct varlena *packed = PG_DETOAST_DATUM_PACKED(value);
    const std::size_t payload = VARSIZE_ANY_EXHDR(packed);
    const std::string_view wanted(role);
    // An element equal to `role` leaves its bytes in the array's payload: without them there
    // is nothing to walk (most customers have no role vendor).  With them, the walk decides.
    if (!contains_bytes(std::string_view(VARDATA_ANY(packed), payload), wanted)) return false;
    ArrayType *array;
    if (payload + VARHDRSZ <= sizeof(local.bytes)) {
        SET_VARSIZE(local.bytes, payload + VARHDRSZ);
        std::memcpy(VARDATA(local.bytes), VARDATA_ANY(packed), payload);
        array = reinterpret_cast<ArrayType *>(local.bytes);
    } else {
        array = DatumGetArrayTypeP(value);
    }
    bool found = false;
    each_text_element(array, [&](std::optional<std::string_view> element) {
        found = found || element == wanted;
    });
    return found;
}

// Does a transaction in progress, other than this one, lock or update the row in the slot?
// (Its xmax, read under the buffer's share lock when set; a merge locks the rows it archives.)
bool being_written(TupleTableSlot *slot) {
    if (!TTS_IS_BUFFERTUPLE(slot)) return true;  // not a heap page: assume the worst
    auto *heap_slot = reinterpret_cast<BufferHeapTupleTableSlot *>(slot);
    // The usual case, read without the lock: a locker that sets xmax now comes after us.
    if (heap_slot->base.tuple->t_data->t_infomask & HEAP_XMAX_INVALID) return false;
    LockBuffer(heap_slot->buffer, BUFFER_LOCK_SHARE);
    const HeapTupleHeader header = heap_slot->base.tuple->t_data;
    const uint16 infomask = header->t_infomask;
    const TransactionId xmax = HeapTupleHeaderGetRawXmax(header);
    LockBuffer(heap_slot->buffer, BUFFER_LOCK_UNLOCK);
    if (infomask & HEAP_XMAX_INVALID) return false;
    if (infomask & HEAP_XMAX_IS_MULTI)
        return MultiXactIdIsRunning(xmax, HEAP_XMAX_IS_LOCKED_ONLY(infomask));
    return !TransactionIdIsCurrentTransactionId(xmax) && TransactionIdIsInProgress(xmax);
}

// The equality scan keys of one probe: the first `count` columns of the index.  With
// first_is_null the first key searches for NULL instead (UNIQUE NULLS NOT DISTINCT).
struct EqualKeys {
    Datum values[3];
    RegProcedure procedures[3];
    int count;
    bool first_is_null = false;
};

// The scan keys of `keys` for `index`.
void fill_scan_keys(Relation index, const EqualKeys &keys, ScanKeyData *scan_keys) {
    for (int i = 0; i < keys.count; ++i) {
        if (i == 0 && keys.first_is_null)
            ScanKeyEntryInitialize(&scan_keys[i], SK_ISNULL | SK_SEARCHNULL, 1, InvalidStrategy,
                                   InvalidOid, InvalidOid, InvalidOid, (Datum)0);
        else
            ScanKeyEntryInitialize(&scan_keys[i], 0, i + 1, BTEqualStrategyNumber, InvalidOid,
                                   index->rd_indcollation[i], keys.procedures[i], keys.values[i]);
    }
}

// The statement scan's keys for this probe: initialized on its first probe (or when a
// probe of another shape comes), afterwards only the values change.  (In open->memory.)
ScanKeyData *statement_scan_keys(statement_scans::OpenScan *open, const EqualKeys &keys) {
    bool same_shape = open->keys_ready && open->keys_search_null == keys.first_is_null;
    for (int i = 0; same_shape && i < keys.count; ++i)
        same_shape = open->key_procedures[i] == keys.procedures[i];
    if (!same_shape) {
        fill_scan_keys(open->index, keys, open->keys);
        for (int i = 0; i < keys.count; ++i) open->key_procedures[i] = keys.procedures[i];
        open->keys_search_null = keys.first_is_null;
        open->keys_ready = true;
        return open->keys;
    }
    for (int i = keys.first_is_null ? 1 : 0; i < keys.count; ++i)
        open->keys[i].sk_argument = keys.values[i];
    return open->keys;
}

// Visits the rows of `heap_oid` that `keys` finds through the index, under `snapshot`,
// until `visit` returns false: through the statement's open scan when there is one
// (statement_scans.hpp), else through a scan of its own.  (Relations stay locked to the
// end of the transaction, as a query's would.)
template <typename Visit>
void scan_index(Oid heap_oid, Oid index_oid, const EqualKeys &keys, Snapshot snapshot,
                Visit &&visit) {
    ScanKeyData scan_keys[3];
    if (statement_scans::OpenScan *open =
            statement_scans::find_or_open(heap_oid, index_oid, keys.count)) {
        open->in_use = true;
        open->scan->xs_snapshot = snapshot;  // each probe reads with its own snapshot
        // What the scan allocates for itself must live as long as it does; what `visit`
        // copies lives in the probe's context.
        MemoryContext probe_memory = MemoryContextSwitchTo(open->memory);
        index_rescan(open->scan, statement_scan_keys(open, keys), keys.count, nullptr, 0);
        while (index_getnext_slot(open->scan, ForwardScanDirection, open->slot)) {
            MemoryContextSwitchTo(probe_memory);
            const bool more = visit(open->slot);
            MemoryContextSwitchTo(open->memory);
            if (!more) break;
        }
        ExecClearTuple(open->slot);
        MemoryContextSwitchTo(probe_memory);
        open->in_use = false;
        return;
    }
    Relation heap = table_open(heap_oid, AccessShareLock);
    TupleTableSlot *slot = table_slot_create(heap, nullptr);
    Relation index = index_open(index_oid, AccessShareLock);
    fill_scan_keys(index, keys, scan_keys);
    IndexScanDesc scan = compat::index_beginscan(heap, index, snapshot, keys.count, 0);
    index_rescan(scan, scan_keys, keys.count, nullptr, 0);
    while (index_getnext_slot(scan, ForwardScanDirection, slot))
        if (!visit(slot)) break;
    index_endscan(scan);
    index_close(index, NoLock);
    ExecDropSingleTupleTableSlot(slot);
    table_close(heap, NoLock);
}

// Which state a probe reads.
enum class Visibility {
    statement,  // a fresh statement snapshot, the one an SPI query of a volatile function gets
    latest      // everything committed now, even after a REPEATABLE READ snapshot
};

// Runs body(snapshot) in the probe context with a snapshot of the given visibility.
template <typename Body>
void with_probe_snapshot(Body &&body, Visibility visibility = Visibility::statement) {
    ensure_catalog();
    MemoryContextReset(probe_context);
    MemoryContext caller = MemoryContextSwitchTo(probe_context);
    if (visibility == Visibility::statement && !IsolationUsesXactSnapshot() &&
        ActiveSnapshotSet()) {
        // READ COMMITTED inside a statement, the usual case: the fresh snapshot is used as
        // taken, without a pushed copy.  Its command id is current; the statement's active
        // snapshot is older and keeps this backend's xmin horizon below it; nothing in a
        // probe takes another transaction snapshot while this one is in use.
        CommandCounterIncrement();  // this transaction's earlier writes become visible
        body(GetTransactionSnapshot());
        MemoryContextSwitchTo(caller);
        return;
    }
    if (visibility == Visibility::latest) {
        PushActiveSnapshot(GetLatestSnapshot());
    } else {
        CommandCounterIncrement();  // this transaction's earlier writes become visible
        PushActiveSnapshot(GetTransactionSnapshot());
        UpdateActiveSnapshotCommandId();
    }
    body(GetActiveSnapshot());
    PopActiveSnapshot();
    MemoryContextSwitchTo(caller);
}

// Reads the vendor linked to `customer_id` (inside a probe).
bool linked_vendor(std::int64_t customer_id, Snapshot snapshot, std::int64_t *vendor_id) {
    EqualKeys keys{{Int64GetDatum(customer_id)}, {F_INT8EQ}, 1};
    bool found = false;
    scan_index(catalog.vendor, catalog.vendor_customer_key, keys, snapshot, [&](TupleTableSlot *s) {
        found = int8_column(s, catalog.v_id, vendor_id);
        return !found;
    });
    return found;
}

// Reads the first customer the index finds, with its linked vendor (inside a probe).  With
// `whole` false only the id, the archived and written states and the role vendor are read:
// the texts, name, merge and verification columns stay unset.
void read_customer(Oid index_oid, const EqualKeys &keys, bool active_only, Snapshot snapshot,
                   RawCustomer *raw, bool whole = true) {
    scan_index(catalog.customer, index_oid, keys, snapshot, [&](TupleTableSlot *s) {
        const bool archived_null = column_is_null(s, catalog.c_archived_at);
        // The partial index holds active rows only; the check keeps that an invariant here.
        if (active_only && !archived_null) return true;
        raw->found = true;
        int8_column(s, catalog.c_id, &raw->id);
        raw->archived = !archived_null;
        raw->vendor_role = array_contains(s, catalog.c_roles, "vendor");
        raw->being_written = being_written(s);
        if (!whole) return false;
        read_text_column(s, catalog.c_tenant, &raw->tenant);
        for (int i = 0; i < 4; ++i) read_text_column(s, catalog.c_identifier[i], &raw->identifiers[i]);
        raw->has_name = is_set(s, catalog.c_name);
        raw->has_merged_into = int8_column(s, catalog.c_merged_into, &raw->merged_into);
        raw->email_verified = is_set(s, catalog.c_email_verified_at);
        raw->phone_verified = is_set(s, catalog.c_phone_verified_at);
        return false;
    });
    // Only a customer with role vendor can have a vendor linked (the vendor role rule holds
    // it on every write; check_integrity reports rows written around it): the others skip
    // the vendor probe, which most hits are.
    if (raw->found && raw->vendor_role)
        raw->has_vendor = linked_vendor(raw->id, snapshot, &raw->vendor);
}

// The (tenant_id, value) equality keys of an identifier index.
EqualKeys tenant_value_keys(const std::string &tenant, const std::string &value) {
    return {{PointerGetDatum(cstring_to_text_with_len(tenant.data(), tenant.size())),
             PointerGetDatum(cstring_to_text_with_len(value.data(), value.size()))},
            {F_TEXTEQ, F_TEXTEQ},
            2};
}

// A copied text value as a C++ value.
std::optional<std::string> to_string(const RawText &raw) {
    if (raw.length < 0) return std::nullopt;
    return std::string(raw.data(), static_cast<std::size_t>(raw.length));
}

// Puts a copied text value into `out` (left empty when NULL), built in place.
void assign_text(const RawText &raw, std::optional<std::string> &out) {
    if (raw.length >= 0) out.emplace(raw.data(), static_cast<std::size_t>(raw.length));
}

// A copied customer row as a CustomerRecord, built in the optional it is returned in.
std::optional<CustomerRecord> to_record(const RawCustomer &raw) {
    std::optional<CustomerRecord> result;
    if (!raw.found) return result;
    CustomerRecord &record = result.emplace();
    record.id = raw.id;
    if (raw.tenant.length > 0)
        record.tenant.assign(raw.tenant.data(), static_cast<std::size_t>(raw.tenant.length));
    for (int i = 0; i < 4; ++i) assign_text(raw.identifiers[i], record.identifiers[i]);
    record.has_name = raw.has_name;
    record.archived = raw.archived;
    if (raw.has_merged_into) record.merged_into = raw.merged_into;
    record.has_vendor_role = raw.vendor_role;
    if (raw.has_vendor) record.linked_vendor = raw.vendor;
    record.email_verified = raw.email_verified;
    record.phone_verified = raw.phone_verified;
    record.being_written = raw.being_written;
    return result;
}

// The id and link of the vendor row in the slot (the cheap part, read for every candidate).
RawVendor read_vendor_keys(TupleTableSlot *slot) {
    RawVendor raw{};
    raw.found = true;
    int8_column(slot, catalog.v_id, &raw.id);
    raw.has_customer = int8_column(slot, catalog.v_customer_id, &raw.customer_id);
    return raw;
}

// The text columns of the vendor row in the slot, copied into the probe context.
void read_vendor_texts(TupleTableSlot *slot, RawVendor *raw) {
    read_text_column(slot, catalog.v_tenant, &raw->tenant);
    read_text_column(slot, catalog.v_email_normalized, &raw->email_normalized);
}

// A copied vendor row as a VendorRecord.
std::optional<VendorRecord> to_vendor_record(const RawVendor &raw) {
    if (!raw.found) return std::nullopt;
    VendorRecord record;
    record.id = raw.id;
    record.tenant = to_string(raw.tenant).value_or("");
    if (raw.has_customer) record.customer_id = raw.customer_id;
    record.email_normalized = to_string(raw.email_normalized);
    return record;
}

// Reads, in a probe of its own, the active customer of the tenant holding this identifier
// value: whole, or (whole false) only what a hit returns (see read_customer).
RawCustomer read_active_customer(const std::string &tenant, Identifier id,
                                 const std::string &value, bool whole) {
    RawCustomer raw;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            read_customer(catalog.identifier_index[static_cast<int>(id)],
                          tenant_value_keys(tenant, value), true, snapshot, &raw, whole);
        });
    });
    return raw;
}

}  // namespace

std::optional<CustomerRecord> active_customer(const std::string &tenant, Identifier id,
                                              const std::string &value) {
    return to_record(read_active_customer(tenant, id, value, true));
}

std::optional<CustomerHit> active_customer_hit(const std::string &tenant, Identifier id,
                                               const std::string &value) {
    const RawCustomer raw = read_active_customer(tenant, id, value, false);
    if (!raw.found) return std::nullopt;
    CustomerHit hit;
    hit.id = raw.id;
    if (raw.has_vendor) hit.linked_vendor = raw.vendor;
    hit.being_written = raw.being_written;
    return hit;
}

std::optional<CustomerRecord> customer_by_id(std::int64_t id) {
    RawCustomer raw;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            EqualKeys keys{{Int64GetDatum(id)}, {F_INT8EQ}, 1};
            read_customer(catalog.customer_pkey, keys, false, snapshot, &raw);
        });
    });
    return to_record(raw);
}

bool inserted_by_this_transaction(std::int64_t id) {
    bool inserted = false;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            EqualKeys keys{{Int64GetDatum(id)}, {F_INT8EQ}, 1};
            scan_index(catalog.customer, catalog.customer_pkey, keys, snapshot,
                       [&](TupleTableSlot *s) {
                           bool should_free = false;
                           HeapTuple tuple = ExecFetchSlotHeapTuple(s, false, &should_free);
                           // An UPDATE's version (ON CONFLICT DO UPDATE, a CTE's UPDATE) is
                           // ours too, but marked HEAP_UPDATED: only a plain insert counts.
                           inserted = TransactionIdIsCurrentTransactionId(
                                          HeapTupleHeaderGetXmin(tuple->t_data)) &&
                                      (tuple->t_data->t_infomask & HEAP_UPDATED) == 0;
                           if (should_free) heap_freetuple(tuple);
                           return false;
                       });
        });
    });
    return inserted;
}

std::optional<std::int64_t> vendor_linked_to(std::int64_t customer_id) {
    std::int64_t vendor_id = 0;
    bool found = false;
    pg_call([&] {
        with_probe_snapshot(
            [&](Snapshot snapshot) { found = linked_vendor(customer_id, snapshot, &vendor_id); });
    });
    if (!found) return std::nullopt;
    return vendor_id;
}

std::optional<VendorRecord> vendor_of_customer(std::int64_t customer_id) {
    RawVendor raw{};
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            EqualKeys keys{{Int64GetDatum(customer_id)}, {F_INT8EQ}, 1};
            scan_index(catalog.vendor, catalog.vendor_customer_key, keys, snapshot,
                       [&](TupleTableSlot *s) {
                           raw = read_vendor_keys(s);
                           read_vendor_texts(s, &raw);
                           return false;
                       });
        });
    });
    return to_vendor_record(raw);
}

std::optional<VendorRecord> vendor_by_email(const std::string &tenant,
                                            const std::string &email_normalized,
                                            bool unlinked_only) {
    RawVendor best{};
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            const EqualKeys keys = tenant_value_keys(tenant, email_normalized);
            // Few vendors share an email: look at all of them, keep the preferred one.
            scan_index(
                catalog.vendor, catalog.vendor_email_index, keys, snapshot, [&](TupleTableSlot *s) {
                    RawVendor candidate = read_vendor_keys(s);
                    if (unlinked_only && candidate.has_customer) return true;
                    const bool better =
                        !best.found || (candidate.has_customer && !best.has_customer) ||
                        (candidate.has_customer == best.has_customer && candidate.id < best.id);
                    if (better) {
                        read_vendor_texts(s, &candidate);
                        best = candidate;
                    }
                    return true;
                });
        });
    });
    return to_vendor_record(best);
}

std::optional<std::int64_t> merged_alias(const std::string &tenant, Identifier id,
                                         const std::string &value) {
    bool found = false;
    std::int64_t merged_into = 0, best_archived_at = 0, best_id = 0;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            // Before 0.3.0 there were no merges, hence no aliases (and no index).
            if (!OidIsValid(catalog.archived_index[static_cast<int>(id)])) return;
            // The most recent merge wins: ORDER BY archived_at DESC, id DESC.
            scan_index(catalog.customer, catalog.archived_index[static_cast<int>(id)],
                       tenant_value_keys(tenant, value), snapshot, [&](TupleTableSlot *s) {
                           std::int64_t into = 0, archived_at = 0, row_id = 0;
                           if (!int8_column(s, catalog.c_merged_into, &into) ||
                               !int8_column(s, catalog.c_archived_at, &archived_at))
                               return true;
                           int8_column(s, catalog.c_id, &row_id);
                           if (!found || archived_at > best_archived_at ||
                               (archived_at == best_archived_at && row_id > best_id)) {
                               found = true;
                               merged_into = into;
                               best_archived_at = archived_at;
                               best_id = row_id;
                           }
                           return true;
                       });
        });
    });
    if (!found) return std::nullopt;
    return merged_into;
}

bool archived_in_latest_snapshot(std::int64_t id) {
    bool archived = false;
    pg_call([&] {
        with_probe_snapshot(
            [&](Snapshot snapshot) {
                EqualKeys keys{{Int64GetDatum(id)}, {F_INT8EQ}, 1};
                // Only archived_at: no row copy, no vendor probe.
                scan_index(catalog.customer, catalog.customer_pkey, keys, snapshot,
                           [&](TupleTableSlot *s) {
                               bool is_null = true;
                               slot_getattr(s, catalog.c_archived_at, &is_null);
                               archived = !is_null;
                               return false;
                           });
            },
            Visibility::latest);
    });
    return archived;
}

std::optional<TrustRow> trust_row(const std::optional<std::string> &tenant) {
    bool found = false;
    TrustRow row{};
    char policy[16] = {0};
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            if (!OidIsValid(catalog.trust_policy_key)) return;
            EqualKeys keys{{(Datum)0}, {F_TEXTEQ}, 1, !tenant};
            if (tenant)
                keys.values[0] =
                    PointerGetDatum(cstring_to_text_with_len(tenant->data(), tenant->size()));
            scan_index(catalog.trust_policy, catalog.trust_policy_key, keys, snapshot,
                       [&](TupleTableSlot *s) {
                           bool is_null = true;
                           Datum value = slot_getattr(s, catalog.t_policy, &is_null);
                           if (!is_null)
                               text_to_cstring_buffer(DatumGetTextPP(value), policy,
                                                      sizeof policy);
                           Datum builtin = slot_getattr(s, catalog.t_builtin, &is_null);
                           row.builtin_blocklist = !is_null && DatumGetBool(builtin);
                           found = true;
                           return false;
                       });
        });
    });
    if (!found) return std::nullopt;
    row.verified = std::string(policy) == "verified";
    return row;
}

bool blocked_value(const std::string &tenant, const char *identifier, const std::string &value) {
    bool found = false;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            if (!OidIsValid(catalog.blocked_key)) return;
            EqualKeys keys{{PointerGetDatum(cstring_to_text_with_len(tenant.data(), tenant.size())),
                            PointerGetDatum(cstring_to_text(identifier)),
                            PointerGetDatum(cstring_to_text_with_len(value.data(), value.size()))},
                           {F_TEXTEQ, F_TEXTEQ, F_TEXTEQ},
                           3};
            scan_index(catalog.blocked, catalog.blocked_key, keys, snapshot,
                       [&](TupleTableSlot *) { return !(found = true); });
        });
    });
    return found;
}

bool any_blocked_value(const std::string &tenant) {
    bool found = false;
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            if (!OidIsValid(catalog.blocked_key)) return;
            EqualKeys keys{{PointerGetDatum(cstring_to_text_with_len(tenant.data(), tenant.size()))},
                           {F_TEXTEQ},
                           1};
            scan_index(catalog.blocked, catalog.blocked_key, keys, snapshot,
                       [&](TupleTableSlot *) { return !(found = true); });
        });
    });
    return found;
}

std::optional<std::string> tenant_binding(std::uint32_t role) {
    RawText tenant = null_text();
    pg_call([&] {
        with_probe_snapshot([&](Snapshot snapshot) {
            if (!OidIsValid(catalog.binding_key)) return;
            EqualKeys keys{{ObjectIdGetDatum(role)}, {F_OIDEQ}, 1};
            scan_index(catalog.binding, catalog.binding_key, keys, snapshot,
                       [&](TupleTableSlot *s) {
                           read_text_column(s, catalog.b_tenant, &tenant);
                           return false;
                       });
        });
    });
    return to_string(tenant);
}

SettingsRelations settings_relations() {
    SettingsRelations relations{InvalidOid, InvalidOid, InvalidOid, InvalidOid,
                                InvalidOid, InvalidOid, InvalidOid};
    pg_call([&] {
        ensure_catalog();
        relations = {catalog.trust_policy, catalog.blocked, catalog.binding,
                     sharding_relation("shard_node"), sharding_relation("moved_bucket"),
                     sharding_relation("identifier_rules"), sharding_relation("served_bucket")};
    });
    return relations;
}

namespace {
// Every non-NULL value of an integer column of a small table (a whole scan).
std::vector<std::int32_t> int_column_values(Oid relation, const char *column) {
    std::vector<std::int32_t> values;
    if (!OidIsValid(relation)) return values;
    with_probe_snapshot([&](Snapshot snapshot) {
        Relation rel = table_open(relation, AccessShareLock);
        const AttrNumber attnum = column_named(relation, column);
        TableScanDesc scan = table_beginscan(rel, snapshot, 0, nullptr);
        TupleTableSlot *slot = table_slot_create(rel, nullptr);
        while (table_scan_getnextslot(scan, ForwardScanDirection, slot)) {
            bool is_null = true;
            const Datum value = slot_getattr(slot, attnum, &is_null);
            if (!is_null) values.push_back(DatumGetInt32(value));
        }
        ExecDropSingleTupleTableSlot(slot);
        table_endscan(scan);
        table_close(rel, AccessShareLock);
    });
    return values;
}
}  // namespace

std::vector<IdentifierRuleRow> identifier_rule_rows() {
    std::vector<IdentifierRuleRow> rows;
    pg_call([&] {
        ensure_catalog();
        const Oid relation = sharding_relation("identifier_rules");
        if (!OidIsValid(relation)) return;
        with_probe_snapshot([&](Snapshot snapshot) {
            Relation rel = table_open(relation, AccessShareLock);
            const AttrNumber columns[3] = {column_named(relation, "tenant_id"),
                                           column_named(relation, "phone"),
                                           column_named(relation, "email")};
            TableScanDesc scan = table_beginscan(rel, snapshot, 0, nullptr);
            TupleTableSlot *slot = table_slot_create(rel, nullptr);
            while (table_scan_getnextslot(scan, ForwardScanDirection, slot)) {
                RawText texts[3];
                for (int i = 0; i < 3; ++i) read_text_column(slot, columns[i], &texts[i]);
                rows.push_back({to_string(texts[0]), to_string(texts[1]), to_string(texts[2])});
            }
            ExecDropSingleTupleTableSlot(slot);
            table_endscan(scan);
            table_close(rel, AccessShareLock);
        });
    });
    return rows;
}

std::optional<std::uint32_t> shard_node() {
    std::vector<std::int32_t> nodes;
    pg_call([&] {
        ensure_catalog();
        nodes = int_column_values(sharding_relation("shard_node"), "node");
    });
    if (nodes.empty()) return std::nullopt;
    return static_cast<std::uint32_t>(nodes.front());
}

int shard_id_layout() {
    int layout = 1;
    pg_call([&] {
        ensure_catalog();
        const Oid relation = sharding_relation("shard_node");
        if (!OidIsValid(relation) || get_attnum(relation, "id_layout") == InvalidAttrNumber) return;
        const auto layouts = int_column_values(relation, "id_layout");
        if (!layouts.empty()) layout = layouts.front();
    });
    return layout;
}

std::vector<std::uint32_t> moved_buckets() {
    std::vector<std::int32_t> buckets;
    pg_call([&] {
        ensure_catalog();
        buckets = int_column_values(sharding_relation("moved_bucket"), "bucket");
    });
    return {buckets.begin(), buckets.end()};
}

std::optional<std::vector<std::uint32_t>> served_buckets() {
    std::optional<std::vector<std::uint32_t>> served;
    pg_call([&] {
        ensure_catalog();
        const Oid relation = sharding_relation("served_bucket");
        if (!OidIsValid(relation)) return;
        const auto buckets = int_column_values(relation, "bucket");
        served.emplace(buckets.begin(), buckets.end());
    });
    return served;
}

bool has_trust_tables() {
    bool present = false;
    pg_call([&] {
        ensure_catalog();
        present = OidIsValid(catalog.trust_policy_key);
    });
    return present;
}

bool has_verified_columns() {
    bool present = false;
    pg_call([&] {
        ensure_catalog();
        present = catalog.c_email_verified_at != InvalidAttrNumber;
    });
    return present;
}

TableSecurity table_security() {
    // Every call asks: once the catalog is read, answer without a PG_TRY.
    if (catalog.valid) return {catalog.row_security, catalog.owner};
    TableSecurity security{false, 0};
    pg_call([&] {
        ensure_catalog();
        security = {catalog.row_security, catalog.owner};
    });
    return security;
}

}  // namespace ci::probe
