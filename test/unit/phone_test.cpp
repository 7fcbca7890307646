// Unit tests for ci::canonical_phone, ci::known_region and ci::phone_library_version, from
// libphonenumber's documented behaviour (README "Identifiers").
#include "phone.hpp"

#include "normalize.hpp"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The identity of a spelling that must be one.
std::string id(const std::string &raw, const std::string &region) {
    const ci::PhoneIdentity p = ci::canonical_phone(raw, region);
    EXPECT_TRUE(p.ok) << "[" << raw << "] in '" << region << "': " << p.error;
    EXPECT_TRUE(p.error.empty());
    return p.value;
}

// The reason a spelling is not a phone.
std::string err(const std::string &raw, const std::string &region) {
    const ci::PhoneIdentity p = ci::canonical_phone(raw, region);
    EXPECT_FALSE(p.ok) << "[" << raw << "] in '" << region << "' gave " << p.value;
    EXPECT_TRUE(p.value.empty());
    return p.error;
}

// The 15 countries of issue 28's measurement.
const std::vector<std::string> kCountries = {"US", "GB", "DE", "FR", "IN", "BR", "AU", "JP",
                                             "MX", "ZA", "NG", "IT", "ES", "NL", "CH"};

// The prefix a person in the region dials before a country code.  "00" but where the region
// uses another: 011 (North America), 0011 (Australia), 010 (Japan), 009 (Nigeria), and
// Brazil, where 00 is followed by the chosen carrier's code (0021: Embratel).
std::string idd_prefix(const std::string &region) {
    static const std::map<std::string, std::string> other = {
        {"US", "011"}, {"AU", "0011"}, {"JP", "010"}, {"NG", "009"}, {"BR", "0021"}};
    const auto it = other.find(region);
    return it == other.end() ? "00" : it->second;
}

// The digits of a text (ASCII digits only: libphonenumber formats with ASCII).
std::string digits(const std::string &text) {
    std::string out;
    for (const char ch : text)
        if (ch >= '0' && ch <= '9') out.push_back(ch);
    return out;
}

