// Cached SPI plans and result readers; see spi.hpp.
#include "spi.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "funcapi.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
}

namespace ci::spi {

Params &Params::push(Datum value, bool is_null) {
    if (count_ >= max_params)
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "too many SQL parameters");
    values_[count_] = value;
    nulls_[count_] = is_null ? 'n' : ' ';
    ++count_;
    return *this;
}

Params &Params::text(const std::optional<std::string> &value) {
    if (!value) return push((Datum)0, true);
    Datum datum = (Datum)0;
    const char *data = value->data();
    int length = static_cast<int>(value->size());
    pg_call([&] { datum = PointerGetDatum(cstring_to_text_with_len(data, length)); });
    return push(datum, false);
}

Params &Params::int8(std::optional<std::int64_t> value) {
    return value ? push(Int64GetDatum(*value), false) : push((Datum)0, true);
}

Params &Params::int4(std::optional<std::int64_t> value) {
    return value ? push(Int32GetDatum(static_cast<int32>(*value)), false) : push((Datum)0, true);
}

Params &Params::boolean(std::optional<bool> value) {
    return value ? push(BoolGetDatum(*value), false) : push((Datum)0, true);
}

Params &Params::bytea(const std::string &bytes) {
    Datum datum = (Datum)0;
    const char *data = bytes.data();
    const std::size_t length = bytes.size();
    pg_call([&] {
        ::bytea *value = static_cast<::bytea *>(palloc(VARHDRSZ + length));
        SET_VARSIZE(value, VARHDRSZ + length);
        memcpy(VARDATA(value), data, length);
        datum = PointerGetDatum(value);
    });
    return push(datum, false);
}

Params &Params::timestamptz(std::optional<std::int64_t> value) {
    return value ? push(TimestampTzGetDatum(*value), false) : push((Datum)0, true);
}

Params &Params::raw(Datum value) { return push(value, false); }

Params &Params::text_array(const std::vector<std::optional<std::string>> &elements) {
    const int count = static_cast<int>(elements.size());
    Datum *items = nullptr;
    bool *item_nulls = nullptr;
    pg_call([&] {
        items = static_cast<Datum *>(palloc0(sizeof(Datum) * (count + 1)));
        item_nulls = static_cast<bool *>(palloc0(sizeof(bool) * (count + 1)));
    });
    for (int i = 0; i < count; ++i) {
        if (!elements[i]) {
            item_nulls[i] = true;
            continue;
        }
        const char *data = elements[i]->data();
        int length = static_cast<int>(elements[i]->size());
        pg_call([&] { items[i] = PointerGetDatum(cstring_to_text_with_len(data, length)); });
    }
    Datum array = (Datum)0;
    pg_call([&] {
        if (count == 0) {
            array = PointerGetDatum(construct_empty_array(TEXTOID));
            return;
        }
        int dims[1] = {count};
        int lbs[1] = {1};
        array = PointerGetDatum(
            construct_md_array(items, item_nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
    });
    return push(array, false);
}

void connect() {
    pg_call([] {
        if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "customer_identity: SPI_connect failed");
    });
}

void finish() {
    pg_call([] {
        if (SPI_finish() != SPI_OK_FINISH) elog(ERROR, "customer_identity: SPI_finish failed");
    });
}

// Prepares the statement on first use and keeps the plan for the life of the backend.
static void ensure_prepared(Statement &stmt) {
    if (stmt.plan != nullptr) return;
    pg_call([&] {
        SPIPlanPtr plan = SPI_prepare(stmt.sql, stmt.nargs, stmt.argtypes);
        if (plan == nullptr)
            elog(ERROR, "customer_identity: SPI_prepare failed (%d) for: %s", SPI_result, stmt.sql);
        if (SPI_keepplan(plan) != 0) elog(ERROR, "customer_identity: SPI_keepplan failed");
        stmt.plan = plan;
    });
}

std::uint64_t run(Statement &stmt, const Params &params, long max_rows, bool read_only,
                  Visibility visibility) {
    if (params.count() != stmt.nargs)
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "parameter count mismatch for a cached plan");
    ensure_prepared(stmt);
    std::uint64_t processed = 0;
    pg_call([&] {
        int rc;
        if (visibility == Visibility::latest)
            rc = SPI_execute_snapshot(stmt.plan, const_cast<Datum *>(params.values()),
                                      params.nulls(), GetLatestSnapshot(), InvalidSnapshot,
                                      read_only, false, max_rows);
        else
            rc = SPI_execute_plan(stmt.plan, const_cast<Datum *>(params.values()), params.nulls(),
                                  read_only, max_rows);
        if (rc < 0) elog(ERROR, "customer_identity: SPI error %d for: %s", rc, stmt.sql);
        processed = SPI_processed;
    });
    return processed;
}

