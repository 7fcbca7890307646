// Shard keys; see shard_key.hpp.
#include "shard_key.hpp"

#include "token.hpp"

namespace ci::shard {

namespace {

constexpr int node_shift = v1_sequence_bits;         // the same in both layouts
constexpr int bucket_low_shift = node_shift + node_bits;  // v2: bucket lo; v1: the whole bucket
constexpr int v2_bucket_high_shift = v2_sequence_bits;
constexpr std::uint32_t bucket_low_mask = (1u << bucket_low_bits) - 1;

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

std::int64_t compose_id(IdLayout layout, std::uint32_t bucket, std::uint32_t node,
                        std::int64_t sequence) {
    const std::int64_t node_part = static_cast<std::int64_t>(node) << node_shift;
    if (layout == IdLayout::v1)
        return (static_cast<std::int64_t>(bucket) << bucket_low_shift) | node_part | sequence;
    return (static_cast<std::int64_t>(bucket & bucket_low_mask) << bucket_low_shift) | node_part |
           (static_cast<std::int64_t>(bucket >> bucket_low_bits) << v2_bucket_high_shift) |
           sequence;
}

IdParts decode_id(std::int64_t id) {
    const auto node = static_cast<std::uint32_t>((id >> node_shift) & (node_count - 1));
    if (id >= safe_integer_limit)
        return {IdLayout::v1,
                static_cast<std::uint32_t>((id >> bucket_low_shift) & (bucket_count - 1)), node,
                id & (v1_sequence_limit - 1)};
    const auto low = static_cast<std::uint32_t>((id >> bucket_low_shift) & bucket_low_mask);
    const auto high = static_cast<std::uint32_t>((id >> v2_bucket_high_shift) & bucket_low_mask);
    return {IdLayout::v2, (high << bucket_low_bits) | low, node, id & (sequence_limit - 1)};
}

std::uint32_t bucket_of_id(std::int64_t id) { return decode_id(id).bucket; }

bool is_composed(IdLayout layout, std::int64_t id) {
    return id >= (layout == IdLayout::v1 ? v1_sequence_limit : sequence_limit);
}

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