// The text with every run of characters that are not digits replaced by one dash.
std::string dashed(const std::string &text) {
    std::string out;
    for (const char ch : text) {
        if (ch >= '0' && ch <= '9')
            out.push_back(ch);
        else if (!out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// One example mobile number of a region, written the 8 ways of issue 28.
struct Spellings {
    std::string region;
    std::string e164;  // the library's own E.164 form of it
    std::vector<std::string> ways;
};

// The 8 spellings: national, international, E.164, RFC 3966, digits only (the national
// format's), dashes, the region's international prefix, and "+CC (0)..." with the region's
// trunk prefix (where it has none, IT and ES: "(+CC) ...", the other common spelling).
Spellings spell(const std::string &region) {
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    EXPECT_TRUE(u.GetExampleNumberForType(region, PhoneNumberUtil::MOBILE, &number)) << region;
    Spellings s;
    s.region = region;
    std::string national, international, rfc3966, trunk;
    u.Format(number, PhoneNumberUtil::NATIONAL, &national);
    u.Format(number, PhoneNumberUtil::INTERNATIONAL, &international);
    u.Format(number, PhoneNumberUtil::E164, &s.e164);
    u.Format(number, PhoneNumberUtil::RFC3966, &rfc3966);
    u.GetNddPrefixForRegion(region, true, &trunk);
    const std::string cc = std::to_string(number.country_code());
    const std::string rest = international.substr(cc.size() + 2);  // after "+CC "
    s.ways = {national,
              international,
              s.e164,
              rfc3966,
              digits(national),
              dashed(national),
              idd_prefix(region) + " " + cc + " " + rest,
              trunk.empty() ? "(+" + cc + ") " + rest : "+" + cc + " (" + trunk + ") " + rest};
    return s;
}

// The 15 numbers x 8 spellings, once.
const std::vector<Spellings> &measurement() {
    static const std::vector<Spellings> all = [] {
        std::vector<Spellings> out;
        for (const std::string &region : kCountries) out.push_back(spell(region));
        return out;
    }();
    return all;
}

// The international prefix used above is the region's own, as libphonenumber dials out of it
// (Brazil's has a carrier code the library cannot choose: it formats "+" instead).
TEST(PhoneMeasurement, InternationalPrefixesAreTheRegions) {
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    for (const std::string &region : kCountries) {
        PhoneNumber abroad;  // a number of another country, dialled from the region
        ASSERT_TRUE(u.GetExampleNumberForType(region == "CH" ? "GB" : "CH", PhoneNumberUtil::MOBILE,
                                              &abroad));
        std::string dialled;
        u.FormatOutOfCountryCallingNumber(abroad, region, &dialled);
        if (region == "BR")
            EXPECT_EQ(dialled.substr(0, 1), "+");
        else
            EXPECT_EQ(dialled.substr(0, dialled.find(' ')), idd_prefix(region)) << region;
    }
}

// Issue 28's measurement: with the region set per country, 120 spellings are 15 identities,
// each the library's own E.164 form of the example number.
TEST(PhoneMeasurement, OneIdentityPerNumberWithRegion) {
    std::set<std::string> identities;
    int spellings = 0;
    for (const Spellings &s : measurement()) {
        ASSERT_EQ(s.ways.size(), 8u);
        std::cout << "[measure] " << s.region << " " << s.e164;
        for (const std::string &way : s.ways) {
            std::cout << " | " << way;
            EXPECT_EQ(id(way, s.region), s.e164) << s.region << " [" << way << "]";
            identities.insert(ci::canonical_phone(way, s.region).value);
            ++spellings;
        }
        std::cout << "\n";
    }
    std::cout << "[measure] with the region: " << spellings << " spellings, " << identities.size()
              << " distinct identities\n";
    EXPECT_EQ(spellings, 120);
    EXPECT_EQ(identities.size(), 15u);
}

// The same spellings without a region: those with a country code (international, E.164,
// tel:, "+CC (0)") are parsed; the national ones keep normalize_phone's form exactly.
TEST(PhoneMeasurement, WithoutRegion) {
    std::set<std::string> identities;
    int rejected = 0;
    for (const Spellings &s : measurement()) {
        for (std::size_t i = 0; i < s.ways.size(); ++i) {
            const std::string &way = s.ways[i];
            const ci::PhoneIdentity p = ci::canonical_phone(way, "");
            const bool with_country_code =
                way[0] == '+' || way.rfind("(+", 0) == 0 || way.rfind("tel:", 0) == 0;
            if (with_country_code) {
                EXPECT_TRUE(p.parsed) << way;
                EXPECT_EQ(p.value, s.e164) << way;
            } else {
                const ci::Normalized legacy = ci::normalize_phone(way);
                EXPECT_FALSE(p.parsed) << way;
                EXPECT_EQ(p.ok, legacy.ok) << way;
                EXPECT_EQ(p.value, legacy.value) << way;
            }
            if (p.ok)
                identities.insert(p.value);
            else
                ++rejected;
        }
    }
    std::cout << "[measure] without a region: " << identities.size() << " distinct identities, "
              << rejected << " spellings rejected\n";
    EXPECT_GT(identities.size(), 15u);
}

// "00" dialled where the region's international prefix is another: the number after it,
// when that is a valid number and the region's reading is not (the blind16 report: from
// Nigeria, "0044 7911 123456" was +2340447911123456, a possible but invalid NG number).
TEST(Phone, ZeroZeroDialledFromAnyRegion) {
    EXPECT_EQ(id("0044 7911 123456", "NG"), "+447911123456");
    EXPECT_EQ(id("009 44 7911 123456", "NG"), "+447911123456");  // Nigeria's own prefix
    EXPECT_EQ(id("0803 123 4567", "NG"), "+2348031234567");      // a national number stays
    EXPECT_EQ(id("00 44 20 7946 0000", "US"), "+442079460000");  // was "too long"
    EXPECT_EQ(id("0044 20 7946 0000", "JP"), "+442079460000");
    EXPECT_EQ(id("(00) 44 20 7946 0000", "AU"), "+442079460000");
    EXPECT_EQ(id("00 1 202 456 1111", "US"), "+12024561111");
    // Neither reading valid (555-01xx is fictional): the region's reading and its error.
    EXPECT_EQ(err("001 555 010 4242", "US"), "phone is too long for a number of +1 (US)");
    // The shortcut and the parser agree.
    for (const char *raw : {"0044 7911 123456", "00 44 20 7946 0000", "0044-20-7946-0000"})
        for (const char *region : {"NG", "US", "JP", "AU", "RU", "KE", "GB"})
            EXPECT_EQ(ci::canonical_phone(raw, region).value,
                      ci::canonical_phone_parsed(raw, region).value)
                << raw << " " << region;
}

// Issue 28's examples in the US: one identity, however written; "001" is not the US
// international prefix (011 is), so from the US it is a 14-digit US number, too long.
TEST(Phone, IssueExamplesUS) {
    for (const char *raw :
         {"555-010-4242", "1-555-010-4242", "+1 (555) 010-4242", "011 1 555 010 4242",
          "(555) 010-4242", "5550104242", "tel:+1-555-010-4242"})
        EXPECT_EQ(id(raw, "US"), "+15550104242") << raw;
    EXPECT_EQ(err("001 555 010 4242", "US"), "phone is too long for a number of +1 (US)");
    // From a region whose international prefix is 00, it is the same US number.
    EXPECT_EQ(id("001 555 010 4242", "GB"), "+15550104242");
    EXPECT_EQ(id("001 555 010 4242", "DE"), "+15550104242");
}

// Issue 28's examples in Great Britain, and the other spellings the task names.
TEST(Phone, IssueExamplesGB) {
    for (const char *raw :
         {"020 7946 0000", "0044 20 7946 0000", "+44 20 7946 0000", "+44 (0)20 7946 0000",
          "+44 (0) 20 7946 0000", "+44(0)2079460000", "(020) 7946-0000", "020.7946.0000",
          "020-7946-0000", "02079460000", "+442079460000", "tel:+44-20-7946-0000",
          "TEL:+44-20-7946-0000", "tel:7946-0000;phone-context=+44-20", "00 44 20 7946 0000",
          "  020 7946 0000  ", "\xEF\xBC\x8B\x34\x34 20 7946 0000", "\xC2\xA0+44 20 7946 0000"})
        EXPECT_EQ(id(raw, "GB"), "+442079460000") << raw;
    EXPECT_EQ(id("020 7946 0000", "gb"), "+442079460000");       // any case
    EXPECT_EQ(id("Tel: 020 7946 0000", "GB"), "+442079460000");  // a URI's scheme, any case
    // From other regions: their own international prefixes.
    EXPECT_EQ(id("011 44 20 7946 0000", "US"), "+442079460000");
    EXPECT_EQ(id("0011 44 20 7946 0000", "AU"), "+442079460000");
    EXPECT_EQ(id("010 44 20 7946 0000", "JP"), "+442079460000");
    // A GB number written nationally in another region is that region's number (or none).
    EXPECT_NE(ci::canonical_phone("020 7946 0000", "DE").value, "+442079460000");
    // RFC 3966 gives a phone-context to local numbers only: a global number with one is not
    // a tel: URI, and libphonenumber refuses it.
    EXPECT_EQ(err("tel:+44-20-7946-0000;phone-context=+44", "GB"), "phone is not a phone number");
}

// Extensions are kept apart: not part of the identity.
TEST(Phone, Extensions) {
    for (const char *raw : {"020 7946 0000 x123", "020 7946 0000 ext. 123", "020 7946 0000 ext 123",
                            "020 7946 0000 extension 123", "02079460000x123", "020 7946 0000 #123",
                            "tel:+44-20-7946-0000;ext=123", "+44 20 7946 0000;ext=123",
                            "+44 (0)20 7946 0000 x 123"}) {
        const ci::PhoneIdentity p = ci::canonical_phone(raw, "GB");
        EXPECT_TRUE(p.ok) << raw << ": " << p.error;
        EXPECT_EQ(p.value, "+442079460000") << raw;
        EXPECT_EQ(p.extension, "123") << raw;
    }
    EXPECT_EQ(ci::canonical_phone("020 7946 0000", "GB").extension, "");
    // Without a region: parsed when written with its country code.
    const ci::PhoneIdentity p = ci::canonical_phone("+44 20 7946 0000 ext. 9", "");
    EXPECT_TRUE(p.ok);
    EXPECT_EQ(p.value, "+442079460000");
    EXPECT_EQ(p.extension, "9");
}

// Without a region: a country code is parsed (the "(0)" dropped), a national number keeps
// the legacy form exactly (normalize_phone's value or error).
TEST(Phone, WithoutRegion) {
    EXPECT_EQ(id("+44 (0)20 7946 0000", ""), "+442079460000");
    EXPECT_EQ(id("tel:+44-20-7946-0000", ""), "+442079460000");
    EXPECT_EQ(id("tel:7946-0000;phone-context=+44-20", ""), "+442079460000");
    EXPECT_EQ(id(" +1 (555) 010-4242", ""), "+15550104242");
    EXPECT_EQ(id("(+39) 312 345 6789", ""), "+393123456789");
    EXPECT_TRUE(ci::canonical_phone("+44 20 7946 0000", "").parsed);
    for (const char *raw : {"020 7946 0000", "0044 20 7946 0000", "555-010-4242", "1-555-010-4242",
                            "001 555 010 4242", "123", "555-CALL-NOW", "12+345",
                            "\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x90 7946 0000"}) {
        const ci::PhoneIdentity p = ci::canonical_phone(raw, "");
        const ci::Normalized legacy = ci::normalize_phone(raw);
        EXPECT_FALSE(p.parsed) << raw;
        EXPECT_EQ(p.ok, legacy.ok) << raw;
        EXPECT_EQ(p.value, legacy.value) << raw;
        EXPECT_EQ(p.error, legacy.error) << raw;
        EXPECT_EQ(p.extension, "") << raw;
    }
    EXPECT_EQ(id("020 7946 0000", ""), "02079460000");
    EXPECT_EQ(err("+999 1234", ""), "phone has no known country calling code");
    EXPECT_EQ(err("tel:7946-0000", ""), "phone has no known country calling code");
}

// What is not a phone of the region, and why.
TEST(Phone, Errors) {
    EXPECT_EQ(err("", "GB"), "phone is empty");
    EXPECT_EQ(err(" \t ", "GB"), "phone is empty");
    EXPECT_EQ(err("", ""), "phone is empty");
    EXPECT_EQ(err("abc", "GB"), "phone is not a phone number");
    EXPECT_EQ(err("123", "GB"), "phone is too short for a number of +44 (GB)");
    EXPECT_EQ(err("7946 0000", "GB"), "phone is a local number of +44 (GB) without its area code");
    EXPECT_EQ(err("+44 20 7946 00000000", "GB"), "phone is too long for a number of +44 (GB)");
    EXPECT_EQ(err("+999 1234", "GB"), "phone has an unknown country calling code");
    EXPECT_EQ(err("0044", "GB"), "phone is too short after the international prefix");
    EXPECT_EQ(err("\xFF 020 7946 0000", "GB"), "phone is not valid UTF-8");
    // Letters: a vanity number, text around the number, a letter inside it, two words.
    const std::string letters = "phone contains letters (only an extension's marker may be a word)";
    for (const char *raw : {"555-CALL-NOW", "1-800-FLOWERS", "tel:+1-800-FLOWERS"})
        EXPECT_EQ(err(raw, "US"), letters) << raw;
    for (const char *raw :
         {"Ann 020 7946 0000", "Phone: 020 7946 0000", "020 79a46 0000", "020 7946 0000 Ann",
          "0800 FLOWERS x12", "020 7946 0000 call x123", "+44 20 7946 0000 Ann"})
        EXPECT_EQ(err(raw, "GB"), letters) << raw;
    EXPECT_EQ(err("+44 20 7946 0000 Ann", ""), letters);
    // Regions: two letters libphonenumber knows, in any case.
    for (const char *region : {"XX", "ZZ", "USA", "U", "001", "1", "U1", "ÜS"})
        EXPECT_EQ(err("020 7946 0000", region),
                  std::string("phone region \"") + region + "\" is not a known region")
            << region;
}

// Two identities are the same in every field.
void expect_same(const ci::PhoneIdentity &a, const ci::PhoneIdentity &b, const std::string &raw,
                 const std::string &region) {
    EXPECT_EQ(a.ok, b.ok) << "[" << raw << "] in '" << region << "'";
    EXPECT_EQ(a.value, b.value) << "[" << raw << "] in '" << region << "'";
    EXPECT_EQ(a.error, b.error) << "[" << raw << "] in '" << region << "'";
    EXPECT_EQ(a.extension, b.extension) << "[" << raw << "] in '" << region << "'";
    EXPECT_EQ(a.parsed, b.parsed) << "[" << raw << "] in '" << region << "'";
}

// A plain spelling of digits: separators between them at random, maybe a leading '+' or '('.
std::string spelled(const std::string &digits, bool plus, std::mt19937 &random) {
    static const char *const separators[] = {"", "", "", " ", "-", ".", "(", ")", " (", ") ", "  "};
    std::string out;
    if (random() % 8 == 0) out += random() % 2 ? "(" : " ";
    if (plus) out += "+";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0) out += separators[random() % (sizeof separators / sizeof *separators)];
        out.push_back(digits[i]);
    }
    if (random() % 8 == 0) out += random() % 2 ? ")" : " ";
    return out;
}

// Random digits, `length` of them.
std::string random_digits(std::size_t length, std::mt19937 &random) {
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out.push_back(static_cast<char>('0' + random() % 10));
    return out;
}

// The shortcut for plain spellings gives what libphonenumber's Parse gives, in every region
// and without one: random numbers, many starting with what the parser treats specially (the
// region's country code, trunk prefix, international prefixes, 0 and 1), the example numbers
// of every type in the library's own formats, written with and without '+'.
TEST(PhonePlain, SameAsTheParserInEveryRegion) {
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    u.GetSupportedRegions(&regions);
    std::set<int> codes;
    u.GetSupportedCallingCodes(&codes);
    const std::vector<int> code_list(codes.begin(), codes.end());
    std::mt19937 random(28);
    std::size_t compared = 0, shortcut = 0;
    // Compares both ways of reading one spelling.
    const auto compare = [&](const std::string &raw, const std::string &region) {
        const ci::PhoneIdentity fast = ci::canonical_phone(raw, region);
        const ci::PhoneIdentity parsed = ci::canonical_phone_parsed(raw, region);
        expect_same(fast, parsed, raw, region);
        const auto plain = ci::plain_phone(raw, region);
        if (plain) {
            EXPECT_TRUE(parsed.ok && parsed.parsed) << "[" << raw << "] in '" << region << "'";
            EXPECT_EQ(*plain, parsed.value) << "[" << raw << "] in '" << region << "'";
            ++shortcut;
        }
        ++compared;
    };
    std::vector<std::string> in = {""};
    in.insert(in.end(), regions.begin(), regions.end());
    for (const std::string &region : in) {
        std::vector<std::string> prefixes = {"", "", "", "0", "00", "01", "011", "1", "8", "9", "810"};
        std::vector<std::size_t> lengths = {7, 8, 9, 10};  // of national numbers: the examples' too
        if (!region.empty()) {
            std::string trunk;
            u.GetNddPrefixForRegion(region, true, &trunk);
            prefixes.push_back(trunk);
            prefixes.push_back(std::to_string(u.GetCountryCodeForRegion(region)));
            for (int type = 0; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
                PhoneNumber example;
                if (!u.GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type),
                                               &example))
                    continue;
                std::string significant;
                u.GetNationalSignificantNumber(example, &significant);
                lengths.push_back(significant.size());
                for (const auto format : {PhoneNumberUtil::E164, PhoneNumberUtil::INTERNATIONAL,
                                          PhoneNumberUtil::NATIONAL}) {
                    std::string written;
                    u.Format(example, format, &written);
                    compare(written, region);
                    compare(written, "");
                    compare(digits(written), region);
                }
            }
        }
        for (int i = 0; i < 250; ++i) {
            const bool plus = random() % 3 == 0;
            std::string number;
            if (plus) {
                number = std::to_string(code_list[random() % code_list.size()]);
                if (random() % 4 == 0) number += prefixes[random() % prefixes.size()];
            } else {
                number = prefixes[random() % prefixes.size()];
            }
            number += random_digits(random() % 2 ? lengths[random() % lengths.size()] : random() % 16,
                                    random);
            compare(spelled(number, plus, random), region);
        }
    }
    std::cout << "[plain] " << compared << " spellings compared, " << shortcut
              << " read by the shortcut\n";
    EXPECT_GT(shortcut, compared / 5);
}

