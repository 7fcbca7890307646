#include "normalize.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace ci {
namespace {

constexpr std::size_t kMaxEmailBytes = 320;
constexpr int kMinPhoneDigits = 4;
constexpr int kMaxPhoneDigits = 20;

// One decoded code point and the byte range it occupies in the input.
struct CodePoint {
    char32_t cp;
    std::size_t pos;
    std::size_t len;
};

// Decodes strict UTF-8 (no overlongs, surrogates or values above U+10FFFF); false if invalid.
bool decode_utf8(std::string_view s, std::vector<CodePoint> &out) {
    out.clear();
    out.reserve(s.size());  // one allocation: at most one code point per byte
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char b0 = static_cast<unsigned char>(s[i]);
        std::size_t len;
        char32_t cp;
        char32_t min;
        if (b0 < 0x80) {
            out.push_back({b0, i, 1});
            ++i;
            continue;
        } else if ((b0 & 0xE0) == 0xC0) {
            len = 2;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            len = 3;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            len = 4;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (s.size() - i < len) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.push_back({cp, i, len});
        i += len;
    }
    return true;
}

// True when every byte of the text is ASCII.
bool is_ascii(std::string_view s) {
    for (const char ch : s)
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    return true;
}

// The code points of a text: its bytes as they are when all are ASCII (nearly every email
// and phone: no decoding, no allocation), else the decoded UTF-8.
class CodePoints {
  public:
    // False if the text is not valid UTF-8.
    bool read(std::string_view s) {
        text_ = s;
        ascii_ = is_ascii(s);
        return ascii_ || decode_utf8(s, decoded_);
    }
    std::size_t size() const { return ascii_ ? text_.size() : decoded_.size(); }
    char32_t cp(std::size_t i) const {
        return ascii_ ? static_cast<unsigned char>(text_[i]) : decoded_[i].cp;
    }
    std::size_t pos(std::size_t i) const { return ascii_ ? i : decoded_[i].pos; }
    std::size_t len(std::size_t i) const { return ascii_ ? 1 : decoded_[i].len; }

