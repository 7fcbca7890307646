// customer_identity_phone.so: phone.cpp and libphonenumber, loaded by the main module on a
// backend's first phone (phone_loader.cpp), so that a session without one never pays for
// binding libphonenumber, protobuf and their libraries.  Only this file meets PostgreSQL,
// for the magic block its loader checks.
extern "C" {
#include "postgres.h"

#include "fmgr.h"
}

#include "phone_api.hpp"

extern "C" {
PG_MODULE_MAGIC;

// The table of phone.cpp's functions (phone_api.hpp).
PGDLLEXPORT const ci::PhoneApi *ci_phone_api(void);
}

// A constant table: built at compile time, nothing runs when the library loads.
const ci::PhoneApi *ci_phone_api(void) {
    static const ci::PhoneApi api = {
        ci::phone_api_version,      sizeof(ci::PhoneIdentity),   &ci::canonical_phone,
        &ci::plain_phone,           &ci::canonical_phone_parsed, &ci::known_region,
        &ci::phone_library_version,
    };
    return &api;
}
