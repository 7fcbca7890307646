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
    const std::int64_t id = shard::compose_id(1023, 255, shard::local_limit - 1);
    EXPECT_GT(id, 0);
    EXPECT_EQ(shard::bucket_of_id(id), 1023u);
    EXPECT_TRUE(shard::is_composed(id));
    EXPECT_EQ(shard::bucket_of_id(shard::compose_id(7, 0, 1)), 7u);
    // Two nodes never compose the same id for the same bucket and sequence value.
    EXPECT_NE(shard::compose_id(7, 1, 42), shard::compose_id(7, 2, 42));
    // Unsharded ids carry bucket 0 and are not composed.
    EXPECT_EQ(shard::bucket_of_id(12345), 0u);
    EXPECT_FALSE(shard::is_composed(12345));
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
