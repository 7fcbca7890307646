// Errors through the proxy without reconnects: both halves of one protocol.
//
// PL/Proxy raises a shard's error on the proxy as soon as the error arrives, before the shard
// connection has finished its query (ReadyForQuery is still unread); the next call of that
// backend finds the connection mid-result, drops it ("PL/Proxy: dropping stale conn", a
// NOTICE to the application) and opens a new shard backend, which loads this module again:
// 27-57 ms per caught error against 0.4-0.7 ms for a hit.  So a shard never raises through
// PL/Proxy: the proxy asks it for proxied_call(api function, arguments...), which returns the
// API function's rows, or one row carrying the error (SQLSTATE, message, DETAIL, HINT), and
// the proxy's API function (proxied_api_call) raises that error again with the same fields
// once PL/Proxy has read the whole result (the connection stays ready for the next call).
#include "pg_boundary.hpp"
#include "spi.hpp"

#include <string>
#include <unordered_map>

extern "C" {
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/namespace.h"
#include "catalog/objectaccess.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"
}

namespace ci {
namespace {

// The four columns that follow an API function's own in a proxied call's rows.
constexpr int error_columns = 4;

// What a shard's API call left for the proxy: copied out of the subtransaction that ran it.
struct CaughtCall {
    Tuplestorestate *rows;  // the API function's rows, each padded with NULL error columns
    TupleDesc desc;         // the rows' type: the caller's column definition list
    int value_columns;      // desc's columns before the error columns
    ResourceOwner owner;    // the caller's: rows spill to files owned by it, not by the subtransaction
};

// Copies one result row of the API function into the caller's rows (NULL error columns).
void keep_row(CaughtCall &call, const Datum *values, const bool *nulls, int count) {
    Datum *row = static_cast<Datum *>(palloc0(sizeof(Datum) * call.desc->natts));
    bool *row_nulls = static_cast<bool *>(palloc(sizeof(bool) * call.desc->natts));
    for (int i = 0; i < call.desc->natts; ++i) row_nulls[i] = true;
    for (int i = 0; i < call.value_columns && i < count; ++i) {
        row[i] = values[i];
        row_nulls[i] = nulls[i];
    }
    ResourceOwner running = CurrentResourceOwner;
    CurrentResourceOwner = call.owner;
    tuplestore_putvalues(call.rows, call.desc, row, row_nulls);
    CurrentResourceOwner = running;
}

// Keeps one value the API function returned: a row (composite), one value, or nothing (void).
void keep_result(CaughtCall &call, Datum result, bool is_null, TypeFuncClass kind, Oid result_type) {
    if (kind == TYPEFUNC_COMPOSITE || kind == TYPEFUNC_COMPOSITE_DOMAIN) {
        if (is_null) {
            keep_row(call, nullptr, nullptr, 0);
            return;
        }
        HeapTupleHeader header = DatumGetHeapTupleHeader(result);
        TupleDesc row_desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(header),
                                                    HeapTupleHeaderGetTypMod(header));
        HeapTupleData tuple;
        tuple.t_len = HeapTupleHeaderGetDatumLength(header);
        ItemPointerSetInvalid(&tuple.t_self);
        tuple.t_tableOid = InvalidOid;
        tuple.t_data = header;
        Datum *values = static_cast<Datum *>(palloc(sizeof(Datum) * row_desc->natts));
        bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * row_desc->natts));
        heap_deform_tuple(&tuple, row_desc, values, nulls);
        keep_row(call, values, nulls, row_desc->natts);
        ReleaseTupleDesc(row_desc);
        return;
    }
    if (result_type == VOIDOID) {
        keep_row(call, nullptr, nullptr, 0);
        return;
    }
    keep_row(call, &result, &is_null, 1);
}

// The target of a proxied call: an API function of this schema, found by name and the
// argument types the call carries.
struct ShardCall {
    FunctionCallInfo caller;
    Oid schema;
    CaughtCall *kept;
};

