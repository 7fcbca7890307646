// Keys of identity_event_search_idx; see event_search.hpp.
#include "event_search.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "email.hpp"
#include "input.hpp"
#include "jsonb_walk.hpp"
#include "normalize.hpp"
#include "phone.hpp"

extern "C" {
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
}

namespace ci::event_search {
namespace {

// Characters of context on each side of an '@' the email windows take, at most.
constexpr std::size_t at_window = 3;
// Characters of a digit window.
constexpr std::size_t digit_window = 4;
// Digits of a phone its key keeps (the subscriber's end, the same in every format).
constexpr std::size_t phone_digits = 7;

// The key of one (kind, value) in the tenant.
std::int64_t key(const std::string &tenant, std::string_view kind, std::string_view value) {
    return static_cast<std::int64_t>(identity_key_hash(tenant, kind, value));
}

// Byte offsets where the UTF-8 characters of the text start, and its length at the end.
std::vector<std::size_t> character_starts(const std::string &text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(text.size());
    return starts;
}

// Characters [from, to] of the text (inclusive, by character index).
std::string characters(const std::string &text, const std::vector<std::size_t> &starts,
                       std::size_t from, std::size_t to) {
    return text.substr(starts[from], starts[to + 1] - starts[from]);
}

// The last digits of a string of digits.
std::string last_digits(const std::string &digits) {
    return digits.size() > phone_digits ? digits.substr(digits.size() - phone_digits) : digits;
}

// The last digits of a normalized phone.
std::string phone_tail(const std::string &normalized) {
    std::string digits;
    for (char c : normalized)
        if (c >= '0' && c <= '9') digits.push_back(c);
    return last_digits(digits);
}

// Is the character at this index an ASCII digit?
bool digit_at(const std::string &text, const std::vector<std::size_t> &starts, std::size_t i) {
    const char c = text[starts[i]];
    return starts[i + 1] - starts[i] == 1 && c >= '0' && c <= '9';
}

// The keys of free text (already lower()ed).
void free_text_keys(const std::string &tenant, const std::string &low,
                    std::vector<std::int64_t> &keys) {
    const auto starts = character_starts(low);
    const std::size_t n = starts.size() - 1;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < n; ++i) digits += digit_at(low, starts, i) ? 1 : 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (low[starts[i]] == '@') {
            for (std::size_t j = 1; j <= at_window && j <= i; ++j)
                for (std::size_t k = 1; k <= at_window && i + k < n; ++k)
                    keys.push_back(key(tenant, "a" + std::to_string(j) + std::to_string(k),
                                       characters(low, starts, i - j, i + k)));
        }
        if (digits >= digit_window && i + 1 >= digit_window && digit_at(low, starts, i))
            keys.push_back(key(tenant, "d", characters(low, starts, i + 1 - digit_window, i)));
    }
}

// Might the text hold an email or a phone (an '@', or four digits)?
bool worth_searching(const std::string &text) {
    if (text.find('@') != std::string::npos) return true;
    return std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) >=
           static_cast<std::ptrdiff_t>(digit_window);
}