// The shortcut takes the commonest spellings, and leaves the rest to the parser.
TEST(PhonePlain, CommonSpellings) {
    for (const char *raw : {"(212) 555-0123", "212-555-0123", "212.555.0123", "2125550123",
                            "+1 212 555 0123", "+12125550123", " (212) 555-0123 "})
        EXPECT_EQ(ci::plain_phone(raw, "US").value_or("none"), "+12125550123") << raw;
    EXPECT_EQ(ci::plain_phone("+1 (212) 555-0123", "").value_or("none"), "+12125550123");
    EXPECT_EQ(ci::plain_phone("+44 20 7946 0000", "").value_or("none"), "+442079460000");
    EXPECT_EQ(ci::plain_phone("+44 20 7946 0000", "us").value_or("none"), "+442079460000");
    EXPECT_EQ(ci::plain_phone("+4930123456", "DE").value_or("none"), "+4930123456");
    // The parser's: a prefix of the region (trunk, international, the country code), a
    // national number without a region, an extension, letters, an impossible length, an
    // unknown region.
    for (const auto &[raw, region] : std::vector<std::pair<const char *, const char *>>{
             {"020 7946 0000", "GB"}, {"1 (212) 555-0123", "US"}, {"011 44 20 7946 0000", "US"},
             {"(212) 555-0123", ""}, {"- +1 212 555 0123", ""}, {"(212) 555-0123 x12", "US"},
             {"tel:+12125550123", "US"}, {"555-0123", "US"}, {"(212) 555-0123", "XX"},
             {"+44 (0)20 7946 0000", "GB"}, {"+1 212 555 0123\t", "US"}})
        EXPECT_FALSE(ci::plain_phone(raw, region)) << raw << " in " << region;
}

