// Unit tests for ci::normalize_email, ci::normalize_phone and ci::identity_key_hash.
#include "normalize.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace {

// UTF-8 encodings of the Unicode characters used below.
const std::string kNbsp = "\xC2\xA0";           // U+00A0 NO-BREAK SPACE
const std::string kIdeoSpace = "\xE3\x80\x80";  // U+3000 IDEOGRAPHIC SPACE
const std::string kBom = "\xEF\xBB\xBF";        // U+FEFF BYTE ORDER MARK
const std::string kZwsp = "\xE2\x80\x8B";       // U+200B ZERO WIDTH SPACE
const std::string kEnDash = "\xE2\x80\x93";     // U+2013 EN DASH
const std::string kFwPlus = "\xEF\xBC\x8B";     // U+FF0B FULLWIDTH PLUS SIGN

// Returns the UTF-8 encoding of fullwidth digit d (U+FF10 + d).
std::string fw_digit(int d) { return std::string("\xEF\xBC") + static_cast<char>(0x90 + d); }

// Asserts success and returns the value.
std::string ok_value(const ci::Normalized &n) {
    EXPECT_TRUE(n.ok) << "error: " << n.error;
    EXPECT_TRUE(n.error.empty());
    return n.value;
}

// Returns the error reason of a result that must have failed.
std::string err(const ci::Normalized &n) {
    EXPECT_FALSE(n.ok) << "unexpected value: " << n.value;
    EXPECT_TRUE(n.value.empty());
    return n.error;
}

// Reference FNV-1a 64 over raw bytes, used to check how identity_key_hash joins its parts.
std::uint64_t ref_fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

// ---------------------------------------------------------------- email

TEST(NormalizeEmail, PlainValueUnchanged) {
    EXPECT_EQ(ok_value(ci::normalize_email("alice@example.com")), "alice@example.com");
}

TEST(NormalizeEmail, LowerCasesAsciiOnly) {
    EXPECT_EQ(ok_value(ci::normalize_email("Alice.Smith@Example.COM")), "alice.smith@example.com");
    // U+00C4 (Ä) is two bytes and must stay as is.
    EXPECT_EQ(ok_value(ci::normalize_email("\xC3\x84"
                                           "BC@Example.COM")),
              "\xC3\x84"
              "bc@example.com");
}

TEST(NormalizeEmail, KeepsNonAsciiBytes) {
    const std::string in =
        "j\xC3\xBCrgen@m\xC3\xBC"
        "ller.de";  // jürgen@müller.de
    EXPECT_EQ(ok_value(ci::normalize_email(in)), in);
    const std::string cjk = "\xE7\x94\xA8\xE6\x88\xB7@\xE4\xBE\x8B\xE5\xAD\x90.cn";  // 用户@例子.cn
    EXPECT_EQ(ok_value(ci::normalize_email(cjk)), cjk);
}

TEST(NormalizeEmail, TrimsAsciiWhitespace) {
    EXPECT_EQ(ok_value(ci::normalize_email(" \t\n\r\v\fBob@X.org \t\r\n")), "bob@x.org");
}

TEST(NormalizeEmail, TrimsUnicodeWhitespace) {
    EXPECT_EQ(ok_value(ci::normalize_email(kNbsp + "bob@x.org" + kNbsp)), "bob@x.org");
    EXPECT_EQ(ok_value(ci::normalize_email(kIdeoSpace + "bob@x.org" + kIdeoSpace)), "bob@x.org");
    EXPECT_EQ(ok_value(ci::normalize_email(kBom + "Bob@X.org")), "bob@x.org");
    EXPECT_EQ(ok_value(ci::normalize_email(kZwsp + " " + kBom + "\tbob@x.org\n" + kNbsp)),
              "bob@x.org");
}

TEST(NormalizeEmail, ErrorEmpty) {
    EXPECT_EQ(err(ci::normalize_email("")), "email is empty");
    EXPECT_EQ(err(ci::normalize_email(" \t\n")), "email is empty");
    EXPECT_EQ(err(ci::normalize_email(kNbsp + kBom + kIdeoSpace)), "email is empty");
}

TEST(NormalizeEmail, ErrorNoAt) {
    EXPECT_EQ(err(ci::normalize_email("alice.example.com")), "email has no \"@\"");
}

