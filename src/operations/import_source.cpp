// The import source, read by a heap scan; see import_source.hpp.
#include "import_source.hpp"

#include "errors.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "access/table.h"
#include "access/tableam.h"
#include "access/transam.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/typcache.h"
}

namespace ci::import_source {
namespace {

// The columns read: the id, then known_columns.
constexpr int read_count = column_count + 1;

// How one column becomes text: the cast a query's `::text` would use (a function, the value
// itself, or the type's output function); metadata goes through jsonb as `::jsonb::text`.
struct Conversion {
    AttrNumber attnum = InvalidAttrNumber;  // InvalidAttrNumber: the source has no such column
    Oid type = InvalidOid;
    CoercionPathType path = COERCION_PATH_NONE;
    FmgrInfo cast;    // path FUNC
    FmgrInfo output;  // path COERCEVIAIO, and metadata
    bool jsonb = false;
};

// One row as read, in palloc'd memory (no C++ object inside pg_call).
struct RawRow {
    Datum id;
    bool id_null;
    int position;
    char *values[read_count];
};

// The id column's comparison, for the sort.
struct IdOrder {
    FmgrInfo *compare;
    Oid collation;
};

// Refuses a column whose type someone created: converting it to text would run their code.
[[noreturn]] void refuse_type(const char *column, const char *relation) {
    ereport(ERROR, (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("column %s of import source %s has a type that is not built in", column,
                           relation),
                    errdetail("Converting it to text could run its owner's code."),
                    errhint("Use text columns (jsonb for metadata).")));
}

// Prepares the conversion of one column (inside pg_call).
void prepare(Conversion &conv, Oid relid, const char *column, const char *relation, bool jsonb) {
    conv.attnum = get_attnum(relid, column);
    if (conv.attnum == InvalidAttrNumber) return;
    conv.type = get_atttype(relid, conv.attnum);
    if (conv.type >= FirstNormalObjectId) refuse_type(column, relation);
    conv.jsonb = jsonb;
    Oid output = InvalidOid;
    bool varlena = false;
    getTypeOutputInfo(conv.type, &output, &varlena);
    fmgr_info(output, &conv.output);
    const Oid target = jsonb ? JSONBOID : TEXTOID;
    Oid cast = InvalidOid;
    conv.path = find_coercion_pathway(target, conv.type, COERCION_EXPLICIT, &cast);
    if (conv.path == COERCION_PATH_FUNC) {
        if (cast >= FirstNormalObjectId) refuse_type(column, relation);
        fmgr_info(cast, &conv.cast);
    } else if (conv.path != COERCION_PATH_RELABELTYPE && conv.path != COERCION_PATH_COERCEVIAIO) {
        ereport(ERROR, (errcode(ERRCODE_CANNOT_COERCE),
                        errmsg("cannot cast type %s to %s", format_type_be(conv.type),
                               format_type_be(target)),
                        errdetail("Column %s of import source %s.", column, relation)));
    }
}

// The text of one value (inside pg_call): palloc'd, in the current memory context.
char *to_text(const Conversion &conv, Datum value) {
    if (conv.jsonb) {
        Datum jsonb = value;  // (COERCION_PATH_RELABELTYPE: jsonb itself)
        if (conv.path == COERCION_PATH_FUNC)
            jsonb = FunctionCall1(const_cast<FmgrInfo *>(&conv.cast), value);
        else if (conv.path == COERCION_PATH_COERCEVIAIO)
            jsonb = DirectFunctionCall1(
                jsonb_in,
                CStringGetDatum(OutputFunctionCall(const_cast<FmgrInfo *>(&conv.output), value)));
        return DatumGetCString(DirectFunctionCall1(jsonb_out, jsonb));
    }
    switch (conv.path) {
        case COERCION_PATH_FUNC:
            return text_to_cstring(
                DatumGetTextPP(FunctionCall1(const_cast<FmgrInfo *>(&conv.cast), value)));
        case COERCION_PATH_RELABELTYPE:
            return text_to_cstring(DatumGetTextPP(value));
        default:
            return OutputFunctionCall(const_cast<FmgrInfo *>(&conv.output), value);
    }
}

// qsort_arg comparator: by id (NULLs last), then as stored.
int compare_rows(const void *a, const void *b, void *arg) {
    const RawRow *left = static_cast<const RawRow *>(a);
    const RawRow *right = static_cast<const RawRow *>(b);
    const IdOrder *order = static_cast<const IdOrder *>(arg);
    if (left->id_null != right->id_null) return left->id_null ? 1 : -1;
    if (!left->id_null) {
        const int c =
            DatumGetInt32(FunctionCall2Coll(order->compare, order->collation, left->id, right->id));
        if (c != 0) return c;
    }
    return left->position < right->position ? -1 : left->position > right->position;
}

// Checks that the caller may read the source and that reading it runs nobody's code.
void check_source(Oid relid, const char *relation) {
    if (pg_class_aclcheck(relid, GetOuterUserId(), ACL_SELECT) != ACLCHECK_OK)
        ereport(ERROR, (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                        errmsg("permission denied for import source %s", relation)));
    if (get_rel_relkind(relid) != RELKIND_RELATION)
        ereport(ERROR, (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                        errmsg("import source %s is not a plain table", relation),
                        errdetail("Views, materialized views, foreign and partitioned tables can "
                                  "run their owner's code; import_customers reads plain tables."),
                        errhint("Copy the rows into a table first (CREATE TABLE ... AS ...).")));
    // Row security that applies to the caller: its policies are expressions of the owner's.
    if (check_enable_rls(relid, GetOuterUserId(), true) == RLS_ENABLED)
        ereport(ERROR,
                (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                 errmsg("import source %s has row-level security for this role", relation),
                 errdetail("Its policies would run their owner's code with this role's rights."),
                 errhint("Copy the rows this role may read into a table of its own first.")));
}

}  // namespace

std::vector<Row> read(Oid relid, bool &has_id) {
    RawRow *rows = nullptr;
    int count = 0;
    bool id_column = false;
    pg_call([&] {
        const char *relation = get_rel_name(relid);
        if (relation == nullptr)
            ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE),
                            errmsg("import source with OID %u does not exist", relid)));
        check_source(relid, relation);
        Conversion *conv = static_cast<Conversion *>(palloc0(sizeof(Conversion) * read_count));
        prepare(conv[0], relid, "id", relation, false);
        bool any_identifier = false;
        for (int i = 0; i < column_count; ++i) {
            prepare(conv[i + 1], relid, known_columns[i], relation, i == 5);
            any_identifier = any_identifier || (i < 4 && conv[i + 1].attnum != InvalidAttrNumber);
        }
        if (!any_identifier)
            ereport(
                ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("import source %s has no identifier column", relation),
                 errhint("Give it at least one of external_customer_id, user_id, email, phone.")));
        id_column = conv[0].attnum != InvalidAttrNumber;
        IdOrder order{nullptr, InvalidOid};
        if (id_column) {
            TypeCacheEntry *type = lookup_type_cache(conv[0].type, TYPECACHE_CMP_PROC_FINFO);
            if (!OidIsValid(type->cmp_proc_finfo.fn_oid))
                ereport(ERROR,
                        (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                         errmsg("the id column of import source %s cannot be ordered", relation)));
            order.compare = &type->cmp_proc_finfo;
        }

        // A heap scan in stored order (no synchronized start), as the caller's snapshot sees it.
        Relation rel = table_open(relid, AccessShareLock);
        if (id_column)
            order.collation =
                TupleDescAttr(RelationGetDescr(rel), conv[0].attnum - 1)->attcollation;
        TableScanDesc scan =
            table_beginscan_strat(rel, GetActiveSnapshot(), 0, nullptr, true, false);
        TupleTableSlot *slot = table_slot_create(rel, nullptr);
        int capacity = 64;
        rows = static_cast<RawRow *>(palloc(sizeof(RawRow) * capacity));
        while (table_scan_getnextslot(scan, ForwardScanDirection, slot)) {
            CHECK_FOR_INTERRUPTS();
            if (count == capacity) {
                capacity *= 2;
                rows = static_cast<RawRow *>(repalloc_huge(rows, sizeof(RawRow) * capacity));
            }
            RawRow &row = rows[count];
            row.position = count;
            row.id_null = true;
            row.id = (Datum)0;
            for (int c = 0; c < read_count; ++c) {
                row.values[c] = nullptr;
                if (conv[c].attnum == InvalidAttrNumber) continue;
                bool is_null = false;
                const Datum value = slot_getattr(slot, conv[c].attnum, &is_null);
                if (is_null) continue;
                row.values[c] = to_text(conv[c], value);
                if (c == 0) {
                    const Form_pg_attribute att =
                        TupleDescAttr(slot->tts_tupleDescriptor, conv[0].attnum - 1);
                    row.id = datumCopy(value, att->attbyval, att->attlen);
                    row.id_null = false;
                }
            }
            ++count;
        }
        ExecDropSingleTupleTableSlot(slot);
        table_endscan(scan);
        table_close(rel, NoLock);
        if (id_column && count > 1) qsort_arg(rows, count, sizeof(RawRow), compare_rows, &order);
    });
    has_id = id_column;
    std::vector<Row> result(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) {
        if (rows[r].values[0] != nullptr) result[r].id = std::string(rows[r].values[0]);
        for (int c = 0; c < column_count; ++c)
            if (rows[r].values[c + 1] != nullptr)
                result[r].values[c] = std::string(rows[r].values[c + 1]);
    }
    return result;
}

}  // namespace ci::import_source
