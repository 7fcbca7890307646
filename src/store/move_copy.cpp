// A move's first copy of a bucket (customer_identity_proxy.move_bucket) without a table
// synchronization worker per table.  PostgreSQL's logical replication still carries every
// change; only the first copy is done here: the move's replication slot is made on the
// source with an exported snapshot, the bucket's rows as of that snapshot stream from the
// source's COPY into the target's, and the target's subscription to that slot (copy_data =
// false: it applies what committed after the snapshot) is created in the same transaction
// as the copied rows -- so a move killed at any point leaves both or neither on the target.
// A table synchronization costs a worker's start, a second slot and the apply worker's
// hand-overs: most of a small move's time (issue 29: a 10,000-customer move 4-4.4x an
// INSERT ... SELECT of its rows, against a target of 4).
//
// C-like code, inside pg_call (it ereports and longjmps): the three libpq connections and a
// result in hand live in one static record, closed and freed by PG_CATCH on every error.
#include "libpq_calls.hpp"
#include "pg_boundary.hpp"

extern "C" {
#include "catalog/pg_type_d.h"
#include "libpq-fe.h"
#include "miscadmin.h"  // superuser
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
}

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ci::move_copy {
namespace {

// The copy's connections (nullptr: not open), the result being read, and how far it got.
struct Copy {
    PGconn *replication;  // the source, replication=database: makes the slot, exports the snapshot
    PGconn *source;       // the source, in a transaction on the snapshot
    PGconn *target;       // the target, in the transaction that copies and subscribes
    PGresult *held;
    bool slot_made;       // the slot exists on the source
    bool subscribed;      // the target committed its rows and its subscription to the slot
};
Copy open_copy = {nullptr, nullptr, nullptr, nullptr, false, false};

// Closes whatever is open: a transaction left open on a shard rolls back with its connection.
void close_all() {
    PQclear(open_copy.held);
    open_copy.held = nullptr;
    for (PGconn **conn : {&open_copy.replication, &open_copy.source, &open_copy.target}) {
        if (*conn != nullptr) PQfinish(*conn);
        *conn = nullptr;
    }
}

// After a failure: drops the slot the copy made, unless the target's subscription uses it
// (nothing else does).  Best effort, in an error's cleanup (no ereport): a new connection to
// the source, where the slot's walsender may still be ending (retried for up to 2 s); what
// stays is dropped by the move's next run, as a killed run's slot is.
void drop_slot_after_failure(const char *conninfo, const char *slot) {
    // (a source that does not answer: given up after 5 s, not waited for)
    const char *keywords[] = {"dbname", "fallback_application_name", "connect_timeout", nullptr};
    const char *values[] = {conninfo, "ci move copy cleanup", "5", nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    if (conn != nullptr && PQstatus(conn) == CONNECTION_OK) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "DO $$ BEGIN FOR i IN 1..200 LOOP BEGIN"
                 " PERFORM pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots WHERE slot_name = '%s';"
                 " RETURN; EXCEPTION WHEN object_in_use THEN PERFORM pg_catalog.pg_sleep(0.01); END; END LOOP; END $$",
                 slot);
        PQclear(PQexec(conn, sql));
    }
    if (conn != nullptr) PQfinish(conn);
}

// Says where the copy is, as the move's other steps do (customer_identity_proxy.move_step:
// with client_min_messages = debug1 the mover gets each step's time, a profile of the move).
void say_step(const char *slot, const char *step) {
    // (the slot is ci_move_<bucket>_<move>; the time as the session's clock_timestamp() reads)
    const char *stamp = timestamptz_to_str(GetCurrentTimestamp());
    const char *clock = strchr(stamp, ' ');
    const int length = clock != nullptr ? static_cast<int>(strcspn(clock + 1, "+-")) : 0;
    const long bucket = strncmp(slot, "ci_move_", strlen("ci_move_")) == 0 ? strtol(slot + strlen("ci_move_"), nullptr, 10) : -1;
    ereport(DEBUG1, (errmsg_internal("ci move of bucket %ld: copying: %s at %.*s", bucket, step, length,
                                     clock != nullptr ? clock + 1 : "")));
}

// Raises what a shard said: its error result with its fields, or the connection's message
// when there is none (or an answer of another kind), saying which side and what the move
// was doing.
[[noreturn]] void raise_failure(PGconn *conn, PGresult *failure, const char *side, const char *doing) {
    if (failure == open_copy.held) open_copy.held = nullptr;
    const char *context = psprintf("the move's copy, on the %s, %s", side, doing);
    if (failure != nullptr && PQresultStatus(failure) == PGRES_FATAL_ERROR) libpq_calls::raise_remote_error(failure, context);
    const char *message = failure != nullptr ? psprintf("unexpected answer %s", PQresStatus(PQresultStatus(failure)))
                                             : libpq_calls::connection_message(conn);
    PQclear(failure);
    ereport(ERROR, (errcode(ERRCODE_CONNECTION_FAILURE), errmsg_internal("%s", message), errcontext("%s", context)));
    pg_unreachable();
}

// Connects *into to a shard with the conninfo add_shard was given (replication: a walsender
// that takes replication commands, for the replication slot), waiting interruptibly.  Its
// application_name is "<slot> copy": a rerun of the move finds what a killed run left.
void connect(PGconn **into, const char *conninfo, bool replication, const char *side, const char *slot) {
    const char *keywords[] = {"dbname", "replication", "fallback_application_name", nullptr};
    const char *values[] = {conninfo, replication ? "database" : nullptr, psprintf("%s copy", slot), nullptr};
    PGconn *conn = PQconnectStartParams(keywords, values, 1);
    if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD) {
        char *message = pstrdup(conn != nullptr ? PQerrorMessage(conn) : "out of memory");
        if (conn != nullptr) PQfinish(conn);
        ereport(ERROR, (errcode(ERRCODE_SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
                        errmsg("could not connect to the move's %s: %s", side, message)));
    }
    *into = conn;  // (in the record at once: an error while connecting closes it)
    for (;;) {
        const PostgresPollingStatusType polled = PQconnectPoll(conn);
        if (polled == PGRES_POLLING_OK) break;
        if (polled == PGRES_POLLING_FAILED)
            ereport(ERROR, (errcode(ERRCODE_SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
                            errmsg("could not connect to the move's %s: %s", side, PQerrorMessage(conn))));
        libpq_calls::wait_for_socket(conn, polled == PGRES_POLLING_WRITING);
    }
}

// Sends one query string (one statement or several) and returns its last result, or its
// first that failed, or the start of a COPY; nullptr if the connection failed.  The caller
// clears it.
PGresult *exec_rest(PGconn *conn);
PGresult *exec(PGconn *conn, const char *sql) {
    if (!PQsendQuery(conn, sql)) return nullptr;
    return exec_rest(conn);
}

// The rest of the answer to what was sent, as exec returns it.
PGresult *exec_rest(PGconn *conn) {
    for (;;) {
        while (PQisBusy(conn)) {
            libpq_calls::wait_for_socket(conn, false);
            if (!PQconsumeInput(conn)) return nullptr;  // (held is cleared by close_all)
        }
        PGresult *result = PQgetResult(conn);
        if (result == nullptr) {
            PGresult *last = open_copy.held;
            open_copy.held = nullptr;
            return last;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_COPY_OUT || status == PGRES_COPY_IN) {
            PQclear(open_copy.held);
            open_copy.held = nullptr;
            return result;
        }
        if (open_copy.held != nullptr && PQresultStatus(open_copy.held) == PGRES_FATAL_ERROR) {
            PQclear(result);  // (the first failure is the one to report)
        } else {
            PQclear(open_copy.held);
            open_copy.held = result;
        }
    }
}

// Runs a query string that must answer with the expected status; returns that result (the
// caller clears it) or raises what the shard said.
PGresult *run(PGconn *conn, const char *sql, ExecStatusType expected, const char *side, const char *doing) {
    PGresult *result = exec(conn, sql);
    if (result == nullptr || PQresultStatus(result) != expected) raise_failure(conn, result, side, doing);
    return result;
}

// Reads a finished COPY's closing result, which must say it succeeded, and the end of the
// answer after it; returns how many rows the COPY moved.
long long finish_copy(PGconn *conn, const char *side, const char *doing) {
    PGresult *result = exec_rest(conn);
    if (result == nullptr || PQresultStatus(result) != PGRES_COMMAND_OK) raise_failure(conn, result, side, doing);
    const long long rows = strtoll(PQcmdTuples(result), nullptr, 10);
    PQclear(result);
    return rows;
}

// The elements of a text[] argument (no NULLs) as C strings; their count in *count.
char **text_elements(ArrayType *array, int *count, const char *what) {
    Datum *elements;
    bool *nulls;
    deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elements, &nulls, count);
    char **texts = static_cast<char **>(palloc(sizeof(char *) * (*count + 1)));
    for (int i = 0; i < *count; ++i) {
        if (nulls[i]) ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("%s must not hold NULL", what)));
        texts[i] = TextDatumGetCString(elements[i]);
    }
    return texts;
}

