// Index scans kept open for a whole statement, as nodeIndexscan.c keeps its scan: a SQL
// function called once per row (resolve_customer_identity in a LATERAL join, a bulk of
// calls) opens each relation and index scan on its first probe and rescans it for every
// later one, instead of opening, beginning, ending and closing all of it per probe.
//
// The scans belong to the statement executing the function: they live in its fn_mcxt and
// close when the executor frees that memory, under the resource owner that opened them.
// Outside a Scope, or under another resource owner (a subtransaction of our own), probes
// open their own scans as before.  Once that owner is released (an abort, a failed
// portal dropped) the scans are its to release, and nobody touches them again.
#pragma once

extern "C" {
#include "postgres.h"
#include "access/genam.h"
#include "access/skey.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "utils/rel.h"
}

namespace ci::statement_scans {

// One index scan of the statement, with its relations and a slot for the heap rows.
struct OpenScan {
    Oid index_oid;
    int nkeys;
    Relation heap, index;
    IndexScanDesc scan;
    TupleTableSlot *slot;
    MemoryContext memory;  // where the scan allocates what it keeps between probes
    bool in_use;  // a probe is reading through it (still set after an error inside one)
    // The scan keys, initialized on the first probe (their comparison functions looked up
    // once); later probes only put their values in, as nodeIndexscan.c's runtime keys do.
    ScanKeyData keys[3];
    RegProcedure key_procedures[3];
    bool keys_ready;
    bool keys_search_null;  // the first key searches for NULL
};

// Makes the statement scans of the function being called (its fn_extra) the ones probes
// use until the Scope ends.  Scopes nest: an inner call restores the outer one's scans.
class Scope {
  public:
    explicit Scope(FunctionCallInfo fcinfo);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    void *previous_;
};

// The statement's open scan of this index with `nkeys` keys, opened on first use; nullptr
// when no statement scope applies (then the caller opens its own).  Inside pg_call.
OpenScan *find_or_open(Oid heap_oid, Oid index_oid, int nkeys);

// Registers the callbacks that close the scans at commit and leave them to a released owner.
void init();

}  // namespace ci::statement_scans
