// A name in the parts suggest_duplicates compares (duplicate_name): first and last word,
// middle words, a generation suffix, and the given names the first word may stand for.
// Pure C++ (no PostgreSQL headers), unit-tested; the SQL entry loads the nickname table.
#pragma once

#include "name_fold.hpp"
#include "normalize.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ci {

// A folded name split for comparison (README "Probable duplicates", the name levels).
struct NameParts {
    std::optional<std::string> first_name;  // the first word, when there are two or more
    std::optional<std::string> last_name;   // the last word
    std::optional<std::string> middle;      // the words between, one space apart
    std::optional<std::string> suffix;      // the generation words (jr, filho, ifj...)
    // first, middle and last words in byte order: one name's words in any order compare
    // equal (Kim Min-jun / Min-jun Kim), whatever the database's collation
    std::vector<std::string> words;
};

// Short forms of given names, folded (the nickname table): which given names a word may
// stand for.
class NicknameIndex {
  public:
    // One row of the table: `nickname` stands for `given_name`.
    void add(std::string nickname, std::string given_name);
    // The word itself and the names it stands for, looked up as written and without an
    // umlaut's e (Köbi folds to koebi, the list has kobi); sorted, each once.
    std::vector<std::string> given_names(const std::string &first_word) const;

  private:
    std::unordered_map<std::string, std::vector<std::string>> given_;
};

// The name in parts: "Last, First Middle" as staff type it read as "First Middle Last" (not
// "Smith, Jr.": what follows the comma must be more than a suffix), folded (fold_name),
// titles dropped, generation words set apart by where they stand; Han characters read as han
// says.  Not ok only when the name cannot be folded (fold_name's reason).
struct NamePartsResult {
    bool ok;
    NameParts parts;
    std::string error;
};
NamePartsResult name_parts(std::string_view name, NameReading reading = NameReading::pinyin);

// A word without an umlaut's e (koebi kobi, mueller muller): how a given name is looked up.
std::string without_umlaut_e(const std::string &word);

}  // namespace ci
