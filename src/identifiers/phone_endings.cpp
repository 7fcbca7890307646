// phone_endings: the digits a phone's identity may end with, read with ICU alone (no
// libphonenumber), so that erasure's search keys never load the phone library (phone.hpp).
#include "normalize.hpp"
#include "phone.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace ci {

// Does the character end the number of a phone as written: a letter ("x", "ext.", "доб"),
// or a mark libphonenumber reads an extension or a pause after ('#', '~', ',', ';', and
// their full-width forms)?
static bool extension_mark(UChar32 c) {
    return u_isalpha(c) || c == '#' || c == '~' || c == ',' || c == ';' || c == 0xFF03 ||
           c == 0xFF5E || c == 0xFF0C || c == 0xFF1B;
}

// The digits as written, for each reading of where the number ends (phone.hpp).
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

}  // namespace ci
