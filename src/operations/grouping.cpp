// Raw identities and entity grouping; see grouping.hpp.
#include "grouping.hpp"

#include <map>
#include <numeric>

#include "identifier_rules.hpp"
#include "input.hpp"
#include "normalize.hpp"
#include "pg_boundary.hpp"
#include "store.hpp"
#include "trust.hpp"

namespace ci {

RawIdentity identity_of_raw(const std::string &tenant,
                            const std::optional<std::string> &external_customer_id,
                            const std::optional<std::string> &user_id,
                            const std::optional<std::string> &email,
                            const std::optional<std::string> &phone) {
    RawIdentity identity;
    auto &keys = identity.keys;
    if (external_customer_id && is_blank(*external_customer_id))
        identity.malformed = "blank external_customer_id";
    if (user_id && is_blank(*user_id)) identity.malformed = "blank user_id";
    if (external_customer_id && external_customer_id->size() > max_identifier_bytes)
        identity.malformed =
            "external_customer_id longer than " + std::to_string(max_identifier_bytes) + " bytes";
    if (user_id && user_id->size() > max_identifier_bytes)
        identity.malformed =
            "user_id longer than " + std::to_string(max_identifier_bytes) + " bytes";
    keys[static_cast<int>(Identifier::external_customer_id)] = external_customer_id;
    keys[static_cast<int>(Identifier::user_id)] = user_id;
    // One shape for both identities under the tenant's rules: a value, or the reason in
    // `malformed`.
    const identifier_rules::Rules &rules = identifier_rules::rules_of(tenant);
    auto normalized = [&](const std::optional<std::string> &raw, const char *what,
                          Normalized (*identity_of)(const identifier_rules::Rules &,
                                                    std::string_view),
                          Identifier id) {
        if (!raw) return;
        Normalized n = identity_of(rules, *raw);
        if (n.ok)
            keys[static_cast<int>(id)] = n.value;
        else
            identity.malformed = std::string("malformed ") + what + " " + quote_for_message(*raw) +
                                 " (" + n.error + ")";
    };
    normalized(email, "email", identifier_rules::email_identity, Identifier::email);
    normalized(phone, "phone", identifier_rules::phone_identity, Identifier::phone);
    for (Identifier id : {Identifier::email, Identifier::phone}) {
        auto &key = keys[static_cast<int>(id)];
        if (!key || !trust::blocked(tenant, id, *key)) continue;
        identity.blocked += (identity.blocked.empty() ? "" : " and ") +
                            std::string(identifier_name(id)) + " " + quote_for_message(*key);
        key.reset();
    }
    return identity;
}

std::vector<std::vector<std::size_t>> group_by_identifiers(
    const std::vector<const RawIdentity *> &rows) {
    std::vector<std::size_t> parent(rows.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    std::map<std::string, std::size_t> first_holder;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i]->malformed.empty()) continue;
        for (Identifier id : all_identifiers) {
            const auto &value = rows[i]->keys[static_cast<int>(id)];
            if (!value) continue;
            auto [it, inserted] =
                first_holder.emplace(std::string(identifier_name(id)) + '\0' + *value, i);
            if (!inserted) parent[find(i)] = find(it->second);
        }
    }
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::size_t, std::size_t> group_of_root;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i]->malformed.empty()) continue;
        auto [it, inserted] = group_of_root.emplace(find(i), groups.size());
        if (inserted) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    return groups;
}

}  // namespace ci
