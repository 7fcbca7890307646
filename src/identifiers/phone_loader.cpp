// phone.hpp's functions in the server module: each forwards to customer_identity_phone.so,
// loaded on the backend's first call (phone_api.hpp).  The main module does not link
// libphonenumber: every session of an application role preloads it, and binding
// libphonenumber, protobuf and their libraries at load cost a new connection about 4 ms
// (README "Performance").  phone_endings is not here: it needs only ICU (phone_endings.cpp).
#include "phone.hpp"

#include "phone_api.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "fmgr.h"
}

#include <string>

namespace ci {
namespace {

// The phone library's table once loaded in this backend (PostgreSQL keeps the library
// loaded for the life of the process: the table stays valid).
const PhoneApi *loaded_api = nullptr;

// The table, loading customer_identity_phone.so from the module's own directory on first use;
// a missing library is PostgreSQL's error (58P01), one of another build 55000.
const PhoneApi &api() {
    if (loaded_api != nullptr) return *loaded_api;
    void *entry = nullptr;
    pg_call([&] {
        entry = load_external_function("$libdir/customer_identity_phone", phone_api_entry, true,
                                       nullptr);
    });
    const PhoneApi *table = reinterpret_cast<PhoneApiEntry>(entry)();
    if (table == nullptr || table->version != phone_api_version ||
        table->identity_size != sizeof(PhoneIdentity))
        throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "customer_identity_phone is not of the same build as customer_identity",
                            "Its phone interface is version " +
                                std::to_string(table == nullptr ? 0 : table->version) +
                                "; this module expects version " +
                                std::to_string(phone_api_version) + ".",
                            "Install both libraries of one build (the package installs both).");
    loaded_api = table;
    return *loaded_api;
}

}  // namespace

// Forwarded to phone.cpp in the phone library.
PhoneIdentity canonical_phone(std::string_view raw, std::string_view region) {
    return api().canonical_phone(raw, region);
}

// Forwarded to phone.cpp in the phone library.
std::optional<std::string> plain_phone(std::string_view raw, std::string_view region) {
    return api().plain_phone(raw, region);
}

// Forwarded to phone.cpp in the phone library.
PhoneIdentity canonical_phone_parsed(std::string_view raw, std::string_view region) {
    return api().canonical_phone_parsed(raw, region);
}

// Forwarded to phone.cpp in the phone library.
bool known_region(std::string_view region) { return api().known_region(region); }

// Forwarded to phone.cpp in the phone library.
std::string phone_library_version() { return api().phone_library_version(); }

}  // namespace ci
