#include "phone.hpp"

#include "normalize.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <dlfcn.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <list>
#include <map>
#include <new>
#include <set>
#include <utility>
#include <vector>

// libphonenumber exposes no version, neither of its code nor of its metadata (no macro, no
// function, no pkg-config file).  Its compiled-in metadata is reachable through these two
// functions, declared in its metadata.h (which Debian does not install) and exported by the
// shared library: their bytes identify the metadata exactly, whatever the package says.
namespace i18n {
namespace phonenumbers {
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

namespace ci {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The process-wide PhoneNumberUtil, its logger silenced: the first call loads the metadata.
const PhoneNumberUtil &util() {
    static const PhoneNumberUtil *const instance = [] {
        PhoneNumberUtil *u = PhoneNumberUtil::GetInstance();
        // The library's default is a NullLogger too; set here so that it stays one.
        u->SetLogger(new i18n::phonenumbers::NullLogger());
        return u;
    }();
    return *instance;
}

// The regions libphonenumber has metadata for (two upper-case letters each), read once.
const std::set<std::string> &supported_regions() {
    static const std::set<std::string> regions = [] {
        std::set<std::string> all;
        util().GetSupportedRegions(&all);
        return all;
    }();
    return regions;
}

// The region upper-cased if it is two ASCII letters, else empty.
std::string region_code(std::string_view region) {
    if (region.size() != 2) return std::string();
    std::string code;
    for (const char ch : region) {
        if (ch >= 'a' && ch <= 'z')
            code.push_back(static_cast<char>(ch - 'a' + 'A'));
        else if (ch >= 'A' && ch <= 'Z')
            code.push_back(ch);
        else
            return std::string();
    }
    return code;
}

// Builds a failed result carrying the given reason.
PhoneIdentity fail(std::string reason) {
    PhoneIdentity result;
    result.error = std::move(reason);
    return result;
}

// True when the text starts with "tel:" in any case (an RFC 3966 URI).
bool is_tel_uri(std::string_view text) {
    if (text.size() < 4) return false;
    static constexpr char kScheme[] = "tel:";
    for (std::size_t i = 0; i < 4; ++i) {
        const char ch = text[i];
        const char lower = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
        if (lower != kScheme[i]) return false;
    }
    return true;
}

// True when a number is written with its country code: "+" (or its full-width form), after
// opening parentheses ("(+39) ..."), or a tel: URI (whose global number or phone-context
// carries it).  The legacy form refuses a "+" anywhere but first: it gave no value to any of
// these but the plain "+...".
bool written_with_country_code(std::string_view text) {
    if (is_tel_uri(text)) return true;
    const std::size_t start = text.find_first_not_of("( ");
    if (start == std::string_view::npos) return false;
    text.remove_prefix(start);
    return text.front() == '+' || text.substr(0, 3) == "\xEF\xBC\x8B";
}

// True when the text is well-formed UTF-8.
bool valid_utf8(std::string_view text) {
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

// libphonenumber reads letters as a vanity number ("1-800-FLOWERS") and skips any text
// before the number ("Ann 020 ..."): neither is how a person's phone is written, and the
// legacy form refuses letters.  True when every letter of the text is the one word that
// marks the extension the library found ("x", "ext.", ...) or in a tel: URI's scheme and
// parameters (";ext=", ";phone-context=").
bool letters_only_mark_extension(std::string_view text, const std::string &extension) {
    if (is_tel_uri(text)) {
        text.remove_prefix(4);
        text = text.substr(0, text.find(';'));
    }
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    // The first word: from the first letter to the first code point after it that is not one.
    std::int32_t word_end = -1;
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
        if (u_isalpha(c))
            word_end = i;
        else if (word_end >= 0)
            break;
    }
    if (word_end < 0) return true;
    if (extension.empty()) return false;
    // After the marker word: no other letter, and the extension's digits only.
    std::string rest(text.substr(static_cast<std::size_t>(word_end)));
    for (std::int32_t k = 0, n = static_cast<std::int32_t>(rest.size()); k < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const std::uint8_t *>(rest.data()), k, n, c);
        if (c < 0 || u_isalpha(c)) return false;
    }
    util().NormalizeDigitsOnly(&rest);
    return rest == extension;
}

// The reason, for a person, of a parse error.
std::string parse_error(PhoneNumberUtil::ErrorType error, const std::string &region) {
    switch (error) {
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
            return region == "ZZ" ? "phone has no known country calling code"
                                  : "phone has an unknown country calling code";
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
            return "phone is too short after the international prefix";
        case PhoneNumberUtil::TOO_SHORT_NSN:
            return "phone is too short";
        case PhoneNumberUtil::TOO_LONG_NSN:
            return "phone is too long";
        case PhoneNumberUtil::NOT_A_NUMBER:
        default:
            return "phone is not a phone number";
    }
}

// The reason, for a person, why a parsed number is not a possible number.
std::string impossible(PhoneNumberUtil::ValidationResult reason, const PhoneNumber &number) {
    std::string where = "+" + std::to_string(number.country_code());
    std::string owner;
    util().GetRegionCodeForCountryCode(number.country_code(), &owner);
    if (owner.size() == 2) where += " (" + owner + ")";
    switch (reason) {
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
            return "phone is a local number of " + where + " without its area code";
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            return "phone has an unknown country calling code";
        case PhoneNumberUtil::TOO_SHORT:
            return "phone is too short for a number of " + where;
        case PhoneNumberUtil::TOO_LONG:
            return "phone is too long for a number of " + where;
        case PhoneNumberUtil::INVALID_LENGTH:
        default:
            return "phone has no possible length for a number of " + where;
    }
}

// One reading of a phone by libphonenumber's Parse in a region ("ZZ": none, the number must
// carry its country code): the error, or the number read.
struct Reading {
    PhoneNumberUtil::ErrorType error = PhoneNumberUtil::NOT_A_NUMBER;
    PhoneNumber number;
};

// libphonenumber's reading of text (valid UTF-8) in region.
Reading read(std::string_view text, const std::string &region) {
    Reading reading;
    reading.error = util().Parse(std::string(text), region, &reading.number);
    return reading;
}

// The E.164 identity of text from its reading in region: an error for a parse error, letters
// that are not an extension's marker, or a number that is not of full length.
PhoneIdentity identity(std::string_view text, const Reading &reading, const std::string &region) {
    if (reading.error != PhoneNumberUtil::NO_PARSING_ERROR)
        return fail(parse_error(reading.error, region));
    const PhoneNumber &number = reading.number;
    if (!letters_only_mark_extension(text, number.extension()))
        return fail("phone contains letters (only an extension's marker may be a word)");
    // Only a number of full length is one: a local number without its area code is not.
    const PhoneNumberUtil &u = util();
    const PhoneNumberUtil::ValidationResult possible = u.IsPossibleNumberWithReason(number);
    if (possible != PhoneNumberUtil::IS_POSSIBLE) return fail(impossible(possible, number));
    PhoneIdentity result;
    result.ok = true;
    result.parsed = true;
    u.Format(number, PhoneNumberUtil::E164, &result.value);
    result.extension = number.extension();
    return result;
}

// The E.164 identity of a phone parsed by libphonenumber with the region ("ZZ": none, the
// number must carry its country code).
PhoneIdentity parse(std::string_view text, const std::string &region) {
    if (!valid_utf8(text)) return fail("phone is not valid UTF-8");
    return identity(text, read(text, region), region);
}

// "00" is the international prefix of most of the world, and people dial it wherever they
// are.  In a region whose own prefix is another (Nigeria 009, the US 011, Japan 010,
// Australia 0011, Russia 810) libphonenumber reads "0044 7911 123456" as a national number,
// possible by its length (Nigeria: +2340447911123456) but no number of the region, or too
// long for one.  Where the region's reading (home) is not a valid number and the reading
// after "00" as "+" is, that is the number dialled: the identity of the other spellings of
// it.  (In a region whose prefix is 00 both readings are one.)  nullopt: the region's
// reading.
std::optional<PhoneIdentity> dialled_with_00(std::string_view text, const Reading &home,
                                             const std::string &region) {
    const std::size_t start = text.find_first_not_of("( ");
    if (start == std::string_view::npos || text.substr(start, 2) != "00") return std::nullopt;
    const PhoneNumberUtil &u = util();
    // (read with another country code: the region's prefix is 00, and took it)
    if (home.error == PhoneNumberUtil::NO_PARSING_ERROR &&
        (home.number.country_code() != u.GetCountryCodeForRegion(region) ||
         u.IsValidNumber(home.number)))
        return std::nullopt;
    std::string international(text);
    international.replace(start, 2, "+");
    const Reading abroad = read(international, "ZZ");
    if (abroad.error != PhoneNumberUtil::NO_PARSING_ERROR || !u.IsValidNumber(abroad.number))
        return std::nullopt;
    PhoneIdentity dialled = identity(international, abroad, "ZZ");  // (letters, a length)
    if (!dialled.ok) return std::nullopt;
    return dialled;
}

// ---- The shortcut for plain spellings (plain_phone) ----
//
// libphonenumber's Parse runs a dozen ICU regular expressions over every number: 12-20 us,
// where an index probe costs 2-5 (README "Performance").  Most phones are written plainly --
// ASCII digits, spaces, '-', '.', '(' and ')', at most a leading '+' -- and for those Parse
// (8.12's ParseHelper) comes down to steps that need no regular expression but two: the
// region's international prefix and national prefix, which the metadata gives as patterns.
// Where both are plain digit strings that the number does not start with, the result is
// known without the parser; anything else (a prefix, a pattern, an impossible length, an
// error) goes to Parse.  test/unit/phone_test.cpp compares the two over every region.

// What the shortcut needs of one PhoneMetadata of libphonenumber's compiled-in metadata.
struct Numbering {
    int country_code = 0;
    // international_prefix, when a plain digit string (else the shortcut does not read
    // national numbers of the region: the prefix is a pattern, or missing)
    std::string idd;
    // national_prefix_for_parsing: empty (nothing stripped) or a plain digit string; else
    // `national_prefix_plain` is false and the shortcut leaves the numbers it applies to
    std::string national_prefix;
    bool national_prefix_plain = false;
    // general_desc's possible lengths, in the metadata's order (TestNumberLength reads them so)
    std::vector<int> lengths, local_lengths;
};

// The metadata the shortcut reads, by region and by country calling code, as PhoneNumberUtil
// indexes it (its constructor: the first entry of a region wins; a code's regions list the
// last one marked main_country_for_code first, else the first seen; "001" entries are the
// non-geographical codes').
struct NumberingPlan {
    std::vector<Numbering> entries;
    std::array<std::int16_t, 26 * 26> by_region;  // index into entries, -1: none
    // what Parse and IsPossibleNumber use for a code; -1: not a code, -2: a code whose
    // metadata was not found (then the shortcut leaves its numbers to Parse)
    std::array<std::int16_t, 1000> by_code;
};

// True when the text is one or more ASCII digits.
bool all_digits(const std::string &text) {
    if (text.empty()) return false;
    for (const char ch : text)
        if (ch < '0' || ch > '9') return false;
    return true;
}

// The plan, read once from the metadata compiled into libphonenumber (without loading
// PhoneNumberUtil: a backend whose phones are all plain never compiles its expressions).
const NumberingPlan &numbering_plan() {
    static const NumberingPlan plan = [] {
        NumberingPlan p;
        p.by_region.fill(-1);
        p.by_code.fill(-1);
        i18n::phonenumbers::PhoneMetadataCollection collection;
        if (!collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                       i18n::phonenumbers::metadata_size()))
            return p;  // no shortcut: every number goes to Parse
        std::map<std::string, int> regions;      // id -> entry
        std::map<int, int> non_geographical;     // code -> entry of its "001" metadata
        std::map<int, std::list<std::string>> code_regions;
        for (const auto &m : collection.metadata()) {
            if (m.id() == "ZZ") continue;
            Numbering n;
            n.country_code = m.country_code();
            if (all_digits(m.international_prefix())) n.idd = m.international_prefix();
            n.national_prefix = m.national_prefix_for_parsing();
            n.national_prefix_plain = n.national_prefix.empty() || all_digits(n.national_prefix);
            for (const int length : m.general_desc().possible_length()) n.lengths.push_back(length);
            for (const int length : m.general_desc().possible_length_local_only())
                n.local_lengths.push_back(length);
            const int index = static_cast<int>(p.entries.size());
            p.entries.push_back(std::move(n));
            if (m.id() == "001")
                non_geographical.emplace(m.country_code(), index);
            else
                regions.emplace(m.id(), index);
            auto &list = code_regions[m.country_code()];
            if (!list.empty() && m.main_country_for_code())
                list.push_front(m.id());
            else
                list.push_back(m.id());
        }
        for (const auto &[id, index] : regions)
            if (id.size() == 2 && id[0] >= 'A' && id[0] <= 'Z' && id[1] >= 'A' && id[1] <= 'Z')
                p.by_region[(id[0] - 'A') * 26 + (id[1] - 'A')] = static_cast<std::int16_t>(index);
        for (const auto &[code, list] : code_regions) {
            if (code <= 0 || code >= 1000) continue;
            p.by_code[code] = -2;
            const std::string &main = list.front();
            if (main == "001") {
                const auto found = non_geographical.find(code);
                if (found != non_geographical.end())
                    p.by_code[code] = static_cast<std::int16_t>(found->second);
            } else {
                const auto found = regions.find(main);
                if (found != regions.end()) p.by_code[code] = static_cast<std::int16_t>(found->second);
            }
        }
        return p;
    }();
    return plan;
}

// The region's entry (two ASCII letters, any case), or null.
const Numbering *region_numbering(const NumberingPlan &plan, std::string_view region) {
    if (region.size() != 2) return nullptr;
    int index[2];
    for (int i = 0; i < 2; ++i) {
        const char ch = region[static_cast<std::size_t>(i)];
        if (ch >= 'a' && ch <= 'z')
            index[i] = ch - 'a';
        else if (ch >= 'A' && ch <= 'Z')
            index[i] = ch - 'A';
        else
            return nullptr;
    }
    const int entry = plan.by_region[static_cast<std::size_t>(index[0] * 26 + index[1])];
    return entry < 0 ? nullptr : &plan.entries[static_cast<std::size_t>(entry)];
}

// True when libphonenumber knows the country calling code.
bool known_code(const NumberingPlan &plan, int code) {
    return code > 0 && code < 1000 && plan.by_code[static_cast<std::size_t>(code)] != -1;
}

// The entry of a country calling code, or null when libphonenumber has none.
const Numbering *code_numbering(const NumberingPlan &plan, int code) {
    if (code <= 0 || code >= 1000) return nullptr;
    const int entry = plan.by_code[static_cast<std::size_t>(code)];
    return entry < 0 ? nullptr : &plan.entries[static_cast<std::size_t>(entry)];
}

// True when the digits start with the prefix.
bool starts_with(std::string_view digits, const std::string &prefix) {
    return digits.substr(0, prefix.size()) == prefix;
}

// TestNumberLength (UNKNOWN type: the general description) says IS_POSSIBLE.
bool possible_length(const Numbering &numbering, std::size_t size) {
    const int length = static_cast<int>(size);
    if (numbering.lengths.empty() || numbering.lengths.front() == -1) return false;
    for (const int local : numbering.local_lengths)
        if (local == length) return false;  // IS_POSSIBLE_LOCAL_ONLY
    if (numbering.lengths.front() == length) return true;
    if (numbering.lengths.front() > length || numbering.lengths.back() < length) return false;
    for (std::size_t i = 1; i < numbering.lengths.size(); ++i)
        if (numbering.lengths[i] == length) return true;
    return false;
}

// 64-bit FNV-1a of a byte range: a fingerprint, stable across builds and platforms.
std::uint64_t fnv1a64(const unsigned char *bytes, std::size_t size) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

// The version in the file name of the loaded libphonenumber ("8.12" of libphonenumber.so.8.12,
// as Debian names it), or empty when it cannot be told.
std::string loaded_library_version() {
    Dl_info info;
    if (dladdr(i18n::phonenumbers::metadata_get(), &info) == 0 || info.dli_fname == nullptr)
        return std::string();
    char *resolved = realpath(info.dli_fname, nullptr);
    if (resolved == nullptr) return std::string();
    const std::string file(resolved);
    std::free(resolved);
    const std::size_t so = file.rfind(".so.");
    return so == std::string::npos ? std::string() : file.substr(so + 4);
}

}  // namespace

