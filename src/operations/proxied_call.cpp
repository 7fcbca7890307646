// Errors through the proxy without reconnects: both halves of one protocol.
//
// PL/Proxy raises a shard's error on the proxy as soon as the error arrives, before the shard
// connection has finished its query (ReadyForQuery is still unread); the next call of that
// backend finds the connection mid-result, drops it ("PL/Proxy: dropping stale conn", a
// NOTICE to the application) and opens a new shard backend, which loads this module again:
// 27-57 ms per caught error against 0.4-0.7 ms for a hit.  So a shard never raises through
// PL/Proxy: the proxy asks it for proxied_call(api function, arguments...), which answers
// the API function's rows, or its error, as text, and the proxy's API function
// (proxied_api_call) returns those rows or raises that error again with the same SQLSTATE,
// message, DETAIL and HINT once PL/Proxy has read the whole answer (the connection stays
// ready for the next call).
//
// The answer is a set of text values, one per row (a shard answers SELECT proxied_call(...):
// a call in the target list, the cheapest statement to parse and plan, which every proxied
// call costs the shard -- PL/Proxy prepares nothing):
//   R<record>   a row of the API function's result, as record_out writes it (a value of a
//               scalar result as a row of one column);
//   N           a NULL result of a function that returns no set;
//   V           a void function's success;
//   E<record>   the error: (sqlstate, message, detail, hint), as record_out writes it.
#include "pg_boundary.hpp"
#include "routing.hpp"
#include "shard_connection.hpp"
#include "spi.hpp"

#include <string>
#include <unordered_map>

