// Saved, cached SQL plans (prepared once per backend, as ri_triggers.c does) and
// C++-friendly access to their results.  Every PostgreSQL call here runs in pg_call.
//
// SQL text given to a Statement must be immune to search_path: schema-qualify every
// table, function and type, and write operators as OPERATOR(pg_catalog.=).
#pragma once

#include "pg_boundary.hpp"

extern "C" {
#include "executor/spi.h"
}

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ci::spi {

constexpr int max_params = 16;

// A SQL statement prepared on first use and kept for the life of the backend.
struct Statement {
    const char *sql;
    int nargs;
    Oid argtypes[max_params];
    SPIPlanPtr plan;
};

// Bound parameter values for one execution; plain storage, safe across pg_call.
class Params {
  public:
    Params &text(const std::optional<std::string> &value);
    Params &int8(std::optional<std::int64_t> value);
    Params &int4(std::optional<std::int64_t> value);
    Params &boolean(std::optional<bool> value);
    Params &bytea(const std::string &bytes);
    Params &timestamptz(std::optional<std::int64_t> value);
    // A Datum passed straight through (e.g. a function argument of the statement's type).
    Params &raw(Datum value);
    // A text[] whose elements may be NULL.
    Params &text_array(const std::vector<std::optional<std::string>> &elements);
    const Datum *values() const { return values_; }
    const char *nulls() const { return nulls_; }
    int count() const { return count_; }

  private:
    Params &push(Datum value, bool is_null);
    Datum values_[max_params] = {};
    char nulls_[max_params] = {};
    int count_ = 0;
};

// Opens the SPI connection for one entry point.
void connect();
// Closes it; results read before this call stay valid as C++ values.
void finish();

enum class Visibility { current, latest };

// Runs the statement; returns the number of rows it returned or touched.
std::uint64_t run(Statement &stmt, const Params &params, long max_rows = 0, bool read_only = false,
                  Visibility visibility = Visibility::current);

// Runs the statement in a subtransaction.  An error with SQLSTATE `tolerated` rolls the
// subtransaction back and returns false; any other error propagates as usual.
bool run_tolerating(Statement &stmt, const Params &params, int tolerated);

// Values of the last run's result, by row and 1-based column; nullopt for NULL.
std::optional<std::int64_t> int8_at(std::uint64_t row, int column);
std::optional<std::string> text_at(std::uint64_t row, int column);
bool bool_at(std::uint64_t row, int column);
// The raw value (valid until the next run or finish); nullopt for NULL.
std::optional<Datum> datum_at(std::uint64_t row, int column);

// Starts the set result of a materialize-mode SRF (plain C: call it inside pg_call) and
// returns the row type to form its rows with.  When the executor gives the row type it
// expects, that is used as it is: no catalog lookup, no copy of it per call, nothing for the
// executor to cross-check and free (setDesc stays NULL, which the executor allows).
TupleDesc start_materialized_srf(FunctionCallInfo fcinfo);

// Returns the last run's rows as the set result of a materialize-mode SRF.
void materialize_result(FunctionCallInfo fcinfo);

}  // namespace ci::spi
