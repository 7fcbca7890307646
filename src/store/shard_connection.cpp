// The proxy's own connections to its shards (shard_connection.hpp), after postgres_fdw's
// and dblink's example: a cache per (shard, role) in TopMemoryContext, forgotten on a change
// of the foreign server or of a user mapping (syscache callbacks), waits on the socket that
// a cancel, statement_timeout or a terminate interrupts, and libpq results freed on every
// path.  The code here is C-like and runs inside pg_call (it ereports and longjmps):
// PG_TRY blocks free what libpq allocated and drop a connection an error left mid-result.
#include "shard_connection.hpp"

#include "libpq_calls.hpp"

#include "pg_boundary.hpp"
#include "spi.hpp"

extern "C" {
#include "access/htup_details.h"
#include "catalog/pg_user_mapping.h"
#include "commands/defrem.h"
#include "foreign/foreign.h"
#include "funcapi.h"
#include "libpq-fe.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/bitmapset.h"
#include "storage/latch.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"
#include "utils/wait_event.h"
}

#include <cstdlib>
#include <cstring>

namespace ci::shard_connection {
namespace {

using libpq_calls::connection_message;
using libpq_calls::wait_for_socket;

// The PL/Proxy cluster the proxy's shards are (add_shard creates it): partition n, option
// p<n>, is shard n's connection string.
constexpr const char *cluster_server = "customer_identity_shards";

// The server's partitions as this backend last read them (known: still current).
struct ServerConfig {
    bool known;
    Oid server;
    uint32 server_hash;   // its syscache hash (FOREIGNSERVEROID)
    int partition_count;
    char **partitions;    // in TopMemoryContext
};
ServerConfig config = {false, InvalidOid, 0, 0, nullptr};

// One cached connection: a shard, a role.
struct ConnectionKey {
    std::int32_t shard;
    Oid role;
};
struct Connection {
    ConnectionKey key;     // (the hash key: first)
    PGconn *conn;          // nullptr: none yet, or dropped
    bool stale;            // the server or a user mapping changed since it was made
    Bitmapset *prepared;   // the statements prepared on it (Statement numbers), TopMemoryContext
    WaitEventSet *waits;   // its socket readable, the latch, postmaster death: made once, not
                           // per wait (WaitLatchOrSocket makes and frees an epoll set each time)
};
HTAB *connections = nullptr;

// What a shard said besides its answer (NOTICE, WARNING), kept by libpq's notice receiver
// (which must not ereport: it runs inside libpq) and raised once the call is over.
constexpr int notices_kept = 8;
struct Notice {
    char sqlstate[6];
    bool warning;
    char *message, *detail, *hint;  // malloc'd
};
Notice notices[notices_kept];
int notice_count = 0;
// Did a shard say FATAL outside a statement (its backend ending: terminated, a shutdown)?
// libpq hands such a message to the notice receiver, and sees the socket close only later.
bool farewell_heard = false;

// Syscache callback: the foreign server changed (add_shard, a grant of USAGE), or a user
// mapping did.  Connections made from what changed are dropped at their next use (never
// here: a call may be using one).
void forget_on_catalog_change(Datum, int cache, uint32 hash) {
    if (cache == FOREIGNSERVEROID) {
        if (hash != 0 && config.known && hash != config.server_hash) return;  // another server's
        config.known = false;
    }
    // (a mapping's change: every connection, since a new mapping of a role that used
    // PUBLIC's is a row of its own)
    if (connections == nullptr) return;
    HASH_SEQ_STATUS scan;
    hash_seq_init(&scan, connections);
    while (auto *entry = static_cast<Connection *>(hash_seq_search(&scan))) entry->stale = true;
}

// The server's partitions, read again after a change.
const ServerConfig &server_config() {
    if (config.known) return config;
    static bool watching = false;
    if (!watching) {
        CacheRegisterSyscacheCallback(FOREIGNSERVEROID, forget_on_catalog_change, (Datum)0);
        CacheRegisterSyscacheCallback(USERMAPPINGOID, forget_on_catalog_change, (Datum)0);
        watching = true;
    }
    ForeignServer *server = GetForeignServerByName(cluster_server, true);
    if (server == nullptr)
        ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE), errmsg("no shard yet"),
                        errhint("SELECT customer_identity.add_shard(conninfo) first.")));
    // known from here: a change seen while reading makes the next call read again
    config.known = true;
    if (config.partitions != nullptr) {
        for (int i = 0; i < config.partition_count; ++i)
            if (config.partitions[i] != nullptr) pfree(config.partitions[i]);
        pfree(config.partitions);
        config.partitions = nullptr;
    }
    config.server = server->serverid;
    config.server_hash = GetSysCacheHashValue1(FOREIGNSERVEROID, ObjectIdGetDatum(server->serverid));
    int count = 0;
    ListCell *cell;
    foreach (cell, server->options) {
        const char *name = lfirst_node(DefElem, cell)->defname;
        if (name[0] == 'p' && name[1] >= '0' && name[1] <= '9') ++count;
    }
    config.partitions = static_cast<char **>(MemoryContextAllocZero(TopMemoryContext, sizeof(char *) * (count + 1)));
    config.partition_count = count;
    foreach (cell, server->options) {
        DefElem *option = lfirst_node(DefElem, cell);
        const char *name = option->defname;
        if (name[0] != 'p' || name[1] < '0' || name[1] > '9') continue;  // PL/Proxy's settings
        const int n = atoi(name + 1);
        if (n >= 0 && n < count) config.partitions[n] = MemoryContextStrdup(TopMemoryContext, defGetString(option));
    }
    return config;
}

