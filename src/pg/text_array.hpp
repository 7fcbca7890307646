// Reading a text[] in place: its elements as views into the array, with no deconstructed
// copy.  The triggers check every written row's roles, and a probe reads every hit's.  And
// building one from C++ strings.
#pragma once

extern "C" {
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/arrayaccess.h"
#include "utils/builtins.h"
}

#include <optional>
#include <string_view>

namespace ci {

// Calls visit(std::optional<std::string_view>) for each element of a detoasted text[], in
// storage order; NULL elements are nullopt.  Plain memory reads, no PostgreSQL call: safe
// inside or outside a pg_call body.  Elements are never toasted inside an array, only
// possibly short-headered.
template <typename Visit>
void each_text_element(ArrayType *array, Visit &&visit) {
    // (A stored array's dimensions were checked against MaxArraySize when it was built.)
    int count = ARR_NDIM(array) == 0 ? 0 : 1;
    for (int d = 0; d < ARR_NDIM(array); ++d) count *= ARR_DIMS(array)[d];
    array_iter iterator;
    array_iter_setup(&iterator, reinterpret_cast<AnyArrayType *>(array));
    for (int i = 0; i < count; ++i) {
        bool is_null = true;
        const Datum element = array_iter_next(&iterator, &is_null, i, -1, false, TYPALIGN_INT);
        if (is_null) {
            visit(std::optional<std::string_view>());
            continue;
        }
        const auto *text = reinterpret_cast<const struct varlena *>(DatumGetPointer(element));
        visit(std::optional<std::string_view>(
            std::string_view(VARDATA_ANY(text), VARSIZE_ANY_EXHDR(text))));
    }
}

// A text[] of the strings (std::string or std::string_view), in the current memory
// context.  PostgreSQL calls that may ereport: inside a pg_call body only.
template <typename Strings>
Datum text_array_of(const Strings &strings) {
    const int count = static_cast<int>(strings.size());
    Datum *items = static_cast<Datum *>(palloc(sizeof(Datum) * (count + 1)));
    int i = 0;
    for (const auto &s : strings)
        items[i++] = PointerGetDatum(cstring_to_text_with_len(s.data(), static_cast<int>(s.size())));
    return PointerGetDatum(construct_array(items, count, TEXTOID, -1, false, TYPALIGN_INT));
}

}  // namespace ci
