// The built-in blocked values; see blocklist.hpp.
#include "blocklist.hpp"

#include <algorithm>
#include <array>

namespace ci {
namespace {

// Whole addresses that forms and test scripts type when they have no real one.
constexpr std::array<std::string_view, 16> placeholder_emails = {
    "test@test.com",    "test@example.com", "email@example.com", "user@example.com",
    "example@example.com", "a@a.com",       "abc@abc.com",       "asdf@asdf.com",
    "test@gmail.com",   "none@none.com",    "no@no.com",         "null@null.com",
    "noemail@noemail.com", "nobody@nowhere.com", "customer@example.com", "foo@bar.com"};

// Local parts of addresses that no person reads: automated senders.
constexpr std::array<std::string_view, 8> automated_local_parts = {
    "noreply",        "no-reply",     "no_reply",       "donotreply",
    "do-not-reply",   "do_not_reply", "mailer-daemon",  "bounce"};

// Digit strings that stand for "no phone".
constexpr std::array<std::string_view, 4> placeholder_digits = {"1234567890", "0123456789",
                                                                 "9876543210", "0987654321"};

// Phones shorter than this are never treated as placeholders (extensions are real).
constexpr std::size_t min_placeholder_digits = 7;
// The national part of an international placeholder is at least this long.
constexpr std::size_t min_national_placeholder_digits = 9;

}  // namespace

bool builtin_blocked_email(std::string_view email) {
    if (std::find(placeholder_emails.begin(), placeholder_emails.end(), email) !=
        placeholder_emails.end())
        return true;
    const std::size_t at = email.rfind('@');
    if (at == std::string_view::npos) return false;
    const std::string_view local = email.substr(0, at);
    return std::find(automated_local_parts.begin(), automated_local_parts.end(), local) !=
           automated_local_parts.end();
}

// Is the digit string a placeholder: one digit repeated, or a run of the counting sequence
// (1234567, 123456789, 0123456789, ...), either way?
static bool placeholder(std::string_view digits) {
    if (digits.size() < min_placeholder_digits) return false;
    // Each of those steps by one amount from digit to digit (0, or +1 or -1 modulo 10): a
    // number that does not is none of them, and most real numbers break it at once.
    const int step = (digits[1] - digits[0] + 10) % 10;
    if (step != 0 && step != 1 && step != 9) return false;
    for (std::size_t i = 2; i < digits.size(); ++i)
        if ((digits[i] - digits[i - 1] + 10) % 10 != step) return false;
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits.front(); }))
        return true;
    for (std::string_view sequence : placeholder_digits)
        if (sequence.find(digits) != std::string_view::npos) return true;
    return false;
}

bool builtin_blocked_phone(std::string_view phone, bool national_part) {
    if (phone.empty() || phone.front() != '+') return placeholder(phone);
    const std::string_view digits = phone.substr(1);
    if (placeholder(digits)) return true;
    if (!national_part) return false;
    // An international number is a placeholder when its national part is one: the country
    // code (one to three digits) is whatever the form's default was ("+1 123 456 7890").  The
    // code's length is not known here, so the national part must be long (a real number's
    // tail can be a short run: "+49 30 123456" ends in "0123456").
    for (std::size_t code = 1; code <= 3 && code < digits.size(); ++code)
        if (digits.size() - code >= min_national_placeholder_digits &&
            placeholder(digits.substr(code)))
            return true;
    return false;
}

}  // namespace ci
