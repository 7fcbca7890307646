// SQL wrappers of the pure normalizers in normalize.cpp and email.cpp (IMMUTABLE STRICT,
// index-safe).
#include "email.hpp"
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
    return entry_guard(
        [&] { return text_datum(*normalized_email_any_length(text_arg(fcinfo, 0))); });
}

CI_SQL_FUNCTION(ci_normalize_phone) {
    return entry_guard(
        [&] { return text_datum(*normalized_phone_any_length(text_arg(fcinfo, 0))); });
}

// normalize_email(email, mode): the canonical email of email.hpp, exact or provider.
CI_SQL_FUNCTION(ci_normalize_email_mode) {
    return entry_guard([&] {
        const EmailMode mode = email_mode(*text_arg(fcinfo, 1));
        return text_datum(checked_canonical_email(*text_arg(fcinfo, 0), mode));
    });
}

// email_library_version(): the ICU and libidn2 that canonicalize emails in this backend.
CI_SQL_FUNCTION(ci_email_library_version) {
    return entry_guard([&] { return text_datum(email_library_version()); });
}
