// Unit tests for ci::canonical_email and ci::email_library_version (email.hpp).
#include "email.hpp"
#include "normalize.hpp"

#include <gtest/gtest.h>
#include <idn2.h>
#include <unicode/normalizer2.h>
#include <unicode/uvernum.h>

#include <string>
#include <vector>

namespace {

using ci::EmailMode;

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

// The canonical value in each mode (asserting success).
std::string exact(const std::string &raw) {
    return ok_value(ci::canonical_email(raw, EmailMode::exact));
}
std::string provider(const std::string &raw) {
    return ok_value(ci::canonical_email(raw, EmailMode::provider));
}

// UTF-8 spellings used below.
const std::string kAUml = "\xC3\xA4";               // U+00E4 ä (NFC)
const std::string kAUmlUpper = "\xC3\x84";          // U+00C4 Ä
const std::string kAUmlNfd = "a\xCC\x88";           // a + U+0308 COMBINING DIAERESIS
const std::string kUUml = "\xC3\xBC";               // U+00FC ü
const std::string kSharpS = "\xC3\x9F";             // U+00DF ß
const std::string kCapitalSharpS = "\xE1\xBA\x9E";  // U+1E9E ẞ
const std::string kFwExample =                      // ｅｘａｍｐｌｅ (U+FF45 ...)
    "\xEF\xBD\x85\xEF\xBD\x98\xEF\xBD\x81\xEF\xBD\x8D\xEF\xBD\x90\xEF\xBD\x8C\xEF\xBD\x85";
const std::string kIdeoFullStop = "\xE3\x80\x82";  // U+3002 。 (UTS #46 maps it to ".")

// ---------------------------------------------------------------- the issue's examples

TEST(CanonicalEmail, CaseOfNonAsciiLettersIsOneIdentity) {
    EXPECT_EQ(exact(kAUmlUpper + "NN@x.de"), kAUml + "nn@x.de");
    EXPECT_EQ(exact(kAUml + "nn@x.de"), kAUml + "nn@x.de");
    EXPECT_EQ(exact("ANN@X.DE"), "ann@x.de");
}

TEST(CanonicalEmail, NfcAndNfdAreOneIdentity) {
    EXPECT_EQ(exact(kAUmlNfd + "nn@x.de"), kAUml + "nn@x.de");
    EXPECT_EQ(exact("A\xCC\x88NN@x.de"), kAUml + "nn@x.de");  // upper-case A + U+0308
}

TEST(CanonicalEmail, UnicodeDomainAndALabelsAreOneIdentity) {
    const std::string want = kAUml + "nn@xn--bcher-kva.de";
    EXPECT_EQ(exact(kAUml + "nn@b" + kUUml + "cher.de"), want);
    EXPECT_EQ(exact(kAUml + "nn@xn--bcher-kva.de"), want);
    EXPECT_EQ(exact(kAUml + "nn@XN--BCHER-KVA.DE"), want);
    EXPECT_EQ(exact(kAUml + "nn@bu\xCC\x88"
                            "cher.de"),
              want);  // the domain in NFD
    EXPECT_EQ(exact(kAUml + "nn@B\xC3\x9C"
                            "CHER.DE"),
              want);  // BÜCHER
}

TEST(CanonicalEmail, TrailingDotOfTheDomainRemoved) {
    EXPECT_EQ(exact("ann@example.com."), "ann@example.com");
    EXPECT_EQ(exact("ann@example.com"), "ann@example.com");
    EXPECT_EQ(exact("ann@b" + kUUml + "cher.de."), "ann@xn--bcher-kva.de");
    EXPECT_EQ(exact("ann@example" + kIdeoFullStop + "com" + kIdeoFullStop), "ann@example.com");
}

TEST(CanonicalEmail, FullWidthDomainMapsToAscii) {
    EXPECT_EQ(exact("ann@" + kFwExample + ".com"), "ann@example.com");
    EXPECT_EQ(exact("ann@" + kFwExample +
                    "\xEF\xBC\x8E"
                    "com"),
              "ann@example.com");  // ．
}

TEST(CanonicalEmail, FullCaseFoldingOfSharpS) {
    // Full folding: ß is "ss", so every spelling of the name is one identity.
    EXPECT_EQ(exact("Stra" + kSharpS + "e@x.de"), "strasse@x.de");
    EXPECT_EQ(exact("strasse@x.de"), "strasse@x.de");
    EXPECT_EQ(exact("STRASSE@x.de"), "strasse@x.de");
    EXPECT_EQ(exact("STRA" + kCapitalSharpS + "E@x.de"), "strasse@x.de");
}

TEST(CanonicalEmail, GreekFinalSigmaFoldsToSigma) {
    // ΣΊΣΥΦΟΣ, σίσυφος and σίσυφοσ: one identity (ς folds to σ).
    const std::string upper = "\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3";
    const std::string lower = "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x82";
    const std::string folded = "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x83";
    EXPECT_EQ(exact(upper + "@x.gr"), folded + "@x.gr");
    EXPECT_EQ(exact(lower + "@x.gr"), folded + "@x.gr");
}

TEST(CanonicalEmail, DomainKeepsDeviationCharacters) {
    // The domain is not folded like the local part: straße.de and strasse.de are two
    // registered domains, and non-transitional UTS #46 keeps the ß.
    EXPECT_EQ(exact("ann@stra" + kSharpS + "e.de"), "ann@xn--strae-oqa.de");
    EXPECT_EQ(exact("ann@xn--strae-oqa.de"), "ann@xn--strae-oqa.de");
    EXPECT_EQ(exact("ann@strasse.de"), "ann@strasse.de");
}

TEST(CanonicalEmail, FoldingIsClosedUnderCanonicalEquivalence) {
    // "a" U+0345 U+0301 and its NFC "á" U+0345 are canonically equivalent.  Folding without
    // NFD first turns U+0345 into iota before the acute and gives "aί"; NFC(fold(NFD(x)))
    // gives "áι" for both.
    const std::string unordered = "a\xCD\x85\xCC\x81";  // a, U+0345, U+0301
    const std::string nfc = "\xC3\xA1\xCD\x85";         // á, U+0345
    const std::string want = "\xC3\xA1\xCE\xB9@x.gr";   // á, ι
    EXPECT_EQ(exact(unordered + "@x.gr"), want);
    EXPECT_EQ(exact(nfc + "@x.gr"), want);

    // ...and the naive order would not have made them one.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc_norm = icu::Normalizer2::getNFCInstance(status);
    ASSERT_TRUE(U_SUCCESS(status));
    icu::UnicodeString naive = icu::UnicodeString::fromUTF8(unordered);
    naive.foldCase(U_FOLD_CASE_DEFAULT);
    std::string naive_utf8;
    nfc_norm->normalize(naive, status).toUTF8String(naive_utf8);
    EXPECT_NE(naive_utf8 + "@x.gr", want);
}

TEST(CanonicalEmail, CanonicallyEquivalentDomainsAreOneDomain) {
    // The same pair in a domain: UTS #46 maps U+0345 before it normalizes, so the domain is
    // put in NFC first.
    const std::string want =
        ok_value(ci::canonical_email("x@\xC3\xA1\xCD\x85.gr", EmailMode::exact));
    EXPECT_EQ(exact("x@a\xCD\x85\xCC\x81.gr"), want);
    EXPECT_EQ(exact("x@a\xCC\x81\xCD\x85.gr"), want);
    EXPECT_EQ(want.substr(0, 6), "x@xn--");
}

TEST(CanonicalEmail, LocalPartKeepsFullWidthLetters) {
    // Only the domain is mapped by UTS #46; a full-width local part is folded (Ａ -> ａ)
    // but stays full-width: compatibility characters are not the same mailbox.
    EXPECT_EQ(exact("\xEF\xBC\xA1@x.de"), "\xEF\xBD\x81@x.de");
}

TEST(CanonicalEmail, TrimsLikeNormalizeEmail) {
    EXPECT_EQ(exact("  Ann@Example.com \t"), "ann@example.com");
    EXPECT_EQ(exact("\xC2\xA0"
                    "ann@example.com\xE3\x80\x80"),
              "ann@example.com");
}

TEST(CanonicalEmail, Idempotent) {
    const std::vector<std::string> inputs = {
        kAUmlUpper + "NN@B" + kUUml + "cher.de.", "Stra" + kSharpS + "e@x.de",
        "ann@" + kFwExample + ".com", "A.nn+Tag@GoogleMail.com", "x@stra" + kSharpS + "e.de"};
    for (const auto &in : inputs) {
        for (const EmailMode mode : {EmailMode::exact, EmailMode::provider}) {
            const std::string once = ok_value(ci::canonical_email(in, mode));
            EXPECT_EQ(ok_value(ci::canonical_email(once, mode)), once) << in;
        }
    }
}

// ---------------------------------------------------------------- ASCII: as normalize_email

TEST(CanonicalEmail, AsciiAsNormalizeEmailButTheTrailingDot) {
    const std::vector<std::string> table = {"alice@example.com",       "Alice.Smith@Example.COM",
                                            "  bob@EXAMPLE.org  ",     "x+tag@gmail.com",
                                            "First.Last@GMAIL.COM",    "o'brien@example.ie",
                                            "a_b-c@sub.example.co.uk", "ann@example.com.",
                                            "ANN@EXAMPLE.COM.",        "1234@123.example",
                                            "user%route@example.net",  "a@b",
                                            "ann@localhost",           "very.common@example.com",
                                            "x@xn--bcher-kva.de",      "Z@X-Y.Z",
                                            "ann@[192.0.2.1]",         "ann@under_score.example"};
    for (const auto &in : table) {
        const std::string today = ok_value(ci::normalize_email(in));
        const std::string canonical = exact(in);
        if (!today.empty() && today.back() == '.') {
            EXPECT_EQ(canonical + ".", today) << in;  // the one difference: the root dot
        } else {
            EXPECT_EQ(canonical, today) << in;
        }
    }
}

// ---------------------------------------------------------------- provider mode

TEST(CanonicalEmail, ProviderGmail) {
    EXPECT_EQ(provider("Ann.Lee+news@gmail.com"), "annlee@gmail.com");
    EXPECT_EQ(provider("a.n.n.l.e.e@GMAIL.COM."), "annlee@gmail.com");
    EXPECT_EQ(provider("ann.lee+a+b@googlemail.com"), "annlee@gmail.com");
    EXPECT_EQ(provider("annlee@googlemail.com"), "annlee@gmail.com");
    EXPECT_EQ(provider("annlee@gmail.com"), "annlee@gmail.com");
}

TEST(CanonicalEmail, ProviderSubAddressOnly) {
    // These providers drop "+tag" but keep dots (and their own domain).
    const std::vector<std::string> domains = {
        "outlook.com", "hotmail.com", "live.com",       "msn.com", "hotmail.co.uk", "hotmail.fr",
        "hotmail.de",  "hotmail.it",  "icloud.com",     "me.com",  "mac.com",       "fastmail.com",
        "fastmail.fm", "proton.me",   "protonmail.com", "pm.me"};
    for (const auto &d : domains) {
        EXPECT_EQ(provider("Ann.Lee+shop@" + d), "ann.lee@" + d) << d;
        EXPECT_EQ(provider("ann.lee@" + d), "ann.lee@" + d) << d;
        EXPECT_EQ(exact("Ann.Lee+shop@" + d), "ann.lee+shop@" + d) << d;
    }
}

TEST(CanonicalEmail, ProviderOnlyForListedDomains) {
    EXPECT_EQ(provider("ann.lee+x@example.com"), "ann.lee+x@example.com");
    EXPECT_EQ(provider("ann.lee+x@mail.gmail.com"), "ann.lee+x@mail.gmail.com");
    EXPECT_EQ(provider("ann.lee+x@gmail.co"), "ann.lee+x@gmail.co");
}

TEST(CanonicalEmail, ProviderEmptyMailboxKept) {
    // No mailbox of the provider's is empty: such an address keeps its local part.
    EXPECT_EQ(provider("+news@gmail.com"), "+news@gmail.com");
    EXPECT_EQ(provider("...@gmail.com"), "...@gmail.com");
    EXPECT_EQ(provider("+x@icloud.com"), "+x@icloud.com");
}

TEST(CanonicalEmail, ExactModeAppliesNoProviderRule) {
    EXPECT_EQ(exact("Ann.Lee+news@gmail.com"), "ann.lee+news@gmail.com");
    EXPECT_EQ(exact("ann.lee@googlemail.com"), "ann.lee@googlemail.com");
    EXPECT_EQ(exact("ann+x@proton.me"), "ann+x@proton.me");
}

TEST(CanonicalEmail, ProviderModeCanonicalizesFirst) {
    // The provider is matched on the canonical domain, however the domain was written.
    EXPECT_EQ(provider("Ann.Lee+x@" + std::string("\xEF\xBD\x87") + "mail.com"),
              "annlee@gmail.com");
    EXPECT_EQ(provider(kAUmlUpper + ".X+y@gmail.com"), kAUml + "x@gmail.com");
}

// ---------------------------------------------------------------- errors

TEST(CanonicalEmail, ShapeErrorsAreNormalizeEmails) {
    const std::vector<std::string> bad = {"",
                                          " \t",
                                          "alice.example.com",
                                          "a@b@c.com",
                                          "@example.com",
                                          "alice@",
                                          "al ice@example.com",
                                          "alice@exa\tmple.com",
                                          std::string("ali\x01"
                                                      "ce@example.com"),
                                          "alice\xFF@example.com",
                                          std::string(321 - 12, 'a') + "@example.com"};
    for (const auto &in : bad) {
        const std::string reason = err(ci::normalize_email(in));
        EXPECT_EQ(err(ci::canonical_email(in, EmailMode::exact)), reason) << in;
        EXPECT_EQ(err(ci::canonical_email(in, EmailMode::provider)), reason) << in;
    }
    EXPECT_EQ(err(ci::canonical_email("a@b@c.com", EmailMode::exact)),
              "email has more than one \"@\"");
}

TEST(CanonicalEmail, InvalidDomainsAreLibidn2s) {
    EXPECT_EQ(err(ci::canonical_email("ann@xn--zz.com", EmailMode::exact)),
              std::string("email domain is not a valid domain name (") +
                  idn2_strerror(IDN2_PUNYCODE_BAD_INPUT) + ")");
    EXPECT_EQ(err(ci::canonical_email("ann@-bad.com", EmailMode::exact)),
              std::string("email domain is not a valid domain name (") +
                  idn2_strerror(IDN2_HYPHEN_STARTEND) + ")");
    EXPECT_EQ(err(ci::canonical_email("ann@" + std::string(64, 'a') + ".com", EmailMode::exact)),
              std::string("email domain is not a valid domain name (") +
                  idn2_strerror(IDN2_TOO_BIG_LABEL) + ")");
    // A disallowed code point in a Unicode label (U+2488 DIGIT ONE FULL STOP).
    EXPECT_FALSE(ci::canonical_email("ann@\xE2\x92\x88"
                                     "x.com",
                                     EmailMode::exact)
                     .ok);
}

TEST(CanonicalEmail, DomainOfOnlyTheRootDotIsEmpty) {
    EXPECT_EQ(err(ci::canonical_email("ann@.", EmailMode::exact)),
              "email has an empty domain part");
    EXPECT_EQ(err(ci::canonical_email("ann@" + kIdeoFullStop, EmailMode::exact)),
              "email has an empty domain part");
}

// ---------------------------------------------------------------- fast path == library path

TEST(CanonicalEmail, FastPathEqualsLibraryPath) {
    std::vector<std::string> table = {"alice@example.com",
                                      "Alice.Smith@Example.COM.",
                                      "x@XN--BCHER-KVA.DE",
                                      "x@xn--zz.com",
                                      "x@-a.com",
                                      "x@a-.com",
                                      "x@ab--c.com",
                                      "x@a..b",
                                      "x@.",
                                      "x@a.b..",
                                      "x@.a",
                                      "x@" + std::string(63, 'a') + ".com",
                                      "x@" + std::string(64, 'a') + ".com",
                                      "x@under_score.example",
                                      "x@[192.0.2.1]",
                                      "x@a.b.c.d.e.f",
                                      "Ann.Lee+x@GMAIL.com",
                                      "x@123.456",
                                      "x@a-b-c.d",
                                      "x@xn--a.com",
                                      "x@XN--A.com",
                                      "x@localhost.",
                                      "1@2"};
    // Domains around the 253-byte limit, with and without the root dot.
    const std::string l63(63, 'a');
    for (std::size_t tail : {60, 61, 62, 63}) {
        const std::string d = l63 + "." + l63 + "." + l63 + "." + std::string(tail, 'b');
        table.push_back("x@" + d);
        table.push_back("x@" + d + ".");
    }
    // Every printable ASCII character in the local part and in a domain label.
    for (char c = 0x21; c < 0x7F; ++c) {
        if (c == '@') continue;
        table.push_back(std::string("a") + c + "b@example.com");
        table.push_back(std::string("ab@e") + c + "x.com");
        table.push_back(std::string("ab@") + c + "x.com");
        table.push_back(std::string("ab@x") + c);
    }
    for (const auto &in : table) {
        for (const EmailMode mode : {EmailMode::exact, EmailMode::provider}) {
            const ci::Normalized fast = ci::canonical_email(in, mode);
            const ci::Normalized slow = ci::canonical_email_through_libraries(in, mode);
            EXPECT_EQ(fast.ok, slow.ok) << in;
            EXPECT_EQ(fast.value, slow.value) << in;
            EXPECT_EQ(fast.error, slow.error) << in;
        }
    }
}

// ---------------------------------------------------------------- library version

TEST(EmailLibraryVersion, NamesTheLibrariesInUse) {
    // The run-time libraries are the ones this test was built against.
    EXPECT_EQ(ci::email_library_version(),
              std::string("ICU ") + U_ICU_VERSION + ", libidn2 " + IDN2_VERSION);
}

// The identities of one address under every rule, each once it is valid there.
TEST(EmailIdentities, UnderEveryRule) {
    EXPECT_EQ(ci::email_identities_under_every_rule("Ann.Lee+x@GoogleMail.com"),
              (std::vector<std::string>{"ann.lee+x@googlemail.com", "ann.lee+x@googlemail.com",
                                        "annlee@gmail.com"}));
    EXPECT_EQ(ci::email_identities_under_every_rule("ÄNN@Bücher.de"),
              (std::vector<std::string>{"Änn@bücher.de", "änn@xn--bcher-kva.de",
                                        "änn@xn--bcher-kva.de"}));
    EXPECT_TRUE(ci::email_identities_under_every_rule("no-at-sign").empty());
}

}  // namespace
