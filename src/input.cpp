// Argument reading and input validation; see input.hpp.
#include "input.hpp"

#include "errors.hpp"
#include "normalize.hpp"
#include "tenant_scope.hpp"

extern "C" {
#include "utils/builtins.h"
}

namespace ci {

std::optional<std::string> text_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    const struct varlena *value = reinterpret_cast<const struct varlena *>(PG_GETARG_POINTER(index));
    // Only a compressed or out-of-line value needs PostgreSQL (detoasting may fail).
    if (VARATT_IS_COMPRESSED(value) || VARATT_IS_EXTERNAL(value))
        pg_call([&] { value = reinterpret_cast<const struct varlena *>(PG_GETARG_TEXT_PP(index)); });
    return std::string(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
}

std::optional<std::int64_t> int8_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return static_cast<std::int64_t>(PG_GETARG_INT64(index));
}

std::optional<bool> bool_arg(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return static_cast<bool>(PG_GETARG_BOOL(index));
}

// Refuses values longer than the limit (22023) before an index refuses them (54000).
static void check_length(const std::string &value, std::size_t limit, const char *what) {
    if (value.size() > limit)
        throw IdentityError(
            sqlstate::malformed_input,
            std::string(what) + " is longer than " + std::to_string(limit) + " bytes",
            "It has " + std::to_string(value.size()) + " bytes.");
}

std::string checked_tenant(const std::optional<std::string> &tenant) {
    if (!tenant || is_blank(*tenant))
        throw IdentityError(sqlstate::malformed_input, "tenant_id must not be null or empty");
    check_length(*tenant, max_tenant_bytes, "tenant_id");
    tenant_scope::check_access(*tenant);
    return *tenant;
}

std::optional<std::string> checked_identifier(const std::optional<std::string> &value,
                                              const char *what) {
    if (value && is_blank(*value))
        throw IdentityError(sqlstate::malformed_input,
                            std::string(what) + " must not be empty or blank");
    if (value) check_length(*value, max_identifier_bytes, what);
    return value;
}

std::optional<std::string> checked_name(const std::optional<std::string> &name,
                                        const char *what) {
    if (name) check_length(*name, max_name_bytes, what);
    return name;
}

// Shared shape of checked_email and checked_phone.
static std::optional<std::string> checked_normalized(const std::optional<std::string> &value,
                                                     const char *what, std::size_t limit,
                                                     Normalized (*normalize)(std::string_view)) {
    if (!value) return std::nullopt;
    if (limit > 0) check_length(*value, limit, what);
    Normalized result = normalize(*value);
    if (!result.ok)
        throw IdentityError(sqlstate::malformed_input,
                            std::string("invalid ") + what + " " + quote_for_message(*value),
                            result.error + ".");
    return result.value;
}

std::optional<std::string> checked_email(const std::optional<std::string> &email,
                                         const char *what) {
    return checked_normalized(email, what, max_email_bytes, normalize_email);
}

std::optional<std::string> checked_phone(const std::optional<std::string> &phone,
                                         const char *what) {
    return checked_normalized(phone, what, max_phone_bytes, normalize_phone);
}

std::optional<std::string> normalized_email_any_length(const std::optional<std::string> &email) {
    return checked_normalized(email, "email", 0, normalize_email);
}

std::optional<std::string> normalized_phone_any_length(const std::optional<std::string> &phone) {
    return checked_normalized(phone, "phone", 0, normalize_phone);
}

}  // namespace ci