TEST(NormalizeEmail, ErrorMoreThanOneAt) {
    EXPECT_EQ(err(ci::normalize_email("a@b@c.com")), "email has more than one \"@\"");
}

TEST(NormalizeEmail, ErrorEmptyLocalPart) {
    EXPECT_EQ(err(ci::normalize_email("@example.com")), "email has an empty local part");
    EXPECT_EQ(err(ci::normalize_email("  @example.com")), "email has an empty local part");
}

TEST(NormalizeEmail, ErrorEmptyDomainPart) {
    EXPECT_EQ(err(ci::normalize_email("alice@")), "email has an empty domain part");
    EXPECT_EQ(err(ci::normalize_email("alice@ \t")), "email has an empty domain part");
}

TEST(NormalizeEmail, ErrorInnerWhitespace) {
    EXPECT_EQ(err(ci::normalize_email("al ice@example.com")), "email contains whitespace");
    EXPECT_EQ(err(ci::normalize_email("alice@exa\tmple.com")), "email contains whitespace");
    EXPECT_EQ(err(ci::normalize_email("alice" + kNbsp + "@example.com")),
              "email contains whitespace");
    EXPECT_EQ(err(ci::normalize_email("alice@" + kZwsp + "example.com")),
              "email contains whitespace");
}

TEST(NormalizeEmail, ErrorControlCharacter) {
    EXPECT_EQ(err(ci::normalize_email(std::string("ali\x01"
                                                  "ce@example.com"))),
              "email contains a control character");
    EXPECT_EQ(err(ci::normalize_email(std::string("alice@example.com\x7F"))),
              "email contains a control character");
    EXPECT_EQ(err(ci::normalize_email(std::string("alice@ex\0ample.com", 18))),
              "email contains a control character");
}

TEST(NormalizeEmail, ErrorInvalidUtf8) {
    EXPECT_EQ(err(ci::normalize_email("alice\xFF@example.com")), "email is not valid UTF-8");
    EXPECT_EQ(err(ci::normalize_email("alice@example.com\xC3")),
              "email is not valid UTF-8");                                              // truncated
    EXPECT_EQ(err(ci::normalize_email("\xC0\xAF@x.org")), "email is not valid UTF-8");  // overlong
    EXPECT_EQ(err(ci::normalize_email("\xED\xA0\x80@x.org")),
              "email is not valid UTF-8");  // surrogate
    EXPECT_EQ(err(ci::normalize_email("\x80"
                                      "a@x.org")),
              "email is not valid UTF-8");  // stray continuation
}

TEST(NormalizeEmail, LengthBoundary) {
    const std::string domain = "@example.com";  // 12 bytes
    const std::string ok320 = std::string(320 - domain.size(), 'a') + domain;
    const std::string bad321 = std::string(321 - domain.size(), 'a') + domain;
    ASSERT_EQ(ok320.size(), 320u);
    ASSERT_EQ(bad321.size(), 321u);
    EXPECT_EQ(ok_value(ci::normalize_email(ok320)), ok320);
    EXPECT_EQ(err(ci::normalize_email(bad321)), "email is longer than 320 bytes");
    // Length is measured after trimming.
    EXPECT_EQ(ok_value(ci::normalize_email("  " + ok320 + kBom)), ok320);
}

TEST(NormalizeEmail, Idempotent) {
    const std::string inputs[] = {"  Alice@Example.COM\n",
                                  kBom +
                                      "\xC3\x84"
                                      "BC@X.Org" +
                                      kIdeoSpace,
                                  "x@y"};
    for (const std::string &in : inputs) {
        const std::string once = ok_value(ci::normalize_email(in));
        EXPECT_EQ(ok_value(ci::normalize_email(once)), once) << in;
    }
}

// ---------------------------------------------------------------- phone

TEST(NormalizePhone, StripsFormatting) {
    EXPECT_EQ(ok_value(ci::normalize_phone("+1 (555) 010-9999")), "+15550109999");
    EXPECT_EQ(ok_value(ci::normalize_phone("555.010.9999")), "5550109999");
    EXPECT_EQ(ok_value(ci::normalize_phone("030/1234 5678")), "03012345678");
    EXPECT_EQ(ok_value(ci::normalize_phone("555" + kEnDash + "0100")), "5550100");
    EXPECT_EQ(ok_value(ci::normalize_phone("\xE2\x80\x90"
                                           "12"
                                           "\xE2\x80\x95"
                                           "34")),
              "1234");  // U+2010, U+2015
}

