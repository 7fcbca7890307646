// A name in the parts suggest_duplicates compares (name_parts.hpp).
#include "name_parts.hpp"

#include "name_fold.hpp"

#include <algorithm>
#include <initializer_list>

namespace ci {

namespace {

// Whether a word is one of a list.
bool one_of(const std::string &word, std::initializer_list<const char *> list) {
    return std::any_of(list.begin(), list.end(), [&](const char *w) { return word == w; });
}

// A generation anywhere in the name: Jr., Sr., II...
bool generation_anywhere(const std::string &w) {
    return one_of(w, {"jr", "sr", "jnr", "snr", "ii", "iii", "iv"});
}

// A generation only as the last of three words or more: Júnior, Filho, Neto, Sobrinho
// (Portuguese), hijo, (h) (Spanish), ml., st. (South Slavic); Carlos Neto is a family name.
bool generation_last_only(const std::string &w) {
    return one_of(w, {"junior", "senior", "filho", "neto", "sobrinho", "hijo", "h", "ml", "st"});
}

// A generation only as the first of three words or more: ifj., id. (Hungarian).
bool generation_first_only(const std::string &w) { return one_of(w, {"ifj", "id"}); }

// What may follow a name after a comma (Smith, PhD).
bool after_name(const std::string &w) { return one_of(w, {"phd", "md", "esq"}); }

// Titles, dropped wherever they stand.
bool title(const std::string &w) {
    return one_of(w, {"mr",  "mrs",  "ms",   "miss", "dr",   "dra",  "prof", "phd", "esq",
                      "ing", "eng",  "lic",  "arq",  "mgr",  "dipl", "mag",  "sra", "srta",
                      "mme", "mlle", "rev",  "revd", "dhr",  "mevr", "mw",   "mej", "drs",
                      "ir",  "ds",   "herr", "frau", "dott", "avv",  "sig"});
}

// Words joined by one space.
std::string joined(std::vector<std::string>::const_iterator from,
                   std::vector<std::string>::const_iterator to) {
    std::string out;
    for (auto it = from; it != to; ++it) {
        if (!out.empty()) out += ' ';
        out += *it;
    }
    return out;
}

}  // namespace

std::string without_umlaut_e(const std::string &word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        out += word[i];
        const char c = word[i];
        if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < word.size() && word[i + 1] == 'e') ++i;
    }
    return out;
}

void NicknameIndex::add(std::string nickname, std::string given_name) {
    given_[std::move(nickname)].push_back(std::move(given_name));
}

std::vector<std::string> NicknameIndex::given_names(const std::string &first_word) const {
    std::vector<std::string> names{first_word};
    for (const std::string &key : {first_word, without_umlaut_e(first_word)}) {
        const auto found = given_.find(key);
        if (found != given_.end())
            names.insert(names.end(), found->second.begin(), found->second.end());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

NamePartsResult name_parts(std::string_view name, NameReading reading) {
    // "Last, First Middle": read as "First Middle Last" when what follows the first comma
    // (not the first character) is more than a suffix.
    std::string reordered(name);
    const std::size_t comma = name.find(',');
    if (comma != std::string_view::npos && comma > 0) {
        const Normalized after = fold_name(name.substr(comma + 1), reading);
        if (!after.ok) return {false, {}, after.error};
        for (const std::string &w : folded_words(after.value)) {
            if (!generation_anywhere(w) && !generation_last_only(w) && !after_name(w)) {
                reordered =
                    std::string(name.substr(comma + 1)) + " " + std::string(name.substr(0, comma));
                break;
            }
        }
    }
    const Normalized folded = fold_name(reordered, reading);
    if (!folded.ok) return {false, {}, folded.error};

    std::vector<std::string> all = folded_words(folded.value);
    all.erase(std::remove_if(all.begin(), all.end(), title), all.end());
    const std::size_t n = all.size();
    std::vector<std::string> words, generation;
    for (std::size_t o = 1; o <= n; ++o) {
        const std::string &w = all[o - 1];
        const bool is_generation = (generation_anywhere(w) && !(w == "sr" && o == 1 && n >= 3)) ||
                                   (generation_last_only(w) && o == n && n >= 3) ||
                                   (generation_first_only(w) && o == 1 && n >= 3);
        // (Sr. as the first word, Señor, is dropped as a title; MD after the name too, but as
        // the first word it is Mohammad, Md. Rafiqul Islam: the nickname list says so)
        if (is_generation)
            generation.push_back(w);
        else if (!(w == "sr" && o == 1) && !(w == "md" && o > 1))
            words.push_back(w);
    }

    NameParts parts;
    if (words.size() > 1) parts.first_name = words.front();
    if (!words.empty()) parts.last_name = words.back();
    if (words.size() > 2) parts.middle = joined(words.begin() + 1, words.end() - 1);
    if (!generation.empty()) parts.suffix = joined(generation.begin(), generation.end());
    std::sort(words.begin(), words.end());
    parts.words = std::move(words);
    return {true, std::move(parts), {}};
}

}  // namespace ci
