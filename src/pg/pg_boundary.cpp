// Implementation of the C++/PostgreSQL boundary guards declared in pg_boundary.hpp.
#include "pg_boundary.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

extern "C" {
#include "access/xact.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
}

namespace ci {

// The PG_TRY frame: nothing here has a destructor, so a longjmp into PG_CATCH is safe.
// (noipa: no build, link-time optimized or not, may inline a body into the setjmp frame.)
__attribute__((noipa)) void pg_try_invoke(void (*fn)(void *), void *ctx) {
    MemoryContext caller_context = CurrentMemoryContext;
    ErrorData *volatile caught = nullptr;
    PG_TRY();
    { fn(ctx); }
    PG_CATCH();
    {
        // CopyErrorData must not run in ErrorContext; copy into the caller's context.
        MemoryContextSwitchTo(caller_context);
        caught = CopyErrorData();
        FlushErrorState();
    }
    PG_END_TRY();
    if (caught != nullptr) throw PgError{caught};
}

// Like pg_try_invoke, plus the subtransaction dance PL/pgSQL does for EXCEPTION blocks.
__attribute__((noipa)) ErrorData *pg_try_subtransaction(void (*fn)(void *), void *ctx) {
    MemoryContext caller_context = CurrentMemoryContext;
    ResourceOwner caller_owner = CurrentResourceOwner;
    ErrorData *volatile caught = nullptr;
    BeginInternalSubTransaction(nullptr);
    MemoryContextSwitchTo(caller_context);
    PG_TRY();
    {
        fn(ctx);
        ReleaseCurrentSubTransaction();
    }
    PG_CATCH();
    {
        MemoryContextSwitchTo(caller_context);
        caught = CopyErrorData();
        FlushErrorState();
        RollbackAndReleaseCurrentSubTransaction();
    }
    PG_END_TRY();
    MemoryContextSwitchTo(caller_context);
    CurrentResourceOwner = caller_owner;
    return caught;
}

SubtransactionMark begin_subtransaction() {
    SubtransactionMark mark{CurrentMemoryContext, CurrentResourceOwner};
    pg_call([] { BeginInternalSubTransaction(nullptr); });
    MemoryContextSwitchTo(mark.context);
    return mark;
}

void roll_back_subtransaction(const SubtransactionMark &mark) {
    pg_call([] { RollbackAndReleaseCurrentSubTransaction(); });
    MemoryContextSwitchTo(mark.context);
    CurrentResourceOwner = static_cast<ResourceOwner>(mark.owner);
}

CaughtError caught_error() {
    CaughtError caught;
    try {
        throw;
    } catch (const PgError &error) {
        // Read before the subtransaction's memory goes (the copy may live in it).
        caught.sqlstate = error.data->sqlerrcode;
        caught.message = error.data->message ? error.data->message : "";
        caught.detail = error.data->detail ? error.data->detail : "";
        caught.hint = error.data->hint ? error.data->hint : "";
    } catch (const IdentityError &error) {
        caught.sqlstate = error.sqlstate();
        caught.message = error.message();
        caught.detail = error.detail();
        caught.hint = error.hint();
    }
    return caught;
}

// Copies at most size-1 bytes of text into a fixed buffer, always terminated.
static void copy_text(char *buffer, std::size_t size, const char *text) noexcept {
    std::snprintf(buffer, size, "%s", text);
}

void capture_exception(PendingError &pending) noexcept {
    try {
        throw;
    } catch (const PgError &error) {
        pending.pg = error.data;
    } catch (const IdentityError &error) {
        pending.sqlstate = error.sqlstate();
        copy_text(pending.message, sizeof pending.message, error.message().c_str());
        copy_text(pending.detail, sizeof pending.detail, error.detail().c_str());
        copy_text(pending.hint, sizeof pending.hint, error.hint().c_str());
    } catch (const std::bad_alloc &) {
        pending.sqlstate = ERRCODE_OUT_OF_MEMORY;
        copy_text(pending.message, sizeof pending.message, "out of memory in customer_identity");
    } catch (const std::exception &error) {
        pending.sqlstate = ERRCODE_INTERNAL_ERROR;
        std::snprintf(pending.message, sizeof pending.message,
                      "customer_identity internal error: %s", error.what());
    } catch (...) {
        pending.sqlstate = ERRCODE_INTERNAL_ERROR;
        copy_text(pending.message, sizeof pending.message,
                  "customer_identity internal error: unknown exception");
    }
}

void raise_pending(PendingError &pending) {
    if (pending.pg != nullptr) ReThrowError(pending.pg);
    ereport(ERROR, (errcode(pending.sqlstate), errmsg_internal("%s", pending.message),
                    pending.detail[0] ? errdetail_internal("%s", pending.detail) : 0,
                    pending.hint[0] ? errhint("%s", pending.hint) : 0));
    pg_unreachable();
}

std::string quote_for_message(const std::string &value) {
    constexpr std::size_t limit = 80;
    // Cut on a UTF-8 character boundary so the message stays valid text.
    std::size_t cut = std::min(limit, value.size());
    while (cut > 0 && cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
        --cut;
    std::string quoted = "\"";
    // ASCII control characters are shown escaped, never raw in a log line.
    for (std::size_t i = 0; i < cut; ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if (c < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            quoted += escaped;
        } else {
            quoted += static_cast<char>(c);
        }
    }
    return quoted + (cut < value.size() ? "...\"" : "\"");
}

std::string_view text_view(Datum value) {
    const auto *text = reinterpret_cast<const struct varlena *>(DatumGetPointer(value));
    if (VARATT_IS_COMPRESSED(text) || VARATT_IS_EXTERNAL(text))
        pg_call([&] { text = PG_DETOAST_DATUM_PACKED(value); });
    return {VARDATA_ANY(text), VARSIZE_ANY_EXHDR(text)};
}

}  // namespace ci
