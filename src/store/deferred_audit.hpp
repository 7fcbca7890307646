// Audit records that must outlive the statement that produced them.
//
// A rejected invite redemption raises an error, which rolls back everything the
// statement wrote, its identity_event row included.  When the caller handles the error
// (a savepoint, an EXCEPTION block) and commits, the rejection must still be on record:
// such events are kept in transaction memory and written just before the commit.
// A transaction that aborts records none of them.
#pragma once

#include "audit.hpp"

namespace ci {

// Queues the event for the commit of the current top-level transaction.
void defer_event(const IdentityEvent &event);

// Registers the transaction callback; called once from _PG_init.
void deferred_audit_init();

}  // namespace ci
