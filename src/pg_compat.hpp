// Differences between the supported PostgreSQL majors (15, 17, 18), in one place.
// Every other file is written against one API; a change between majors is absorbed here.
#pragma once

extern "C" {
#include "postgres.h"

#include "access/genam.h"
#include "storage/lock.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"  // VARDATA_ANY, VARSIZE_ANY_EXHDR: moved out of postgres.h in 16
#endif
}

namespace ci::compat {

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

}  // namespace ci::compat