// The regions known: libphonenumber's supported regions, any case.
TEST(Phone, KnownRegion) {
    for (const char *region : {"US", "us", "Gb", "DE", "CH", "NG", "JP"})
        EXPECT_TRUE(ci::known_region(region)) << region;
    for (const char *region : {"", "XX", "ZZ", "001", "USA", "u", "  "})
        EXPECT_FALSE(ci::known_region(region)) << region;
}

// The version names the loaded library and fingerprints its metadata; it does not change
// within a process.
TEST(Phone, LibraryVersion) {
    const std::string version = ci::phone_library_version();
    std::cout << "[version] " << version << "\n";
    EXPECT_EQ(version.rfind("libphonenumber 8.", 0), 0u) << version;
    EXPECT_NE(version.find(", metadata "), std::string::npos) << version;
    EXPECT_EQ(version.substr(version.find(", metadata ") + 11 + 16), ", 00 from any region")
        << version;
    EXPECT_EQ(ci::phone_library_version(), version);
}

// Every spelling of a number ends, in one of its endings, with the digits its identity ends
// with: under a region, without one, and in 0.9's form (the search keys of erasure).
TEST(Phone, EndingsHoldTheIdentityEnding) {
    const std::pair<const char *, const char *> spellings[] = {
        {"020 7946 0000", "GB"},        {"+44 (0)20 7946 0000", "GB"},
        {"0044 20 7946 0000", "GB"},    {"tel:+44-20-7946-0000;ext=12", "GB"},
        {"020 7946 0000 x123", "GB"},   {"020 7946 0000 ext. 9", "GB"},
        {"(201) 555-0123 - 77#", "US"}, {"+1 201 555 0123", ""},
        {"０２０ ７９４６ ００００", "GB"}};
    for (const auto &[raw, region] : spellings) {
        const ci::PhoneIdentity identity = ci::canonical_phone(raw, region);
        ASSERT_TRUE(identity.ok) << raw << ": " << identity.error;
        const std::string tail = identity.value.substr(identity.value.size() - 7);
        bool found = false;
        for (const std::string &ending : ci::phone_endings(raw))
            found = found || (ending.size() >= 7 && ending.substr(ending.size() - 7) == tail);
        EXPECT_TRUE(found) << raw;
    }
    EXPECT_TRUE(ci::phone_endings("\xff\xfe").empty());
    EXPECT_TRUE(ci::phone_endings("no digits").empty());
}

}  // namespace