// Runs the API function named by the caller's first argument with the caller's other
// arguments, as the executor would (EXECUTE privilege, strictness, sets), keeping its rows.
// Runs inside a subtransaction: any error here is the API function's, returned as data.
void run_shard_call(void *context) {
    ShardCall &call = *static_cast<ShardCall *>(context);
    FunctionCallInfo fcinfo = call.caller;
    const int argument_count = PG_NARGS() - 1;
    Oid argument_types[FUNC_MAX_ARGS];
    for (int i = 0; i < argument_count; ++i)
        argument_types[i] = get_fn_expr_argtype(fcinfo->flinfo, i + 1);
    char *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    List *qualified = list_make2(makeString(get_namespace_name(call.schema)), makeString(name));
    const Oid function = LookupFuncName(qualified, argument_count, argument_types, false);
    if (compat::function_aclcheck(function, GetUserId()) != ACLCHECK_OK)
        aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_FUNCTION, get_func_name(function));
    InvokeFunctionExecuteHook(function);

    Oid result_type = InvalidOid;
    TupleDesc result_desc = nullptr;
    const TypeFuncClass kind = get_func_result_type(function, &result_type, &result_desc);
    HeapTuple proc = SearchSysCache1(PROCOID, ObjectIdGetDatum(function));
    if (!HeapTupleIsValid(proc)) elog(ERROR, "cache lookup failed for function %u", function);
    const auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proc));
    const bool strict = form->proisstrict;
    const bool returns_set = form->proretset;
    ReleaseSysCache(proc);
    bool any_null = false;
    for (int i = 0; i < argument_count; ++i) any_null = any_null || PG_ARGISNULL(i + 1);
    if (strict && any_null) {
        // what the executor answers for a STRICT function given a NULL: no row, or NULL
        if (!returns_set) keep_result(*call.kept, (Datum)0, true, kind, result_type);
        return;
    }

    // The call's own function memory, deleted before the subtransaction ends: what the API
    // function keeps for its statement there (statement_scans.hpp) closes under the
    // subtransaction's resource owner, which holds it.
    MemoryContext function_memory =
        AllocSetContextCreate(CurrentMemoryContext, "proxied_call", ALLOCSET_SMALL_SIZES);
    FmgrInfo target;
    fmgr_info_cxt(function, &target, function_memory);
    FunctionCallInfo target_call =
        static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(argument_count)));
    ReturnSetInfo set_info;
    memset(&set_info, 0, sizeof set_info);
    set_info.type = T_ReturnSetInfo;
    set_info.econtext = CreateStandaloneExprContext();
    set_info.allowedModes = SFRM_ValuePerCall | SFRM_Materialize;
    set_info.returnMode = SFRM_ValuePerCall;
    if (returns_set) {
        if (result_desc == nullptr) {
            // a set of one value per row: the row type plpgsql and SQL functions expect
            result_desc = CreateTemplateTupleDesc(1);
            TupleDescInitEntry(result_desc, 1, "value", result_type, -1, 0);
        }
        set_info.expectedDesc = result_desc;
    }
    InitFunctionCallInfoData(*target_call, &target, argument_count, PG_GET_COLLATION(), nullptr,
                             returns_set ? reinterpret_cast<Node *>(&set_info) : nullptr);
    for (int i = 0; i < argument_count; ++i) {
        target_call->args[i].value = PG_GETARG_DATUM(i + 1);
        target_call->args[i].isnull = PG_ARGISNULL(i + 1);
    }
    for (;;) {
        target_call->isnull = false;
        set_info.isDone = ExprSingleResult;
        const Datum result = FunctionCallInvoke(target_call);
        if (!returns_set) {
            keep_result(*call.kept, result, target_call->isnull, kind, result_type);
            break;
        }
        if (set_info.returnMode == SFRM_Materialize) {
            if (set_info.setResult != nullptr) {
                TupleDesc rows_desc = set_info.setDesc != nullptr ? set_info.setDesc : result_desc;
                TupleTableSlot *slot = MakeSingleTupleTableSlot(rows_desc, &TTSOpsMinimalTuple);
                while (tuplestore_gettupleslot(set_info.setResult, true, false, slot)) {
                    slot_getallattrs(slot);
                    keep_row(*call.kept, slot->tts_values, slot->tts_isnull, rows_desc->natts);
                }
                ExecDropSingleTupleTableSlot(slot);
                tuplestore_end(set_info.setResult);  // (its files are the subtransaction's)
            }
            break;
        }
        if (set_info.isDone == ExprEndResult) break;
        keep_result(*call.kept, result, target_call->isnull, kind, result_type);
        if (set_info.isDone != ExprMultipleResult) break;
    }
    FreeExprContext(set_info.econtext, true);
    MemoryContextDelete(function_memory);
}

}  // namespace
}  // namespace ci

using namespace ci;