extern "C" {
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/objectaccess.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
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

// The four fields of an error: sqlstate, message, detail, hint.
constexpr int error_fields = 4;

// An API function as a proxied call needs it: found once per backend.
struct ApiFunction {
    Oid oid;
    bool strict;
    bool returns_set;
    bool returns_void;
    bool returns_row;    // a composite result (else one value per row)
    TupleDesc row_desc;  // its rows (a scalar result: one column); blessed, never freed
    FmgrInfo *row_io;    // record_out (shard) or record_in (proxy) for row_desc
};

// The shards' API functions by name and argument types, and the proxy's by oid (with the
// oid of their PL/Proxy function); emptied when any function changes.  (What an emptied
// entry allocated stays: functions change with create_api and extension updates only.)
std::unordered_map<std::string, ApiFunction> shard_functions;
std::unordered_map<Oid, std::pair<ApiFunction, Oid>> proxy_functions;
void forget_direct_functions();
bool watching_functions = false;
TupleDesc error_desc = nullptr;  // (sqlstate, message, detail, hint): blessed
FmgrInfo *error_io[2] = {nullptr, nullptr};  // record_out, record_in for error_desc

// Syscache callback: a function was created, changed or dropped.
void forget_functions(Datum, int, uint32) {
    shard_functions.clear();
    proxy_functions.clear();
    forget_direct_functions();
}

// Registers forget_functions once.  Inside pg_call.
void watch_functions() {
    if (watching_functions) return;
    CacheRegisterSyscacheCallback(PROCOID, forget_functions, (Datum)0);
    watching_functions = true;
}

// A FmgrInfo of record_out or record_in that lives as long as the backend (their column
// caches too).  Inside pg_call.
FmgrInfo *lasting_record_io(Oid function) {
    auto *io = static_cast<FmgrInfo *>(MemoryContextAllocZero(TopMemoryContext, sizeof(FmgrInfo)));
    fmgr_info_cxt(function, io, TopMemoryContext);
    return io;
}

// The error row's type.  Inside pg_call.
TupleDesc error_row_desc() {
    if (error_desc != nullptr) return error_desc;
    MemoryContext caller = MemoryContextSwitchTo(TopMemoryContext);
    TupleDesc desc = CreateTemplateTupleDesc(error_fields);
    const char *names[error_fields] = {"sqlstate", "message", "detail", "hint"};
    for (int i = 0; i < error_fields; ++i) TupleDescInitEntry(desc, i + 1, names[i], TEXTOID, -1, 0);
    MemoryContextSwitchTo(caller);
    error_io[0] = lasting_record_io(F_RECORD_OUT);
    error_io[1] = lasting_record_io(F_RECORD_IN);
    error_desc = BlessTupleDesc(desc);
    return error_desc;
}

// What the function returns as rows: its result's columns, or one column of a scalar
// result (nullptr for void); blessed, in TopMemoryContext.  Inside pg_call.
void describe_result(ApiFunction &api) {
    Oid result_type = InvalidOid;
    TupleDesc desc = nullptr;
    const TypeFuncClass kind = get_func_result_type(api.oid, &result_type, &desc);
    api.returns_void = result_type == VOIDOID && kind == TYPEFUNC_SCALAR;
    api.returns_row = kind == TYPEFUNC_COMPOSITE || kind == TYPEFUNC_COMPOSITE_DOMAIN;
    api.row_desc = nullptr;
    if (api.returns_void) return;
    MemoryContext caller = MemoryContextSwitchTo(TopMemoryContext);
    if (api.returns_row) {
        desc = CreateTupleDescCopy(desc);
    } else {
        desc = CreateTemplateTupleDesc(1);
        TupleDescInitEntry(desc, 1, "value", result_type, -1, 0);
    }
    MemoryContextSwitchTo(caller);
    // a copy of a named row type keeps its type; as an anonymous record it is blessed
    if (desc->tdtypeid != RECORDOID) {
        desc->tdtypeid = RECORDOID;
        desc->tdtypmod = -1;
    }
    api.row_desc = BlessTupleDesc(desc);
}

// ---------------------------------------------------------------------------------------
// The shard's half: proxied_call
// ---------------------------------------------------------------------------------------

// One proxied call on a shard: the call, the function (found before, or now), the answer.
struct ShardCall {
    FunctionCallInfo caller;
    bool known;                // the function came from the cache (else this call finds it)
    ApiFunction api;           // (a copy: an invalidation during the call may empty the cache)
    bool found;                // this call found the function
    Tuplestorestate *answer;
    TupleDesc answer_desc;     // one text column
    ResourceOwner owner;       // the caller's: the answer spills to files owned by it
};

// Starts the answer: a set of text values, materialized (a call in the target list, as the
// proxy makes it, gives no expected row type).
void start_answer(ShardCall &call) {
    auto *set_info = reinterpret_cast<ReturnSetInfo *>(call.caller->resultinfo);
    if (set_info == nullptr || !IsA(set_info, ReturnSetInfo) || !(set_info->allowedModes & SFRM_Materialize))
        ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("set-valued function called in context that cannot accept a set")));
    MemoryContext caller = MemoryContextSwitchTo(set_info->econtext->ecxt_per_query_memory);
    call.answer_desc = CreateTemplateTupleDesc(1);
    TupleDescInitEntry(call.answer_desc, 1, "answer", TEXTOID, -1, 0);
    call.answer = tuplestore_begin_heap(false, false, work_mem);
    MemoryContextSwitchTo(caller);
    set_info->returnMode = SFRM_Materialize;
    set_info->setResult = call.answer;
    set_info->setDesc = call.answer_desc;
}

// Adds one text value to the answer: a marker and a text (or nothing).
void answer(ShardCall &call, char marker, const char *body) {
    const std::size_t length = body != nullptr ? strlen(body) : 0;
    text *value = static_cast<text *>(palloc(VARHDRSZ + 1 + length));
    SET_VARSIZE(value, VARHDRSZ + 1 + length);
    VARDATA(value)[0] = marker;
    if (length > 0) memcpy(VARDATA(value) + 1, body, length);
    Datum datum = PointerGetDatum(value);
    bool is_null = false;
    ResourceOwner running = CurrentResourceOwner;
    CurrentResourceOwner = call.owner;
    tuplestore_putvalues(call.answer, call.answer_desc, &datum, &is_null);
    CurrentResourceOwner = running;
}

// Adds a row of the API function's result to the answer.
void answer_row(ShardCall &call, const ApiFunction &api, Datum *values, bool *nulls) {
    HeapTuple row = heap_form_tuple(api.row_desc, values, nulls);
    answer(call, 'R', OutputFunctionCall(api.row_io, HeapTupleGetDatum(row)));
}