std::optional<std::string> plain_phone(std::string_view raw, std::string_view region) {
    // (What each step stands for in ParseHelper is said at the step.)  The spelling: the
    // characters ExtractPossibleNumber and TrimUnwantedEndChars skip at either end and
    // Normalize drops between digits are the same here (all in kValidPunctuation, no
    // extension pattern matches without a letter, '#', ',' or ';'); a '+' only before the
    // first digit; at least 3 digits, so IsViablePhoneNumber holds.
    char digits[24];
    std::size_t count = 0;
    bool plus = false, started = false;
    for (const char ch : raw) {
        if (ch >= '0' && ch <= '9') {
            if (count == sizeof digits) return std::nullopt;  // too long for any number
            digits[count++] = ch;
            started = true;
        } else if (ch == '+') {
            if (started) return std::nullopt;
            plus = started = true;
        } else if (ch != ' ' && ch != '-' && ch != '.' && ch != '(' && ch != ')') {
            return std::nullopt;
        }
    }
    if (count < 3) return std::nullopt;
    const NumberingPlan &plan = numbering_plan();
    const Numbering *home = nullptr;
    if (region.empty()) {
        // Without a region only a number written with its country code is parsed (and
        // canonical_phone's test of that skips only '(' and ' ' before the '+').
        if (!plus || !written_with_country_code(raw)) return std::nullopt;
    } else if ((home = region_numbering(plan, region)) == nullptr) {
        return std::nullopt;  // an unknown region: canonical_phone says so
    }
    const std::string_view all(digits, count);
    std::string_view national;
    int code = 0;
    const Numbering *parsing = nullptr;  // the metadata the national prefix comes from
    if (plus) {
        // MaybeExtractCountryCode after a '+': ExtractCountryCode, the first of 1 to 3 digits
        // that is a known code (none starts with 0).
        if (all.front() == '0') return std::nullopt;
        std::size_t length = 0;
        do {
            if (length == 3) return std::nullopt;  // INVALID_COUNTRY_CODE_ERROR
            code = code * 10 + (all[length++] - '0');
        } while (!known_code(plan, code));
        if ((parsing = code_numbering(plan, code)) == nullptr) return std::nullopt;
        national = all.substr(length);
    } else {
        // A national number: neither the region's international prefix (ParsePrefixAsIdd)
        // nor its country code (MaybeExtractCountryCode's check for a code without '+')
        // may start it, for those choices need the region's patterns.
        if (home->idd.empty() || starts_with(all, home->idd)) return std::nullopt;
        if (starts_with(all, std::to_string(home->country_code))) return std::nullopt;
        if (starts_with(all, "00")) return std::nullopt;  // 00 dialled abroad: dialled_with_00
        code = home->country_code;
        parsing = home;
        national = all;
    }
    // MaybeStripNationalPrefixAndCarrierCode strips nothing when the prefix is empty or the
    // number does not start with it; the length limits (kMinLengthForNsn, kMaxLengthForNsn).
    if (!parsing->national_prefix_plain) return std::nullopt;
    if (!parsing->national_prefix.empty() && starts_with(national, parsing->national_prefix))
        return std::nullopt;
    if (national.size() < 2 || national.size() > 17) return std::nullopt;
    // IsPossibleNumberWithReason reads the metadata of the code's main region; anything but
    // IS_POSSIBLE is canonical_phone's to explain.
    const Numbering *lengths = code_numbering(plan, code);
    if (lengths == nullptr || !possible_length(*lengths, national.size())) return std::nullopt;
    // Format E164: '+', the code and the national significant number, which the national
    // number's leading zeros (italian_leading_zero) keep exactly as written.
    std::string e164 = "+" + std::to_string(code);
    e164.append(national);
    return e164;
}

