// Tenant isolation; see tenant_scope.hpp.
#include "tenant_scope.hpp"

#include "errors.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"

extern "C" {
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/guc.h"
}

namespace ci::tenant_scope {
namespace {

char *tenant_setting = nullptr;  // customer_identity.tenant

}  // namespace

void define_setting() {
    DefineCustomStringVariable(
        "customer_identity.tenant",
        "The tenant this connection acts in while tenant isolation is on.",
        "Row-level security and the extension's functions limit a bound role to this tenant.",
        &tenant_setting, "", PGC_USERSET, 0, nullptr, nullptr, nullptr);
}

std::optional<std::string> bound_tenant() {
    const probe::TableSecurity security = probe::table_security();
    if (!security.row_security) return std::nullopt;
    bool exempt = false;
    pg_call([&] {
        // The role that called the function, not the owner it runs as.
        const Oid caller = GetOuterUserId();
        exempt = superuser_arg(caller) || has_bypassrls_privilege(caller) ||
                 has_privs_of_role(caller, security.owner);
    });
    if (exempt) return std::nullopt;
    if (tenant_setting == nullptr || tenant_setting[0] == '\0')
        throw IdentityError(sqlstate::insufficient_privilege,
                            "tenant isolation is on and this connection names no tenant", {},
                            "SET customer_identity.tenant = '...' first.");
    return std::string(tenant_setting);
}

void check_access(const std::string &tenant) {
    const auto bound = bound_tenant();
    if (bound && *bound != tenant)
        throw IdentityError(
            sqlstate::insufficient_privilege,
            "tenant " + quote_for_message(tenant) + " is not the tenant of this connection",
            "Tenant isolation is on; customer_identity.tenant is " + quote_for_message(*bound) +
                ".");
}

bool visible(const std::string &tenant) {
    const auto bound = bound_tenant();
    return !bound || *bound == tenant;
}

}  // namespace ci::tenant_scope
