// import_customers(source, tenant_id, dry_run): adopt rows from a caller's staging table.
//
// The source has any subset of customer's columns (name, email, phone,
// external_customer_id, user_id, metadata; others are ignored).  Rows that share an
// identifier (after normalization, transitively) are one entity, inside the batch and
// against the tenant's active customers.  A group that points at one existing customer
// fills what that customer lacks; a group that points at none becomes one new customer;
// a group that points at two customers, or holds two values of one identifier, is a
// conflict and is left out.  The dry run returns the plan; otherwise the same rows say
// what was done, in one transaction, and every decision lands in identity_event.
#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit.hpp"
#include "sharding.hpp"
#include "errors.hpp"
#include "grouping.hpp"
#include "identity_lock.hpp"
#include "import_source.hpp"
#include "input.hpp"
#include "pg_boundary.hpp"
#include "spi.hpp"
#include "store.hpp"

extern "C" {
#include "miscadmin.h"
#include "utils/acl.h"
#include "access/transam.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"
}

namespace ci {
namespace {

using import_source::column_count;

// One staging row: raw values and their normalized identifiers.
struct SourceRow : RawIdentity {
    std::string key;  // the source's id column, or the row's position
    std::array<std::optional<std::string>, column_count> raw;
};

// One line of the plan.
struct Step {
    std::string source_row, action;
    std::optional<std::int64_t> customer_id;
    std::optional<std::string> group_row;
    std::string reason;
    std::size_t group = 0;  // index of its group (the source's id column need not be unique)
};

std::string id_text(std::int64_t id) { return std::to_string(id); }

// Reads and normalizes the staging rows.
std::vector<SourceRow> read_source(Oid relid, const std::string &tenant) {
    bool has_id = false;
    std::vector<import_source::Row> rows = import_source::read(relid, has_id);
    std::vector<SourceRow> result;
    result.reserve(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
        SourceRow r;
        r.key = has_id ? rows[row].id.value_or("(null id)") : std::to_string(row + 1);
        for (int i = 0; i < column_count; ++i) r.raw[i] = std::move(rows[row].values[i]);
        static_cast<RawIdentity &>(r) =
            identity_of_raw(tenant, r.raw[0], r.raw[1], r.raw[2], r.raw[3]);
        if (r.malformed.empty() && !r.keys[0] && !r.keys[1] && !r.keys[2] && !r.keys[3])
            r.malformed =
                r.blocked.empty()
                    ? "row has no identifier (external_customer_id, user_id, email or phone)"
                    : "row has no identifier but blocked values (" + r.blocked + ")";
        result.push_back(std::move(r));
    }
    return result;
}

// A group of rows that are one entity, and what it points at.
struct Group {
    std::vector<std::size_t> rows;                   // indexes into the source rows, in order
    std::array<std::optional<std::string>, 4> keys;  // the group's value per identifier
    std::set<std::int64_t> existing;                 // active customers it points at
    std::array<bool, 4> aliases{};                   // matched through a merged-away customer
    std::string conflict;
};

class Importer {
  public:
    Importer(std::string tenant, std::string source, std::vector<SourceRow> rows)
        : tenant_(std::move(tenant)), source_(std::move(source)), rows_(std::move(rows)) {}

    // Builds the plan: groups, what each points at, conflicts.
    std::vector<Step> plan() {
        group_rows();
        std::vector<Step> steps;
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (!rows_[i].malformed.empty())
                steps.push_back({rows_[i].key, "skip", std::nullopt, std::nullopt,
                                 rows_[i].malformed + "; fix the row first"});
        for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
            Group &g = groups_[gi];
            examine(g);
            const std::string &leader = rows_[g.rows.front()].key;
            for (std::size_t n = 0; n < g.rows.size(); ++n) {
                const SourceRow &r = rows_[g.rows[n]];
                std::optional<std::string> group_row;
                if (n > 0) group_row = leader;
                if (!g.conflict.empty())
                    steps.push_back({r.key, "conflict", std::nullopt, group_row, g.conflict, gi});
                else if (!g.existing.empty())
                    steps.push_back({r.key, "match", *g.existing.begin(), group_row,
                                     "same entity as customer " + id_text(*g.existing.begin()),
                                     gi});
                else if (n == 0)
                    steps.push_back({r.key, "create", std::nullopt, std::nullopt,
                                     g.rows.size() > 1 ? "new customer for " +
                                                             std::to_string(g.rows.size()) + " rows"
                                                       : "new customer",
                                     gi});
                else
                    steps.push_back({r.key, "merge", std::nullopt, group_row,
                                     "same entity as row " + leader, gi});
            }
        }
        return steps;
    }

