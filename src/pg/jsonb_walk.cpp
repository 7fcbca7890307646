// Walks over stored jsonb without recursion; see jsonb_walk.hpp.
//
// Each walk runs inside one pg_call, in plain C: a stack of JsonbIterators (one per open
// container, skipNested, so a nested container comes back as a value and gets a frame of
// its own) in palloc'd memory that grows as deep as the value is.  Results go out through
// palloc'd arrays and become C++ values once the PostgreSQL frames are gone.
#include "jsonb_walk.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

extern "C" {
#include "access/detoast.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
}

namespace ci::jsonb {
namespace {

// A piece of text in plain storage.
struct Span {
    const char *data = nullptr;
    int len = 0;
};

// Equal bytes?
bool same(Span a, Span b) { return a.len == b.len && std::memcmp(a.data, b.data, a.len) == 0; }

// Does `hay` contain `needle` (a non-empty one)?
bool contains(Span hay, Span needle) {
    if (needle.len == 0 || needle.len > hay.len) return false;
    for (int i = 0; i + needle.len <= hay.len; ++i)
        if (hay.data[i] == needle.data[0] &&
            std::memcmp(hay.data + i, needle.data, needle.len) == 0)
            return true;
    return false;
}

// SQL's lower() under the database's collation, as erased_text and payload_mentions use it.
// Plain C: call it inside pg_call.
Span lowered(Span value) {
    text *in = cstring_to_text_with_len(value.data, value.len);
    text *out =
        DatumGetTextPP(DirectFunctionCall1Coll(lower, DEFAULT_COLLATION_OID, PointerGetDatum(in)));
    return {VARDATA_ANY(out), static_cast<int>(VARSIZE_ANY_EXHDR(out))};
}

// The text ->> would give for a scalar (NULL data for JSON null or a container).
Span scalar_text(const JsonbValue &v) {
    switch (v.type) {
        case jbvString:
            return {v.val.string.val, v.val.string.len};
        case jbvNumeric: {
            char *out =
                DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v.val.numeric)));
            return {out, static_cast<int>(std::strlen(out))};
        }
        case jbvBool:
            return v.val.boolean ? Span{"true", 4} : Span{"false", 5};
        default:
            return {};
    }
}

// The id of a row snapshot (an object with keys "id" and "email_normalized"); NULL data
// when the container is none.
Span snapshot_id(JsonbContainer *container) {
    if (!JsonContainerIsObject(container)) return {};
    JsonbValue found;
    if (getKeyJsonValueFromContainer(container, "email_normalized", 16, &found) == nullptr)
        return {};
    if (getKeyJsonValueFromContainer(container, "id", 2, &found) == nullptr) return {};
    Span id = scalar_text(found);
    // ("id" present but null still marks a snapshot, of nobody.)
    return id.data != nullptr ? id : Span{"", 0};
}

// A growable palloc'd array of plain structs.
template <typename T>
struct Stack {
    T *items = nullptr;
    int count = 0;
    int capacity = 0;
    // Makes room for one more and returns it (zeroed).
    T &push() {
        if (count == capacity) {
            capacity = capacity == 0 ? 16 : capacity * 2;
            items = static_cast<T *>(items == nullptr ? palloc(sizeof(T) * capacity)
                                                      : repalloc(items, sizeof(T) * capacity));
        }
        items[count] = T{};
        return items[count++];
    }
    T &top() { return items[count - 1]; }
};

// One open container of string_leaves.
struct LeafFrame {
    JsonbIterator *it;
    Span inherited_key;    // the key the container sits under (its array elements take it)
    Span current_key;      // an object's member being read
    Span snapshot_id;      // the nearest row snapshot around (or this one)
    Span snapshot_column;  // the snapshot's column the container sits under
    bool is_snapshot;
    int depth;
};

// A leaf, in plain storage.
struct RawLeaf {
    Span key, value, snapshot_id, snapshot_column;
    int depth;
};

