// Shard keys: where a tenant's rows live when tenants are spread over several servers.
// Pure C++ (no PostgreSQL headers), unit-tested.
//
// A tenant belongs to one of `bucket_count` buckets, from a stable hash of its id; a
// directory on the proxy says which shard serves each bucket, and a move takes a whole
// bucket from one shard to another.  Every id a shard hands out carries the bucket of its
// tenant and the shard's node number, so that two shards never hand out the same id, and
// stays below 2^53 (IdLayout below); an invite token carries the bucket inside its random
// bytes.  So an id or a token says where its rows are, and still does after the bucket
// moves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ci::shard {

constexpr int bucket_bits = 10;
constexpr int node_bits = 8;
constexpr std::uint32_t bucket_count = 1u << bucket_bits;
constexpr std::uint32_t node_count = 1u << node_bits;

// The two id layouts.  Every id of a sharded install is one of them, and any id decodes
// without knowing which shard or version wrote it:
//
//  bit   63   58 57       53 52       48 47          40 39       35 34                0
//        +------+-----------+-----------+-------------+-----------+------------------+
//  v1    |  0   | bucket hi | bucket lo |    node     |       sequence (40 bits)     |  0.8-0.9
//        +------+-----------+-----------+-------------+-----------+------------------+
//  v2    |   0 (11 bits)    | bucket lo |    node     | bucket hi | sequence (35)    |  0.10
//        +------------------+-----------+-------------+-----------+------------------+
//                              bucket = hi << 5 | lo  (hi, lo: 5 bits each)
//
// v2 ids are below 2^53 (Number.MAX_SAFE_INTEGER + 1): a JavaScript number holds them
// exactly.  A v1 id is at or above 2^53 exactly when its bucket hi is not 0 (buckets 32 to
// 1023), so those are told apart by their value.  A v1 id below 2^53 (buckets 0 to 31)
// has bucket hi = 0 and a sequence value below 2^35 (0.10.0's update checks that no shard
// went further), so bits 35..39 are 0 and it reads the same in both layouts: it *is* the
// v2 id of the same bucket, node and sequence value.  Hence one decoding for every id:
//   id >= 2^53:  bucket = (id >> 48) & 1023,                          sequence = id & (2^40 - 1)
//   otherwise:   bucket = ((id >> 48) & 31) | (((id >> 35) & 31) << 5), sequence = id & (2^35 - 1)
//   both:        node = (id >> 40) & 255
// Unique across the install: two nodes differ in the node bits; one node's ids of a table
// take their sequence values from one sequence that never goes back, and across the
// update a v1 and a v2 id with the same bucket, node and sequence value are the same
// number, which that sequence handed out once.  A move copies rows with their ids and
// never resets a sequence, so it keeps that.  An unsharded install's ids (no node) are
// the bare sequence values: bucket 0, node 0.
enum class IdLayout : int {
    v1 = 1,  // 0.8.0-0.9.0: bucket << 48 | node << 40 | sequence, up to 2^58
    v2 = 2,  // 0.10.0: below 2^53
};

constexpr int bucket_low_bits = 5;
constexpr int v1_sequence_bits = 40;
constexpr int v2_sequence_bits = 35;
constexpr std::int64_t v1_sequence_limit = std::int64_t{1} << v1_sequence_bits;
// A v2 shard's sequences stop below this (MAXVALUE sequence_limit - 1, 2200H beyond):
// 34,359,738,367 ids per table per node.
constexpr std::int64_t sequence_limit = std::int64_t{1} << v2_sequence_bits;
// Every v2 id is below this: 2^53, JavaScript's first integer that is not safe.
constexpr std::int64_t safe_integer_limit = std::int64_t{1} << 53;

// What an id says.
struct IdParts {
    IdLayout layout;
    std::uint32_t bucket;
    std::uint32_t node;
    std::int64_t sequence;
};

// The tenant's bucket: FNV-1a (64 bits) of its UTF-8 bytes, folded to bucket_bits.
std::uint32_t bucket_of_tenant(std::string_view tenant);

// The id in `layout` for a row of a tenant in `bucket`, written by shard `node`, from the
// shard's sequence value `sequence` (1 <= sequence < the layout's limit).
std::int64_t compose_id(IdLayout layout, std::uint32_t bucket, std::uint32_t node,
                        std::int64_t sequence);

// The bucket, node and sequence value an id carries, in either layout (the diagram above).
IdParts decode_id(std::int64_t id);

// The bucket an id carries (0 for the ids of an unsharded install, which are bare
// sequence values), whichever layout it has.
std::uint32_t bucket_of_id(std::int64_t id);

// Does the id carry a bucket (composed by a shard writing `layout`), or is it a bare
// sequence value that the shard composes?  v2: at or above sequence_limit; v1: at or
// above v1_sequence_limit.  (A composed id of bucket 0 and node 0 is its sequence value.)
bool is_composed(IdLayout layout, std::int64_t id);

// Writes the bucket into the first two of the token's random bytes (10 of their 16 bits;
// the other 246 bits of a 32-byte token stay random).
void embed_bucket(unsigned char *random, std::size_t length, std::uint32_t bucket);

// The bucket an invite token carries, or nullopt if the text is no token.
std::optional<std::uint32_t> bucket_of_token(std::string_view token);

}  // namespace ci::shard
