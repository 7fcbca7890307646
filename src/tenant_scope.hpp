// Tenant isolation for shared databases.
//
// While row-level security is enabled on the extension's tables (set_tenant_isolation), a
// caller it binds -- not a superuser, not BYPASSRLS, not the tables' owner -- acts only in
// the tenant its connection names in the setting customer_identity.tenant.  The policies
// hold for direct reads and writes; the functions, which run as the owner, hold the same
// line here: a tenant argument of another tenant is 42501, an id of another tenant's row
// is as unknown as an id that does not exist.
#pragma once

#include <optional>
#include <string>

namespace ci::tenant_scope {

// Registers the setting customer_identity.tenant (module load).
void define_setting();
// The tenant the caller is bound to; nullopt when isolation is off or the caller is exempt.
// A bound caller without the setting gets 42501.
std::optional<std::string> bound_tenant();
// 42501 unless the caller may act in `tenant`.
void check_access(const std::string &tenant);
// May the caller see rows of `tenant`?
bool visible(const std::string &tenant);

}  // namespace ci::tenant_scope
