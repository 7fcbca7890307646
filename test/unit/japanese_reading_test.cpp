// Unit tests for ci::japanese_reading (japanese_reading.hpp) and the Japanese fold of names
// (name_fold.hpp, NameReading::japanese): kanji read as the names are pronounced.
#include "japanese_reading.hpp"
#include "name_fold.hpp"
#include "name_parts.hpp"

#include "folded_as.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// The reading, which must have been made.
std::string reading(const std::string &name) {
    const ci::Normalized n = ci::japanese_reading(name);
    EXPECT_TRUE(n.ok) << n.error;
    return n.value;
}

// The name folded with Japanese readings.
std::string folded(const std::string &name) { return folded_as(name, ci::NameReading::japanese); }

// Kanji in katakana; a family name and a given name run together set apart; a family name
// and the given name after it written given name first.
TEST(JapaneseReading, KanjiAsKatakana) {
    EXPECT_EQ(reading("山田 太郎"), "タロウ ヤマダ");
    EXPECT_EQ(reading("佐藤秀樹"), "ヒデキ サトウ");
    EXPECT_EQ(reading("長谷川　紀子"), "ノリコ ハセガワ");  // (a full-width space)
    EXPECT_EQ(reading("小山 誠"), reading("小山 真琴"));    // (two spellings of Makoto)
    EXPECT_EQ(reading("田村（中島）麻衣"), "タムラ （ナカジマ ）マイ");  // (the order kept)
}

// Kana after kanji is another word; a name's honorific suffix is dropped.
TEST(JapaneseReading, KanaAfterKanjiAndHonorifics) {
    EXPECT_EQ(reading("松本さくら"), "マツモト さくら");  // (松本 read as a place: order kept)
    EXPECT_EQ(reading("中村 恵子 様"), "ケイコ ナカムラ");
}

// A name without Han comes back as it is; a kanji the dictionary lacks stays.
TEST(JapaneseReading, WithoutHanUnchanged) {
    EXPECT_EQ(reading("ヤマダ タロウ"), "ヤマダ タロウ");
    EXPECT_EQ(reading("Taro Yamada"), "Taro Yamada");
    EXPECT_EQ(reading(""), "");
    EXPECT_NE(reading("𠮷田 陽菜").find("𠮷"), std::string::npos);
    std::string long_text;
    for (int i = 0; i < 700; ++i) long_text += "山";  // (2,100 bytes: not read)
    EXPECT_EQ(reading(long_text), long_text);
    EXPECT_EQ(reading("山田 \xff"), "山田 \xff");  // (not UTF-8: not read)
}

// Folded: kanji meet the romaji of a card form and the kana of the furigana field (swapped);
// long vowels as Hepburn without marks writes them; pinyin stays the default.
TEST(JapaneseReading, FoldMeetsKanaAndRomaji) {
    EXPECT_EQ(folded("山田 太郎"), "taro yamada");
    EXPECT_EQ(folded("山田 太郎"), folded("Taro Yamada"));
    EXPECT_EQ(folded("ヤマダ タロウ"), "yamada taro");
    EXPECT_EQ(folded("伊藤 裕子"), folded("Yuko Itoh"));
    EXPECT_EQ(folded("Yuuko Satou"), "yuko sato");
    EXPECT_EQ(folded("Oota Kouichi"), "ota koichi");
    EXPECT_EQ(folded("Ohashi"), "ohashi");  // (h before a vowel: a consonant)
    const ci::Normalized pinyin = ci::fold_name("山田 太郎");
    ASSERT_TRUE(pinyin.ok);
    EXPECT_NE(pinyin.value, "taro yamada");
    EXPECT_EQ(ci::fold_name("Yuuko Satou").value, "yuuko satou");
    const ci::NamePartsResult parts = ci::name_parts("佐藤秀樹", ci::NameReading::japanese);
    ASSERT_TRUE(parts.ok);
    EXPECT_EQ(parts.parts.first_name, "hideki");
    EXPECT_EQ(parts.parts.last_name, "sato");
}

// The version names MeCab and its dictionary; the fold's version includes it.
TEST(JapaneseReading, Version) {
    EXPECT_EQ(ci::japanese_reading_version().rfind("MeCab ", 0), 0u);
    EXPECT_NE(ci::japanese_reading_version().find("sys.dic"), std::string::npos);
    EXPECT_NE(ci::name_fold_version().find("MeCab "), std::string::npos);
}

}  // namespace
