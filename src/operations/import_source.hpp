// Reading import_customers' source table without running anyone's code (hostile
// application III, finding 11).
//
// The source belongs to whoever made it, and the importer may be another role.  A query
// over it would run its owner's code with the importer's rights: a row-level security
// policy's functions, an index's expressions or predicate folded by the planner, a cast of
// a type of theirs.  So the source is read by a heap scan, with no planner and no query:
// only a plain table of built-in column types, with no row security that applies to the
// importer, each value converted to text by the built-in cast a query would have used.
#pragma once

extern "C" {
#include "postgres.h"
}

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace ci::import_source {

// The source columns import understands, in order (the rows' `values`).
constexpr const char *known_columns[] = {
    "external_customer_id", "user_id", "email", "phone", "name", "metadata"};
constexpr int column_count = 6;

// One row of the source: its id column as text (when the source has one) and the known
// columns as text (metadata as jsonb's text), each absent when NULL or missing.
struct Row {
    std::optional<std::string> id;
    std::array<std::optional<std::string>, column_count> values;
};

// The source's rows, ordered by its id column when it has one (NULLs last), else as stored;
// has_id tells which.  Checks what the caller may read and that nothing of anyone's runs.
std::vector<Row> read(Oid relid, bool &has_id);

}  // namespace ci::import_source
