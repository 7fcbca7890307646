// Kanji read by MeCab; see japanese_reading.hpp.
#include "japanese_reading.hpp"

#include "name_runs.hpp"

#include <mecab.h>
#include <unicode/utf8.h>

#include <string>
#include <vector>

#ifndef CI_MECAB_DICDIR
#error "CI_MECAB_DICDIR (the UTF-8 IPA dictionary's directory) is set by CMakeLists.txt"
#endif

namespace ci {

namespace {

// The process's MeCab tagger (a backend's: the dictionary is mapped once, about 50 MB
// shared by every process), or why it could not be made.  Kept for the process's life.
struct Tagger {
    mecab_t *mecab = nullptr;
    std::string error;
};

// The tagger, made on first use: the UTF-8 IPA dictionary Debian installs, no rc file
// (Debian's /etc/mecabrc names the dictionary its alternatives chose, which may be EUC-JP).
const Tagger &tagger() {
    static const Tagger made = [] {
        Tagger t;
        t.mecab = mecab_new2("-r /dev/null -d " CI_MECAB_DICDIR);
        if (t.mecab == nullptr)
            t.error = std::string("names in kanji could not be read (MeCab: ") +
                      mecab_strerror(nullptr) + ")";
        return t;
    }();
    return made;
}

// True when the text is UTF-8 and holds a Han character (kanji, 々 included).
bool has_han(std::string_view text) {
    const auto *bytes = reinterpret_cast<const uint8_t *>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    bool han = false;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;  // (not UTF-8: nothing MeCab should read)
        if (c < 0x80 || han) continue;
        han = is_han(c);
    }
    return han;
}

// A node's feature, its comma-separated fields (IPA dictionary: part of speech and three
// subclasses, conjugation type and form, base form, reading, pronunciation).
std::vector<std::string_view> fields_of(const char *feature) {
    std::vector<std::string_view> fields;
    std::string_view rest(feature);
    for (;;) {
        const std::size_t comma = rest.find(',');
        fields.push_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return fields;
}

// The field, or "*" where the feature has fewer (an unknown word has seven).
std::string_view field(const std::vector<std::string_view> &fields, std::size_t i) {
    return i < fields.size() ? fields[i] : std::string_view("*");
}

}  // namespace

Normalized japanese_reading(std::string_view name) {
    if (name.size() > max_read_bytes || !has_han(name))
        return Normalized{true, std::string(name), {}};
    const Tagger &t = tagger();
    if (t.mecab == nullptr) return Normalized{false, std::string(), t.error};
    // The words read, and whether each began with a family name (姓).
    std::vector<std::string> words;
    std::vector<bool> family;
    // (the word before was a family name, or kanji: the kana after kanji is another word)
    bool after_family = false, after_han = false, spaced_before = false;
    const mecab_node_t *first = mecab_sparse_tonode2(t.mecab, name.data(), name.size());
    if (first == nullptr)
        return Normalized{false, std::string(),
                          std::string("a name in kanji could not be read (MeCab: ") +
                              mecab_strerror(t.mecab) + ")"};
    for (const mecab_node_t *node = first; node != nullptr; node = node->next) {
        if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
        const std::string_view surface(node->surface, node->length);
        const std::vector<std::string_view> fields = fields_of(node->feature);
        // 様, 殿, 君: a suffix of a person's name, a politeness and no part of the name
        if (field(fields, 1) == "接尾" && field(fields, 2) == "人名") continue;
        // (a full-width space is a word of MeCab's own: a break before the next word)
        if (field(fields, 0) == "記号" && field(fields, 1) == "空白") {
            spaced_before = true;
            after_family = after_han = false;
            continue;
        }
        const bool spaced = spaced_before || node->rlength > node->length;  // (white space)
        spaced_before = false;
        const bool han = has_han(surface);
        const bool is_family = field(fields, 2) == "人名" && field(fields, 3) == "姓";
        if (words.empty() || spaced || after_family || (after_han && !han)) {
            words.emplace_back();
            family.push_back(is_family);
        }
        const std::string_view reading = field(fields, 7);
        words.back().append(han && reading != "*" ? reading : surface);
        after_family = is_family;
        after_han = han;
    }
    // A family name and a given name: written given name first, as the duplicate model
    // reads a first and a last name (山田 太郎: タロウ ヤマダ, as Taro Yamada).
    if (words.size() == 2 && family[0] && !family[1]) std::swap(words[0], words[1]);
    std::string out;
    for (const std::string &word : words) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    return Normalized{true, std::move(out), {}};
}

std::string japanese_reading_version() {
    const Tagger &t = tagger();
    if (t.mecab == nullptr) return t.error;
    const mecab_dictionary_info_t *dictionary = mecab_dictionary_info(t.mecab);
    std::string version = std::string("MeCab ") + mecab_version();
    if (dictionary != nullptr)
        version += std::string(", ") + dictionary->filename + " (version " +
                   std::to_string(dictionary->version) + ")";
    return version;
}

}  // namespace ci