// Collects the string leaves of a jsonb (plain C: inside pg_call).
void collect_leaves(Jsonb *jb, Stack<RawLeaf> &leaves) {
    Stack<LeafFrame> frames;
    LeafFrame &root = frames.push();
    root.it = JsonbIteratorInit(&jb->root);
    root.snapshot_id = snapshot_id(&jb->root);
    root.is_snapshot = root.snapshot_id.data != nullptr;
    root.depth = 1;
    while (frames.count > 0) {
        LeafFrame &f = frames.top();
        JsonbValue v;
        const JsonbIteratorToken token = JsonbIteratorNext(&f.it, &v, true);
        if (token == WJB_KEY) {
            f.current_key = {v.val.string.val, v.val.string.len};
        } else if (token == WJB_VALUE || token == WJB_ELEM) {
            const Span key = token == WJB_VALUE ? f.current_key : f.inherited_key;
            const Span column = f.is_snapshot ? f.current_key : f.snapshot_column;
            if (v.type == jbvBinary) {
                JsonbContainer *child = v.val.binary.data;
                const Span child_snapshot = snapshot_id(child);
                const int depth = f.depth + 1;
                const Span outer_snapshot = f.snapshot_id;
                LeafFrame &c = frames.push();  // (f may move)
                c.it = JsonbIteratorInit(child);
                c.inherited_key = key;
                c.is_snapshot = child_snapshot.data != nullptr;
                c.snapshot_id = c.is_snapshot ? child_snapshot : outer_snapshot;
                c.snapshot_column = c.is_snapshot ? Span{} : column;
                c.depth = depth;
            } else if (v.type == jbvString) {
                RawLeaf &leaf = leaves.push();
                leaf.key = key;
                leaf.value = {v.val.string.val, v.val.string.len};
                leaf.snapshot_id = f.snapshot_id;
                leaf.snapshot_column = column;
                leaf.depth = f.depth;
            }
        } else if (token == WJB_END_OBJECT || token == WJB_END_ARRAY) {
            --frames.count;
        }
    }
}

// The text of a span, or nullopt for none.
std::optional<std::string> optional_text(Span span) {
    if (span.data == nullptr) return std::nullopt;
    return std::string(span.data, span.len);
}

// Is the member key one whose value is structure (an id), kept as it is?
bool id_key(Span key) {
    if (key.data == nullptr) return false;
    const std::string_view k(key.data, key.len);
    if (k == "id" || k == "customer_ref") return true;
    if (k == "external_customer_id" || k == "user_id") return false;
    return k.size() >= 3 && k.substr(k.size() - 3) == "_id";
}

// The columns a row snapshot of an erased customer loses (metadata becomes {}).
constexpr const char *snapshot_columns[] = {"name",
                                            "email",
                                            "email_normalized",
                                            "phone",
                                            "phone_normalized",
                                            "external_customer_id",
                                            "user_id",
                                            "email_verified_at",
                                            "phone_verified_at",
                                            "metadata"};

// Is the key one of snapshot_columns?
bool snapshot_column(Span key) {
    for (const char *c : snapshot_columns)
        if (same(key, {c, static_cast<int>(std::strlen(c))})) return true;
    return false;
}

// The prepared values of an erasure, in plain storage.
struct Prepared {
    Span *personal;        // as given
    Span *personal_lower;  // lower()ed
    int personal_count;
    Span *whole;  // personal and whole, as given
    Span *whole_lower;
    int whole_count;
    Span *ids;
    int id_count;
    Datum personal_array;  // for erased_text
    Oid erased_text_oid;
};

// The replacement of a scalar (plain C); false when it stays as it is.
bool erased_scalar(const Prepared &p, const JsonbValue &v, JsonbValue &out) {
    if (v.type == jbvNumeric) {
        const Span text = scalar_text(v);
        for (int i = 0; i < p.whole_count; ++i)
            if (same(text, p.whole[i])) {
                out.type = jbvNull;
                return true;
            }
        return false;
    }
    if (v.type != jbvString) return false;
    const Span s{v.val.string.val, v.val.string.len};
    const Span low = lowered(s);
    for (int i = 0; i < p.whole_count; ++i)
        if (same(low, p.whole_lower[i])) {
            out.type = jbvNull;
            return true;
        }
    bool hit = false;
    for (int i = 0; i < p.personal_count && !hit; ++i)
        hit = contains(low, p.personal_lower[i]) || contains(s, p.personal[i]);
    if (!hit) return false;
    text *replaced = DatumGetTextPP(OidFunctionCall2Coll(
        p.erased_text_oid, DEFAULT_COLLATION_OID,
        PointerGetDatum(cstring_to_text_with_len(s.data, s.len)), p.personal_array));
    out.type = jbvString;
    out.val.string.val = VARDATA_ANY(replaced);
    out.val.string.len = static_cast<int>(VARSIZE_ANY_EXHDR(replaced));
    return !same(s, {out.val.string.val, out.val.string.len});
}

// Is the snapshot's id one of the erased customers'?
bool erased_snapshot(const Prepared &p, Span id) {
    if (id.data == nullptr) return false;
    for (int i = 0; i < p.id_count; ++i)
        if (same(id, p.ids[i])) return true;
    return false;
}

