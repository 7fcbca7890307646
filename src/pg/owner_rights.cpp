// Running as the extension's owner (owner_rights.hpp).
#include "owner_rights.hpp"

#include "pg_boundary.hpp"
#include "probe.hpp"

extern "C" {
#include "miscadmin.h"
}

namespace ci {

OwnerRights::OwnerRights() {
    const std::uint32_t owner = probe::table_security().owner;
    pg_call([&] {
        Oid saved_user = InvalidOid;
        GetUserIdAndSecContext(&saved_user, &saved_context_);
        saved_user_ = saved_user;
        SetUserIdAndSecContext(owner, saved_context_ | SECURITY_LOCAL_USERID_CHANGE);
    });
}

OwnerRights::~OwnerRights() {
    // Plain assignments: nothing here can fail or throw.
    SetUserIdAndSecContext(saved_user_, saved_context_);
}

}  // namespace ci
