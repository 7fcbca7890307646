// Reading and replacing columns of a trigger's row by column name.
#pragma once

#include "pg_boundary.hpp"
#include "text_array.hpp"

extern "C" {
#include "access/htup.h"
#include "access/tupdesc.h"
}

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ci {

// Attribute numbers by (row type, column name literal): the triggers ask for about fifteen
// columns of every row, and SPI_fnumber searches by name.  The table is addressed by the
// literal's address (open addressing) and emptied by every relcache invalidation, which any
// ALTER of a table or composite type sends before its new columns can be seen.  The lookup
// of a column at its home slot is inline (RowView::column); the rest is in tuples.cpp.
namespace column_cache {
struct Entry {
    Oid row_type;
    const char *name;
    int attnum;
};
constexpr std::size_t size = 64;
extern Entry entries[size];

// The slot where (row type, name) is cached when nothing else took it first.
inline std::size_t home_slot(Oid row_type, const char *name) {
    return (reinterpret_cast<std::uintptr_t>(name) ^ (std::uintptr_t{row_type} << 4)) % size;
}

// The attribute number cached at the home slot for a named row type; 0 when not there.
inline int at_home(const TupleDesc desc, const char *name) {
    const Entry &entry = entries[home_slot(desc->tdtypeid, name)];
    return entry.name == name && entry.row_type == desc->tdtypeid && entry.attnum <= desc->natts
               ? entry.attnum
               : 0;
}
}  // namespace column_cache

// One row of a relation, as handed to a trigger.  The row is deformed once, on the first
// column read (in the caller's memory context, a trigger's per-tuple one); copies share it.
// Texts are views into the row (or into its detoasted copy in that context): they are valid
// for the trigger call, and are copied where kept longer.
struct RowView {
    HeapTuple tuple;
    TupleDesc desc;
    mutable const Datum *values = nullptr;
    mutable const bool *nulls = nullptr;

    // The column's attribute number; a missing column raises XX000.
    int column(const char *name) const {
        const int attnum = column_cache::at_home(desc, name);
        return attnum != 0 ? attnum : column_elsewhere(name);
    }
    // Does the row type have this column (one a later version of the script adds)?
    bool has_column(const char *name) const;
    bool is_null(const char *name) const;
    std::optional<std::string_view> text(const char *name) const;
    std::optional<std::int64_t> int8(const char *name) const;
    // The raw Datum of a column (valid as long as the tuple); nullopt for NULL.
    std::optional<Datum> datum(const char *name) const;
    // A text[] column, detoasted (into the caller's memory context when it was packed);
    // nullptr for NULL.  Multi-dimensional arrays raise 22023.
    ArrayType *text_array(const char *name) const;
    // Calls visit(std::optional<std::string_view>) for each element of a text[] column, read
    // in place (NULL elements are nullopt); false, visiting nothing, when the column is NULL.
    template <typename Visit>
    bool each_text(const char *name, Visit &&visit) const {
        ArrayType *array = text_array(name);
        if (array == nullptr) return false;
        each_text_element(array, visit);
        return true;
    }

    // Deforms the row into `values` / `nulls` unless that is done already.
    void deform() const;

  private:
    // column() past the home slot: the rest of the cache, then the catalog.
    int column_elsewhere(const char *name) const;
    // The column's value (attnum from column()); deforms the row on first use.
    Datum attribute(int attnum, bool *is_null) const;
};

// Registers the invalidation of the column-number cache (from _PG_init).
void columns_init();

// Replacement column values for a trigger's NEW row.
class RowChanges {
  public:
    void set_text(const RowView &row, const char *name, std::optional<std::string_view> value);
    void set_timestamptz_now(const RowView &row, const char *name);
    void set_null(const RowView &row, const char *name);
    // A text[] without NULL elements.
    void set_text_array(const RowView &row, const char *name,
                        const std::vector<std::string_view> &values);
    void set_datum(const RowView &row, const char *name, Datum value);
    // The modified tuple (or the original one when nothing changed).
    HeapTuple apply(const RowView &row) const;

  private:
    static constexpr int max_changes = 12;
    int columns_[max_changes] = {};
    Datum values_[max_changes] = {};
    bool nulls_[max_changes] = {};
    int count_ = 0;
    void push(int column, Datum value, bool is_null);
};

}  // namespace ci
