// Unit tests of the invite token text (src/identifiers/token.cpp).
#include "token.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string encode(const std::string &bytes) {
    return ci::base64url_encode(reinterpret_cast<const unsigned char *>(bytes.data()),
                                bytes.size());
}

TEST(Base64Url, Rfc4648VectorsWithoutPadding) {
    EXPECT_EQ(encode(""), "");
    EXPECT_EQ(encode("f"), "Zg");
    EXPECT_EQ(encode("fo"), "Zm8");
    EXPECT_EQ(encode("foo"), "Zm9v");
    EXPECT_EQ(encode("foob"), "Zm9vYg");
    EXPECT_EQ(encode("fooba"), "Zm9vYmE");
    EXPECT_EQ(encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Url, UsesTheUrlSafeAlphabet) {
    EXPECT_EQ(encode("\xfb\xff"), "-_8");
    EXPECT_EQ(encode("\xff\xff\xff"), "____");
    EXPECT_EQ(encode(std::string("\x00\x00\x00", 3)), "AAAA");
}

TEST(InviteToken, FormatHas256BitsAndIsRecognized) {
    unsigned char random[ci::invite_token_random_bytes];
    for (std::size_t i = 0; i < sizeof random; ++i) random[i] = static_cast<unsigned char>(i * 37);
    const std::string token = ci::format_invite_token(random, sizeof random);
    EXPECT_EQ(token.substr(0, 4), "cit_");
    EXPECT_EQ(token.size(), 4u + 43u);  // 256 bits in 6-bit characters
    EXPECT_TRUE(ci::looks_like_invite_token(token));
}

TEST(InviteToken, RejectsOtherShapes) {
    const std::string body(43, 'A');
    EXPECT_TRUE(ci::looks_like_invite_token("cit_" + body));
    EXPECT_FALSE(ci::looks_like_invite_token(""));
    EXPECT_FALSE(ci::looks_like_invite_token(body));
    EXPECT_FALSE(ci::looks_like_invite_token("xyz_" + body));
    EXPECT_FALSE(ci::looks_like_invite_token("cit_" + body + "A"));
    EXPECT_FALSE(ci::looks_like_invite_token("cit_" + body.substr(1)));
    EXPECT_FALSE(ci::looks_like_invite_token("cit_" + body.substr(1) + "="));
    EXPECT_FALSE(ci::looks_like_invite_token("cit_" + body.substr(1) + "'"));
    EXPECT_FALSE(ci::looks_like_invite_token(" cit_" + body));
}

}  // namespace