// Sorted, without repeats.
std::vector<std::int64_t> distinct(std::vector<std::int64_t> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

// The text without ASCII whitespace around it.
std::string trimmed(const std::string &text) {
    const char *space = " \t\n\r\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

}  // namespace

std::string lower_text(const std::string &value) {
    const char *data = value.data();
    const int length = static_cast<int>(value.size());
    const char *out = nullptr;
    std::size_t out_length = 0;
    pg_call([&] {
        text *low = DatumGetTextPP(DirectFunctionCall1Coll(
            lower, DEFAULT_COLLATION_OID, PointerGetDatum(cstring_to_text_with_len(data, length))));
        out = VARDATA_ANY(low);
        out_length = VARSIZE_ANY_EXHDR(low);
    });
    return std::string(out, out_length);
}

std::optional<std::string> identifier_kind(const std::optional<std::string> &key) {
    if (!key) return std::nullopt;
    if (*key == "email" || *key == "email_normalized" || *key == "primary_contact_email")
        return std::string("email");
    if (*key == "phone" || *key == "phone_normalized") return std::string("phone");
    if (*key == "external_customer_id" || *key == "user_id") return *key;
    return std::nullopt;
}

std::vector<std::int64_t> payload_keys(const std::string &tenant, Datum detail) {
    std::vector<std::int64_t> keys;
    for (const auto &leaf : jsonb::string_leaves(detail)) {
        const auto kind = identifier_kind(leaf.key);
        if (kind == "email") {
            for (const auto &identity : email_identities_under_every_rule(leaf.value))
                keys.push_back(key(tenant, "e", identity));
        } else if (kind == "phone") {
            for (const auto &digits : phone_endings(leaf.value))
                keys.push_back(key(tenant, "p", last_digits(digits)));
        } else if (kind) {
            keys.push_back(key(tenant, *kind == "user_id" ? "u" : "x", leaf.value));
        } else if (worth_searching(leaf.value)) {
            free_text_keys(tenant, lower_text(leaf.value), keys);
        }
    }
    return distinct(std::move(keys));
}

std::optional<std::vector<std::int64_t>> query_keys(const std::string &tenant,
                                                    const std::vector<std::string> &identifiers,
                                                    const std::vector<std::string> &shaped) {
    std::vector<std::int64_t> keys;
    for (const auto &identifier : identifiers) {
        const auto colon = identifier.find(':');
        if (colon == std::string::npos) continue;
        const std::string kind = identifier.substr(0, colon), value = identifier.substr(colon + 1);
        if (kind == "email_normalized")
            keys.push_back(key(tenant, "e", value));
        else if (kind == "phone_normalized")
            keys.push_back(key(tenant, "p", phone_tail(value)));
        else if (kind == "user_id")
            keys.push_back(key(tenant, "u", value));
        else if (kind == "external_customer_id")
            keys.push_back(key(tenant, "x", value));
    }
    for (const auto &value : shaped) {
        // What the payload's lower()ed text contains: lower() of the value, so any piece of it.
        const std::string low = trimmed(lower_text(value));
        const auto starts = character_starts(low);
        const std::size_t n = starts.size() - 1;
        std::optional<std::size_t> at, last_digit;
        for (std::size_t i = 0; i < n; ++i) {
            if (!at && low[starts[i]] == '@') at = i;
            if (digit_at(low, starts, i)) last_digit = i;
        }
        if (at && *at >= 1 && *at + 1 < n) {
            const std::size_t j = std::min(at_window, *at), k = std::min(at_window, n - 1 - *at);
            keys.push_back(key(tenant, "a" + std::to_string(j) + std::to_string(k),
                               characters(low, starts, *at - j, *at + k)));
        } else if (last_digit && *last_digit + 1 >= digit_window) {
            keys.push_back(key(
                tenant, "d", characters(low, starts, *last_digit + 1 - digit_window, *last_digit)));
        } else {
            return std::nullopt;
        }
    }
    return distinct(std::move(keys));
}

}  // namespace ci::event_search

using namespace ci;

// event_search_keys(tenant_id, detail): the keys identity_event_search_idx holds for an event.
CI_SQL_FUNCTION(ci_event_search_keys) {
    return entry_guard([&] {
        const std::string tenant = required(text_arg(fcinfo, 0), "tenant_id");
        Datum detail = (Datum)0;
        pg_call([&] { detail = PG_GETARG_DATUM(1); });
        const auto keys = event_search::payload_keys(tenant, detail);
        Datum result = (Datum)0;
        pg_call([&] {
            auto *elements = static_cast<Datum *>(palloc(sizeof(Datum) * (keys.size() + 1)));
            for (std::size_t i = 0; i < keys.size(); ++i) elements[i] = Int64GetDatum(keys[i]);
            result =
                PointerGetDatum(construct_array(elements, static_cast<int>(keys.size()), INT8OID,
                                                sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
        });
        return result;
    });
}
