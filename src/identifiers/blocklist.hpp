// The built-in blocked values: emails and phones that never identify anyone (pure C++,
// no PostgreSQL headers; README "Blocked values" lists them).  A tenant may turn the list
// off (set_builtin_blocklist) and keeps its own list in blocked_identifier (trust.hpp).
#pragma once

#include <string_view>

namespace ci {

// Is the normalized email a placeholder (test@test.com, noreply@..., ...)?
bool builtin_blocked_email(std::string_view email_normalized);

// Is the normalized phone a placeholder (one digit repeated, 1234567...)?  With
// `national_part`, also when the national part of an international number is one
// ("+1 123 456 7890"): for values libphonenumber derived, not for 0.9.0's legacy forms,
// whose list stays as it was.
bool builtin_blocked_phone(std::string_view phone_normalized, bool national_part = false);

}  // namespace ci