// Adds a value the API function returned: a row (composite), one value, NULL, or void.
void answer_result(ShardCall &call, const ApiFunction &api, Datum result, bool is_null) {
    if (api.returns_void) {
        answer(call, 'V', nullptr);
        return;
    }
    if (is_null) {
        answer(call, 'N', nullptr);
        return;
    }
    if (!api.returns_row) {
        answer_row(call, api, &result, &is_null);
        return;
    }
    HeapTupleHeader header = DatumGetHeapTupleHeader(result);
    HeapTupleData tuple;
    tuple.t_len = HeapTupleHeaderGetDatumLength(header);
    ItemPointerSetInvalid(&tuple.t_self);
    tuple.t_tableOid = InvalidOid;
    tuple.t_data = header;
    const int count = api.row_desc->natts;
    Datum *values = static_cast<Datum *>(palloc(sizeof(Datum) * count));
    bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * count));
    heap_deform_tuple(&tuple, api.row_desc, values, nulls);
    answer_row(call, api, values, nulls);
}

// Finds the API function named by the caller's first argument, with the argument types of
// the others, in the schema proxied_call lives in.
void find_api_function(ShardCall &call) {
    FunctionCallInfo fcinfo = call.caller;
    const int argument_count = PG_NARGS() - 1;
    Oid argument_types[FUNC_MAX_ARGS];
    for (int i = 0; i < argument_count; ++i)
        argument_types[i] = get_fn_expr_argtype(fcinfo->flinfo, i + 1);
    char *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    const Oid schema = get_func_namespace(fcinfo->flinfo->fn_oid);
    List *qualified = list_make2(makeString(get_namespace_name(schema)), makeString(name));
    ApiFunction &api = call.api;
    api.oid = LookupFuncName(qualified, argument_count, argument_types, false);
    HeapTuple proc = SearchSysCache1(PROCOID, ObjectIdGetDatum(api.oid));
    if (!HeapTupleIsValid(proc)) elog(ERROR, "cache lookup failed for function %u", api.oid);
    const auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proc));
    api.strict = form->proisstrict;
    api.returns_set = form->proretset;
    ReleaseSysCache(proc);
    describe_result(api);
    api.row_io = lasting_record_io(F_RECORD_OUT);
    call.found = true;
}

