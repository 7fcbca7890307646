// Argument reading and input validation; see input.hpp.
#include "input.hpp"

#include "email.hpp"
#include "errors.hpp"
#include "normalize.hpp"
#include "tenant_scope.hpp"

extern "C" {
#include "utils/builtins.h"
}

namespace ci {

std::optional<std::string> text_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return std::string(text_view(PG_GETARG_DATUM(index)));
}

std::optional<std::int64_t> int8_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return static_cast<std::int64_t>(PG_GETARG_INT64(index));
}

std::optional<bool> bool_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return static_cast<bool>(PG_GETARG_BOOL(index));
}

Datum text_datum(std::string_view value) {
    Datum result = (Datum)0;
    pg_call([&] {
        result = PointerGetDatum(cstring_to_text_with_len(value.data(), static_cast<int>(value.size())));
    });
    return result;
}

void check_length(std::string_view value, std::size_t limit, const char *what) {
    if (value.size() > limit)
        throw IdentityError(
            sqlstate::malformed_input,
            std::string(what) + " is longer than " + std::to_string(limit) + " bytes",
            "It has " + std::to_string(value.size()) + " bytes.");
}

std::string checked_tenant(std::optional<std::string_view> tenant) {
    if (!tenant || is_blank(*tenant))
        throw IdentityError(sqlstate::malformed_input, "tenant_id must not be null or empty");
    check_length(*tenant, max_tenant_bytes, "tenant_id");
    std::string checked(*tenant);
    tenant_scope::check_access(checked);
    return checked;
}

std::optional<std::string> tenant_or_default_arg(FunctionCallInfo fcinfo, int index) {
    const auto tenant = text_arg(fcinfo, index);
    if (!tenant) return std::nullopt;
    return checked_tenant(tenant);
}

void check_identifier(std::optional<std::string_view> value, const char *what) {
    if (!value) return;
    if (is_blank(*value))
        throw IdentityError(sqlstate::malformed_input,
                            std::string(what) + " must not be empty or blank");
    check_length(*value, max_identifier_bytes, what);
}

void check_name(std::optional<std::string_view> name, const char *what) {
    if (name) check_length(*name, max_name_bytes, what);
}

// Shared shape of the normalizers' checks (22023 naming the value, the reason as DETAIL).
template <typename Normalize>
static std::optional<std::string> checked_normalized(std::optional<std::string_view> value,
                                                     const char *what, std::size_t limit,
                                                     Normalize normalize) {
    if (!value) return std::nullopt;
    if (limit > 0) check_length(*value, limit, what);
    Normalized result = normalize(*value);
    if (!result.ok)
        throw IdentityError(
            sqlstate::malformed_input,
            std::string("invalid ") + what + " " + quote_for_message(std::string(*value)),
            result.error + ".");
    return std::move(result.value);
}

std::optional<std::string> normalized_email_any_length(std::optional<std::string_view> email) {
    return checked_normalized(email, "email", 0, normalize_email);
}

std::optional<std::string> normalized_phone_any_length(std::optional<std::string_view> phone) {
    return checked_normalized(phone, "phone", 0, normalize_phone);
}

EmailMode email_mode(std::string_view mode) {
    if (mode == "exact") return EmailMode::exact;
    if (mode == "provider") return EmailMode::provider;
    throw IdentityError(sqlstate::malformed_input,
                        "invalid email mode " + quote_for_message(std::string(mode)),
                        "The mode is 'exact' or 'provider'.");
}

NameReading name_reading(std::string_view reading) {
    if (reading == "pinyin") return NameReading::pinyin;
    if (reading == "japanese") return NameReading::japanese;
    if (reading == "korean") return NameReading::korean;
    if (reading == "chinese") return NameReading::chinese;
    if (reading == "thai") return NameReading::thai;
    throw IdentityError(sqlstate::malformed_input,
                        "invalid name reading " + quote_for_message(std::string(reading)),
                        "The reading is 'pinyin', 'japanese', 'korean', 'chinese' or 'thai'.");
}

std::string checked_canonical_email(std::string_view email, EmailMode mode) {
    return *checked_normalized(email, "email", max_email_bytes,
                               [mode](std::string_view raw) { return canonical_email(raw, mode); });
}

PhoneIdentity checked_phone_in_region(std::string_view phone, std::string_view region) {
    if (!region.empty() && !known_region(region))
        throw IdentityError(sqlstate::malformed_input,
                            "unknown phone region " + quote_for_message(std::string(region)),
                            "A region is an ISO 3166-1 alpha-2 code that libphonenumber has "
                            "metadata for, such as 'US' or 'GB'.",
                            "An empty region ('') reads a phone without one.");
    check_length(phone, max_phone_bytes, "phone");
    PhoneIdentity identity = canonical_phone(phone, region);
    if (!identity.ok) {
        // The reasons read "phone is ...": the message names the phone and its region first.
        std::string why = identity.error;
        if (why.rfind("phone ", 0) == 0) why.erase(0, 6);
        throw IdentityError(
            sqlstate::malformed_input,
            "invalid phone " + quote_for_message(std::string(phone)) +
                (region.empty() ? std::string() : " in region " + std::string(region)) + ": " +
                why);
    }
    return identity;
}

}  // namespace ci
