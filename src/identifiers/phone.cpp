#include "phone.hpp"

#include "normalize.hpp"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <set>
#include <utility>

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

// The E.164 identity of a phone parsed by libphonenumber with the region ("ZZ": none, the
// number must carry its country code).
PhoneIdentity parse(std::string_view text, const std::string &region) {
    if (!valid_utf8(text)) return fail("phone is not valid UTF-8");
    const PhoneNumberUtil &u = util();
    PhoneNumber number;
    const PhoneNumberUtil::ErrorType error = u.Parse(std::string(text), region, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) return fail(parse_error(error, region));
    if (!letters_only_mark_extension(text, number.extension()))
        return fail("phone contains letters (only an extension's marker may be a word)");
    // Only a number of full length is one: a local number without its area code is not.
    const PhoneNumberUtil::ValidationResult possible = u.IsPossibleNumberWithReason(number);
    if (possible != PhoneNumberUtil::IS_POSSIBLE) return fail(impossible(possible, number));
    PhoneIdentity result;
    result.ok = true;
    result.parsed = true;
    u.Format(number, PhoneNumberUtil::E164, &result.value);
    result.extension = number.extension();
    return result;
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

// Does the character end the number of a phone as written: a letter ("x", "ext.", "доб"),
// or a mark libphonenumber reads an extension or a pause after ('#', '~', ',', ';', and
// their full-width forms)?
static bool extension_mark(UChar32 c) {
    return u_isalpha(c) || c == '#' || c == '~' || c == ',' || c == ';' || c == 0xFF03 ||
           c == 0xFF5E || c == 0xFF0C || c == 0xFF1B;
}

std::vector<std::string> phone_endings(std::string_view raw) {
    std::string_view text = trim_space(raw);
    if (text.size() >= 4 && (text[0] == 't' || text[0] == 'T') &&
        (text[1] == 'e' || text[1] == 'E') && (text[2] == 'l' || text[2] == 'L') && text[3] == ':')
        text.remove_prefix(4);  // an RFC 3966 URI: its scheme is no extension's mark
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::string all, number, before_group;
    bool marked = false, gap = false, previous_digit = false, group_after_gap = false;
    std::size_t group_start = 0;
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return {};
        if (u_isdigit(c)) {
            const char digit = static_cast<char>('0' + u_charDigitValue(c));
            all.push_back(digit);
            if (!marked) {
                if (!previous_digit) {
                    group_start = number.size();
                    group_after_gap = gap;
                }
                number.push_back(digit);
            }
            previous_digit = true;
            gap = false;
            continue;
        }
        if (!marked && extension_mark(c)) {
            marked = true;
            const std::size_t group = number.size() - group_start;
            if ((c == '#' || c == 0xFF03) && previous_digit && group_after_gap && group <= 5)
                before_group = number.substr(0, group_start);
        }
        gap = c == ' ' || c == '-';
        previous_digit = false;
    }
    std::vector<std::string> endings;
    for (std::string *digits : {&all, &number, &before_group})
        if (!digits->empty()) endings.push_back(std::move(*digits));
    return endings;
}

PhoneIdentity canonical_phone(std::string_view raw, std::string_view region) {
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
        return parse(text, code);
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
        return "libphonenumber" + (library.empty() ? std::string() : " " + library) +
               ", metadata " + fingerprint;
    }();
    return version;
}

}  // namespace ci
