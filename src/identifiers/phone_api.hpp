// The table of phone functions customer_identity_phone.so hands the main module (pure C++, no
// PostgreSQL headers): phone_module.cpp fills it with phone.cpp's functions, phone_loader.cpp
// forwards phone.hpp's calls through it.  Both sides come from one build; the version (and
// the size of what crosses) is checked at load all the same, so a phone library left over
// from another build is refused rather than called with the wrong layout.
#pragma once

#include "phone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ci {

// Raised with every change of this table or of phone.hpp's types.
constexpr std::uint32_t phone_api_version = 1;

// phone.hpp's functions but phone_endings.  Each throws nothing but std::bad_alloc, which
// crosses the boundary as any C++ exception between two objects of one process does (one
// libstdc++); the caller's entry_guard catches it.
struct PhoneApi {
    std::uint32_t version;
    std::uint32_t identity_size;  // sizeof(PhoneIdentity) as the phone library was built
    PhoneIdentity (*canonical_phone)(std::string_view raw, std::string_view region);
    std::optional<std::string> (*plain_phone)(std::string_view raw, std::string_view region);
    PhoneIdentity (*canonical_phone_parsed)(std::string_view raw, std::string_view region);
    bool (*known_region)(std::string_view region);
    std::string (*phone_library_version)();
};

// The one function customer_identity_phone.so exports (besides PostgreSQL's magic block),
// extern "C" ci_phone_api(void): its table, a static object valid for the life of the process.
using PhoneApiEntry = const PhoneApi *(*)();
constexpr const char phone_api_entry[] = "ci_phone_api";

}  // namespace ci
