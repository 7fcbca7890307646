// The proxy's own connections to its shards (customer_identity_proxy): one libpq connection
// per shard and role, kept by the backend, each statement prepared once per connection.
//
// The proxy's API functions used to reach a shard through PL/Proxy (RUN ON, an SPI query
// per call, an unnamed statement the shard parsed and planned every call).  They now send
// their call themselves, routed by the C directory (routing.hpp), on a connection made
// exactly as PL/Proxy makes its own: the partition's connection string from the foreign
// server customer_identity_shards (p<n>), with the user and password of the current role's
// user mapping (or PUBLIC's) appended -- the same single source of connection strings and
// credentials, the same rule that only the owner writes the mappings.
#pragma once

extern "C" {
#include "postgres.h"
}

#include <cstdint>

namespace ci::shard_connection {

// A statement a proxied call sends: a number unique in the backend's life (never reused for
// another text: it names the prepared statement) and its text with $1..$n, each cast to its
// type (parameters go as text).
struct Statement {
    int number;
    const char *sql;
    int parameter_count;
};

// Reads one row of a shard's answer: its first column, as text (never NULL).  May ereport:
// it runs once the connection is idle again.
using RowReader = void (*)(void *context, const char *value, int length);

// Runs the statement on shard n as the current role, with the parameters as text (nullptr:
// NULL), and hands each row of its answer to the reader.  The shard autocommits it.  A
// shard's SQL error is raised with its fields; a broken connection with 08006 (08001: none
// could be made; the next call connects again); a cancel or statement_timeout on the proxy
// cancels the shard's statement and drops the connection.  Inside pg_call.
void run(std::int32_t shard, const Statement &statement, const char *const *parameters, RowReader reader,
         void *context);

// A shard for a call any shard may answer: the same one for the backend's life, by pid (the
// backends spread over the shards; PL/Proxy's RUN ON ANY picked one at random per call).
// Inside pg_call.
std::int32_t any_shard();

}  // namespace ci::shard_connection