// libpq's notice receiver: keeps what the shard said (no ereport inside libpq).
void keep_notice(void *, const PGresult *result) {
    const char *level = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (level != nullptr && (strcmp(level, "FATAL") == 0 || strcmp(level, "PANIC") == 0)) {
        farewell_heard = true;
        return;
    }
    if (notice_count >= notices_kept) return;
    auto copy = [](const char *text) -> char * { return text != nullptr ? strdup(text) : nullptr; };
    Notice &notice = notices[notice_count++];
    const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    memcpy(notice.sqlstate, state != nullptr && strlen(state) == 5 ? state : "01000", 5);
    notice.sqlstate[5] = '\0';
    const char *severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    notice.warning = severity != nullptr && strcmp(severity, "WARNING") == 0;
    notice.message = copy(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    notice.detail = copy(PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL));
    notice.hint = copy(PQresultErrorField(result, PG_DIAG_MESSAGE_HINT));
}

// Forgets the notices kept (after raising them, or from a connection being dropped).
void clear_notices() {
    for (int i = 0; i < notice_count; ++i) {
        free(notices[i].message);
        free(notices[i].detail);
        free(notices[i].hint);
    }
    notice_count = 0;
}

// Raises one notice a shard sent, as the shard raised it, and frees it.
void raise_notice(Notice notice) {
    PG_TRY();
    {
        const char *s = notice.sqlstate;
        ereport(notice.warning ? WARNING : NOTICE,
                (errcode(MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4])),
                 errmsg_internal("%s", notice.message != nullptr ? notice.message : ""),
                 notice.detail != nullptr ? errdetail_internal("%s", notice.detail) : 0,
                 notice.hint != nullptr ? errhint("%s", notice.hint) : 0));
    }
    PG_FINALLY();
    {
        free(notice.message);
        free(notice.detail);
        free(notice.hint);
    }
    PG_END_TRY();
}

// Raises the notices a call's shard sent.
void raise_notices() {
    const int count = notice_count;
    notice_count = 0;  // (an ereport below may fail: never raise one twice)
    for (int i = 0; i < count; ++i) {
        const Notice notice = notices[i];
        notices[i] = Notice{};
        raise_notice(notice);
    }
}

