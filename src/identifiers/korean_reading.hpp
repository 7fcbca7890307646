// Korean names read as they are romanized, so that 김영재 meets Young-jae Kim and KIM YEONGJAE:
// pure C++ (no PostgreSQL headers), unit-tested.  No library in Debian romanizes Korean
// names (ICU's Hangul-Latin transliterates, 박 bag; its Korean-Latin/BGN is McCune–Reischauer),
// so the Revised Romanization's tables, a table of family names and their usual spellings,
// and the spelling variants of given names are data here (README "Probable duplicates").
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>

namespace ci {

// The name with its Hangul read, before it is folded: honorifics dropped, alone or attached
// (김영미 원장, 이재현님, 마팡 씨); a name in Hangul that begins with a family name (김영재,
// 남궁민수) split into given name and family name, given name first, as the duplicate model
// reads a first and a last name (영재 김: yeongjae Kim); a family name alone before the
// given name moved after it (권 성호: seongho Kwon); each family name as Koreans spell it in
// Latin letters (김 Kim, 이 Lee, 박 Park), every other syllable in the Revised Romanization
// (민준 minjun, 희 hui); Hanja first in Hangul, as libhangul's table reads them (黃成浩
// 황성호, the family name's reading the commonest family name: 李 이, 金 김).  Hangul
// syllables are read as written (composed, NFC); other text is kept as it is, and so is a
// text over 2,000 bytes (no stored name is that long).  Not ok only when a name has Hanja
// and the table cannot be read.
Normalized korean_reading(std::string_view name);

// A folded name (lower-case words, one space apart) as a Korean name is compared: when a
// word at either end is a Korean family name in one of its spellings (Gim, Yi, Rhee, Ri,
// Pak, Choe, Jeong, Chung...), that family name in its usual spelling, last; the given
// name's syllables written apart joined (min jun: minjun); and the given name's spelling
// variants made one (Young / Yeong, Sung / Seong, Hyun / Hyeon, Joon / Jun, Woo / U, Kyung
// / Gyeong, Hee / Hui, Suh / Seo).  In a name without a Korean family name at an end, only
// syllables written apart are joined and so spelled (Jagn Byung-chul: jagn byeongcheol).
// A text over 2,000 bytes is kept as it is.
std::string korean_name_key(std::string_view folded);

// What the version of the fold says of the Korean reading: its tables, by their size, and
// the Hanja table's (hanja_table_version).
std::string korean_reading_version();

}  // namespace ci