// Streams one table's rows: the source's COPY ... TO STDOUT into the target's COPY ...
// FROM STDIN, as the source sends them.  Returns how many rows the target took.
long long copy_table(const char *select, const char *insert) {
    PQclear(run(open_copy.source, select, PGRES_COPY_OUT, "source", "reading a table"));
    PQclear(run(open_copy.target, insert, PGRES_COPY_IN, "target", "writing a table"));
    for (;;) {
        char *buffer = nullptr;
        const int length = PQgetCopyData(open_copy.source, &buffer, 1);
        if (length > 0) {
            const int sent = PQputCopyData(open_copy.target, buffer, length);
            PQfreemem(buffer);
            if (sent != 1) raise_failure(open_copy.target, nullptr, "target", "writing a table");
        } else if (length == 0) {
            libpq_calls::wait_for_socket(open_copy.source, false);
            if (!PQconsumeInput(open_copy.source)) raise_failure(open_copy.source, nullptr, "source", "reading a table");
        } else {
            break;  // -1: the source's COPY ended (its result says how); -2: the connection failed
        }
    }
    (void)finish_copy(open_copy.source, "source", "reading a table");
    if (PQputCopyEnd(open_copy.target, nullptr) != 1) raise_failure(open_copy.target, nullptr, "target", "writing a table");
    return finish_copy(open_copy.target, "target", "writing a table");
}

