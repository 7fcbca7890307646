// libpq_calls.hpp: the waits and the error raising every libpq client of the module shares.
#include "libpq_calls.hpp"

extern "C" {
#include "miscadmin.h"
#include "storage/latch.h"
#include "utils/wait_event.h"
}

#include <cstring>

namespace ci::libpq_calls {

// Waits until the socket is ready for reading (or writing), or a latch (interrupts) is set;
// interrupts are served here.
void wait_for_socket(PGconn *conn, bool for_writing) {
    const int events = WL_LATCH_SET | WL_EXIT_ON_PM_DEATH | (for_writing ? WL_SOCKET_WRITEABLE : WL_SOCKET_READABLE);
    const int ready = WaitLatchOrSocket(MyLatch, events, PQsocket(conn), -1L, PG_WAIT_EXTENSION);
    if (ready & WL_LATCH_SET) {
        ResetLatch(MyLatch);
        CHECK_FOR_INTERRUPTS();
    }
}

// The libpq message of a failed connection, one line.
char *connection_message(PGconn *conn) {
    char *message = pstrdup(conn != nullptr ? PQerrorMessage(conn) : "out of memory");
    const std::size_t length = strlen(message);
    if (length > 0 && message[length - 1] == '\n') message[length - 1] = '\0';
    return message;
}

// Raises a remote error result as the remote server raised it (the result is freed first).
[[noreturn]] void raise_remote_error(PGresult *failure, const char *context) {
    auto copy = [&](int field) -> char * {
        const char *value = PQresultErrorField(failure, field);
        return value != nullptr ? pstrdup(value) : nullptr;
    };
    const char *state = PQresultErrorField(failure, PG_DIAG_SQLSTATE);
    const int code = state != nullptr && strlen(state) == 5 ? MAKE_SQLSTATE(state[0], state[1], state[2], state[3], state[4])
                                                            : ERRCODE_CONNECTION_FAILURE;
    char *message = copy(PG_DIAG_MESSAGE_PRIMARY);
    char *detail = copy(PG_DIAG_MESSAGE_DETAIL);
    char *hint = copy(PG_DIAG_MESSAGE_HINT);
    if (message == nullptr) message = pstrdup(PQresultErrorMessage(failure));
    PQclear(failure);
    ereport(ERROR, (errcode(code), errmsg_internal("%s", message), detail ? errdetail_internal("%s", detail) : 0,
                    hint ? errhint("%s", hint) : 0, errcontext("%s", context)));
    pg_unreachable();
}

}  // namespace ci::libpq_calls
