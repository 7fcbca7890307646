// Tenant isolation; see tenant_scope.hpp.
#include "tenant_scope.hpp"

#include <map>

#include "audit.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"
#include "probe.hpp"
#include "settings_cache.hpp"
#include "spi.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
}

namespace ci::tenant_scope {
namespace {

char *tenant_setting = nullptr;  // customer_identity.tenant

// Bindings read, by role; kept until tenant_binding changes (settings_cache.hpp).
std::map<Oid, std::optional<std::string>> binding_cache;

// Forgets the bindings.
void forget_bindings() { binding_cache.clear(); }

// The tenant the role is bound to, if any.
std::optional<std::string> binding_of(Oid role) {
    auto cached = binding_cache.find(role);
    if (cached != binding_cache.end()) return cached->second;
    settings_cache::watch();
    return binding_cache[role] = probe::tenant_binding(role);
}

// The role acting (before any SECURITY DEFINER switch) and the role that logged in.
std::pair<Oid, Oid> acting_roles() {
    Oid outer = InvalidOid, session = InvalidOid;
    pg_call([&] {
        outer = GetOuterUserId();
        session = GetSessionUserId();
    });
    return {outer, session};
}

// What the bindings of the acting and session roles say: nothing (neither is bound), one
// tenant, or a disagreement.
struct Binding {
    bool bound = false;
    bool disagree = false;
    std::string tenant;
};

Binding binding() {
    const auto [outer, session] = acting_roles();
    Binding result;
    for (Oid role : {outer, session}) {
        const auto tenant = binding_of(role);
        if (!tenant) continue;
        if (result.bound && result.tenant != *tenant) result.disagree = true;
        result.bound = true;
        result.tenant = *tenant;
    }
    return result;
}

}  // namespace

void init() {
    DefineCustomStringVariable(
        "customer_identity.tenant",
        "The tenant this connection acts in while tenant isolation is on.",
        "Row-level security and the extension's functions limit a role to this tenant, unless "
        "the role is bound to a tenant (bind_role_to_tenant).",
        &tenant_setting, "", PGC_USERSET, 0, nullptr, nullptr, nullptr);
    settings_cache::on_change(forget_bindings);
}

bool exempt(unsigned int role) {
    const probe::TableSecurity security = probe::table_security();
    bool result = false;
    pg_call([&] {
        result = superuser_arg(role) || has_bypassrls_privilege(role) ||
                 has_privs_of_role(role, security.owner);
    });
    return result;
}

std::optional<std::string> bound_tenant() {
    if (!probe::table_security().row_security) return std::nullopt;
    // The role that called the function, not the owner it runs as.
    if (exempt(acting_roles().first)) return std::nullopt;
    const Binding bound = binding();
    if (bound.disagree)
        throw IdentityError(sqlstate::insufficient_privilege,
                            "this role and the session's role are bound to different tenants");
    if (bound.bound) return bound.tenant;
    if (tenant_setting == nullptr || tenant_setting[0] == '\0')
        throw IdentityError(sqlstate::insufficient_privilege,
                            "tenant isolation is on and this connection names no tenant", {},
                            "SET customer_identity.tenant = '...' first.");
    return std::string(tenant_setting);
}

std::optional<std::string> connection_tenant() {
    const Binding bound = binding();
    if (bound.disagree) return std::nullopt;
    if (bound.bound) return bound.tenant;
    if (tenant_setting == nullptr || tenant_setting[0] == '\0') return std::nullopt;
    return std::string(tenant_setting);
}

void check_access(const std::string &tenant) {
    const auto bound = bound_tenant();
    if (bound && *bound != tenant)
        throw IdentityError(
            sqlstate::insufficient_privilege,
            "tenant " + quote_for_message(tenant) + " is not the tenant of this connection",
            "Tenant isolation is on; this connection acts in tenant " + quote_for_message(*bound) +
                ".");
}

bool visible(const std::string &tenant) {
    const auto bound = bound_tenant();
    return !bound || *bound == tenant;
}

namespace {

spi::Statement upsert_binding = {
    "INSERT INTO customer_identity.tenant_binding AS b (role_id, tenant_id) VALUES ($1, $2)"
    " ON CONFLICT (role_id) DO UPDATE SET tenant_id = $2, bound_by = customer_identity.caller(),"
    " bound_at = pg_catalog.now()",
    2,
    {REGROLEOID, TEXTOID},
    nullptr};

spi::Statement delete_binding = {
    "DELETE FROM customer_identity.tenant_binding WHERE role_id OPERATOR(pg_catalog.=) $1"
    " RETURNING tenant_id",
    1,
    {REGROLEOID},
    nullptr};

spi::Statement isolation_on = {
    "SELECT customer_identity.set_tenant_isolation(true)", 0, {}, nullptr};

// The role's name, for messages and the audit trail.
std::string role_name(Oid role) {
    const char *name = nullptr;
    pg_call([&] { name = GetUserNameFromId(role, false); });
    return name;
}

}  // namespace
}  // namespace ci::tenant_scope

