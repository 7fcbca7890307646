// The LOCK TABLE guard; see table_locks.hpp.
#include "table_locks.hpp"

#include "errors.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "rewrite/rewriteHandler.h"
#include "storage/lockdefs.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
}

namespace ci::table_locks {
namespace {

ProcessUtility_hook_type previous_hook = nullptr;

// Views nested deeper than this are refused rather than walked (PostgreSQL has no limit).
constexpr int max_view_depth = 32;

// What the walk over a view's query looks for.
struct Search {
    Oid schema;                    // the extension's schema
    Oid found;                     // the first extension table met, or InvalidOid
    bool too_deep;                 // views nested past max_view_depth (refused whoever asks)
    int depth;                     // views entered
    Oid path[max_view_depth + 1];  // the views being walked (15's rules list their own view)
};

bool references_extension_table(Node *node, void *search);

// Whether RELID is an extension table, or a view that reads one (recursively).
bool reaches_extension_table(Oid relid, Search *search) {
    if (get_rel_namespace(relid) == search->schema) {
        search->found = relid;
        return true;
    }
    if (get_rel_relkind(relid) != RELKIND_VIEW) return false;
    for (int i = 0; i < search->depth; ++i)
        if (search->path[i] == relid) return false;  // (the view's own OLD and NEW entries)
    if (search->depth == max_view_depth) {
        search->too_deep = true;
        return true;
    }
    search->path[search->depth++] = relid;
    Relation view = table_open(relid, AccessShareLock);
    Query *query = get_view_query(view);
    const bool found = references_extension_table(reinterpret_cast<Node *>(query), search);
    table_close(view, NoLock);
    --search->depth;
    return found;
}

// Expression and query walker: every relation a query reads, subqueries and CTEs included.
bool references_extension_table(Node *node, void *context) {
    Search *search = static_cast<Search *>(context);
    if (node == nullptr) return false;
    if (IsA(node, Query)) {
        Query *query = reinterpret_cast<Query *>(node);
        ListCell *cell;
        foreach (cell, query->rtable) {
            RangeTblEntry *rte = static_cast<RangeTblEntry *>(lfirst(cell));
            if (rte->rtekind == RTE_RELATION && reaches_extension_table(rte->relid, search))
                return true;
        }
        return compat::query_tree_walk(query, references_extension_table, search);
    }
    return compat::expression_tree_walk(node, references_extension_table, search);
}

// Whether the current user may take strong locks on RELID: its owner.
bool owns(Oid relid) {
    HeapTuple tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
    if (!HeapTupleIsValid(tuple)) return true;  // (gone: LOCK itself reports it)
    const Oid owner = reinterpret_cast<Form_pg_class>(GETSTRUCT(tuple))->relowner;
    ReleaseSysCache(tuple);
    return has_privs_of_role(GetUserId(), owner);
}

// Refuses the statement when it would lock an extension table stronger than ROW EXCLUSIVE
// for someone who does not own it.
void check_lock(const LockStmt *stmt) {
    if (stmt->mode <= RowExclusiveLock) return;
    Oid schema = InvalidOid;
    bool is_superuser = false;
    pg_call([&] {
        is_superuser = superuser();
        schema = get_namespace_oid("customer_identity", true);
    });
    if (is_superuser) return;
    if (!OidIsValid(schema)) return;
    ListCell *cell;
    foreach (cell, stmt->relations) {
        RangeVar *target = static_cast<RangeVar *>(lfirst(cell));
        Oid refused = InvalidOid;
        pg_call([&] {
            const Oid relid = RangeVarGetRelid(target, NoLock, true);
            if (!OidIsValid(relid)) return;  // (LOCK reports it)
            Search search{schema, InvalidOid, false, 0, {}};
            if (!reaches_extension_table(relid, &search)) return;
            if (search.too_deep || !owns(search.found))
                refused = search.too_deep ? relid : search.found;
        });
        if (!OidIsValid(refused)) continue;
        const char *name = nullptr;
        pg_call([&] {
            name = quote_qualified_identifier(get_namespace_name(get_rel_namespace(refused)),
                                              get_rel_name(refused));
        });
        throw IdentityError(
            sqlstate::insufficient_privilege,
            std::string("LOCK of ") + name +
                " in a mode stronger than ROW EXCLUSIVE is reserved to the owner of "
                "customer_identity's tables",
            "Such a lock stalls every tenant's writes; the application's own INSERT, UPDATE "
            "and DELETE take ROW EXCLUSIVE.",
            "Lock rows (SELECT ... FOR UPDATE) or call the extension's functions instead.");
    }
}

// The utility hook: the check, then whatever ran before.
void process_utility(PlannedStmt *pstmt, const char *query_string, bool read_only_tree,
                     ProcessUtilityContext context, ParamListInfo params,
                     QueryEnvironment *query_env, DestReceiver *dest, QueryCompletion *qc) {
    if (IsA(pstmt->utilityStmt, LockStmt)) {
        const LockStmt *stmt = reinterpret_cast<const LockStmt *>(pstmt->utilityStmt);
        (void)entry_guard([&] {
            check_lock(stmt);
            return (Datum)0;
        });
    }
    if (previous_hook != nullptr)
        previous_hook(pstmt, query_string, read_only_tree, context, params, query_env, dest, qc);
    else
        standard_ProcessUtility(pstmt, query_string, read_only_tree, context, params, query_env,
                                dest, qc);
}

}  // namespace

void init() {
    previous_hook = ProcessUtility_hook;
    ProcessUtility_hook = process_utility;
}

}  // namespace ci::table_locks
