// Shard keys: where a tenant's rows live when tenants are spread over several servers.
// Pure C++ (no PostgreSQL headers), unit-tested.
//
// A tenant belongs to one of `bucket_count` buckets, from a stable hash of its id; a
// directory on the proxy says which shard serves each bucket, and a move takes a whole
// bucket from one shard to another.  Every id a shard hands out carries the bucket of its
// tenant in its high bits, and the shard's node number below it so that two shards never
// hand out the same id; an invite token carries the bucket inside its random bytes.  So an
// id or a token says where its rows are, and still does after the bucket moves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ci::shard {

constexpr int bucket_bits = 10;
constexpr int node_bits = 8;
constexpr int local_bits = 40;  // the shard's own sequence value
constexpr std::uint32_t bucket_count = 1u << bucket_bits;
constexpr std::uint32_t node_count = 1u << node_bits;
constexpr std::int64_t local_limit = std::int64_t{1} << local_bits;

// The tenant's bucket: FNV-1a (64 bits) of its UTF-8 bytes, folded to bucket_bits.
std::uint32_t bucket_of_tenant(std::string_view tenant);

// The id for a row of a tenant in `bucket`, written by shard `node`, from the shard's
// sequence value `local` (1 <= local < local_limit).
std::int64_t compose_id(std::uint32_t bucket, std::uint32_t node, std::int64_t local);

// The bucket an id carries (0 for the ids of an unsharded install, below local_limit).
std::uint32_t bucket_of_id(std::int64_t id);

// Does the id carry a bucket (was it composed by a sharded install)?
bool is_composed(std::int64_t id);

// Writes the bucket into the first two of the token's random bytes (10 of their 16 bits;
// the other 246 bits of a 32-byte token stay random).
void embed_bucket(unsigned char *random, std::size_t length, std::uint32_t bucket);

// The bucket an invite token carries, or nullopt if the text is no token.
std::optional<std::uint32_t> bucket_of_token(std::string_view token);

}  // namespace ci::shard
