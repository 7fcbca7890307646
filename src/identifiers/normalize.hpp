// Pure C++17 normalization of contact identifiers (no PostgreSQL headers).
// Results are deterministic and locale-independent: they back IMMUTABLE SQL
// functions that are used in indexes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ci {

// Outcome of normalizing one identifier: ok with value, or not ok with a short human-readable
// reason.
struct Normalized {
    bool ok;
    std::string value;
    std::string error;
};

// An email address whose shape is checked: ok with the trimmed address (a view into the
// input) and the byte offset of its one '@', or not ok with the reason.
struct EmailShape {
    bool ok;
    std::string_view address;
    std::size_t at;
    const char *error;
};

// Trims whitespace and checks the shape of an email address (valid UTF-8, at most 320 bytes,
// no whitespace or control character, exactly one '@' with something on both sides).
EmailShape check_email_shape(std::string_view input);

// Trims whitespace, lower-cases ASCII letters and validates the shape of an email address.
Normalized normalize_email(std::string_view input);

// Reduces a phone number to ASCII digits with an optional leading '+'.
Normalized normalize_phone(std::string_view input);

// True when the text is empty or only whitespace (the same whitespace the normalizers trim).
bool is_blank(std::string_view input);

// The text without the whitespace the normalizers trim at both ends; invalid UTF-8 is
// returned as it is (the normalizers refuse it).
std::string_view trim_space(std::string_view input);

// 64-bit FNV-1a over the parts joined with a 0 byte between them (used as a lock key).
std::uint64_t identity_key_hash(std::string_view tenant, std::string_view kind,
                                std::string_view value);

}  // namespace ci