// Pushes a row snapshot of an erased customer: its members but the personal columns, then
// those as null ({} for metadata).  Flat: the members are pushed whole.
JsonbValue *push_erased_snapshot(JsonbParseState **state, JsonbContainer *container) {
    JsonbValue *result = nullptr;
    JsonbIterator *it = JsonbIteratorInit(container);
    JsonbValue v;
    Span key;
    JsonbIteratorToken token;
    while ((token = JsonbIteratorNext(&it, &v, true)) != WJB_DONE) {
        if (token == WJB_BEGIN_OBJECT) {
            result = pushJsonbValue(state, WJB_BEGIN_OBJECT, nullptr);
        } else if (token == WJB_KEY) {
            key = {v.val.string.val, v.val.string.len};
        } else if (token == WJB_VALUE) {
            if (snapshot_column(key)) continue;
            JsonbValue k;
            k.type = jbvString;
            k.val.string.val = const_cast<char *>(key.data);
            k.val.string.len = key.len;
            pushJsonbValue(state, WJB_KEY, &k);
            pushJsonbValue(state, WJB_VALUE, &v);
        } else if (token == WJB_END_OBJECT) {
            for (const char *c : snapshot_columns) {
                JsonbValue k;
                k.type = jbvString;
                k.val.string.val = const_cast<char *>(c);
                k.val.string.len = static_cast<int>(std::strlen(c));
                pushJsonbValue(state, WJB_KEY, &k);
                if (std::strcmp(c, "metadata") == 0) {
                    pushJsonbValue(state, WJB_BEGIN_OBJECT, nullptr);
                    pushJsonbValue(state, WJB_END_OBJECT, nullptr);
                } else {
                    JsonbValue null_value;
                    null_value.type = jbvNull;
                    pushJsonbValue(state, WJB_VALUE, &null_value);
                }
            }
            result = pushJsonbValue(state, WJB_END_OBJECT, nullptr);
        }
    }
    return result;
}

// One open container of erase_walk.
struct EraseFrame {
    JsonbIterator *it;
    Span current_key;
};

// The erased copy of a container value (plain C); sets *changed when anything differs.
JsonbValue *erase_walk(const Prepared &p, JsonbContainer *root, bool *changed) {
    JsonbParseState *state = nullptr;
    if (erased_snapshot(p, snapshot_id(root))) {
        *changed = true;
        return push_erased_snapshot(&state, root);
    }
    JsonbValue *result = nullptr;
    Stack<EraseFrame> frames;
    frames.push().it = JsonbIteratorInit(root);
    while (frames.count > 0) {
        EraseFrame &f = frames.top();
        JsonbValue v;
        const JsonbIteratorToken token = JsonbIteratorNext(&f.it, &v, true);
        switch (token) {
            case WJB_BEGIN_OBJECT:
            case WJB_BEGIN_ARRAY:
                result = pushJsonbValue(&state, token, nullptr);
                break;
            case WJB_KEY:
                f.current_key = {v.val.string.val, v.val.string.len};
                result = pushJsonbValue(&state, WJB_KEY, &v);
                break;
            case WJB_VALUE:
            case WJB_ELEM: {
                if (token == WJB_VALUE && id_key(f.current_key)) {
                    result = pushJsonbValue(&state, token, &v);
                } else if (v.type == jbvBinary) {
                    JsonbContainer *child = v.val.binary.data;
                    if (erased_snapshot(p, snapshot_id(child))) {
                        *changed = true;
                        result = push_erased_snapshot(&state, child);
                    } else {
                        frames.push().it = JsonbIteratorInit(child);
                    }
                } else {
                    JsonbValue out;
                    if (erased_scalar(p, v, out)) {
                        *changed = true;
                        result = pushJsonbValue(&state, token, &out);
                    } else {
                        result = pushJsonbValue(&state, token, &v);
                    }
                }
                break;
            }
            case WJB_END_OBJECT:
            case WJB_END_ARRAY:
                result = pushJsonbValue(&state, token, nullptr);
                --frames.count;
                break;
            default:
                break;
        }
    }
    return result;
}

// Spans over the strings (views; the strings outlive the pg_call that reads them).
Span *spans(const std::vector<std::string> &values) {
    auto *out = static_cast<Span *>(palloc0(sizeof(Span) * (values.size() + 1)));
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = {values[i].data(), static_cast<int>(values[i].size())};
    return out;
}

}  // namespace

