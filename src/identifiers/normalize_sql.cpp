// SQL wrappers of the pure normalizers in normalize.cpp (IMMUTABLE STRICT, index-safe).
#include "errors.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "utils/builtins.h"
}

using namespace ci;

// Returns a C++ string as a text Datum.
static Datum text_datum(const std::string &value) {
    Datum result = (Datum)0;
    const char *data = value.data();
    int length = static_cast<int>(value.size());
    pg_call([&] { result = PointerGetDatum(cstring_to_text_with_len(data, length)); });
    return result;
}

CI_SQL_FUNCTION(ci_normalize_email) {
    return entry_guard([&] { return text_datum(*normalized_email_any_length(text_arg(fcinfo, 0))); });
}

CI_SQL_FUNCTION(ci_normalize_phone) {
    return entry_guard([&] { return text_datum(*normalized_phone_any_length(text_arg(fcinfo, 0))); });
}
