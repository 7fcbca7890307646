// Invite token text: pure C++ (no PostgreSQL headers), unit-tested.
// A token is "cit_" followed by the unpadded base64url encoding of 32 random bytes
// (256 bits); the database keeps only its SHA-256.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ci {

constexpr std::size_t invite_token_random_bytes = 32;
constexpr std::string_view invite_token_prefix = "cit_";

// RFC 4648 section 5 base64url, without padding.
std::string base64url_encode(const unsigned char *data, std::size_t length);

// The token text for these random bytes.
std::string format_invite_token(const unsigned char *random, std::size_t length);

// True when the text has the shape of a token this extension issues.
bool looks_like_invite_token(std::string_view text);

}  // namespace ci
