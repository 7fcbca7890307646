// Tenant isolation for shared databases.
//
// While row-level security is enabled on the extension's tables (set_tenant_isolation), a
// caller it binds -- not a superuser, not BYPASSRLS, not the tables' owner -- acts only in
// one tenant: the tenant its role is bound to (bind_role_to_tenant; nothing the role sets
// changes it), else the tenant its connection names in customer_identity.tenant (for
// applications that serve many tenants from one pool).  The policies hold for direct reads
// and writes; the functions, which run as the owner, hold the same line here: a tenant
// argument of another tenant is 42501, an id of another tenant's row is as unknown as an id
// that does not exist.
#pragma once

#include <optional>
#include <string>

namespace ci::tenant_scope {

// Registers the setting customer_identity.tenant and the bindings' cache (module load).
void init();
// The tenant the caller is bound to; nullopt when isolation is off or the caller is exempt.
// A bound caller without a tenant gets 42501.
std::optional<std::string> bound_tenant();
// The tenant the connection acts in, for the row-level security policies: the binding of
// the current role or the session role, else the setting; nullopt when there is none, or
// when the two roles are bound to different tenants (then no row is visible).
std::optional<std::string> connection_tenant();
// 42501 unless the caller may act in `tenant`.
void check_access(const std::string &tenant);
// May the caller see rows of `tenant`?
bool visible(const std::string &tenant);
// Is the role exempt from row-level security on the extension's tables (superuser,
// BYPASSRLS, or a member of the tables' owner)?
bool exempt(unsigned int role);

}  // namespace ci::tenant_scope