  private:
    std::string_view text_;
    bool ascii_ = true;
    std::vector<CodePoint> decoded_;
};

// True for the listed non-ASCII Unicode space/format code points.
bool is_unicode_space(char32_t c) {
    switch (c) {
        case 0x00A0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
        case 0xFEFF:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200B;
    }
}

// True for ASCII whitespace and the Unicode spaces above.  Asked of every character of every
// email and phone written, so the ASCII answer is a comparison, inlined.
inline bool is_space(char32_t c) {
    if (c < 0x80) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
    return is_unicode_space(c);
}

// Index range [first, last) of the code points left after trimming whitespace at both ends.
template <typename Chars>
void trim(const Chars &cps, std::size_t &first, std::size_t &last) {
    first = 0;
    last = cps.size();
    while (first < last && is_space(cps.cp(first))) ++first;
    while (last > first && is_space(cps.cp(last - 1))) --last;
}

// Builds a failed result carrying the given reason.
Normalized fail(const char *reason) { return Normalized{false, std::string(), reason}; }

// Builds a successful result carrying the given value.
Normalized success(std::string value) { return Normalized{true, std::move(value), std::string()}; }

// True for characters that are dropped as phone-number formatting.
bool is_phone_separator(char32_t c) {
    return is_space(c) || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
           (c >= 0x2010 && c <= 0x2015);
}

// Feeds bytes into a running FNV-1a 64-bit hash state.
std::uint64_t fnv1a_update(std::uint64_t h, std::string_view bytes) {
    for (const char ch : bytes) {
        h ^= static_cast<unsigned char>(ch);
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

bool is_blank(std::string_view input) {
    // Fast path, taken by nearly every identifier: a leading ASCII character that is not a
    // space decides it without decoding the rest.
    if (!input.empty()) {
        const unsigned char first_byte = static_cast<unsigned char>(input.front());
        if (first_byte < 0x80 && !is_space(first_byte)) return false;
    }
    CodePoints cps;
    if (!cps.read(input)) return false;
    std::size_t first = 0, last = 0;
    trim(cps, first, last);
    return first == last;
}

// The text without the whitespace the normalizers trim at both ends.
std::string_view trim_space(std::string_view input) {
    CodePoints cps;
    if (!cps.read(input)) return input;
    std::size_t first = 0, last = 0;
    trim(cps, first, last);
    if (first == last) return input.substr(0, 0);
    const std::size_t begin = cps.pos(first);
    return input.substr(begin, cps.pos(last - 1) + cps.len(last - 1) - begin);
}

namespace {

// The characters of an ASCII text, read as CodePoints reads them without a branch per
// character: nearly every email is ASCII, and every write checks one.
struct AsciiChars {
    std::string_view text;
    std::size_t size() const { return text.size(); }
    char32_t cp(std::size_t i) const { return static_cast<unsigned char>(text[i]); }
    std::size_t pos(std::size_t i) const { return i; }
    std::size_t len(std::size_t) const { return 1; }
};

// check_email_shape over the text's characters (CodePoints or AsciiChars).
template <typename Chars>
EmailShape email_shape_of(std::string_view input, const Chars &cps) {
    const auto broken = [](const char *reason) { return EmailShape{false, {}, 0, reason}; };
    std::size_t first;
    std::size_t last;
    trim(cps, first, last);
    if (first == last) return broken("email is empty");

    const std::size_t begin = cps.pos(first);
    const std::size_t end = cps.pos(last - 1) + cps.len(last - 1);
    if (end - begin > kMaxEmailBytes) return broken("email is longer than 320 bytes");

    // One pass checks each character and notes where the first '@' is (in bytes).
    std::size_t at_count = 0;
    std::size_t at = 0;
    for (std::size_t i = first; i < last; ++i) {
        const char32_t c = cps.cp(i);
        if (c <= 0x20 || c >= 0x7F) {  // the rare ones: spaces, controls, DEL, non-ASCII
            if (is_space(c)) return broken("email contains whitespace");
            if (c < 0x20 || c == 0x7F) return broken("email contains a control character");
        }
        if (c == '@' && at_count++ == 0) at = cps.pos(i) - begin;
    }
    if (at_count == 0) return broken("email has no \"@\"");
    if (at_count > 1) return broken("email has more than one \"@\"");
    if (at == 0) return broken("email has an empty local part");
    if (at + 1 == end - begin) return broken("email has an empty domain part");
    return EmailShape{true, input.substr(begin, end - begin), at, nullptr};
}

}  // namespace

// The trimmed address and its '@', or the first rule it breaks: the one place the shape of an
// email is decided, so normalize_email and canonical_email (email.cpp) reject the same inputs
// with the same reasons.
EmailShape check_email_shape(std::string_view input) {
    if (is_ascii(input)) return email_shape_of(input, AsciiChars{input});
    CodePoints cps;
    if (!cps.read(input)) return EmailShape{false, {}, 0, "email is not valid UTF-8"};
    return email_shape_of(input, cps);
}

// Trims whitespace, lower-cases ASCII letters and validates the shape of an email address.
Normalized normalize_email(std::string_view input) {
    const EmailShape shape = check_email_shape(input);
    if (!shape.ok) return fail(shape.error);
    // Lower-cases ASCII letters while copying (UTF-8 continuation bytes are all >= 0x80).
    std::string out(shape.address.size(), '\0');
    for (std::size_t i = 0; i < shape.address.size(); ++i) {
        const char ch = shape.address[i];
        out[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return success(std::move(out));
}

// Reduces a phone number to ASCII digits with an optional leading '+'.
Normalized normalize_phone(std::string_view input) {
    CodePoints cps;
    if (!cps.read(input)) return fail("phone is not valid UTF-8");
    std::size_t first;
    std::size_t last;
    trim(cps, first, last);
    if (first == last) return fail("phone is empty");

    std::string out;
    int digits = 0;
    for (std::size_t i = first; i < last; ++i) {
        const char32_t c = cps.cp(i);
        if (c >= '0' && c <= '9') {
            out.push_back(static_cast<char>(c));
            ++digits;
        } else if (c >= 0xFF10 && c <= 0xFF19) {
            out.push_back(static_cast<char>('0' + (c - 0xFF10)));
            ++digits;
        } else if ((c == '+' || c == 0xFF0B) && i == first) {
            out.push_back('+');
        } else if (!is_phone_separator(c)) {
            return fail("phone contains an invalid character");
        }
    }
    if (digits < kMinPhoneDigits) return fail("phone has fewer than 4 digits");
    if (digits > kMaxPhoneDigits) return fail("phone has more than 20 digits");
    return success(std::move(out));
}

// 64-bit FNV-1a over the parts joined with a 0 byte between them (used as a lock key).
std::uint64_t identity_key_hash(std::string_view tenant, std::string_view kind,
                                std::string_view value) {
    static constexpr char kSep[1] = {'\0'};
    const std::string_view sep(kSep, 1);
    std::uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv1a_update(h, tenant);
    h = fnv1a_update(h, sep);
    h = fnv1a_update(h, kind);
    h = fnv1a_update(h, sep);
    h = fnv1a_update(h, value);
    return h;
}

}  // namespace ci
