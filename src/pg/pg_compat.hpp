// Differences between the supported PostgreSQL majors (15, 17, 18), in one place.
// Every other file is written against one API; a change between majors is absorbed here.
#pragma once

extern "C" {
#include "postgres.h"

#include "access/genam.h"
#include "catalog/pg_foreign_server.h"
#include "catalog/pg_proc.h"
#include "nodes/nodeFuncs.h"
#include "storage/latch.h"
#include "storage/lock.h"
#include "utils/acl.h"
#include "utils/memutils.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"  // VARDATA_ANY, VARSIZE_ANY_EXHDR: moved out of postgres.h in 16
#endif
}

namespace ci::compat {

// A query or expression tree walker's callback (16 typed it; 15 takes bool (*)()).
using tree_walker = bool (*)(Node *, void *);

// query_tree_walker with a typed callback.
inline bool query_tree_walk(Query *query, tree_walker walker, void *context) {
#if PG_VERSION_NUM >= 160000
    return ::query_tree_walker(query, walker, context, 0);
#else
    // (through void (*)(): the one function-pointer cast GCC accepts without a warning)
    return ::query_tree_walker(
        query, reinterpret_cast<bool (*)()>(reinterpret_cast<void (*)()>(walker)), context, 0);
#endif
}

// expression_tree_walker with a typed callback.
inline bool expression_tree_walk(Node *node, tree_walker walker, void *context) {
#if PG_VERSION_NUM >= 160000
    return ::expression_tree_walker(node, walker, context);
#else
    return ::expression_tree_walker(
        node, reinterpret_cast<bool (*)()>(reinterpret_cast<void (*)()>(walker)), context);
#endif
}

// index_beginscan without instrumentation (18 added an IndexScanInstrumentation argument).
inline IndexScanDesc index_beginscan(Relation heap, Relation index, Snapshot snapshot, int nkeys,
                                     int norderbys) {
#if PG_VERSION_NUM >= 180000
    return ::index_beginscan(heap, index, snapshot, nullptr, nkeys, norderbys);
#else
    return ::index_beginscan(heap, index, snapshot, nkeys, norderbys);
#endif
}

// Does this backend hold the lock in exactly this mode (17 added "or a stronger one")?
inline bool lock_held_by_me(const LOCKTAG *tag, LOCKMODE mode) {
#if PG_VERSION_NUM >= 170000
    return ::LockHeldByMe(tag, mode, false);
#else
    return ::LockHeldByMe(tag, mode);
#endif
}

// May the role execute the function (16 folded pg_proc_aclcheck into object_aclcheck)?
inline AclResult function_aclcheck(Oid function, Oid role) {
#if PG_VERSION_NUM >= 160000
    return ::object_aclcheck(ProcedureRelationId, function, role, ACL_EXECUTE);
#else
    return ::pg_proc_aclcheck(function, role, ACL_EXECUTE);
#endif
}

// May the role use the foreign server (16 folded pg_foreign_server_aclcheck into
// object_aclcheck)?
inline AclResult foreign_server_aclcheck(Oid server, Oid role) {
#if PG_VERSION_NUM >= 160000
    return ::object_aclcheck(ForeignServerRelationId, server, role, ACL_USAGE);
#else
    return ::pg_foreign_server_aclcheck(server, role, ACL_USAGE);
#endif
}

// A wait event set that lives until FreeWaitEventSet, in TopMemoryContext (17 took a
// resource owner instead of a memory context: none, so no transaction's end frees it).
inline WaitEventSet *lasting_wait_event_set(int events) {
#if PG_VERSION_NUM >= 170000
    return ::CreateWaitEventSet(nullptr, events);
#else
    return ::CreateWaitEventSet(TopMemoryContext, events);
#endif
}

}  // namespace ci::compat
