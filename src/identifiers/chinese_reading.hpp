// Chinese names read as they are written in pinyin, so that 王小明 meets Xiaoming Wang, Wang
// Xiao-Ming and Wangxiaoming: pure C++ (no PostgreSQL headers), unit-tested.  The Hanzi are
// read by ICU (Han-Latin, Mandarin); what is Chinese here is how a name is put together (a
// family name of one character or two, a given name of one or two written as one word)
// and which honorifics follow it.
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>

namespace ci {

// The name with its Hanzi read, before it is folded: honorifics dropped, alone or attached
// (陈海涛先生, 赵女士: 赵); a name in Hanzi split into family name (one character, or two:
// 欧阳, 司马...) and given name, given name first and written as one word (王小明: xiaoming
// wang); a family name typed apart before the given name moved after it (周 浩: hao zhou);
// a name called by one of its characters, or by one doubled, written as in Latin letters
// (阿涛, 小杰, 倩倩: ah tao, ah jie, ah qian).
// Other text is kept as it is, and so is a text over 2,000 bytes.  Not ok only when ICU
// cannot read Han (its reason).
Normalized chinese_reading(std::string_view name);

// A folded name as a Chinese name is compared: one word that is a family name and a given
// name of one or two pinyin syllables split (wangxiaoming: xiaoming wang); in a name of three
// words or more with a family name at an end, the given name's syllables written apart
// joined (Liang Xiao Yan: liang xiaoyan).  Any other name is kept, and so is a text over
// 2,000 bytes.
std::string chinese_name_key(std::string_view folded);

// True when two folded given names are each two pinyin syllables, one of them the same at
// its place and the other not (jiayi / jiaqi, xinyi / xinyue): as siblings are named, a
// character of the generation shared (字辈), so two people rather than a typo.  Not a name
// that is one syllable (hao / hai), nor the same name.
bool sibling_given_names(std::string_view given, std::string_view other);

// What the version of the fold says of the Chinese reading: its tables, by their size.
std::string chinese_reading_version();

}  // namespace ci