// Runs the API function with the caller's other arguments, as the executor would (EXECUTE
// privilege, strictness, sets), and answers its rows.  Runs inside a subtransaction: any
// error here is the API function's, answered as data.
void run_shard_call(void *context) {
    ShardCall &call = *static_cast<ShardCall *>(context);
    FunctionCallInfo fcinfo = call.caller;
    if (!call.known) find_api_function(call);
    const ApiFunction &api = call.api;
    if (compat::function_aclcheck(api.oid, GetUserId()) != ACLCHECK_OK)
        aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_FUNCTION, get_func_name(api.oid));
    InvokeFunctionExecuteHook(api.oid);
    const int argument_count = PG_NARGS() - 1;
    bool any_null = false;
    for (int i = 0; i < argument_count; ++i) any_null = any_null || PG_ARGISNULL(i + 1);
    if (api.strict && any_null) {
        // what the executor answers for a STRICT function given a NULL: no row, or NULL
        if (!api.returns_set) answer_result(call, api, (Datum)0, true);
        return;
    }

    // The call's own function memory, deleted before the subtransaction ends: what the API
    // function keeps for its statement there (statement_scans.hpp) closes under the
    // subtransaction's resource owner, which holds it.
    MemoryContext function_memory =
        AllocSetContextCreate(CurrentMemoryContext, "proxied_call", ALLOCSET_SMALL_SIZES);
    FmgrInfo target;
    fmgr_info_cxt(api.oid, &target, function_memory);
    FunctionCallInfo target_call =
        static_cast<FunctionCallInfo>(palloc0(SizeForFunctionCallInfo(argument_count)));
    ReturnSetInfo set_info;
    memset(&set_info, 0, sizeof set_info);
    set_info.type = T_ReturnSetInfo;
    set_info.econtext = CreateStandaloneExprContext();
    set_info.allowedModes = SFRM_ValuePerCall | SFRM_Materialize;
    set_info.returnMode = SFRM_ValuePerCall;
    set_info.expectedDesc = api.row_desc;
    InitFunctionCallInfoData(*target_call, &target, argument_count, PG_GET_COLLATION(), nullptr,
                             api.returns_set ? reinterpret_cast<Node *>(&set_info) : nullptr);
    for (int i = 0; i < argument_count; ++i) {
        target_call->args[i].value = PG_GETARG_DATUM(i + 1);
        target_call->args[i].isnull = PG_ARGISNULL(i + 1);
    }
    for (;;) {
        target_call->isnull = false;
        set_info.isDone = ExprSingleResult;
        const Datum result = FunctionCallInvoke(target_call);
        if (!api.returns_set) {
            answer_result(call, api, result, target_call->isnull);
            break;
        }
        if (set_info.returnMode == SFRM_Materialize) {
            if (set_info.setResult != nullptr) {
                TupleDesc rows_desc = set_info.setDesc != nullptr ? set_info.setDesc : api.row_desc;
                if (rows_desc->natts != api.row_desc->natts)
                    elog(ERROR, "function %u returned %d columns, %d expected", api.oid, rows_desc->natts,
                         api.row_desc->natts);
                TupleTableSlot *slot = MakeSingleTupleTableSlot(rows_desc, &TTSOpsMinimalTuple);
                while (tuplestore_gettupleslot(set_info.setResult, true, false, slot)) {
                    slot_getallattrs(slot);
                    answer_row(call, api, slot->tts_values, slot->tts_isnull);
                }
                ExecDropSingleTupleTableSlot(slot);
                tuplestore_end(set_info.setResult);  // (its files are the subtransaction's)
            }
            break;
        }
        if (set_info.isDone == ExprEndResult) break;
        answer_result(call, api, result, target_call->isnull);
        if (set_info.isDone != ExprMultipleResult) break;
    }
    FreeExprContext(set_info.econtext, true);
    MemoryContextDelete(function_memory);
}

// The cache key of a proxied call: the API function's name and the arguments' types.
std::string shard_call_key(FunctionCallInfo fcinfo) {
    std::string_view name;
    Oid types[FUNC_MAX_ARGS];
    int count = 0;
    pg_call([&] {
        text *argument = PG_GETARG_TEXT_PP(0);
        name = std::string_view(VARDATA_ANY(argument), VARSIZE_ANY_EXHDR(argument));
        count = PG_NARGS() - 1;
        for (int i = 0; i < count; ++i) types[i] = get_fn_expr_argtype(fcinfo->flinfo, i + 1);
    });
    std::string key(name);
    key.append(reinterpret_cast<const char *>(types), sizeof(Oid) * count);
    return key;
}

}  // namespace
}  // namespace ci

using namespace ci;

// proxied_call(api_function text, VARIADIC arguments "any") -> SETOF text, on a shard: the
// API function's answer as text values (above): its rows, or its error.  A cancel is raised
// as usual.  The proxy's generated functions call it (create_api).
CI_SQL_FUNCTION(ci_proxied_call) {
    return entry_guard([&]() -> Datum {
        if (PG_ARGISNULL(0))
            throw IdentityError(ERRCODE_NULL_VALUE_NOT_ALLOWED, "proxied_call needs the name of an API function");
        const std::string key = shard_call_key(fcinfo);
        const auto cached = shard_functions.find(key);
        ShardCall call{};
        call.caller = fcinfo;
        call.known = cached != shard_functions.end();
        if (call.known) call.api = cached->second;
        pg_call([&] {
            watch_functions();
            TupleDesc error_row = error_row_desc();
            start_answer(call);
            call.owner = CurrentResourceOwner;
            ErrorData *error = pg_try_subtransaction(run_shard_call, &call);
            if (error == nullptr) return;
            if (error->sqlerrcode == ERRCODE_QUERY_CANCELED) ReThrowError(error);
            tuplestore_clear(call.answer);  // rows answered before the error are not the answer
            Datum fields[error_fields];
            bool nulls[error_fields];
            const char *texts[error_fields] = {unpack_sql_state(error->sqlerrcode), error->message,
                                               error->detail, error->hint};
            for (int i = 0; i < error_fields; ++i) {
                nulls[i] = texts[i] == nullptr;
                fields[i] = nulls[i] ? (Datum)0 : CStringGetTextDatum(texts[i]);
            }
            HeapTuple row = heap_form_tuple(error_row, fields, nulls);
            answer(call, 'E', OutputFunctionCall(error_io[0], HeapTupleGetDatum(row)));
            FreeErrorData(error);
        });
        if (call.found) shard_functions.emplace(key, call.api);
        return (Datum)0;
    });
}

