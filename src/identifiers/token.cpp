// Invite token text; see token.hpp.
#include "token.hpp"

namespace ci {

namespace {
constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Length of the unpadded encoding of `bytes` bytes.
constexpr std::size_t encoded_length(std::size_t bytes) { return (bytes * 8 + 5) / 6; }
}  // namespace

std::string base64url_encode(const unsigned char *data, std::size_t length) {
    std::string out;
    out.reserve(encoded_length(length));
    std::size_t i = 0;
    for (; i + 3 <= length; i += 3) {
        const unsigned value = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += alphabet[(value >> 6) & 63];
        out += alphabet[value & 63];
    }
    if (length - i == 1) {
        const unsigned value = data[i] << 16;
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
    } else if (length - i == 2) {
        const unsigned value = (data[i] << 16) | (data[i + 1] << 8);
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += alphabet[(value >> 6) & 63];
    }
    return out;
}

std::string format_invite_token(const unsigned char *random, std::size_t length) {
    return std::string(invite_token_prefix) + base64url_encode(random, length);
}

bool looks_like_invite_token(std::string_view text) {
    if (text.substr(0, invite_token_prefix.size()) != invite_token_prefix) return false;
    const std::string_view body = text.substr(invite_token_prefix.size());
    if (body.size() != encoded_length(invite_token_random_bytes)) return false;
    for (char c : body) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace ci
