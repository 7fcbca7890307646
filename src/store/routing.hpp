// The proxy's routing (routing.cpp): which shard serves a call, from the backend's copy of
// bucket_directory, under the bucket's routing lock (shared, until the transaction ends).
#pragma once

extern "C" {
#include "postgres.h"

#include "fmgr.h"
}

#include <cstdint>

namespace ci::routing {

// What a routing argument holds: a tenant, an id (which carries its bucket), an invite token.
enum class Key { tenant, id, token };

// The shard serving the bucket of the call's argument (a NULL or malformed one: bucket 0,
// whose shard answers with the error a single server gives), the bucket's routing lock held
// shared until the transaction ends; 55000 when no shard serves it.  The directory is the one
// in the schema of the called function.
std::int32_t route_argument(FunctionCallInfo fcinfo, int argument, Key key);

}  // namespace ci::routing
