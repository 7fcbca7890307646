// The Hangul readings of Hanja, from the table Debian's libhangul-data ships (libhangul's
// hanja.txt: reading, Hanja, meaning), so that a Korean name written in Hanja (黃成浩) is
// read as its bearer writes it in Hangul (황성호): pure C++ (no PostgreSQL headers),
// unit-tested.  libhangul's own API looks Hanja up by their reading, not the other way, so
// the module reads the table itself.
#pragma once

#include <string>
#include <vector>

namespace ci {

// The readings of one Hanja character (a code point), each one Hangul syllable in UTF-8, in
// the table's order (가나다: 리 before 이 for 李); none for a character the table lacks.
// Sets error (and returns none) when the table cannot be read.
const std::vector<std::string> &hanja_readings(char32_t hanja, std::string &error);

// The table this process reads: "libhangul-data <path> (<size> bytes)" (its size, as a
// version: reading it takes 30 ms), or that there is none.
std::string hanja_table_version();

}  // namespace ci