// Closes the entry's connection (the shard's backend ends).
void disconnect(Connection *entry) {
    if (entry->waits != nullptr) FreeWaitEventSet(entry->waits);
    entry->waits = nullptr;
    if (entry->conn != nullptr) PQfinish(entry->conn);
    entry->conn = nullptr;
    bms_free(entry->prepared);
    entry->prepared = nullptr;
    entry->stale = false;
}

// Does the conninfo of this keyword list carry a password (a non-empty one)?
bool has_password(const char *const *keywords, const char *const *values) {
    for (int i = 0; keywords[i] != nullptr; ++i)
        if (strcmp(keywords[i], "password") == 0 && values[i] != nullptr && values[i][0] != '\0') return true;
    return false;
}

// Connects the entry to its shard as PL/Proxy would: the partition's connection string,
// then the options of the role's user mapping (user, password) and user=<role> if it names
// none -- unless the partition names a user itself.  A role that is not a superuser must
// give a password and have the shard ask for it (postgres_fdw's rule: never the proxy
// server's own credentials, a .pgpass or a trusted address, for another role).
void connect(Connection *entry) {
    const ServerConfig &server = server_config();
    const std::int32_t shard = entry->key.shard;
    if (shard < 0 || shard >= server.partition_count || server.partitions[shard] == nullptr)
        ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE), errmsg("no shard %d", shard),
                        errhint("Server %s has no partition p%d.", cluster_server, shard)));
    const Oid role = entry->key.role;
    if (compat::foreign_server_aclcheck(server.server, role) != ACLCHECK_OK)
        aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_FOREIGN_SERVER, cluster_server);
    UserMapping *mapping = GetUserMapping(role, server.server);
    char *error = nullptr;
    PQconninfoOption *partition = PQconninfoParse(server.partitions[shard], &error);
    if (partition == nullptr) {
        char *message = pstrdup(error != nullptr ? error : "out of memory");
        if (error != nullptr) PQfreemem(error);
        ereport(ERROR, (errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
                        errmsg("invalid connection string of shard %d", shard), errdetail_internal("%s", message)));
    }
    int count = list_length(mapping->options) + 3;
    for (PQconninfoOption *option = partition; option->keyword != nullptr; ++option) ++count;
    const char **keywords = static_cast<const char **>(palloc0(sizeof(char *) * count));
    const char **values = static_cast<const char **>(palloc0(sizeof(char *) * count));
    int n = 0;
    bool names_user = false;
    for (PQconninfoOption *option = partition; option->keyword != nullptr; ++option) {
        if (option->val == nullptr || option->val[0] == '\0') continue;
        keywords[n] = pstrdup(option->keyword);
        values[n++] = pstrdup(option->val);
        names_user = names_user || strcmp(option->keyword, "user") == 0;
    }
    PQconninfoFree(partition);
    if (!names_user) {
        bool mapping_names_user = false;
        ListCell *cell;
        foreach (cell, mapping->options) {
            DefElem *option = lfirst_node(DefElem, cell);
            keywords[n] = option->defname;
            values[n++] = defGetString(option);
            mapping_names_user = mapping_names_user || strcmp(option->defname, "user") == 0;
        }
        if (!mapping_names_user) {
            keywords[n] = "user";
            values[n++] = GetUserNameFromId(role, false);
        }
    }
    // remote I/O in this database's encoding (PL/Proxy sets it after connecting)
    keywords[n] = "client_encoding";
    values[n++] = GetDatabaseEncodingName();
    keywords[n] = nullptr;
    values[n] = nullptr;
    const bool superuser = superuser_arg(role);
    if (!superuser && !has_password(keywords, values))
        ereport(ERROR, (errcode(ERRCODE_S_R_E_PROHIBITED_SQL_STATEMENT_ATTEMPTED), errmsg("password is required"),
                        errdetail("Non-superusers must provide a password in their user mapping of server %s.",
                                  cluster_server),
                        errhint("The proxy's owner sets it: ALTER USER MAPPING FOR %s SERVER %s OPTIONS (ADD password '...').",
                                GetUserNameFromId(role, false), cluster_server)));

    entry->conn = PQconnectStartParams(keywords, values, 0);
    for (int i = 0; i < n; ++i)
        if (strcmp(keywords[i], "password") == 0) values[i] = "";  // (only libpq keeps it)
    PG_TRY();
    {
        if (entry->conn == nullptr || PQstatus(entry->conn) == CONNECTION_BAD)
            ereport(ERROR, (errcode(ERRCODE_SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
                            errmsg("could not connect to shard %d", shard),
                            errdetail_internal("%s", connection_message(entry->conn))));
        for (;;) {
            const PostgresPollingStatusType polled = PQconnectPoll(entry->conn);
            if (polled == PGRES_POLLING_OK) break;
            if (polled == PGRES_POLLING_FAILED)
                ereport(ERROR, (errcode(ERRCODE_SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
                                errmsg("could not connect to shard %d", shard),
                                errdetail_internal("%s", connection_message(entry->conn))));
            wait_for_socket(entry->conn, polled == PGRES_POLLING_WRITING);
        }
        if (!superuser && !PQconnectionUsedPassword(entry->conn))
            ereport(ERROR, (errcode(ERRCODE_S_R_E_PROHIBITED_SQL_STATEMENT_ATTEMPTED), errmsg("password is required"),
                            errdetail("Non-superuser cannot connect if the server does not request a password."),
                            errhint("Shard %d's server must ask this role for its password (pg_hba.conf).", shard)));
    }
    PG_CATCH();
    {
        disconnect(entry);
        PG_RE_THROW();
    }
    PG_END_TRY();
    PQsetNoticeReceiver(entry->conn, keep_notice, nullptr);
    PG_TRY();
    {
        entry->waits = compat::lasting_wait_event_set(3);
        AddWaitEventToSet(entry->waits, WL_LATCH_SET, PGINVALID_SOCKET, MyLatch, nullptr);
        AddWaitEventToSet(entry->waits, WL_EXIT_ON_PM_DEATH, PGINVALID_SOCKET, nullptr, nullptr);
        AddWaitEventToSet(entry->waits, WL_SOCKET_READABLE, PQsocket(entry->conn), nullptr, nullptr);
    }
    PG_CATCH();
    {
        disconnect(entry);
        PG_RE_THROW();
    }
    PG_END_TRY();
}

// Is the idle connection still one a call can use: its shard backend has said nothing
// since (a FATAL when it was terminated or its server shut down), nor closed the socket?
// (One non-blocking read.)
bool still_usable(PGconn *conn) {
    farewell_heard = false;
    if (PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE) return false;
    if (!PQconsumeInput(conn)) return false;
    (void)PQisBusy(conn);  // (parses what came: a FATAL goes to keep_notice)
    const bool usable = !farewell_heard && PQstatus(conn) == CONNECTION_OK;
    farewell_heard = false;
    return usable;
}

// The current role's connection to the shard, made if there is none, or none that still
// works: an idle connection whose shard backend ended (terminated, restarted) has said so
// on its socket, and is replaced before anything is sent on it.
Connection *connection_for(std::int32_t shard) {
    if (connections == nullptr) {
        HASHCTL control;
        memset(&control, 0, sizeof control);
        control.keysize = sizeof(ConnectionKey);
        control.entrysize = sizeof(Connection);
        control.hcxt = TopMemoryContext;
        connections = hash_create("customer_identity shard connections", 8, &control,
                                  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
    }
    ConnectionKey key;
    memset(&key, 0, sizeof key);
    key.shard = shard;
    key.role = GetUserId();
    bool found = false;
    auto *entry = static_cast<Connection *>(hash_search(connections, &key, HASH_ENTER, &found));
    if (!found) {
        entry->conn = nullptr;
        entry->stale = false;
        entry->prepared = nullptr;
        entry->waits = nullptr;
    }
    (void)server_config();  // (accepts a change of the server: marks its connections stale)
    if (entry->conn != nullptr && (entry->stale || !still_usable(entry->conn))) {
        disconnect(entry);
        clear_notices();
    }
    if (entry->conn == nullptr) connect(entry);
    return entry;
}

// Raises the loss of the connection to the shard, with what libpq or the shard said; the
// next call connects again.
[[noreturn]] void raise_lost_connection(std::int32_t shard, const char *said) {
    ereport(ERROR, (errcode(ERRCODE_CONNECTION_FAILURE), errmsg("lost the connection to shard %d", shard),
                    errdetail_internal("%s", said), errhint("The next call connects again.")));
    pg_unreachable();
}

// The next result of the statement in flight, waiting for it (interruptibly).
PGresult *next_result(Connection *entry, std::int32_t shard) {
    PGconn *conn = entry->conn;
    while (PQisBusy(conn)) {
        WaitEvent event;
        if (WaitEventSetWait(entry->waits, -1L, &event, 1, PG_WAIT_EXTENSION) == 1 && (event.events & WL_LATCH_SET)) {
            ResetLatch(MyLatch);
            CHECK_FOR_INTERRUPTS();
        }
        if (!PQconsumeInput(conn)) raise_lost_connection(shard, connection_message(conn));
    }
    return PQgetResult(conn);
}

// Sends a cancel of the statement in flight to the shard (PQcancel: its own connection to
// the shard's postmaster), best effort.
void cancel_statement(PGconn *conn) {
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_ACTIVE) return;
    PGcancel *cancel = PQgetCancel(conn);
    if (cancel == nullptr) return;
    char message[256];
    (void)PQcancel(cancel, message, sizeof message);
    PQfreeCancel(cancel);
}

// Raises a shard's error result as the shard raised it (the result is freed first).
[[noreturn]] void raise_shard_error(PGresult *failure, std::int32_t shard) {
    libpq_calls::raise_remote_error(failure, psprintf("shard %d", shard));
}

// Raises the notices of the call, then hands each row of its answer to the reader; frees
// the answer.
void read_answer(PGresult *answer, RowReader reader, void *context) {
    PG_TRY();
    {
        raise_notices();
        const int rows = answer != nullptr ? PQntuples(answer) : 0;
        for (int row = 0; row < rows; ++row)
            if (!PQgetisnull(answer, row, 0))
                reader(context, PQgetvalue(answer, row, 0), PQgetlength(answer, row, 0));
    }
    PG_CATCH();
    {
        if (answer != nullptr) PQclear(answer);
        PG_RE_THROW();
    }
    PG_END_TRY();
    if (answer != nullptr) PQclear(answer);
}

}  // namespace