    // Carries the plan out (creations and enrichments), filling in customer ids.
    void apply(std::vector<Step> &steps) {
        std::vector<IdentityKey> keys;
        for (const Group &g : groups_)
            if (g.conflict.empty())
                for (Identifier id : all_identifiers)
                    if (g.keys[static_cast<int>(id)])
                        keys.push_back({identifier_name(id), *g.keys[static_cast<int>(id)]});
        lock_identities(tenant_, keys);
        std::vector<std::optional<std::int64_t>> customer_of_group(groups_.size());
        for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
            Group &g = groups_[gi];
            if (!g.conflict.empty()) continue;
            examine(g);  // again, under the locks
            if (!g.conflict.empty())
                throw IdentityError(sqlstate::serialization_failure,
                                    "the tenant's customers changed while importing", g.conflict,
                                    "Run the import again.");
            const CustomerFields fields = merged_fields(g);
            const std::string &leader = rows_[g.rows.front()].key;
            if (!g.existing.empty()) {
                const std::int64_t id = *g.existing.begin();
                auto record = store::load_customer(id, store::Lock::for_update);
                if (lacks_something(*record, fields) ||
                    (fields.metadata && store::lacks_metadata_keys(id, *fields.metadata))) {
                    if (!store::fill_missing_fields(id, fields,
                                                   g.keys[static_cast<int>(Identifier::email)],
                                                   g.keys[static_cast<int>(Identifier::phone)]))
                        throw IdentityError(sqlstate::serialization_failure,
                                            "an identifier of customer " + id_text(id) +
                                                " was taken while importing",
                                            {}, "Run the import again.");
                    record_event({tenant_,
                                  "enriched",
                                  id,
                                  std::nullopt,
                                  std::nullopt,
                                  "import",
                                  {{"source_row", leader}}});
                }
                customer_of_group[gi] = id;
                continue;
            }
            const auto created = store::insert_customer(tenant_, fields);
            if (!created)
                throw IdentityError(sqlstate::serialization_failure,
                                    "a customer with the identifiers of row " + leader +
                                        " appeared while importing",
                                    {}, "Run the import again.");
            record_event({tenant_,
                          "created",
                          *created,
                          std::nullopt,
                          std::nullopt,
                          "import",
                          {{"source_row", leader}, {"rows", std::to_string(g.rows.size())}}});
            customer_of_group[gi] = *created;
        }
        for (Step &s : steps) {
            if (s.action == "skip" || s.action == "conflict") {
                record_left_alone_once(
                    {tenant_,
                     "import_left_alone",
                     std::nullopt,
                     std::nullopt,
                     std::nullopt,
                     "import",
                     {{"source", source_}, {"source_row", s.source_row}, {"reason", s.reason}}});
                continue;
            }
            s.customer_id = customer_of_group[s.group];
        }
    }

  private:
    std::string tenant_;
    std::string source_;  // the staging relation's name, for the audit trail
    std::vector<SourceRow> rows_;
    std::vector<Group> groups_;

    // Gathers the rows that are one entity into groups.
    void group_rows() {
        std::vector<const RawIdentity *> identities;
        for (const SourceRow &row : rows_) identities.push_back(&row);
        for (auto &indexes : group_by_identifiers(identities)) {
            groups_.emplace_back();
            groups_.back().rows = std::move(indexes);
        }
    }

