// Shard keys: tenant buckets, composed ids, tokens that carry their bucket.
#include <gtest/gtest.h>

#include <array>
#include <set>

#include "shard_key.hpp"
#include "token.hpp"

using namespace ci;

TEST(ShardKey, TenantBucketsAreStableAndSpread) {
    // Stable: these values are what every shard and proxy compute, now and after upgrades.
    EXPECT_EQ(shard::bucket_of_tenant("acme"), shard::bucket_of_tenant("acme"));
    EXPECT_LT(shard::bucket_of_tenant(""), shard::bucket_count);
    std::set<std::uint32_t> buckets;
    for (int i = 0; i < 4096; ++i) buckets.insert(shard::bucket_of_tenant("shop-" + std::to_string(i)));
    EXPECT_GT(buckets.size(), 950u);  // 4096 tenants reach nearly all 1024 buckets
}

TEST(ShardKey, ComposedIdsCarryBucketAndStayPositive) {
    using shard::IdLayout;
    for (IdLayout layout : {IdLayout::v1, IdLayout::v2}) {
        const std::int64_t limit =
            layout == IdLayout::v1 ? shard::v1_sequence_limit : shard::sequence_limit;
        const std::int64_t id = shard::compose_id(layout, 1023, 255, limit - 1);
        EXPECT_GT(id, 0);
        EXPECT_EQ(shard::bucket_of_id(id), 1023u);
        EXPECT_TRUE(shard::is_composed(layout, id));
        EXPECT_EQ(shard::bucket_of_id(shard::compose_id(layout, 7, 0, 1)), 7u);
        // Two nodes never compose the same id for the same bucket and sequence value.
        EXPECT_NE(shard::compose_id(layout, 7, 1, 42), shard::compose_id(layout, 7, 2, 42));
        // Unsharded ids carry bucket 0 and are not composed.
        EXPECT_EQ(shard::bucket_of_id(12345), 0u);
        EXPECT_FALSE(shard::is_composed(layout, 12345));
    }
}

// The diagram of shard_key.hpp, bit by bit.
TEST(ShardKey, V2IdsAreBelow2To53AndSayBucketNodeAndSequence) {
    using shard::IdLayout;
    EXPECT_EQ(shard::safe_integer_limit, 9007199254740992);  // Number.MAX_SAFE_INTEGER + 1
    EXPECT_EQ(shard::sequence_limit - 1, 34359738367);       // ids per table and node
    // the largest v2 id: every field at its maximum, still a safe integer
    const std::int64_t largest = shard::compose_id(IdLayout::v2, 1023, 255, shard::sequence_limit - 1);
    EXPECT_EQ(largest, shard::safe_integer_limit - 1);
    // each field where the diagram puts it
    EXPECT_EQ(shard::compose_id(IdLayout::v2, 1, 0, 0), std::int64_t{1} << 48);
    EXPECT_EQ(shard::compose_id(IdLayout::v2, 32, 0, 0), std::int64_t{1} << 35);
    EXPECT_EQ(shard::compose_id(IdLayout::v2, 0, 1, 0), std::int64_t{1} << 40);
    EXPECT_EQ(shard::compose_id(IdLayout::v2, 0, 0, 5), 5);
    for (std::uint32_t bucket = 0; bucket < shard::bucket_count; ++bucket)
        for (std::uint32_t node : {0u, 1u, 3u, 254u, 255u})
            for (std::int64_t sequence : {std::int64_t{1}, std::int64_t{77}, shard::sequence_limit - 1}) {
                const std::int64_t id = shard::compose_id(IdLayout::v2, bucket, node, sequence);
                ASSERT_GT(id, 0);
                ASSERT_LT(id, shard::safe_integer_limit);
                const shard::IdParts parts = shard::decode_id(id);
                ASSERT_EQ(parts.layout, IdLayout::v2);
                ASSERT_EQ(parts.bucket, bucket);
                ASSERT_EQ(parts.node, node);
                ASSERT_EQ(parts.sequence, sequence);
            }
}

