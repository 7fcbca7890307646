// SQL wrappers of the pure normalizers in normalize.cpp, email.cpp and phone.cpp
// (IMMUTABLE STRICT, index-safe), and of name_fold.cpp (STABLE: ICU's data decides).
#include "email.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "name_fold.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "utils/builtins.h"
}

using namespace ci;

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

// normalize_phone(phone, region): the E.164 identity through libphonenumber (phone.hpp); STRICT,
// so neither argument is NULL here ('' is the region that reads a phone without one).
CI_SQL_FUNCTION(ci_normalize_phone_region) {
    return entry_guard([&] {
        const std::string phone = required(text_arg(fcinfo, 0), "phone");
        const std::string region = required(text_arg(fcinfo, 1), "region");
        return text_datum(checked_phone_in_region(phone, region).value);
    });
}

// phone_library_version(): what derives the phone identities (phone.hpp).
CI_SQL_FUNCTION(ci_phone_library_version) {
    return entry_guard([&] { return text_datum(phone_library_version()); });
}

// duplicate_fold(name, reading): the name folded for suggest_duplicates' comparisons
// (name_fold.hpp); 55000 when ICU cannot build the transform (its transliteration data is
// missing), MeCab cannot load its dictionary or the Hanja table cannot be read.
CI_SQL_FUNCTION(ci_duplicate_fold) {
    return entry_guard([&] {
        const NameReading reading = name_reading(required(text_arg(fcinfo, 1), "reading"));
        const Normalized folded = fold_name(*text_arg(fcinfo, 0), reading);
        if (!folded.ok)
            throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, folded.error,
                                std::string(), kNameFoldPrerequisites);
        return text_datum(folded.value);
    });
}

// duplicate_fold_version(): the ICU, its CLDR data and the transform that fold names here.
CI_SQL_FUNCTION(ci_duplicate_fold_version) {
    return entry_guard([&] { return text_datum(name_fold_version()); });
}
