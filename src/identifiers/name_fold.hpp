// Names folded for comparison (suggest_duplicates' duplicate_fold), through ICU's
// transliterator: pure C++ (no PostgreSQL headers), unit-tested.
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ci {

// The ICU transform a name goes through before it is split into words (README "Probable
// duplicates": why each step is there).
extern const char *const kNameFoldTransform;

// What a name's fold needs that a server may lack, for the hint of the error that says so.
extern const char *const kNameFoldPrerequisites;

// What the version says of the step before it: a name whose UTF-8 was read as
// windows-1252 ("GonzÃ¡lez") is read as it was meant (González).
extern const char *const kNameFoldMending;

// How a name is read: its Han characters as ICU's Any-Latin reads them, in Mandarin pinyin
// (王伟 wang wei); as a Japanese name is (japanese_reading.hpp: 山田 太郎 yamada tarou), in a
// tenant whose phones are Japanese; or as a Korean name is (korean_reading.hpp: 김영재 and
// Young-jae Kim yeongjae kim), in a tenant whose phones are Korean; or as a Chinese name is
// (chinese_reading.hpp: 王小明 and Wangxiaoming xiaoming wang), in a tenant whose phones are
// Chinese (mainland, Hong Kong, Macao, Taiwan); or as a Thai name is written in Latin letters
// (thai_reading.hpp: สมชาย somchai), in a tenant whose phones are Thai.
enum class NameReading { pinyin, japanese, korean, chinese, thai };

// A name folded for comparison (Han characters read as han says): its mojibake mended
// (kNameFoldMending), transliterated to Latin and to ASCII by kNameFoldTransform (Müller mueller,
// Łukasz lukasz, Сергей sergey), lower case; apostrophes and modifier letters dropped inside a word
// (O'Brien obrien); anything else but letters and digits a word break; words separated by one
// space.  Not ok only when ICU cannot build the transform (its reason).
Normalized fold_name(std::string_view name, NameReading reading = NameReading::pinyin);

// The words of a folded name (fold_name separates them by one space).
std::vector<std::string> folded_words(std::string_view folded);

// fold_name through ICU whatever the input (the ASCII fast path skipped): what the unit
// tests compare the fast path with.
Normalized fold_name_with_icu(std::string_view name);

// What folds names in this process: "ICU <version> (CLDR <version>): <transform>", and
// what reads kanji (japanese_reading_version).
std::string name_fold_version();

}  // namespace ci
