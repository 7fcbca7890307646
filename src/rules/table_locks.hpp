// LOCK TABLE of the extension's tables is the owner's (hostile application III, finding 7).
//
// The application role may UPDATE customer and vendor and DELETE from vendor_customer, and
// PostgreSQL lets such a role LOCK those tables in every mode up to ACCESS EXCLUSIVE (row
// security does not apply to LOCK): one statement would stall every tenant.  A utility hook
// refuses, for anyone but the table's owner (or a superuser), a LOCK stronger than ROW
// EXCLUSIVE -- the mode its own INSERT, UPDATE and DELETE take anyway -- of an extension
// table, directly or through views (LOCK of a view locks what the view reads).  The hook
// acts where the module is loaded: grant_application_role preloads it for the role's
// sessions in the database (session_preload_libraries, which the role cannot change).
#pragma once

namespace ci::table_locks {

// Installs the utility hook; called once from _PG_init.
void init();

}  // namespace ci::table_locks