// (shard_connection.hpp)
void run(std::int32_t shard, const Statement &statement, const char *const *parameters, RowReader reader,
         void *context) {
    Connection *entry = connection_for(shard);
    PGconn *conn = entry->conn;
    char name[32];  // the statement's name on every connection of this backend
    snprintf(name, sizeof name, "ci_call_%d", statement.number);
    PGresult *volatile answer = nullptr;
    PGresult *volatile failure = nullptr;
    PG_TRY();
    {
        // prepared once per connection: one round trip more, the first time only
        if (!bms_is_member(statement.number, entry->prepared)) {
            if (!PQsendPrepare(conn, name, statement.sql, statement.parameter_count, nullptr))
                raise_lost_connection(shard, connection_message(conn));
            while (PGresult *result = next_result(entry, shard)) {
                if (PQresultStatus(result) != PGRES_COMMAND_OK && failure == nullptr)
                    failure = result;
                else
                    PQclear(result);
            }
            if (failure == nullptr) {
                MemoryContext caller = MemoryContextSwitchTo(TopMemoryContext);
                entry->prepared = bms_add_member(entry->prepared, statement.number);
                MemoryContextSwitchTo(caller);
            }
        }
        if (failure == nullptr) {
            if (!PQsendQueryPrepared(conn, name, statement.parameter_count, parameters, nullptr, nullptr, 0))
                raise_lost_connection(shard, connection_message(conn));
            // the whole answer first: the connection is idle before anything reads it
            while (PGresult *result = next_result(entry, shard)) {
                const ExecStatusType status = PQresultStatus(result);
                if (status == PGRES_TUPLES_OK && answer == nullptr && failure == nullptr)
                    answer = result;
                else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && failure == nullptr)
                    failure = result;
                else
                    PQclear(result);
            }
        }
    }
    PG_CATCH();
    {
        // a cancel, statement_timeout, terminate, or a broken connection: the shard's
        // statement is cancelled and the connection dropped, never left mid-result
        if (answer != nullptr) PQclear(answer);
        if (failure != nullptr) PQclear(failure);
        cancel_statement(entry->conn);
        disconnect(entry);
        clear_notices();
        PG_RE_THROW();
    }
    PG_END_TRY();

    if (PQstatus(conn) != CONNECTION_OK) {
        // the shard backend ended during the call (terminated, the server restarted)
        char *said = failure != nullptr ? pstrdup(PQresultErrorMessage(failure)) : connection_message(conn);
        if (answer != nullptr) PQclear(answer);
        if (failure != nullptr) PQclear(failure);
        disconnect(entry);
        clear_notices();
        const std::size_t length = strlen(said);
        if (length > 0 && said[length - 1] == '\n') said[length - 1] = '\0';
        raise_lost_connection(shard, said);
    }
    if (failure != nullptr) {
        if (answer != nullptr) PQclear(answer);
        clear_notices();
        raise_shard_error(failure, shard);
    }
    read_answer(answer, reader, context);
}