// 0.8-0.9's ids stay valid: those of buckets 32-1023 are at or above 2^53 and read as
// before; those of buckets 0-31 (sequence values below 2^35) are the very same numbers as
// the v2 ids of the same bucket, node and sequence value.
TEST(ShardKey, V1IdsDecodeAsBefore) {
    using shard::IdLayout;
    for (std::uint32_t bucket = 0; bucket < shard::bucket_count; ++bucket)
        for (std::uint32_t node : {0u, 2u, 255u})
            for (std::int64_t sequence : {std::int64_t{1}, std::int64_t{123456}, shard::sequence_limit - 1}) {
                const std::int64_t id = shard::compose_id(IdLayout::v1, bucket, node, sequence);
                // 0.9.0's formula, written out
                ASSERT_EQ(id, (std::int64_t{bucket} << 48) | (std::int64_t{node} << 40) | sequence);
                const shard::IdParts parts = shard::decode_id(id);
                ASSERT_EQ(parts.bucket, bucket);
                ASSERT_EQ(parts.node, node);
                ASSERT_EQ(parts.sequence, sequence);
                if (bucket >= 32) {
                    ASSERT_GE(id, shard::safe_integer_limit);
                    ASSERT_EQ(parts.layout, IdLayout::v1);
                } else {
                    ASSERT_EQ(id, shard::compose_id(IdLayout::v2, bucket, node, sequence));
                }
            }
    // the largest v1 id: bucket 1023, node 255, the last 40-bit sequence value
    const std::int64_t largest = shard::compose_id(IdLayout::v1, 1023, 255, shard::v1_sequence_limit - 1);
    EXPECT_EQ(largest, (std::int64_t{1} << 58) - 1);
    EXPECT_EQ(shard::decode_id(largest).sequence, shard::v1_sequence_limit - 1);
}

// No v2 id equals a v1 id of another bucket, node or sequence value (the sets meet only
// where they are the same id): checked over a sample of every bucket.
TEST(ShardKey, V1AndV2IdsNeverCollide) {
    using shard::IdLayout;
    std::set<std::int64_t> v1;
    for (std::uint32_t bucket = 0; bucket < shard::bucket_count; ++bucket)
        for (std::uint32_t node : {0u, 1u})
            for (std::int64_t sequence = 1; sequence <= 3; ++sequence)
                v1.insert(shard::compose_id(IdLayout::v1, bucket, node, sequence));
    for (std::uint32_t bucket = 0; bucket < shard::bucket_count; ++bucket)
        for (std::uint32_t node : {0u, 1u})
            for (std::int64_t sequence = 1; sequence <= 6; ++sequence) {
                const std::int64_t id = shard::compose_id(IdLayout::v2, bucket, node, sequence);
                const bool same_fields = bucket < 32 && sequence <= 3;
                ASSERT_EQ(v1.count(id) == 1, same_fields) << bucket << " " << node << " " << sequence;
            }
}

// A bare sequence value is composed by the shard; at the v2 sequence limit the sequence
// stops (MAXVALUE): a value there would read as a composed id of bucket 32.
TEST(ShardKey, SequenceLimitIsWhereComposedIdsStart) {
    using shard::IdLayout;
    EXPECT_FALSE(shard::is_composed(IdLayout::v2, shard::sequence_limit - 1));
    EXPECT_TRUE(shard::is_composed(IdLayout::v2, shard::sequence_limit));
    EXPECT_EQ(shard::bucket_of_id(shard::sequence_limit), 32u);
    EXPECT_FALSE(shard::is_composed(IdLayout::v1, shard::v1_sequence_limit - 1));
    EXPECT_TRUE(shard::is_composed(IdLayout::v1, shard::v1_sequence_limit));
}

// The decoding with PostgreSQL's built-in operators only (README "Ids below 2^53"; a
// publication's row filter can use it) agrees with decode_id.
TEST(ShardKey, BuiltInOperatorFormulaAgrees) {
    using shard::IdLayout;
    auto sql_formula = [](std::int64_t id) -> std::uint32_t {
        // CASE WHEN id >= 9007199254740992 THEN (id >> 48) & 1023
        //      ELSE ((id >> 48) & 31) | (((id >> 35) & 31) << 5) END
        return static_cast<std::uint32_t>(id >= 9007199254740992
                                              ? (id >> 48) & 1023
                                              : ((id >> 48) & 31) | (((id >> 35) & 31) << 5));
    };
    for (std::uint32_t bucket = 0; bucket < shard::bucket_count; ++bucket)
        for (IdLayout layout : {IdLayout::v1, IdLayout::v2}) {
            const std::int64_t id = shard::compose_id(layout, bucket, 9, 4242);
            ASSERT_EQ(sql_formula(id), bucket);
            ASSERT_EQ(shard::bucket_of_id(id), bucket);
        }
}

TEST(ShardKey, TokensCarryTheirBucket) {
    for (std::uint32_t bucket : {0u, 1u, 255u, 256u, 700u, 1023u}) {
        std::array<unsigned char, invite_token_random_bytes> random{};
        random.fill(0xFF);
        shard::embed_bucket(random.data(), random.size(), bucket);
        const std::string token = format_invite_token(random.data(), random.size());
        ASSERT_TRUE(looks_like_invite_token(token));
        EXPECT_EQ(shard::bucket_of_token(token), bucket);
        // The other bits are left as they were.
        EXPECT_EQ(random[0] & 0xFC, 0xFC);
        EXPECT_EQ(random[2], 0xFF);
    }
    EXPECT_EQ(shard::bucket_of_token("not a token"), std::nullopt);
}