bool run_tolerating(Statement &stmt, const Params &params, int tolerated) {
    if (params.count() != stmt.nargs)
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "parameter count mismatch for a cached plan");
    ensure_prepared(stmt);  // outside the subtransaction, so the kept plan survives a rollback
    ErrorData *error = pg_subtransaction([&] {
        int rc = SPI_execute_plan(stmt.plan, const_cast<Datum *>(params.values()), params.nulls(),
                                  false, 0);
        if (rc < 0) elog(ERROR, "customer_identity: SPI error %d for: %s", rc, stmt.sql);
    });
    if (error == nullptr) return true;
    if (error->sqlerrcode == tolerated) return false;
    throw PgError{error};
}

// Fetches one result value; the caller converts it outside pg_call.
static Datum value_at(std::uint64_t row, int column, bool *is_null) {
    Datum value = (Datum)0;
    pg_call([&] {
        value = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, column, is_null);
    });
    return value;
}

std::optional<std::int64_t> int8_at(std::uint64_t row, int column) {
    bool is_null = true;
    Datum value = value_at(row, column, &is_null);
    if (is_null) return std::nullopt;
    return static_cast<std::int64_t>(DatumGetInt64(value));
}

std::optional<std::string> text_at(std::uint64_t row, int column) {
    bool is_null = true;
    Datum value = value_at(row, column, &is_null);
    if (is_null) return std::nullopt;
    const char *data = nullptr;
    std::size_t length = 0;
    pg_call([&] {
        text *detoasted = DatumGetTextPP(value);
        data = VARDATA_ANY(detoasted);
        length = VARSIZE_ANY_EXHDR(detoasted);
    });
    return std::string(data, length);
}

TupleDesc start_materialized_srf(FunctionCallInfo fcinfo) {
    ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
    if (rsinfo == nullptr || !IsA(rsinfo, ReturnSetInfo) || rsinfo->expectedDesc == nullptr ||
        !(rsinfo->allowedModes & SFRM_Materialize)) {
        // The unusual callers: InitMaterializedSRF raises the errors of a context that
        // cannot take a set, or looks the row type up.
        InitMaterializedSRF(fcinfo, 0);
        return rsinfo->setDesc;
    }
    MemoryContext caller = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
    rsinfo->setResult =
        tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0, false, work_mem);
    MemoryContextSwitchTo(caller);
    rsinfo->returnMode = SFRM_Materialize;
    rsinfo->setDesc = nullptr;
    return rsinfo->expectedDesc;
}

void materialize_result(FunctionCallInfo fcinfo) {
    pg_call([&] {
        start_materialized_srf(fcinfo);
        ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
        for (uint64 row = 0; row < SPI_processed; ++row)
            tuplestore_puttuple(rsinfo->setResult, SPI_tuptable->vals[row]);
    });
}

bool bool_at(std::uint64_t row, int column) {
    bool is_null = true;
    Datum value = value_at(row, column, &is_null);
    return !is_null && DatumGetBool(value);
}

std::optional<Datum> datum_at(std::uint64_t row, int column) {
    bool is_null = true;
    Datum value = value_at(row, column, &is_null);
    if (is_null) return std::nullopt;
    return value;
}

}  // namespace ci::spi
