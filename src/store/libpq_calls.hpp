// What every libpq client of the module does alike (the proxy's connections to its shards,
// shard_connection; a move's first copy, move_copy): wait on a socket so that a cancel,
// statement_timeout or terminate still reaches the backend, and raise what a remote server
// said as it said it.  C-like, for pg_call bodies (these ereport).
#pragma once

extern "C" {
#include "postgres.h"

#include "libpq-fe.h"
}

namespace ci::libpq_calls {

// Waits until the connection's socket is ready for reading (or writing) or the latch is set;
// serves interrupts.
void wait_for_socket(PGconn *conn, bool for_writing);

// The connection's last libpq message, one line, palloc'd ("out of memory" for no connection).
char *connection_message(PGconn *conn);

// Raises a remote server's error result with its SQLSTATE, message, DETAIL and HINT (08006
// when it has no SQLSTATE) and the given context; frees the result first.
[[noreturn]] void raise_remote_error(PGresult *failure, const char *context);

}  // namespace ci::libpq_calls