    // Finds the group's values, the customers it points at, and any conflict.
    void examine(Group &g) {
        g.keys = {};
        g.existing.clear();
        g.aliases = {};
        g.conflict.clear();
        for (std::size_t i : g.rows) {
            for (Identifier id : all_identifiers) {
                const auto &value = rows_[i].keys[static_cast<int>(id)];
                auto &slot = g.keys[static_cast<int>(id)];
                if (!value) continue;
                if (slot && *slot != *value) {
                    g.conflict = "rows of one entity disagree on " +
                                 std::string(identifier_name(id)) + ": " +
                                 quote_for_message(*slot) + " and " + quote_for_message(*value);
                    return;
                }
                slot = value;
            }
        }
        for (Identifier id : all_identifiers) {
            const auto &value = g.keys[static_cast<int>(id)];
            if (!value) continue;
            if (auto holder = store::find_active_customer(tenant_, id, *value)) {
                g.existing.insert(*holder);
                continue;
            }
            // A merged-away customer's identifier is an alias of the one it was merged into.
            if (auto merged_into = store::find_merged_alias(tenant_, id, *value)) {
                auto end = store::follow_merges(*merged_into);
                if (end && !end->archived) {
                    g.existing.insert(end->id);
                    g.aliases[static_cast<int>(id)] = true;
                }
            }
        }
        if (g.existing.size() > 1) {
            std::string ids;
            for (std::int64_t id : g.existing) ids += (ids.empty() ? "" : " and ") + id_text(id);
            g.conflict = "its identifiers point at different customers: " + ids;
            return;
        }
        if (g.existing.empty()) return;
        auto record = store::load_customer(*g.existing.begin());
        for (Identifier id : all_identifiers) {
            const auto &value = g.keys[static_cast<int>(id)];
            if (value && !g.aliases[static_cast<int>(id)] && record->value(id) &&
                *record->value(id) != *value) {
                g.conflict = "customer " + id_text(record->id) + " has " + identifier_name(id) +
                             " " + quote_for_message(*record->value(id)) + ", the rows say " +
                             quote_for_message(*value);
                return;
            }
        }
    }

    // The values a group gives its customer: the first non-null of each column, in row order.
    CustomerFields merged_fields(const Group &g) const {
        CustomerFields fields;
        std::optional<std::string> *targets[column_count] = {&fields.external_customer_id,
                                                             &fields.user_id,
                                                             &fields.email,
                                                             &fields.phone,
                                                             &fields.name,
                                                             &fields.metadata};
        for (std::size_t i : g.rows)
            for (int c = 0; c < column_count; ++c)
                if (!*targets[c] && rows_[i].raw[c]) *targets[c] = rows_[i].raw[c];
        return fields;
    }

    // Does the customer lack a value the group gives?
    static bool lacks_something(const CustomerRecord &record, const CustomerFields &fields) {
        return (fields.external_customer_id && !record.value(Identifier::external_customer_id)) ||
               (fields.user_id && !record.value(Identifier::user_id)) ||
               (fields.email && !record.value(Identifier::email)) ||
               (fields.phone && !record.value(Identifier::phone)) ||
               (fields.name && !record.has_name);
    }
};

// Returns the steps as the function's result set.
void emit(FunctionCallInfo fcinfo, const std::vector<Step> &steps) {
    TupleDesc row_type = nullptr;
    pg_call([&] { row_type = spi::start_materialized_srf(fcinfo); });
    for (const Step &s : steps) {
        const char *row = s.source_row.c_str();
        const char *action = s.action.c_str();
        const char *group = s.group_row ? s.group_row->c_str() : nullptr;
        const char *reason = s.reason.c_str();
        pg_call([&] {
            ReturnSetInfo *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
            Datum values[5] = {CStringGetTextDatum(row), CStringGetTextDatum(action),
                               s.customer_id ? Int64GetDatum(*s.customer_id) : (Datum)0,
                               group ? CStringGetTextDatum(group) : (Datum)0,
                               CStringGetTextDatum(reason)};
            bool nulls[5] = {false, false, !s.customer_id, group == nullptr, false};
            tuplestore_putvalues(rsinfo->setResult, row_type, values, nulls);
        });
    }
}

}  // namespace
}  // namespace ci

using namespace ci;

CI_SQL_FUNCTION(ci_import_customers) {
    return entry_guard([&] {
        if (PG_ARGISNULL(0))
            throw IdentityError(ERRCODE_NULL_VALUE_NOT_ALLOWED, "source must not be null");
        const Oid source = PG_GETARG_OID(0);
        const std::string tenant = checked_tenant(text_arg(fcinfo, 1));
        sharding::require_served(tenant);
        const auto dry_run = bool_arg(fcinfo, 2);
        if (!dry_run) throw IdentityError(sqlstate::malformed_input, "dry_run must not be null");
        spi::connect();
        const char *name = nullptr;
        pg_call([&] { name = get_rel_name(source); });
        if (name == nullptr)
            throw IdentityError(ERRCODE_UNDEFINED_TABLE, "import source does not exist");
        Importer importer(tenant, name, read_source(source, tenant));
        std::vector<Step> steps = importer.plan();
        if (!*dry_run) importer.apply(steps);
        spi::finish();
        emit(fcinfo, steps);
        return (Datum)0;
    });
}