TEST(NormalizePhone, KeepsDoubleZeroPrefix) {
    EXPECT_EQ(ok_value(ci::normalize_phone("00 44 20 7946 0000")), "00442079460000");
}

TEST(NormalizePhone, OddSpacing) {
    EXPECT_EQ(ok_value(ci::normalize_phone("\t+44\n20\r7946" + kNbsp + "0000 ")), "+442079460000");
    EXPECT_EQ(
        ok_value(ci::normalize_phone(kBom + kIdeoSpace + "+49 30" + kIdeoSpace + "123456" + kZwsp)),
        "+4930123456");
}

TEST(NormalizePhone, FullwidthDigitsAndPlus) {
    std::string in = kFwPlus;
    for (int d = 0; d <= 9; ++d) in += fw_digit(d);
    EXPECT_EQ(ok_value(ci::normalize_phone(in)), "+0123456789");
    EXPECT_EQ(ok_value(ci::normalize_phone(fw_digit(5) + "55-" + fw_digit(1) + "234")), "5551234");
}

TEST(NormalizePhone, PlusOnlyFirst) {
    EXPECT_EQ(ok_value(ci::normalize_phone("  +15550109999")), "+15550109999");
    EXPECT_EQ(err(ci::normalize_phone("1+5550109999")), "phone contains an invalid character");
    EXPECT_EQ(err(ci::normalize_phone("++15550109999")), "phone contains an invalid character");
    EXPECT_EQ(err(ci::normalize_phone("(+1) 5550109999")), "phone contains an invalid character");
    EXPECT_EQ(err(ci::normalize_phone("15550109999+")), "phone contains an invalid character");
    EXPECT_EQ(err(ci::normalize_phone("1" + kFwPlus + "5550109999")),
              "phone contains an invalid character");
}

TEST(NormalizePhone, ErrorInvalidCharacter) {
    for (const char *bad :
         {"555-CALL-NOW", "*67 5550100", "#5550100", "555-0100 x12", "555-0100 ext 12",
          "555\x01"
          "0100",
          "555_0100", "555,0100"}) {
        EXPECT_EQ(err(ci::normalize_phone(bad)), "phone contains an invalid character") << bad;
    }
    // Other non-ASCII: U+00B7 MIDDLE DOT, Arabic-Indic digit U+0661.
    EXPECT_EQ(err(ci::normalize_phone("555\xC2\xB7"
                                      "0100")),
              "phone contains an invalid character");
    EXPECT_EQ(err(ci::normalize_phone("5550100\xD9\xA1")), "phone contains an invalid character");
}

TEST(NormalizePhone, ErrorEmpty) {
    EXPECT_EQ(err(ci::normalize_phone("")), "phone is empty");
    EXPECT_EQ(err(ci::normalize_phone(" \t" + kNbsp + kBom)), "phone is empty");
}

TEST(NormalizePhone, ErrorInvalidUtf8) {
    EXPECT_EQ(err(ci::normalize_phone("555\xFF"
                                      "0100")),
              "phone is not valid UTF-8");
    EXPECT_EQ(err(ci::normalize_phone("5550100\xEF\xBC")), "phone is not valid UTF-8");
}

TEST(NormalizePhone, DigitCountBoundaries) {
    EXPECT_EQ(ok_value(ci::normalize_phone("1234")), "1234");
    EXPECT_EQ(ok_value(ci::normalize_phone("+1-2-3-4")), "+1234");
    EXPECT_EQ(err(ci::normalize_phone("123")), "phone has fewer than 4 digits");
    EXPECT_EQ(err(ci::normalize_phone("+1 2 3")), "phone has fewer than 4 digits");
    EXPECT_EQ(err(ci::normalize_phone("+")), "phone has fewer than 4 digits");
    EXPECT_EQ(err(ci::normalize_phone("(--)")), "phone has fewer than 4 digits");

    const std::string d20 = "12345678901234567890";
    EXPECT_EQ(ok_value(ci::normalize_phone(d20)), d20);
    EXPECT_EQ(ok_value(ci::normalize_phone("+" + d20)), "+" + d20);
    EXPECT_EQ(err(ci::normalize_phone(d20 + "1")), "phone has more than 20 digits");
    EXPECT_EQ(err(ci::normalize_phone("+" + d20 + "1")), "phone has more than 20 digits");
}