namespace ci {
namespace {

// ---------------------------------------------------------------------------------------
// The proxy's half: proxied_api_call
// ---------------------------------------------------------------------------------------

// An API function of the proxy (the oid) as its calls read the shard's answer.  Inside
// pg_call.
ApiFunction proxy_api_function(Oid api_function) {
    watch_functions();
    error_row_desc();
    ApiFunction api{};
    api.oid = api_function;
    api.returns_set = get_func_retset(api_function);
    describe_result(api);
    api.row_io = api.row_desc != nullptr ? lasting_record_io(F_RECORD_IN) : nullptr;
    return api;
}

// The PL/Proxy function of a proxy API function: its name followed by "__remote", in its
// schema, the same argument types.  Inside pg_call.
Oid remote_function_of(Oid api_function, int count, Oid *types) {
    List *qualified = list_make2(makeString(get_namespace_name(get_func_namespace(api_function))),
                                 makeString(psprintf("%s__remote", get_func_name(api_function))));
    return LookupFuncName(qualified, count, types, false);
}

// The proxy API function (the oid) as a proxied call needs it, and its PL/Proxy function.
const std::pair<ApiFunction, Oid> &proxy_function_of(Oid api_function) {
    const auto found = proxy_functions.find(api_function);
    if (found != proxy_functions.end()) return found->second;
    ApiFunction api{};
    Oid remote = InvalidOid;
    pg_call([&] {
        api = proxy_api_function(api_function);
        Oid *types = nullptr;
        int count = 0;
        get_func_signature(api_function, &types, &count);
        remote = remote_function_of(api_function, count, types);
    });
    return proxy_functions.emplace(api_function, std::make_pair(api, remote)).first->second;
}

// One proxied call on the proxy: what it returns, collected from its PL/Proxy function.
struct ProxyCall {
    FunctionCallInfo caller;
    ApiFunction api;
    Oid remote;
    Tuplestorestate *rows;  // a set's rows; nullptr for a single result
    TupleDesc rows_desc;
    TupleDesc result_desc;  // a single composite result's type (nullptr: scalar)
    Datum single;           // a single result
    bool single_is_null;
    ErrorData *error;       // the first error a shard answered
};

// Reads one text value of the answer (see the top of this file).
void read_answer(ProxyCall &call, const char *data, int length) {
    if (length < 1) elog(ERROR, "empty answer from proxied_call");
    const char marker = data[0];
    if (marker == 'V') return;
    if (marker == 'N') {
        call.single = (Datum)0;
        call.single_is_null = true;
        return;
    }
    char *record = pnstrdup(data + 1, length - 1);
    if (marker == 'E') {
        if (call.error != nullptr) return;
        HeapTupleHeader header =
            DatumGetHeapTupleHeader(InputFunctionCall(error_io[1], record, RECORDOID, error_desc->tdtypmod));
        HeapTupleData tuple;
        tuple.t_len = HeapTupleHeaderGetDatumLength(header);
        ItemPointerSetInvalid(&tuple.t_self);
        tuple.t_tableOid = InvalidOid;
        tuple.t_data = header;
        Datum fields[error_fields];
        bool nulls[error_fields];
        heap_deform_tuple(&tuple, error_desc, fields, nulls);
        auto field = [&](int i) -> char * { return nulls[i] ? nullptr : TextDatumGetCString(fields[i]); };
        ErrorData *error = static_cast<ErrorData *>(palloc0(sizeof(ErrorData)));
        const char *state = field(0);
        error->elevel = ERROR;
        error->sqlerrcode = state != nullptr && strlen(state) == 5
                                ? MAKE_SQLSTATE(state[0], state[1], state[2], state[3], state[4])
                                : ERRCODE_INTERNAL_ERROR;
        error->message = field(1);
        error->detail = field(2);
        error->hint = field(3);
        call.error = error;
        return;
    }
    if (marker != 'R' || call.api.row_desc == nullptr)
        ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH), errmsg("unexpected answer from proxied_call"),
                        errhint("Run customer_identity.create_api() again.")));
    const TupleDesc desc = call.api.row_desc;
    HeapTupleHeader header =
        DatumGetHeapTupleHeader(InputFunctionCall(call.api.row_io, record, RECORDOID, desc->tdtypmod));
    HeapTupleData tuple;
    tuple.t_len = HeapTupleHeaderGetDatumLength(header);
    ItemPointerSetInvalid(&tuple.t_self);
    tuple.t_tableOid = InvalidOid;
    tuple.t_data = header;
    Datum *values = static_cast<Datum *>(palloc(sizeof(Datum) * desc->natts));
    bool *nulls = static_cast<bool *>(palloc(sizeof(bool) * desc->natts));
    heap_deform_tuple(&tuple, desc, values, nulls);
    if (call.rows != nullptr) {
        tuplestore_putvalues(call.rows, call.rows_desc, values, nulls);
    } else if (call.result_desc != nullptr) {
        call.single = HeapTupleGetDatum(heap_form_tuple(call.result_desc, values, nulls));
        call.single_is_null = false;
    } else {
        call.single = values[0];
        call.single_is_null = nulls[0];
    }
}

