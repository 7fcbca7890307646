// Running as the extension's owner inside a function that runs with the caller's rights.
//
// resolve_customer_identity is SECURITY INVOKER (0.9.0): its hits only read, through direct
// index probes that check no privilege (probe.hpp), so they need nobody's rights, and the
// call saves fmgr's SECURITY DEFINER wrapper.  What writes (SPI statements, the triggers
// they fire, the audit trail) runs as the owner, as it did under SECURITY DEFINER: the
// guard below switches the user the way ri_triggers.c does, with SET ROLE locked out while
// it holds, and puts the caller back when it goes out of scope.  An error that escapes
// anyway is undone by the (sub)transaction abort, which restores the user it began with.
#pragma once

#include <cstdint>

namespace ci {

class OwnerRights {
  public:
    // Switches the current user to the owner of the extension's tables.
    OwnerRights();
    // Restores the user and security context found at construction.
    ~OwnerRights();
    OwnerRights(const OwnerRights &) = delete;
    OwnerRights &operator=(const OwnerRights &) = delete;

  private:
    std::uint32_t saved_user_ = 0;  // Oid
    int saved_context_ = 0;
};

}  // namespace ci
