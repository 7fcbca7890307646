// Shard keys; see shard_key.hpp.
#include "shard_key.hpp"

#include "token.hpp"

namespace ci::shard {

namespace {

constexpr int bucket_shift = node_bits + local_bits;

// The value of one base64url character (the text was checked beforehand).
unsigned base64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return static_cast<unsigned>(c - 'A');
    if (c >= 'a' && c <= 'z') return static_cast<unsigned>(c - 'a') + 26;
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0') + 52;
    return c == '-' ? 62u : 63u;
}

}  // namespace

std::uint32_t bucket_of_tenant(std::string_view tenant) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : tenant) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return static_cast<std::uint32_t>((hash ^ (hash >> 32)) & (bucket_count - 1));
}

std::int64_t compose_id(std::uint32_t bucket, std::uint32_t node, std::int64_t local) {
    return (static_cast<std::int64_t>(bucket) << bucket_shift) |
           (static_cast<std::int64_t>(node) << local_bits) | local;
}

std::uint32_t bucket_of_id(std::int64_t id) {
    return static_cast<std::uint32_t>((id >> bucket_shift) & (bucket_count - 1));
}

bool is_composed(std::int64_t id) { return id >= local_limit; }

void embed_bucket(unsigned char *random, std::size_t length, std::uint32_t bucket) {
    if (length < 2) return;
    // byte 0 keeps its top six random bits; the bucket's top two bits take the bottom two
    random[0] = static_cast<unsigned char>((random[0] & 0xFC) | ((bucket >> 8) & 0x03));
    random[1] = static_cast<unsigned char>(bucket & 0xFF);
}

std::optional<std::uint32_t> bucket_of_token(std::string_view token) {
    if (!looks_like_invite_token(token)) return std::nullopt;
    const std::string_view body = token.substr(invite_token_prefix.size());
    // The first three characters hold the first 18 bits: bytes 0 and 1, and two more.
    const unsigned bits = (base64url_value(body[0]) << 12) | (base64url_value(body[1]) << 6) |
                          base64url_value(body[2]);
    const unsigned first_two_bytes = bits >> 2;
    return first_two_bytes & (bucket_count - 1);
}

}  // namespace ci::shard