// proxied_call(api_function text, VARIADIC arguments "any") -> SETOF record, on a shard:
// the API function's rows, each followed by four NULL columns; or, if it raised an error,
// one row of NULLs followed by the error's SQLSTATE, message, DETAIL and HINT.  The caller's
// column definition list gives the API function's columns, then the four.  A cancel is
// raised as usual.  The proxy's generated functions call it (create_api).
CI_SQL_FUNCTION(ci_proxied_call) {
    return entry_guard([&]() -> Datum {
        pg_call([&] {
            if (PG_ARGISNULL(0))
                ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                                errmsg("proxied_call needs the name of an API function")));
            TupleDesc desc = spi::start_materialized_srf(fcinfo);
            auto *set_info = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
            if (desc == nullptr || desc->natts < error_columns)
                ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                                errmsg("proxied_call's column definition list must end with the four error columns")));
            CaughtCall kept{set_info->setResult, desc, desc->natts - error_columns, CurrentResourceOwner};
            ShardCall call{fcinfo, get_func_namespace(fcinfo->flinfo->fn_oid), &kept};
            ErrorData *error = pg_try_subtransaction(run_shard_call, &call);
            if (error == nullptr) return;
            if (error->sqlerrcode == ERRCODE_QUERY_CANCELED) ReThrowError(error);
            tuplestore_clear(kept.rows);  // rows kept before the error are not the answer
            Datum *row = static_cast<Datum *>(palloc0(sizeof(Datum) * desc->natts));
            bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * desc->natts));
            for (int i = 0; i < desc->natts; ++i) nulls[i] = true;
            const char *fields[error_columns] = {unpack_sql_state(error->sqlerrcode), error->message,
                                                 error->detail, error->hint};
            for (int i = 0; i < error_columns; ++i) {
                if (fields[i] == nullptr) continue;
                row[kept.value_columns + i] = CStringGetTextDatum(fields[i]);
                nulls[kept.value_columns + i] = false;
            }
            tuplestore_putvalues(kept.rows, desc, row, nulls);
            FreeErrorData(error);
        });
        return (Datum)0;
    });
}

namespace ci {
namespace {

// Each proxy API function's PL/Proxy function (its name followed by "__remote", the same
// argument types), by the API function's oid; emptied when any function changes (create_api
// drops and creates them).
std::unordered_map<Oid, Oid> remote_functions;
bool remote_functions_watched = false;

// Syscache callback: a function was created, changed or dropped.
void forget_remote_functions(Datum, int, uint32) { remote_functions.clear(); }

// The PL/Proxy function behind a proxy API function.
Oid remote_function_of(Oid api_function) {
    const auto found = remote_functions.find(api_function);
    if (found != remote_functions.end()) return found->second;
    Oid remote = InvalidOid;
    pg_call([&] {
        if (!remote_functions_watched) {
            CacheRegisterSyscacheCallback(PROCOID, forget_remote_functions, (Datum)0);
            remote_functions_watched = true;
        }
        Oid *types = nullptr;
        int count = 0;
        get_func_signature(api_function, &types, &count);
        char *name = psprintf("%s__remote", get_func_name(api_function));
        List *qualified = list_make2(makeString(get_namespace_name(get_func_namespace(api_function))),
                                     makeString(name));
        remote = LookupFuncName(qualified, count, types, false);
    });
    remote_functions.emplace(api_function, remote);
    return remote;
}

// What the proxy API function gives back, collected from its PL/Proxy function's rows.
struct ProxyCall {
    FunctionCallInfo caller;
    Oid remote;
    TupleDesc output;           // a set's rows (materialized), or a row of a composite result
    Tuplestorestate *rows;      // a set's rows; nullptr for a single result
    int value_columns;          // the API result's columns (0: void)
    Datum single;               // a single result
    bool single_is_null;
    ErrorData *error;           // the first error a shard returned
};

// Reads one row of the PL/Proxy function: keeps the values or the first error.
void read_remote_row(ProxyCall &call, HeapTupleHeader header) {
    TupleDesc row_desc =
        lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(header), HeapTupleHeaderGetTypMod(header));
    if (row_desc->natts != call.value_columns + error_columns)
        ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("the shards' answer has %d columns, %d expected", row_desc->natts,
                               call.value_columns + error_columns),
                        errhint("Run customer_identity.create_api() again.")));
    HeapTupleData tuple;
    tuple.t_len = HeapTupleHeaderGetDatumLength(header);
    ItemPointerSetInvalid(&tuple.t_self);
    tuple.t_tableOid = InvalidOid;
    tuple.t_data = header;
    Datum *values = static_cast<Datum *>(palloc(sizeof(Datum) * row_desc->natts));
    bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * row_desc->natts));
    heap_deform_tuple(&tuple, row_desc, values, nulls);
    ReleaseTupleDesc(row_desc);
    const int sqlstate = call.value_columns;
    if (!nulls[sqlstate]) {
        if (call.error != nullptr) return;
        auto field = [&](int i) -> char * { return nulls[i] ? nullptr : TextDatumGetCString(values[i]); };
        ErrorData *error = static_cast<ErrorData *>(palloc0(sizeof(ErrorData)));
        const char *state = TextDatumGetCString(values[sqlstate]);
        error->elevel = ERROR;
        error->sqlerrcode = MAKE_SQLSTATE(state[0], state[1], state[2], state[3], state[4]);
        error->message = field(sqlstate + 1);
        error->detail = field(sqlstate + 2);
        error->hint = field(sqlstate + 3);
        call.error = error;
        return;
    }
    if (call.rows != nullptr) {
        tuplestore_putvalues(call.rows, call.output, values, nulls);
    } else if (call.value_columns > 0 && call.output != nullptr) {
        call.single = HeapTupleGetDatum(heap_form_tuple(call.output, values, nulls));
        call.single_is_null = false;
    } else if (call.value_columns > 0) {
        call.single = nulls[0] ? (Datum)0 : values[0];
        call.single_is_null = nulls[0];
    }
}

