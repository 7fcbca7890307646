// Walks over stored jsonb without recursion (jsonb_walk.cpp).
//
// Audit payloads and metadata are data the application wrote: a value nested a thousand
// levels deep must not make a walk over it exhaust the stack (recursive plpgsql or a
// recursive C walk did, and an append-only audit trail keeps such a value for good).  Every
// walk here keeps its own stack of containers on the heap, so its depth costs memory, never
// stack.  Each function needs a PostgreSQL memory context (call it from an entry point).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pg_boundary.hpp"

namespace ci::jsonb {

// A string leaf of a jsonb value and where it sits.
struct Leaf {
    std::optional<std::string> key;  // the member key it is the value of; array elements
                                     // take the key of their array (none at the root)
    std::string value;
    int depth = 0;  // containers around it (1: a member or element of the root)
    // The nearest enclosing row snapshot (an object with keys "id" and "email_normalized",
    // as merge events record customer rows): its id, and the column the leaf is under.
    std::optional<std::string> snapshot_id;
    std::optional<std::string> snapshot_column;
};

// Every string leaf of the value, in document order.
std::vector<Leaf> string_leaves(Datum value);

// What erased() takes out of a value (see erased_jsonb in the 0.10.0 script).
struct Erasure {
    std::vector<std::string> personal;    // replaced inside strings, and whole
    std::vector<std::string> erased_ids;  // their row snapshots lose the personal columns
    std::vector<std::string> whole;       // a string or number equal to one becomes null
};

// The value without the person's values; the same Datum when nothing changes.  Strings
// that hold one of them go through customer_identity.erased_text(text, personal_array).
Datum erased(Datum value, const Erasure &erasure, Datum personal_array);

// The shape of a metadata value, read only as far as the bounds need.
struct Shape {
    bool object = false;    // the root is a JSON object
    bool null = false;      // the root is JSON null
    bool too_deep = false;  // more than max_depth containers nest somewhere
    std::size_t bytes = 0;  // its size as jsonb, uncompressed
};

// Reads the shape; stops once max_depth is exceeded, and reads nothing but the size of a
// value over max_bytes.
Shape shape(Datum value, int max_depth, std::size_t max_bytes);

// Does the jsonb hold no key or element at all ('{}' or '[]')?  Read from its container
// header in place (no detoasted copy); false for a compressed or out-of-line value.
bool is_empty(Datum value);

// Is the jsonb the empty object '{}' (the metadata columns' default)?  As is_empty.
bool is_empty_object(Datum value);

}  // namespace ci::jsonb
