// Japanese names written in kanji, read as they are pronounced (MeCab with the IPA
// dictionary, from Debian), so that 山田 太郎 meets ヤマダ タロウ and Taro Yamada: pure C++
// (no PostgreSQL headers), unit-tested.
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>

namespace ci {

// The name with each word that holds a kanji replaced by its reading in katakana as MeCab
// reads it; a family name and a given name run together set apart (佐藤秀樹), as kanji and
// the kana after them (松本さくら); a family name (MeCab's 人名,姓) and the given name after
// it written given name first, as the duplicate model reads a first and a last name
// (山田 太郎: タロウ ヤマダ); the suffixes of a person's name dropped (様, 殿:
// 名詞,接尾,人名).  A name without a Han character comes back as it is, as does a kanji the
// dictionary cannot read (𠮷) and a text over 2,000 bytes (no stored name is that long).
// Not ok only when MeCab cannot load its dictionary or fails on the name (its reason).
Normalized japanese_reading(std::string_view name);

// What reads kanji in this process: "MeCab <version>, <dictionary file> (version <n>)", or
// why it cannot.
std::string japanese_reading_version();

}  // namespace ci