std::vector<Leaf> string_leaves(Datum value) {
    Stack<RawLeaf> raw;
    pg_call([&] { collect_leaves(DatumGetJsonbP(value), raw); });
    std::vector<Leaf> leaves;
    leaves.reserve(static_cast<std::size_t>(raw.count));
    for (int i = 0; i < raw.count; ++i) {
        const RawLeaf &r = raw.items[i];
        leaves.push_back({optional_text(r.key), std::string(r.value.data, r.value.len), r.depth,
                          optional_text(r.snapshot_id), optional_text(r.snapshot_column)});
    }
    return leaves;
}

Datum erased(Datum value, const Erasure &erasure, Datum personal_array) {
    std::vector<std::string> whole = erasure.personal;
    whole.insert(whole.end(), erasure.whole.begin(), erasure.whole.end());
    Datum result = value;
    pg_call([&] {
        Prepared p;
        p.personal = spans(erasure.personal);
        p.personal_count = static_cast<int>(erasure.personal.size());
        p.personal_lower = static_cast<Span *>(palloc0(sizeof(Span) * (p.personal_count + 1)));
        for (int i = 0; i < p.personal_count; ++i) p.personal_lower[i] = lowered(p.personal[i]);
        p.whole = spans(whole);
        p.whole_count = static_cast<int>(whole.size());
        p.whole_lower = static_cast<Span *>(palloc0(sizeof(Span) * (p.whole_count + 1)));
        for (int i = 0; i < p.whole_count; ++i) p.whole_lower[i] = lowered(p.whole[i]);
        p.ids = spans(erasure.erased_ids);
        p.id_count = static_cast<int>(erasure.erased_ids.size());
        p.personal_array = personal_array;
        Oid args[2] = {TEXTOID, TEXTARRAYOID};
        p.erased_text_oid = LookupFuncName(list_make2(makeString(pstrdup("customer_identity")),
                                                      makeString(pstrdup("erased_text"))),
                                           2, args, false);

        Jsonb *jb = DatumGetJsonbP(value);
        bool changed = false;
        if (JB_ROOT_IS_SCALAR(jb)) {
            JsonbValue v, out;
            JsonbExtractScalar(&jb->root, &v);
            if (erased_scalar(p, v, out)) result = JsonbPGetDatum(JsonbValueToJsonb(&out));
            return;
        }
        JsonbValue *copy = erase_walk(p, &jb->root, &changed);
        if (changed) result = JsonbPGetDatum(JsonbValueToJsonb(copy));
    });
    return result;
}

// The root container's header of an in-line, uncompressed jsonb; nullopt for any other.
static std::optional<std::uint32_t> inline_header(Datum value) {
    const auto *raw = reinterpret_cast<const struct varlena *>(DatumGetPointer(value));
    if (VARATT_IS_COMPRESSED(raw) || VARATT_IS_EXTERNAL(raw)) return std::nullopt;
    std::uint32_t header = 0;
    std::memcpy(&header, VARDATA_ANY(raw), sizeof(header));  // a short varlena is unaligned
    return header;
}

bool is_empty(Datum value) {
    const auto header = inline_header(value);
    return header && (*header & JB_CMASK) == 0;
}

bool is_empty_object(Datum value) {
    const auto header = inline_header(value);
    return header && (*header & JB_CMASK) == 0 && (*header & JB_FOBJECT) != 0;
}

Shape shape(Datum value, int max_depth, std::size_t max_bytes) {
    Shape s;
    pg_call([&] {
        s.bytes = toast_raw_datum_size(value);
        if (s.bytes > max_bytes) return;
        Jsonb *jb = DatumGetJsonbP(value);
        s.object = JB_ROOT_IS_OBJECT(jb) && !JB_ROOT_IS_SCALAR(jb);
        if (JB_ROOT_IS_SCALAR(jb)) {
            JsonbValue scalar;
            s.null = JsonbExtractScalar(&jb->root, &scalar) && scalar.type == jbvNull;
        }
        if (!s.object || JB_ROOT_COUNT(jb) == 0) return;
        JsonbIterator *it = JsonbIteratorInit(&jb->root);
        JsonbValue v;
        JsonbIteratorToken token;
        int depth = 0;
        while ((token = JsonbIteratorNext(&it, &v, false)) != WJB_DONE) {
            if (token == WJB_BEGIN_OBJECT || token == WJB_BEGIN_ARRAY) {
                if (++depth > max_depth) {
                    s.too_deep = true;
                    return;
                }
            } else if (token == WJB_END_OBJECT || token == WJB_END_ARRAY) {
                --depth;
            }
        }
    });
    return s;
}

}  // namespace ci::jsonb