PhoneIdentity canonical_phone(std::string_view raw, std::string_view region) {
    try {
        if (auto plain = plain_phone(raw, region)) {
            PhoneIdentity result;
            result.ok = result.parsed = true;
            result.value = std::move(*plain);
            return result;
        }
        return canonical_phone_parsed(raw, region);
    } catch (const std::bad_alloc &) {
        throw;
    } catch (...) {
        return fail("phone could not be parsed by libphonenumber");
    }
}

PhoneIdentity canonical_phone_parsed(std::string_view raw, std::string_view region) {
    try {
        if (is_blank(raw)) return fail("phone is empty");
        const std::string_view text = trim_space(raw);
        if (region.empty()) {
            if (written_with_country_code(text)) return parse(text, "ZZ");
            // A national number with no region to read it in keeps the legacy form.
            Normalized legacy = normalize_phone(raw);
            PhoneIdentity result;
            result.ok = legacy.ok;
            result.value = std::move(legacy.value);
            result.error = std::move(legacy.error);
            return result;
        }
        const std::string code = region_code(region);
        if (code.empty() || supported_regions().count(code) == 0)
            return fail("phone region \"" + std::string(region) + "\" is not a known region");
        if (!valid_utf8(text)) return fail("phone is not valid UTF-8");
        const Reading home = read(text, code);  // (once: dialled_with_00 reads it too)
        if (auto abroad = dialled_with_00(text, home, code)) return std::move(*abroad);
        return identity(text, home, code);
    } catch (const std::bad_alloc &) {
        throw;
    } catch (...) {
        // libphonenumber, protobuf and ICU throw nothing documented; nothing escapes.
        return fail("phone could not be parsed by libphonenumber");
    }
}

bool known_region(std::string_view region) {
    try {
        const std::string code = region_code(region);
        return !code.empty() && supported_regions().count(code) > 0;
    } catch (const std::bad_alloc &) {
        throw;
    } catch (...) {
        return false;
    }
}

std::string phone_library_version() {
    static const std::string version = [] {
        const auto *metadata =
            static_cast<const unsigned char *>(i18n::phonenumbers::metadata_get());
        const int size = i18n::phonenumbers::metadata_size();
        char fingerprint[17];
        std::snprintf(fingerprint, sizeof fingerprint, "%016llx",
                      static_cast<unsigned long long>(
                          fnv1a64(metadata, size > 0 ? static_cast<std::size_t>(size) : 0)));
        const std::string library = loaded_library_version();
        // (", 00 from any region": the identities of 0.10.0 on, dialled_with_00; a row
        // derived before it reads as derived under other rules, re-derived by reconcile)
        return "libphonenumber" + (library.empty() ? std::string() : " " + library) +
               ", metadata " + fingerprint + ", 00 from any region";
    }();
    return version;
}

}  // namespace ci