using namespace ci;

CI_SQL_FUNCTION(ci_current_tenant) {
    return entry_guard([&] {
        const auto tenant = tenant_scope::connection_tenant();
        if (!tenant) {
            fcinfo->isnull = true;
            return (Datum)0;
        }
        Datum result = (Datum)0;
        const std::string &value = *tenant;
        pg_call([&] { result = PointerGetDatum(cstring_to_text_with_len(value.data(), value.size())); });
        return result;
    });
}

namespace {

// Binds the role (after the same checks everywhere); audited: records the event in the
// tenant's audit trail (the shard that serves the tenant; the other shards of a sharded
// install hold the binding without it).
void bind_role(FunctionCallInfo fcinfo, bool audited) {
    if (PG_ARGISNULL(0))
        throw IdentityError(sqlstate::null_argument, "role_id must not be null");
    const Oid role = PG_GETARG_OID(0);
    const std::string tenant = checked_tenant(text_arg(fcinfo, 1));
    const std::string name = tenant_scope::role_name(role);
    if (tenant_scope::exempt(role))
        throw IdentityError(sqlstate::malformed_input,
                            "role " + quote_for_message(name) +
                                " cannot be bound to a tenant: row-level security does not "
                                "apply to it",
                            "It is a superuser, has BYPASSRLS, or has the privileges of the "
                            "extension's owner.");
    spi::connect();
    spi::Params params;
    params.raw(ObjectIdGetDatum(role)).text(tenant);
    spi::run(tenant_scope::upsert_binding, params);
    spi::run(tenant_scope::isolation_on, spi::Params());
    if (audited)
        record_event({tenant, "role_bound", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                      {{"role", name}}});
    spi::finish();
}

}  // namespace

CI_SQL_FUNCTION(ci_bind_role_to_tenant) {
    return entry_guard([&] {
        bind_role(fcinfo, true);
        return (Datum)0;
    });
}

// apply_tenant_binding(role_id, tenant_id): the binding as bind_role_to_tenant makes it (a
// NULL tenant: none, as unbind_role_from_tenant leaves it), without an audit event.
CI_SQL_FUNCTION(ci_apply_tenant_binding) {
    return entry_guard([&] {
        if (!PG_ARGISNULL(1)) {
            bind_role(fcinfo, false);
            return (Datum)0;
        }
        if (PG_ARGISNULL(0))
            throw IdentityError(sqlstate::null_argument, "role_id must not be null");
        spi::connect();
        spi::Params params;
        params.raw(ObjectIdGetDatum(PG_GETARG_OID(0)));
        spi::run(tenant_scope::delete_binding, params);
        spi::finish();
        return (Datum)0;
    });
}

CI_SQL_FUNCTION(ci_unbind_role_from_tenant) {
    return entry_guard([&] {
        if (PG_ARGISNULL(0))
            throw IdentityError(sqlstate::null_argument, "role_id must not be null");
        const Oid role = PG_GETARG_OID(0);
        const std::string name = tenant_scope::role_name(role);
        spi::connect();
        spi::Params params;
        params.raw(ObjectIdGetDatum(role));
        if (spi::run(tenant_scope::delete_binding, params) == 1) {
            const std::string tenant = *spi::text_at(0, 1);
            record_event({tenant, "role_unbound", std::nullopt, std::nullopt, std::nullopt,
                          std::nullopt, {{"role", name}}});
        }
        spi::finish();
        return (Datum)0;
    });
}
