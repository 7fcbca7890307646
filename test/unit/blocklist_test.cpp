// Unit tests of the built-in blocked values (src/identifiers/blocklist.cpp).
#include "blocklist.hpp"

#include <gtest/gtest.h>

namespace {

TEST(BuiltinBlocklist, PlaceholderEmailsAreBlocked) {
    EXPECT_TRUE(ci::builtin_blocked_email("test@test.com"));
    EXPECT_TRUE(ci::builtin_blocked_email("test@example.com"));
    EXPECT_TRUE(ci::builtin_blocked_email("a@a.com"));
}

TEST(BuiltinBlocklist, AutomatedSendersAreBlockedOnAnyDomain) {
    EXPECT_TRUE(ci::builtin_blocked_email("noreply@shop.test"));
    EXPECT_TRUE(ci::builtin_blocked_email("no-reply@stripe.com"));
    EXPECT_TRUE(ci::builtin_blocked_email("mailer-daemon@mx.example.org"));
}

TEST(BuiltinBlocklist, RealLookingEmailsAreNot) {
    EXPECT_FALSE(ci::builtin_blocked_email("ana@shop.test"));
    EXPECT_FALSE(ci::builtin_blocked_email("test@shop.test"));
    EXPECT_FALSE(ci::builtin_blocked_email("noreply.team@shop.test"));
    EXPECT_FALSE(ci::builtin_blocked_email("x.noreply@shop.test"));
    EXPECT_FALSE(ci::builtin_blocked_email(""));
}

TEST(BuiltinBlocklist, RepeatedAndCountingPhonesAreBlocked) {
    EXPECT_TRUE(ci::builtin_blocked_phone("0000000000"));
    EXPECT_TRUE(ci::builtin_blocked_phone("+1111111111"));
    EXPECT_TRUE(ci::builtin_blocked_phone("1234567890"));
    EXPECT_TRUE(ci::builtin_blocked_phone("1234567"));
    EXPECT_TRUE(ci::builtin_blocked_phone("9876543210"));
}

// E.164 forms (a region's parse) of placeholders typed as national numbers; 0.9.0's legacy
// forms keep the list they had.
TEST(BuiltinBlocklist, PlaceholdersAfterACountryCodeAreBlocked) {
    EXPECT_TRUE(ci::builtin_blocked_phone("+11234567890", true));
    EXPECT_TRUE(ci::builtin_blocked_phone("+15555555555", true));
    EXPECT_TRUE(ci::builtin_blocked_phone("+447777777777", true));
    EXPECT_TRUE(ci::builtin_blocked_phone("+3530123456789", true));
    EXPECT_FALSE(ci::builtin_blocked_phone("+11234567890"));
    EXPECT_FALSE(ci::builtin_blocked_phone("+447777777777"));
}

TEST(BuiltinBlocklist, ShortAndRealPhonesAreNot) {
    EXPECT_FALSE(ci::builtin_blocked_phone("0000"));
    EXPECT_FALSE(ci::builtin_blocked_phone("123456"));
    EXPECT_FALSE(ci::builtin_blocked_phone("+15551230001"));
    EXPECT_FALSE(ci::builtin_blocked_phone("+4930123456", true));
    EXPECT_FALSE(ci::builtin_blocked_phone("+49301234567", true));
    EXPECT_FALSE(ci::builtin_blocked_phone("+12345678901", true));
}

}  // namespace
