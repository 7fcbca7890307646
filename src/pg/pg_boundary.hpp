// The one place where C++ meets PostgreSQL.
//
// Two rules, and the two guards that keep them:
//  * A C++ exception must never unwind into PostgreSQL's C frames.  Every
//    extern "C" entry point runs its body through entry_guard(), which catches
//    everything and raises the PostgreSQL error only after the C++ frames are gone.
//  * A PostgreSQL error (a longjmp) must never skip a C++ destructor.  Every call
//    into PostgreSQL that may ereport(ERROR) runs inside pg_call(), whose PG_TRY
//    turns the error into a C++ PgError.  Inside a pg_call body, create no object
//    with a non-trivial destructor and call nothing that throws C++ exceptions:
//    read PostgreSQL values into plain variables, convert them outside.
#pragma once

extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "utils/elog.h"
}

#include "pg_compat.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ci {

// A PostgreSQL error caught by pg_call, carried up to the entry guard.
struct PgError {
    ErrorData *data;
};

// A rule of the extension was broken: raised as a PostgreSQL error at the boundary.
class IdentityError {
  public:
    IdentityError(int sqlstate, std::string message, std::string detail = {}, std::string hint = {})
        : sqlstate_(sqlstate),
          message_(std::move(message)),
          detail_(std::move(detail)),
          hint_(std::move(hint)) {}
    int sqlstate() const { return sqlstate_; }
    const std::string &message() const { return message_; }
    const std::string &detail() const { return detail_; }
    const std::string &hint() const { return hint_; }

  private:
    int sqlstate_;
    std::string message_, detail_, hint_;
};

// Runs fn(ctx) under PG_TRY; a PostgreSQL error becomes a thrown PgError.
void pg_try_invoke(void (*fn)(void *), void *ctx);

// Runs a body that calls PostgreSQL; see the rules at the top of this file.
template <typename Body>
void pg_call(Body &&body) {
    pg_try_invoke([](void *ctx) { (*static_cast<Body *>(ctx))(); },
                  const_cast<void *>(static_cast<const void *>(&body)));
}

// Runs fn(ctx) in a subtransaction; returns the PostgreSQL error that rolled it back,
// or nullptr when it committed.  The caller decides whether to tolerate or rethrow it.
ErrorData *pg_try_subtransaction(void (*fn)(void *), void *ctx);

// Runs a body that calls PostgreSQL inside a subtransaction; see pg_try_subtransaction.
template <typename Body>
ErrorData *pg_subtransaction(Body &&body) {
    ErrorData *error = nullptr;
    pg_call([&] {
        error = pg_try_subtransaction([](void *ctx) { (*static_cast<Body *>(ctx))(); },
                                      const_cast<void *>(static_cast<const void *>(&body)));
    });
    return error;
}

// An error a body run by run_and_roll_back raised, as plain values.
struct CaughtError {
    int sqlstate = 0;
    std::string message, detail, hint;
};

// The caller's memory context and resource owner, kept across a subtransaction.
struct SubtransactionMark {
    MemoryContext context;
    void *owner;  // ResourceOwner
};
SubtransactionMark begin_subtransaction();
void roll_back_subtransaction(const SubtransactionMark &mark);
// The PostgreSQL or extension error being handled, as plain values (inside a catch block).
CaughtError caught_error();

// Runs a C++ body in a subtransaction that is always rolled back, so that whatever it wrote,
// locked or queued is gone (merge_preview runs the real merge so).  Returns the error the
// body raised, nullopt when it ran through.  Extract what the body found into C++ values
// before it returns: memory PostgreSQL allocated in the subtransaction goes with it.
template <typename Body>
std::optional<CaughtError> run_and_roll_back(Body &&body) {
    const SubtransactionMark mark = begin_subtransaction();
    std::optional<CaughtError> error;
    try {
        body();
    } catch (const PgError &) {
        error = caught_error();
    } catch (const IdentityError &) {
        error = caught_error();
    } catch (...) {
        roll_back_subtransaction(mark);
        throw;
    }
    roll_back_subtransaction(mark);
    return error;
}

// A C++ error captured in plain storage, so it can be raised after the C++ frames are gone.
// (Only the first byte of each text is cleared: every entry point builds one per call.)
struct PendingError {
    ErrorData *pg = nullptr;
    int sqlstate = 0;
    char message[1024];
    char detail[1024];
    char hint[512];
    PendingError() noexcept { message[0] = detail[0] = hint[0] = '\0'; }
};

// Copies the current C++ exception into plain storage (no allocation, no throw).
void capture_exception(PendingError &pending) noexcept;

// Raises the captured error as a PostgreSQL ERROR; never returns.
[[noreturn]] void raise_pending(PendingError &pending);

// Runs an entry point's body; any exception becomes an ereport once the body's frames are gone.
template <typename Body>
Datum entry_guard(Body &&body) {
    PendingError pending;
    Datum result = (Datum)0;
    try {
        result = body();
    } catch (...) {
        capture_exception(pending);
    }
    if (pending.pg != nullptr || pending.sqlstate != 0) raise_pending(pending);
    return result;
}

// The text a text Datum holds, viewed in place; only a compressed or out-of-line value calls
// PostgreSQL (detoasting may fail), into the current memory context.
std::string_view text_view(Datum value);

// Truncates a caller-supplied value for use inside an error message.
std::string quote_for_message(const std::string &value);

}  // namespace ci

// Declares and defines a SQL-callable C entry point; its body must return entry_guard(...).
#define CI_SQL_FUNCTION(name)  \
    extern "C" {               \
    PG_FUNCTION_INFO_V1(name); \
    }                          \
    extern "C" PGDLLEXPORT Datum name(PG_FUNCTION_ARGS)
