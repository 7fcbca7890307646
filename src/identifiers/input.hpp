// Reading SQL arguments and validating caller input: every 22023 / 22004 the
// functions and triggers raise for bad input comes from here.
#pragma once

#include "email.hpp"
#include "name_fold.hpp"
#include "pg_boundary.hpp"
#include "phone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ci {

// SQL arguments as C++ values; nullopt for SQL NULL.
std::optional<std::string> text_arg(FunctionCallInfo fcinfo, int index);
std::optional<std::int64_t> int8_arg(FunctionCallInfo fcinfo, int index);
std::optional<bool> bool_arg(FunctionCallInfo fcinfo, int index);

// The value of a required argument; NULL raises 22004 naming the argument.
template <typename T>
T required(const std::optional<T> &value, const char *argument) {
    if (!value)
        throw IdentityError(ERRCODE_NULL_VALUE_NOT_ALLOWED,
                            std::string(argument) + " must not be null");
    return *value;
}

// Longest tenant id and opaque identifier accepted: far below what a btree entry holds
// (about 2.7 kB for the tenant and the value together).
constexpr std::size_t max_tenant_bytes = 200;
constexpr std::size_t max_identifier_bytes = 1000;
// Longest raw email (RFC 5321's path limit, rounded up), raw phone and name accepted.
constexpr std::size_t max_email_bytes = 320;
constexpr std::size_t max_phone_bytes = 64;
constexpr std::size_t max_name_bytes = 500;

// The tenant argument of an owner function that sets a tenant's setting or, given NULL, the
// default of every tenant (set_trust_policy, set_phone_region, ...): nullopt or a checked id.
std::optional<std::string> tenant_or_default_arg(FunctionCallInfo fcinfo, int index);

// A C++ string as a text Datum (in the current memory context).
Datum text_datum(std::string_view value);

// Refuses a value longer than the limit (22023, naming `what`) before an index refuses it
// (54000).
void check_length(std::string_view value, std::size_t limit, const char *what);

// A tenant id: NULL, empty or whitespace-only, or longer than max_tenant_bytes raises 22023.
// (The checks read their input in place: a std::string argument is viewed, not copied.)
std::string checked_tenant(std::optional<std::string_view> tenant);
// An opaque identifier (external_customer_id, user_id): empty or blank, or longer than
// max_identifier_bytes raises 22023.
void check_identifier(std::optional<std::string_view> value, const char *what);
// A customer or vendor name: longer than max_name_bytes raises 22023.
void check_name(std::optional<std::string_view> name, const char *what = "name");
// 0.9.0's normalized email / phone (normalize_email(text), normalize_phone(text)), or 22023
// with the reason; no length limit: the IMMUTABLE SQL functions keep the results they had
// when indexes were built with them.  The tenants' rules are identifier_rules.hpp's.
std::optional<std::string> normalized_email_any_length(std::optional<std::string_view> email);
std::optional<std::string> normalized_phone_any_length(std::optional<std::string_view> phone);
// The email mode named by its SQL spelling, 'exact' or 'provider'; anything else is 22023.
EmailMode email_mode(std::string_view mode);
// How a name is read (name_fold.hpp), by its SQL spelling, 'pinyin', 'japanese', 'korean',
// 'chinese' or 'thai'; anything else is 22023.
NameReading name_reading(std::string_view reading);
// An email canonicalized in the mode (email.hpp), or 22023 with the reason; a raw email longer
// than max_email_bytes is refused (22023).
std::string checked_canonical_email(std::string_view email, EmailMode mode);
// A phone's identity in a region (canonical_phone; '' for none): an unknown region, a phone
// longer than max_phone_bytes, or one that is no possible number there raises 22023.
PhoneIdentity checked_phone_in_region(std::string_view phone, std::string_view region);

}  // namespace ci