// A replication slot's name as the move makes them (move_replication_name): letters, digits
// and underscores, as the slot's rules allow (and so safe in the replication command).
bool plain_slot_name(const char *name) {
    const std::size_t length = strlen(name);
    if (length == 0 || length >= NAMEDATALEN) return false;
    for (const char *c = name; *c != '\0'; ++c)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) return false;
    return true;
}

}  // namespace

// move_copy_rows(source, target, slot, selects, inserts, subscribe): makes the slot on the
// source (conninfo source) with an exported snapshot, copies each selects[i] (a COPY ... TO
// STDOUT run on that snapshot) into inserts[i] (a COPY ... FROM STDIN) in one transaction
// on the target (conninfo target; the replication role: the target's triggers do not fire,
// as for logical replication's own copy), runs subscribe there (the CREATE SUBSCRIPTION ...
// WITH (create_slot = false, copy_data = false) of the slot) and commits.  Returns how many
// rows were copied.  Superusers only (it connects with the shards' conninfo).
CI_SQL_FUNCTION(ci_move_copy_rows) {
    return entry_guard([&]() -> Datum {
        long long rows = 0;
        pg_call([&] {
            if (!superuser())
                ereport(ERROR, (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE), errmsg("only a superuser may copy a bucket between shards")));
            for (int i = 0; i < 6; ++i)
                if (PG_ARGISNULL(i)) ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("no argument may be NULL")));
            const char *source = TextDatumGetCString(PG_GETARG_DATUM(0));
            const char *target = TextDatumGetCString(PG_GETARG_DATUM(1));
            const char *slot = TextDatumGetCString(PG_GETARG_DATUM(2));
            int select_count = 0, insert_count = 0;
            char **selects = text_elements(PG_GETARG_ARRAYTYPE_P(3), &select_count, "selects");
            char **inserts = text_elements(PG_GETARG_ARRAYTYPE_P(4), &insert_count, "inserts");
            const char *subscribe = TextDatumGetCString(PG_GETARG_DATUM(5));
            if (!plain_slot_name(slot))
                ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid replication slot name \"%s\"", slot)));
            if (select_count != insert_count)
                ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("selects and inserts must be as many")));
            close_all();  // (an earlier call's, if an error skipped its PG_CATCH: never expected)
            open_copy.slot_made = open_copy.subscribed = false;
            PG_TRY();
            {
                connect(&open_copy.replication, source, true, "source", slot);
                PGresult *made = run(open_copy.replication,
                                     psprintf("CREATE_REPLICATION_SLOT %s LOGICAL pgoutput (SNAPSHOT 'export')", slot),
                                     PGRES_TUPLES_OK, "source", "making the replication slot");
                open_copy.slot_made = true;
                const char *snapshot = pstrdup(PQgetvalue(made, 0, 2));
                say_step(slot, "slot made");
                PQclear(made);
                connect(&open_copy.source, source, false, "source", slot);
                PQclear(run(open_copy.source,
                            psprintf("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET TRANSACTION SNAPSHOT %s;"
                                     " SET LOCAL client_connection_check_interval = '1s'",
                                     quote_literal_cstr(snapshot)),
                            PGRES_COMMAND_OK, "source", "taking the slot's snapshot"));
                // (the snapshot is taken: the slot is free for the subscription)
                PQfinish(open_copy.replication);
                open_copy.replication = nullptr;
                connect(&open_copy.target, target, false, "target", slot);
                // (a backend of the copy whose mover is gone notices within a second, even in
                // a statement that does not read from it, and rolls back)
                PQclear(run(open_copy.target,
                            "BEGIN; SET LOCAL session_replication_role = replica; SET LOCAL client_connection_check_interval = '1s'",
                            PGRES_COMMAND_OK, "target", "beginning"));
                for (int i = 0; i < select_count; ++i) rows += copy_table(selects[i], inserts[i]);
                say_step(slot, "rows sent");
                PQclear(run(open_copy.target, subscribe, PGRES_COMMAND_OK, "target", "subscribing"));
                PQclear(run(open_copy.target, "COMMIT", PGRES_COMMAND_OK, "target", "committing"));
                open_copy.subscribed = true;
                say_step(slot, "committed");
                PQclear(run(open_copy.source, "COMMIT", PGRES_COMMAND_OK, "source", "ending the snapshot's transaction"));
                close_all();
            }
            PG_CATCH();
            {
                close_all();  // (the target's transaction rolls back: neither rows nor subscription)
                if (open_copy.slot_made && !open_copy.subscribed) drop_slot_after_failure(source, slot);
                PG_RE_THROW();
            }
            PG_END_TRY();
        });
        return Int64GetDatum(static_cast<int64>(rows));
    });
}

}  // namespace ci::move_copy