// (shard_connection.hpp)
std::int32_t any_shard() {
    const ServerConfig &server = server_config();
    if (server.partition_count == 0)
        ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE), errmsg("no shard yet"),
                        errhint("SELECT customer_identity.add_shard(conninfo) first.")));
    return static_cast<std::int32_t>(MyProcPid % server.partition_count);
}

}  // namespace ci::shard_connection

using namespace ci;

// shard_connections() -> TABLE (shard integer, role name, backend_pid integer, statements
// integer): this backend's connections to the shards (its own: one per shard and role
// that called), the shard backend serving each and how many statements it has prepared.
CI_SQL_FUNCTION(ci_shard_connections) {
    return entry_guard([&]() -> Datum {
        pg_call([&] {
            TupleDesc desc = spi::start_materialized_srf(fcinfo);
            Tuplestorestate *rows = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo)->setResult;
            if (shard_connection::connections == nullptr) return;
            HASH_SEQ_STATUS scan;
            hash_seq_init(&scan, shard_connection::connections);
            while (auto *entry = static_cast<shard_connection::Connection *>(hash_seq_search(&scan))) {
                if (entry->conn == nullptr) continue;
                Datum values[4];
                bool nulls[4] = {false, false, false, false};
                values[0] = Int32GetDatum(entry->key.shard);
                char *role = GetUserNameFromId(entry->key.role, true);
                nulls[1] = role == nullptr;
                values[1] = role != nullptr ? DirectFunctionCall1(namein, CStringGetDatum(role)) : (Datum)0;
                const int pid = PQbackendPID(entry->conn);
                nulls[2] = PQstatus(entry->conn) != CONNECTION_OK || pid == 0;
                values[2] = Int32GetDatum(pid);
                values[3] = Int32GetDatum(bms_num_members(entry->prepared));
                tuplestore_putvalues(rows, desc, values, nulls);
            }
        });
        return (Datum)0;
    });
}