// Calls the PL/Proxy function (a set of text values, one per call) with the API function's
// arguments and reads the whole answer: PL/Proxy finishes with the shard connection first.
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
        const Datum value = FunctionCallInvoke(remote_call);
        if (set_info.isDone == ExprEndResult) break;
        if (!remote_call->isnull) {
            text *answer = DatumGetTextPP(value);
            read_answer(call, VARDATA_ANY(answer), VARSIZE_ANY_EXHDR(answer));
        }
        if (set_info.isDone != ExprMultipleResult) break;
    }
    FreeExprContext(set_info.econtext, true);
}

// ---------------------------------------------------------------------------------------
// The proxy's direct calls: the API function sends its call to the shard itself
// ---------------------------------------------------------------------------------------

// How a direct API function is routed (create_api's route, one C symbol each).
enum class Route { tenant, tenant_or_all, token, id, any };

// A direct API function as its calls need it: found once per backend.
struct DirectFunction {
    ApiFunction api;
    Oid remote;             // tenant_or_all: <name>__remote, for a NULL tenant (every shard)
    int key_argument;       // the routing argument (-1: none)
    int argument_count;
    FmgrInfo *output;       // each argument's output function (TopMemoryContext)
    shard_connection::Statement statement;  // SELECT customer_identity.proxied_call(...)
};
std::unordered_map<Oid, DirectFunction> direct_functions;

// (forget_functions: the direct functions too)
void forget_direct_functions() { direct_functions.clear(); }
// The number of the next statement a direct function prepares: never reused in the
// backend's life, so a prepared name always means one text.
int next_statement_number = 0;

// The argument a route reads: tenant_id, token, or the first bigint named *_id (as
// create_api chose the route from the same names).  Inside pg_call.
int key_argument_of(Oid function, Route route, int count, const Oid *types) {
    if (route == Route::any) return -1;
    HeapTuple proc = SearchSysCache1(PROCOID, ObjectIdGetDatum(function));
    if (!HeapTupleIsValid(proc)) elog(ERROR, "cache lookup failed for function %u", function);
    bool no_names = true, no_modes = true;
    const Datum names = SysCacheGetAttr(PROCOID, proc, Anum_pg_proc_proargnames, &no_names);
    const Datum modes = SysCacheGetAttr(PROCOID, proc, Anum_pg_proc_proargmodes, &no_modes);
    char **argument_names = nullptr;
    const int named = no_names ? 0 : get_func_input_arg_names(names, no_modes ? (Datum)0 : modes, &argument_names);
    ReleaseSysCache(proc);
    for (int i = 0; i < named && i < count; ++i) {
        const char *name = argument_names[i];
        if (name == nullptr) continue;
        const std::size_t length = strlen(name);
        if ((route == Route::tenant || route == Route::tenant_or_all) && strcmp(name, "tenant_id") == 0 &&
            types[i] == TEXTOID)
            return i;
        if (route == Route::token && strcmp(name, "token") == 0 && types[i] == TEXTOID) return i;
        if (route == Route::id && types[i] == INT8OID && length > 3 && strcmp(name + length - 3, "_id") == 0) return i;
    }
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_PARAMETER),
                    errmsg("function %s has no argument to route it by", get_func_name(function)),
                    errhint("Run customer_identity.create_api() again.")));
    return -1;
}

