// Column access for trigger rows; see tuples.hpp.
#include "tuples.hpp"

#include <cstdint>
#include <cstring>

#include "errors.hpp"
#include "text_array.hpp"

extern "C" {
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/inval.h"
#include "utils/timestamp.h"
}

namespace ci {

namespace column_cache {
Entry entries[size];
}  // namespace column_cache

namespace {
using column_cache::Entry;

// The slot where (row type, name) is cached or would go.
std::size_t column_slot(Oid row_type, const char *name) {
    const std::size_t home = column_cache::home_slot(row_type, name);
    for (std::size_t probe = 0; probe < column_cache::size; ++probe) {
        const std::size_t slot = (home + probe) % column_cache::size;
        const Entry &cached = column_cache::entries[slot];
        if (cached.name == nullptr || (cached.name == name && cached.row_type == row_type))
            return slot;
    }
    return home;  // full: the home slot is replaced
}

// Relcache callback: some relation (or every one) changed; forget every attribute number.
void forget_columns(Datum, Oid) {
    for (Entry &cached : column_cache::entries) cached = Entry{};
}
}  // namespace

void columns_init() { CacheRegisterRelcacheCallback(forget_columns, (Datum)0); }

// The column's attribute number, through the cache; 0 when the row type has no such column.
// Anonymous record types all share RECORDOID, so only named row types are cached.
static int find_column(TupleDesc desc, const char *name) {
    const bool cacheable = OidIsValid(desc->tdtypeid) && desc->tdtypeid != RECORDOID;
    std::size_t slot = 0;
    if (cacheable) {
        slot = column_slot(desc->tdtypeid, name);
        const Entry &cached = column_cache::entries[slot];
        if (cached.name == name && cached.row_type == desc->tdtypeid &&
            cached.attnum <= desc->natts)
            return cached.attnum;
    }
    int attnum = SPI_ERROR_NOATTRIBUTE;
    pg_call([&] { attnum = SPI_fnumber(desc, name); });
    if (attnum > 0 && cacheable) column_cache::entries[slot] = {desc->tdtypeid, name, attnum};
    return attnum > 0 ? attnum : 0;
}

int RowView::column_elsewhere(const char *name) const {
    const int attnum = find_column(desc, name);
    if (attnum == 0)
        throw IdentityError(ERRCODE_INTERNAL_ERROR,
                            std::string("customer_identity: column ") + name + " is missing");
    return attnum;
}

bool RowView::has_column(const char *name) const { return find_column(desc, name) > 0; }

void RowView::deform() const {
    if (values != nullptr) return;
    pg_call([&] {
        auto *deformed_values = static_cast<Datum *>(palloc(desc->natts * sizeof(Datum)));
        auto *deformed_nulls = static_cast<bool *>(palloc(desc->natts * sizeof(bool)));
        // Columns added after the row was written get their missing values here too.
        heap_deform_tuple(tuple, desc, deformed_values, deformed_nulls);
        values = deformed_values;
        nulls = deformed_nulls;
    });
}

Datum RowView::attribute(int attnum, bool *is_null) const {
    deform();
    *is_null = nulls[attnum - 1];
    return values[attnum - 1];
}

bool RowView::is_null(const char *name) const {
    const int attnum = column(name);
    bool null = true;
    (void)attribute(attnum, &null);
    return null;
}

std::optional<std::string_view> RowView::text(const char *name) const {
    const int attnum = column(name);
    bool null = true;
    const Datum value = attribute(attnum, &null);
    if (null) return std::nullopt;
    return text_view(value);
}

std::optional<std::int64_t> RowView::int8(const char *name) const {
    const int attnum = column(name);
    bool null = true;
    const Datum value = attribute(attnum, &null);
    if (null) return std::nullopt;
    return static_cast<std::int64_t>(DatumGetInt64(value));
}

std::optional<Datum> RowView::datum(const char *name) const {
    const int attnum = column(name);
    bool null = true;
    const Datum value = attribute(attnum, &null);
    if (null) return std::nullopt;
    return value;
}

ArrayType *RowView::text_array(const char *name) const {
    const int attnum = column(name);
    bool null = true;
    const Datum value = attribute(attnum, &null);
    if (null) return nullptr;
    ArrayType *array = nullptr;
    pg_call([&] { array = DatumGetArrayTypeP(value); });
    if (ARR_NDIM(array) > 1)
        throw IdentityError(sqlstate::malformed_input,
                            std::string(name) + " must be a one-dimensional array");
    return array;
}

void RowChanges::push(int column, Datum value, bool is_null) {
    if (count_ >= max_changes)
        throw IdentityError(ERRCODE_INTERNAL_ERROR, "customer_identity: too many row changes");
    columns_[count_] = column;
    values_[count_] = value;
    nulls_[count_] = is_null;
    ++count_;
}

void RowChanges::set_text(const RowView &row, const char *name,
                          std::optional<std::string_view> value) {
    const int attnum = row.column(name);
    if (!value) return push(attnum, (Datum)0, true);
    Datum datum = (Datum)0;
    pg_call([&] {
        datum = PointerGetDatum(
            cstring_to_text_with_len(value->data(), static_cast<int>(value->size())));
    });
    push(attnum, datum, false);
}

void RowChanges::set_timestamptz_now(const RowView &row, const char *name) {
    push(row.column(name), TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);
}

void RowChanges::set_null(const RowView &row, const char *name) {
    push(row.column(name), (Datum)0, true);
}

void RowChanges::set_text_array(const RowView &row, const char *name,
                                const std::vector<std::string_view> &values) {
    const int attnum = row.column(name);
    Datum array = (Datum)0;
    pg_call([&] { array = text_array_of(values); });
    push(attnum, array, false);
}

void RowChanges::set_datum(const RowView &row, const char *name, Datum value) {
    push(row.column(name), value, false);
}

HeapTuple RowChanges::apply(const RowView &row) const {
    if (count_ == 0) return row.tuple;
    // Replace the changed columns of the deformed row and form the tuple, as
    // heap_modify_tuple_by_cols does after deforming it (the rules have read it already).
    row.deform();
    HeapTuple result = nullptr;
    pg_call([&] {
        // The row's own deformed arrays (deform() allocated them for this call) take the
        // changes: the row is read no more once its replacement is formed, and a copy of
        // every column per row was measurable in bulk inserts.
        auto *values = const_cast<Datum *>(row.values);
        auto *nulls = const_cast<bool *>(row.nulls);
        for (int i = 0; i < count_; ++i) {
            values[columns_[i] - 1] = values_[i];
            nulls[columns_[i] - 1] = nulls_[i];
        }
        result = heap_form_tuple(row.desc, values, nulls);
        // The identification of the row it replaces, as heap_modify_tuple_by_cols keeps it.
        result->t_data->t_ctid = row.tuple->t_data->t_ctid;
        result->t_self = row.tuple->t_self;
        result->t_tableOid = row.tuple->t_tableOid;
    });
    return result;
}

}  // namespace ci