// Calls the PL/Proxy function (a set of rows, one per call) with the API function's
// arguments and reads every row: PL/Proxy finishes with the shard connection first.
void run_proxy_call(ProxyCall &call) {
    FunctionCallInfo fcinfo = call.caller;
    FmgrInfo remote;
    fmgr_info(call.remote, &remote);
    FunctionCallInfo remote_call = static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(PG_NARGS())));
    ReturnSetInfo set_info;
    memset(&set_info, 0, sizeof set_info);
    set_info.type = T_ReturnSetInfo;
    set_info.econtext = CreateStandaloneExprContext();
    set_info.allowedModes = SFRM_ValuePerCall;
    set_info.returnMode = SFRM_ValuePerCall;
    InitFunctionCallInfoData(*remote_call, &remote, PG_NARGS(), PG_GET_COLLATION(), nullptr,
                             reinterpret_cast<Node *>(&set_info));
    for (int i = 0; i < PG_NARGS(); ++i) {
        remote_call->args[i].value = PG_GETARG_DATUM(i);
        remote_call->args[i].isnull = PG_ARGISNULL(i);
    }
    for (;;) {
        remote_call->isnull = false;
        set_info.isDone = ExprSingleResult;
        const Datum row = FunctionCallInvoke(remote_call);
        if (set_info.isDone == ExprEndResult) break;
        if (!remote_call->isnull) read_remote_row(call, DatumGetHeapTupleHeader(row));
        if (set_info.isDone != ExprMultipleResult) break;
    }
    FreeExprContext(set_info.econtext, true);
}

}  // namespace
}  // namespace ci

// The API functions of the proxy (create_api): calls the API function's PL/Proxy function
// (<name>__remote, routed to the shards, which answer through proxied_call) and returns its
// rows or value; a shard's error is raised here with the shard's SQLSTATE, message, DETAIL
// and HINT.
CI_SQL_FUNCTION(ci_proxied_api_call) {
    return entry_guard([&]() -> Datum {
        ProxyCall call{};
        call.caller = fcinfo;
        call.remote = remote_function_of(fcinfo->flinfo->fn_oid);
        call.single_is_null = true;
        pg_call([&] {
            if (fcinfo->flinfo->fn_retset) {
                call.output = spi::start_materialized_srf(fcinfo);
                call.rows = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo)->setResult;
                call.value_columns = call.output->natts;
            } else {
                Oid result_type = InvalidOid;
                TupleDesc desc = nullptr;
                const TypeFuncClass kind = get_call_result_type(fcinfo, &result_type, &desc);
                if (kind == TYPEFUNC_COMPOSITE || kind == TYPEFUNC_COMPOSITE_DOMAIN) {
                    call.output = BlessTupleDesc(desc);
                    call.value_columns = desc->natts;
                } else {
                    call.value_columns = result_type == VOIDOID ? 0 : 1;
                }
            }
            run_proxy_call(call);
            if (call.error != nullptr) {
                ErrorData *error = call.error;
                ereport(ERROR, (errcode(error->sqlerrcode), errmsg_internal("%s", error->message ? error->message : ""),
                                error->detail ? errdetail_internal("%s", error->detail) : 0,
                                error->hint ? errhint("%s", error->hint) : 0));
            }
        });
        if (fcinfo->flinfo->fn_retset) return (Datum)0;
        fcinfo->isnull = call.single_is_null && call.value_columns > 0;
        return call.single;
    });
}