TEST(NormalizePhone, Idempotent) {
    const std::string inputs[] = {"+1 (555) 010-9999", "00 44 20 7946 0000",
                                  kFwPlus + fw_digit(4) + "4 20 7946", "1234"};
    for (const std::string &in : inputs) {
        const std::string once = ok_value(ci::normalize_phone(in));
        EXPECT_EQ(ok_value(ci::normalize_phone(once)), once) << in;
    }
}

// ---------------------------------------------------------------- identity_key_hash

TEST(IdentityKeyHash, ReferenceFnvMatchesKnownVectors) {
    EXPECT_EQ(ref_fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(ref_fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(ref_fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(IdentityKeyHash, IsFnv1aOfPartsJoinedWithZeroByte) {
    using namespace std::string_literals;
    // The three parts are hashed as tenant "\0" kind "\0" value.
    EXPECT_EQ(ci::identity_key_hash("", "", ""), ref_fnv1a64("\0\0"s));
    EXPECT_EQ(ci::identity_key_hash("t1", "email", "a@b.c"), ref_fnv1a64("t1\0email\0a@b.c"s));
    // Pinned: FNV-1a 64 of the 14 bytes "t1\0email\0a@b.c" (computed independently).
    EXPECT_EQ(ci::identity_key_hash("t1", "email", "a@b.c"), 0x933737430923ccccULL);
    // Pinned: FNV-1a 64 of the two bytes "\0\0".
    EXPECT_EQ(ci::identity_key_hash("", "", ""), 0x08328807b4eb6fedULL);
}

TEST(IdentityKeyHash, Deterministic) {
    EXPECT_EQ(ci::identity_key_hash("tenant", "phone", "+15550109999"),
              ci::identity_key_hash("tenant", "phone", "+15550109999"));
}

TEST(IdentityKeyHash, DiffersWhenAnyPartDiffers) {
    const std::uint64_t base = ci::identity_key_hash("t1", "email", "a@b.c");
    EXPECT_NE(base, ci::identity_key_hash("t2", "email", "a@b.c"));
    EXPECT_NE(base, ci::identity_key_hash("t1", "phone", "a@b.c"));
    EXPECT_NE(base, ci::identity_key_hash("t1", "email", "a@b.d"));
}

TEST(IdentityKeyHash, PartBoundariesMatter) {
    EXPECT_NE(ci::identity_key_hash("ab", "c", "d"), ci::identity_key_hash("a", "bc", "d"));
    EXPECT_NE(ci::identity_key_hash("a", "bc", "d"), ci::identity_key_hash("a", "b", "cd"));
    EXPECT_NE(ci::identity_key_hash("", "", "abc"), ci::identity_key_hash("abc", "", ""));
}

// An all-ASCII text is read byte by byte, any other is decoded: a trailing NO-BREAK SPACE
// (trimmed away) sends the same text down the decoding path, and the results must agree.
TEST(AsciiPath, AgreesWithTheDecodingPath) {
    const std::string alphabet = "aZz09@@..-+()/ \t\n\x01\x7f_";
    std::mt19937 random(20261129);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 24);
        for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
        if (round % 7 == 0) text = "user" + std::to_string(round) + "@Example.COM";
        if (round % 11 == 0) text = "+1 (555) " + std::to_string(round) + "-0100";
        const std::string decoded = text + kNbsp;
        for (auto normalize : {ci::normalize_email, ci::normalize_phone}) {
            const ci::Normalized ascii = normalize(text), other = normalize(decoded);
            EXPECT_EQ(ascii.ok, other.ok) << text;
            EXPECT_EQ(ascii.value, other.value) << text;
            EXPECT_EQ(ascii.error, other.error) << text;
        }
        EXPECT_EQ(ci::is_blank(text), ci::is_blank(decoded)) << text;
    }
}

}  // namespace

TEST(IsBlank, EmptyAndWhitespaceOnly) {
    EXPECT_TRUE(ci::is_blank(""));
    EXPECT_TRUE(ci::is_blank(" \t\n"));
    EXPECT_TRUE(ci::is_blank("\xC2\xA0\xE3\x80\x80"));  // NBSP, ideographic space
    EXPECT_FALSE(ci::is_blank(" a "));
    EXPECT_FALSE(ci::is_blank("\xFF"));  // invalid UTF-8 is not blank: it is malformed
}
