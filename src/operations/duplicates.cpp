// suggest_duplicates' C entries: the tenant a run acts in, and a name in the parts the model
// compares (the model itself is SQL: extension/customer_identity--0.9.0--0.10.0.sql, README
// "Probable duplicates").
#include "chinese_reading.hpp"
#include "errors.hpp"
#include "input.hpp"
#include "name_fold.hpp"
#include "name_parts.hpp"
#include "pg_boundary.hpp"
#include "sharding.hpp"
#include "spi.hpp"
#include "tenant_scope.hpp"
#include "text_array.hpp"

extern "C" {
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
}

#include <memory>
#include <vector>

using namespace ci;

namespace {

// The nickname table, read as the caller (its rows are the owner's to add).
spi::Statement all_nicknames = {
    "SELECT n.nickname, n.given_name FROM customer_identity.nickname n", 0, {}, nullptr};

// What one statement's calls of duplicate_name share: the nickname table as the statement's
// first call read it, and the row type; freed with the statement's function memory.
struct NameCallCache {
    NicknameIndex nicknames;
    TupleDesc row_type = nullptr;
    MemoryContextCallback on_free{};
};

// The statement's function memory is going: so is its cache.
void free_name_cache(void *arg) { delete static_cast<NameCallCache *>(arg); }

// The cache of the statement calling (fn_extra), read on its first call.
const NameCallCache &name_cache_of(FunctionCallInfo fcinfo) {
    FmgrInfo *flinfo = fcinfo->flinfo;
    if (flinfo->fn_extra != nullptr) return *static_cast<NameCallCache *>(flinfo->fn_extra);
    auto cache = std::make_unique<NameCallCache>();
    spi::connect();
    const std::uint64_t rows = spi::run(all_nicknames, spi::Params(), 0, true);
    for (std::uint64_t row = 0; row < rows; ++row) {
        auto nickname = spi::text_at(row, 1);
        auto given_name = spi::text_at(row, 2);
        if (nickname && given_name)
            cache->nicknames.add(std::move(*nickname), std::move(*given_name));
    }
    spi::finish();
    NameCallCache *kept = cache.get();
    pg_call([&] {
        MemoryContext caller = MemoryContextSwitchTo(flinfo->fn_mcxt);
        TupleDesc desc = nullptr;
        if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
            ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                            errmsg("duplicate_name must return a record")));
        kept->row_type = BlessTupleDesc(desc);
        MemoryContextSwitchTo(caller);
        kept->on_free.func = free_name_cache;
        kept->on_free.arg = kept;
        MemoryContextRegisterResetCallback(flinfo->fn_mcxt, &kept->on_free);
        flinfo->fn_extra = kept;
    });
    cache.release();
    return *kept;
}

// A text value, or a NULL one.
Datum text_or_null(const std::optional<std::string> &value, bool &is_null) {
    is_null = !value;
    return value ? PointerGetDatum(cstring_to_text_with_len(value->data(), value->size()))
                 : (Datum)0;
}

}  // namespace

// The tenant suggest_duplicates and set_duplicate_threshold act in: checked as every
// function checks it (a bound role acts in its own), and served by this shard.
CI_SQL_FUNCTION(ci_duplicate_tenant) {
    return entry_guard([&] {
        const std::string tenant = checked_tenant(text_arg(fcinfo, 0));
        sharding::require_served(tenant);
        Datum result = (Datum)0;
        pg_call([&] {
            result = PointerGetDatum(cstring_to_text_with_len(tenant.data(), tenant.size()));
        });
        return result;
    });
}

// duplicate_name(name, reading): first_name, last_name, given_names, middle, suffix, words
// (name_parts.hpp); 55000 when the name cannot be folded, as duplicate_fold.
CI_SQL_FUNCTION(ci_duplicate_name) {
    return entry_guard([&] {
        const NameReading reading = name_reading(required(text_arg(fcinfo, 1), "reading"));
        const NamePartsResult result = name_parts(*text_arg(fcinfo, 0), reading);
        if (!result.ok)
            throw IdentityError(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, result.error,
                                std::string(), kNameFoldPrerequisites);
        const NameCallCache &cache = name_cache_of(fcinfo);
        const NameParts &parts = result.parts;
        std::vector<std::string> given_names;
        if (parts.first_name) given_names = cache.nicknames.given_names(*parts.first_name);
        Datum row = (Datum)0;
        pg_call([&] {
            Datum values[6];
            bool nulls[6];
            values[0] = text_or_null(parts.first_name, nulls[0]);
            values[1] = text_or_null(parts.last_name, nulls[1]);
            nulls[2] = !parts.first_name;
            values[2] = parts.first_name ? text_array_of(given_names) : (Datum)0;
            values[3] = text_or_null(parts.middle, nulls[3]);
            values[4] = text_or_null(parts.suffix, nulls[4]);
            nulls[5] = false;
            values[5] = text_array_of(parts.words);
            row = HeapTupleGetDatum(heap_form_tuple(cache.row_type, values, nulls));
        });
        return row;
    });
}

// duplicate_sibling_names(given, other): two given names in pinyin that siblings would bear
// (chinese_reading.hpp), for the Chinese reading's name comparison.
CI_SQL_FUNCTION(ci_duplicate_sibling_names) {
    return entry_guard([&] {
        const bool siblings = sibling_given_names(*text_arg(fcinfo, 0), *text_arg(fcinfo, 1));
        return BoolGetDatum(siblings);
    });
}
