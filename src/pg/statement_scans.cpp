// Statement-long index scans; see statement_scans.hpp.
#include "statement_scans.hpp"

#include "pg_boundary.hpp"

extern "C" {
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
}

namespace ci::statement_scans {
namespace {

// Enough for every index one resolution probes.
constexpr int max_scans = 8;

// The scans of one function's calls in one statement.
struct Scans {
    ResourceOwner owner;  // the executor's: it holds the relations and the buffer pins
    bool usable;          // false once closed, or left to an abort or an error
    int count;
    OpenScan scans[max_scans];
    MemoryContext memory;  // the function's fn_mcxt: the scans' descriptors live there
    Scans *next_live;      // the list of scans still holding resources
    MemoryContextCallback on_free;
};

Scans *live = nullptr;     // every Scans still holding resources
Scans *current = nullptr;  // the innermost Scope's

// Takes the scans off the list of live ones.
void unlink_live(Scans *scans) {
    for (Scans **link = &live; *link != nullptr; link = &(*link)->next_live)
        if (*link == scans) {
            *link = scans->next_live;
            return;
        }
}

// Stops using the scans and leaves their resources to the resource owner.
void abandon(Scans *scans) {
    scans->usable = false;
    unlink_live(scans);
    if (current == scans) current = nullptr;
}

// Ends the scans and closes their relations, under the owner that opened them (the
// statement is over: its executor memory is being freed, or the transaction commits).
void close_scans(void *arg) {
    Scans *scans = static_cast<Scans *>(arg);
    const bool usable = scans->usable;
    abandon(scans);
    // In an aborting transaction the resource owner releases everything itself.
    if (!usable || !IsTransactionState()) return;
    ResourceOwner saved = CurrentResourceOwner;
    CurrentResourceOwner = scans->owner;
    for (int i = 0; i < scans->count; ++i) {
        OpenScan &open = scans->scans[i];
        ExecDropSingleTupleTableSlot(open.slot);
        index_endscan(open.scan);
        index_close(open.index, NoLock);
        table_close(open.heap, NoLock);
    }
    CurrentResourceOwner = saved;
}

// At commit every statement has ended; an abort leaves everything to the resource owners.
void on_transaction_event(XactEvent event, void *) {
    if (event == XACT_EVENT_PRE_COMMIT || event == XACT_EVENT_PARALLEL_PRE_COMMIT ||
        event == XACT_EVENT_PRE_PREPARE) {
        while (live != nullptr) close_scans(live);
    } else if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT) {
        while (live != nullptr) abandon(live);
    }
}

// A resource owner being released (a portal dropped, a subtransaction or transaction
// ending) has released, or releases now, everything its scans hold: stop using them.
void on_resource_release(ResourceReleasePhase, bool, bool, void *) {
    for (Scans *scans = live; scans != nullptr;) {
        Scans *next = scans->next_live;
        if (scans->owner == CurrentResourceOwner) abandon(scans);
        scans = next;
    }
}

}  // namespace

Scope::Scope(FunctionCallInfo fcinfo) : previous_(current) {
    FmgrInfo *flinfo = fcinfo->flinfo;
    Scans *scans = flinfo != nullptr ? static_cast<Scans *>(flinfo->fn_extra) : nullptr;
    // The statement's first call: allocate the scans in its memory, closed with it.
    if (flinfo != nullptr && scans == nullptr) pg_call([&] {
        scans = static_cast<Scans *>(MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(Scans)));
        scans->owner = CurrentResourceOwner;
        scans->usable = true;
        scans->memory = flinfo->fn_mcxt;
        scans->on_free.func = close_scans;
        scans->on_free.arg = scans;
        MemoryContextRegisterResetCallback(flinfo->fn_mcxt, &scans->on_free);
        scans->next_live = live;
        live = scans;
        flinfo->fn_extra = scans;
    });
    current = scans != nullptr && scans->usable ? scans : nullptr;
}

Scope::~Scope() { current = static_cast<Scans *>(previous_); }

OpenScan *find_or_open(Oid heap_oid, Oid index_oid, int nkeys) {
    Scans *scans = current;
    if (scans == nullptr || !scans->usable || scans->owner != CurrentResourceOwner)
        return nullptr;
    for (int i = 0; i < scans->count; ++i) {
        OpenScan &open = scans->scans[i];
        // An error inside a probe left this scan mid-read: the statement is failing.
        if (open.in_use) {
            abandon(scans);
            return nullptr;
        }
        if (open.index_oid == index_oid && open.nkeys == nkeys) return &open;
    }
    if (scans->count == max_scans) return nullptr;
    MemoryContext caller = MemoryContextSwitchTo(scans->memory);
    OpenScan &open = scans->scans[scans->count];
    open.index_oid = index_oid;
    open.nkeys = nkeys;
    open.in_use = false;
    open.keys_ready = false;
    open.memory = scans->memory;
    open.heap = table_open(heap_oid, AccessShareLock);
    open.index = index_open(index_oid, AccessShareLock);
    open.scan = compat::index_beginscan(open.heap, open.index, GetActiveSnapshot(), nkeys, 0);
    open.slot = table_slot_create(open.heap, nullptr);
    MemoryContextSwitchTo(caller);
    ++scans->count;
    return &open;
}

void init() {
    RegisterXactCallback(on_transaction_event, nullptr);
    RegisterResourceReleaseCallback(on_resource_release, nullptr);
}

}  // namespace ci::statement_scans