// The direct API function (the oid) as its calls need it.
const DirectFunction &direct_function_of(Oid api_function, Route route) {
    const auto found = direct_functions.find(api_function);
    if (found != direct_functions.end()) return found->second;
    DirectFunction function{};
    pg_call([&] {
        function.api = proxy_api_function(api_function);
        Oid *types = nullptr;
        int count = 0;
        get_func_signature(api_function, &types, &count);
        char *name = get_func_name(api_function);
        function.remote = route == Route::tenant_or_all ? remote_function_of(api_function, count, types) : InvalidOid;
        function.key_argument = key_argument_of(api_function, route, count, types);
        function.argument_count = count;
        function.output = static_cast<FmgrInfo *>(MemoryContextAllocZero(TopMemoryContext, sizeof(FmgrInfo) * (count + 1)));
        StringInfoData sql;
        initStringInfo(&sql);
        appendStringInfo(&sql, "SELECT customer_identity.proxied_call(%s", quote_literal_cstr(name));
        for (int i = 0; i < count; ++i) {
            Oid output = InvalidOid;
            bool varlena = false;
            getTypeOutputInfo(types[i], &output, &varlena);
            fmgr_info_cxt(output, &function.output[i], TopMemoryContext);
            appendStringInfo(&sql, ", $%d::%s", i + 1, format_type_be_qualified(types[i]));
        }
        appendStringInfoChar(&sql, ')');
        function.statement.number = next_statement_number++;
        function.statement.sql = MemoryContextStrdup(TopMemoryContext, sql.data);
        function.statement.parameter_count = count;
    });
    return direct_functions.emplace(api_function, function).first->second;
}

// Makes ready what the call returns: a set's rows, or a single composite's type.  Inside
// pg_call.
void start_result(ProxyCall &call) {
    FunctionCallInfo fcinfo = call.caller;
    if (fcinfo->flinfo->fn_retset) {
        call.rows_desc = spi::start_materialized_srf(fcinfo);
        call.rows = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo)->setResult;
    } else if (call.api.row_desc != nullptr &&
               get_call_result_type(fcinfo, nullptr, &call.result_desc) != TYPEFUNC_COMPOSITE) {
        call.result_desc = nullptr;
    }
    if (call.result_desc != nullptr) call.result_desc = BlessTupleDesc(call.result_desc);
}

// Raises the error a shard answered, with its SQLSTATE, message, DETAIL and HINT.  Inside
// pg_call.
void raise_answered_error(const ProxyCall &call) {
    if (call.error == nullptr) return;
    ErrorData *error = call.error;
    ereport(ERROR, (errcode(error->sqlerrcode), errmsg_internal("%s", error->message ? error->message : ""),
                    error->detail ? errdetail_internal("%s", error->detail) : 0,
                    error->hint ? errhint("%s", error->hint) : 0));
}

// What the call returns once its answer is read (a set's rows are in its tuplestore).
Datum call_result(const ProxyCall &call) {
    FunctionCallInfo fcinfo = call.caller;
    if (fcinfo->flinfo->fn_retset) return (Datum)0;
    fcinfo->isnull = call.single_is_null;
    return call.single;
}

// Hands a row of a shard's answer to read_answer (shard_connection's reader).
void read_answer_row(void *context, const char *value, int length) {
    read_answer(*static_cast<ProxyCall *>(context), value, length);
}

