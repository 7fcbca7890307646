// Runs of one script's characters in a name (Hangul syllables, Hanzi), what the Korean and
// Chinese readings take apart and put back: pure C++ (no PostgreSQL headers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ci {

// The longest text a reading reads: a stored name is at most 500 bytes (input.hpp,
// max_name_bytes; a Latin name typed on the Russian layout may double).  A caller's longer
// text (duplicate_fold is PUBLIC) is folded as written, not read into memory PostgreSQL does
// not account (MeCab's lattice, a syllable at a time).
constexpr std::size_t max_read_bytes = 2000;

// A run of characters in a name: its byte offsets, and its characters (UTF-8, one each).
struct CharacterRun {
    std::size_t begin, end;
    std::vector<std::string> characters;
};

// The runs of the name's characters (code points) for which member holds; text that is not
// UTF-8 ends a run.
std::vector<CharacterRun> character_runs(std::string_view name, bool (*member)(int32_t));

// The run's characters from..to joined.
std::string joined(const CharacterRun &run, std::size_t from, std::size_t to);

// The run's characters, all of them joined.
std::string joined(const CharacterRun &run);

// True when the run ends with the word (UTF-8); then, when at least keep characters stay
// before it, the word is dropped from the run.
bool drop_ending(CharacterRun &run, std::string_view word, std::size_t keep);

// The name with each run replaced by its reading (readings[i] for runs[i]; an empty reading
// leaves a space).
std::string with_readings(std::string_view name, const std::vector<CharacterRun> &runs,
                          const std::vector<std::string> &readings);

// True for a Han character (Hanzi, Hanja, kanji).
bool is_han(int32_t c);

}  // namespace ci
