// The shared library's identity: PostgreSQL checks this magic block when loading it.
#include "pg_boundary.hpp"

extern "C" {
PG_MODULE_MAGIC;
}