// Sends the call to the shard on this backend's connection (the arguments as text) and
// reads its answer.  Inside pg_call.
void run_direct_call(ProxyCall &call, const DirectFunction &function, std::int32_t shard) {
    FunctionCallInfo fcinfo = call.caller;
    const char **values = static_cast<const char **>(palloc0(sizeof(char *) * (function.argument_count + 1)));
    for (int i = 0; i < function.argument_count && i < PG_NARGS(); ++i)
        values[i] = PG_ARGISNULL(i) ? nullptr : OutputFunctionCall(&function.output[i], PG_GETARG_DATUM(i));
    shard_connection::run(shard, function.statement, values, read_answer_row, &call);
}

// A direct API function's call: routed by the C directory, sent by the backend's own
// connection to the shard (tenant_or_all with a NULL tenant: every shard, through its
// PL/Proxy function).
Datum direct_call(FunctionCallInfo fcinfo, Route route) {
    // (a copy: an invalidation while routing may empty the cache; what it points to stays)
    const DirectFunction function = direct_function_of(fcinfo->flinfo->fn_oid, route);
    ProxyCall call{};
    call.caller = fcinfo;
    call.api = function.api;
    call.remote = function.remote;
    call.single_is_null = !call.api.returns_void;
    const int key = function.key_argument;
    const bool every_shard = route == Route::tenant_or_all && PG_ARGISNULL(key);
    std::int32_t shard = 0;
    if (!every_shard) {
        if (route == Route::any) {
            pg_call([&] { shard = shard_connection::any_shard(); });
        } else {
            shard = routing::route_argument(fcinfo, key,
                                            route == Route::id      ? routing::Key::id
                                            : route == Route::token ? routing::Key::token
                                                                    : routing::Key::tenant);
        }
    }
    pg_call([&] {
        start_result(call);
        if (every_shard)
            run_proxy_call(call);
        else
            run_direct_call(call, function, shard);
        raise_answered_error(call);
    });
    return call_result(call);
}

}  // namespace
}  // namespace ci

// The API functions of the proxy that run on every shard (create_api's route 'all'): calls
// the API function's PL/Proxy function (<name>__remote, RUN ON ALL, whose shards answer
// through proxied_call) and returns its rows or value; a shard's error is raised here with
// the shard's SQLSTATE, message, DETAIL and HINT.
CI_SQL_FUNCTION(ci_proxied_api_call) {
    return entry_guard([&]() -> Datum {
        const auto &function = proxy_function_of(fcinfo->flinfo->fn_oid);
        ProxyCall call{};
        call.caller = fcinfo;
        call.api = function.first;
        call.remote = function.second;
        call.single_is_null = !call.api.returns_void;
        pg_call([&] {
            start_result(call);
            run_proxy_call(call);
            raise_answered_error(call);
        });
        return call_result(call);
    });
}

// The proxy's other API functions (create_api): the call goes to the shard serving its
// tenant, token or id (or any shard), on this backend's own connection to it, its statement
// prepared once per connection (shard_connection.hpp); the shard answers through
// proxied_call, and an error it answered is raised here as the shard raised it.
CI_SQL_FUNCTION(ci_proxied_call_by_tenant) {
    return entry_guard([&] { return direct_call(fcinfo, Route::tenant); });
}

// As ci_proxied_call_by_tenant; a NULL tenant_id means every tenant: every shard.
CI_SQL_FUNCTION(ci_proxied_call_by_tenant_or_all) {
    return entry_guard([&] { return direct_call(fcinfo, Route::tenant_or_all); });
}

// As ci_proxied_call_by_tenant, routed by the invite token's bucket.
CI_SQL_FUNCTION(ci_proxied_call_by_token) {
    return entry_guard([&] { return direct_call(fcinfo, Route::token); });
}

// As ci_proxied_call_by_tenant, routed by the bucket of the id (the first bigint *_id).
CI_SQL_FUNCTION(ci_proxied_call_by_id) {
    return entry_guard([&] { return direct_call(fcinfo, Route::id); });
}

// As ci_proxied_call_by_tenant, on any shard (the function reads no tenant's data).
CI_SQL_FUNCTION(ci_proxied_call_on_any) {
    return entry_guard([&] { return direct_call(fcinfo, Route::any); });
}
