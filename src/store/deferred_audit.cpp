// Deferred audit events; see deferred_audit.hpp.
#include "deferred_audit.hpp"

#include <cstring>

#include "owner_rights.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"

extern "C" {
#include "miscadmin.h"
#include "access/xact.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
}

namespace ci {
namespace {

// One queued event, as plain C data in TopTransactionContext.
struct QueuedEvent {
    char *tenant;
    char *type;
    bool has_customer, has_other, has_vendor;
    int64 customer_id, other_customer_id, vendor_id;
    char *method;  // may be null
    int detail_count;
    char **detail_keys;
    char **detail_values;  // entries may be null
    QueuedEvent *next;
};

QueuedEvent *queue_head = nullptr;
QueuedEvent *queue_tail = nullptr;

// Copies a C++ string into TopTransactionContext (inside pg_call).
char *keep(const std::string &text) {
    return MemoryContextStrdup(TopTransactionContext, text.c_str());
}

// Converts a queued event back to the C++ form record_event takes.
IdentityEvent to_event(const QueuedEvent &queued) {
    IdentityEvent event;
    event.tenant = queued.tenant;
    event.type = queued.type;
    if (queued.has_customer) event.customer_id = queued.customer_id;
    if (queued.has_other) event.other_customer_id = queued.other_customer_id;
    if (queued.has_vendor) event.vendor_id = queued.vendor_id;
    if (queued.method) event.method = std::string(queued.method);
    for (int i = 0; i < queued.detail_count; ++i) {
        std::optional<std::string> value;
        if (queued.detail_values[i]) value = std::string(queued.detail_values[i]);
        event.detail.emplace_back(queued.detail_keys[i], value);
    }
    return event;
}

// Writes every queued event (pre-commit, so writes are still allowed).
void flush_queue() {
    QueuedEvent *head = queue_head;
    queue_head = queue_tail = nullptr;
    if (head == nullptr || XactReadOnly) return;
    // No statement is running at commit time: give the inserts a snapshot of their own.
    // Commit runs as whoever is the current user then; the audit trail is written as its
    // owner, as the functions that queued the events would have.
    const OwnerRights as_owner;
    pg_call([&] { PushActiveSnapshot(GetTransactionSnapshot()); });
    spi::connect();
    for (QueuedEvent *queued = head; queued != nullptr; queued = queued->next)
        record_event(to_event(*queued));
    spi::finish();
    pg_call([&] { PopActiveSnapshot(); });
}

// Transaction callback: flush before commit, forget on any end.
void on_transaction_event(XactEvent event, void *) {
    switch (event) {
        case XACT_EVENT_PRE_COMMIT:
        case XACT_EVENT_PRE_PREPARE:
            entry_guard([] {
                flush_queue();
                return (Datum)0;
            });
            break;
        default:
            // The memory belongs to TopTransactionContext and goes with it.
            if (event != XACT_EVENT_PARALLEL_PRE_COMMIT) queue_head = queue_tail = nullptr;
            break;
    }
}

}  // namespace

void defer_event(const IdentityEvent &event) {
    const int count = static_cast<int>(event.detail.size());
    QueuedEvent *queued = nullptr;
    pg_call([&] {
        queued = static_cast<QueuedEvent *>(
            MemoryContextAllocZero(TopTransactionContext, sizeof(QueuedEvent)));
        queued->detail_keys = static_cast<char **>(
            MemoryContextAllocZero(TopTransactionContext, sizeof(char *) * (count + 1)));
        queued->detail_values = static_cast<char **>(
            MemoryContextAllocZero(TopTransactionContext, sizeof(char *) * (count + 1)));
    });
    const char *method = event.method ? event.method->c_str() : nullptr;
    pg_call([&] {
        queued->tenant = keep(event.tenant);
        queued->type = keep(event.type);
        if (method) queued->method = MemoryContextStrdup(TopTransactionContext, method);
    });
    queued->has_customer = event.customer_id.has_value();
    queued->customer_id = event.customer_id.value_or(0);
    queued->has_other = event.other_customer_id.has_value();
    queued->other_customer_id = event.other_customer_id.value_or(0);
    queued->has_vendor = event.vendor_id.has_value();
    queued->vendor_id = event.vendor_id.value_or(0);
    queued->detail_count = count;
    for (int i = 0; i < count; ++i) {
        const char *key = event.detail[i].first.c_str();
        const char *value = event.detail[i].second ? event.detail[i].second->c_str() : nullptr;
        pg_call([&] {
            queued->detail_keys[i] = MemoryContextStrdup(TopTransactionContext, key);
            if (value) queued->detail_values[i] = MemoryContextStrdup(TopTransactionContext, value);
        });
    }
    if (queue_tail)
        queue_tail->next = queued;
    else
        queue_head = queued;
    queue_tail = queued;
}

void deferred_audit_init() { RegisterXactCallback(on_transaction_event, nullptr); }

}  // namespace ci
