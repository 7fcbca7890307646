// Unit tests for ci::chinese_reading and ci::chinese_name_key (chinese_reading.hpp) and the
// Chinese fold of names (name_fold.hpp, NameReading::chinese).
#include "chinese_reading.hpp"
#include "folded_as.hpp"
#include "name_fold.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// The name folded as a Chinese name is.
std::string folded(const std::string &name) { return folded_as(name, ci::NameReading::chinese); }

// A name in Hanzi: given name first, as one word; two-character family names; a family name
// typed apart; honorifics dropped.
TEST(ChineseReading, Hanzi) {
    EXPECT_EQ(folded("王小明"), "xiaoming wang");
    EXPECT_EQ(folded("徐佳怡"), "jiayi xu");
    EXPECT_EQ(folded("王伟"), "wei wang");
    EXPECT_EQ(folded("欧阳娜娜"), "nana ouyang");
    EXPECT_EQ(folded("周 浩"), "hao zhou");
    EXPECT_EQ(folded("陈海涛先生"), folded("陈海涛"));
    EXPECT_EQ(folded("赵女士"), "zhao");
    EXPECT_EQ(folded("Kim Min-jun"), "kim min jun");  // (no Hanzi: as folded)
}

// A name called by one of its characters: "ah" and the character, as in Latin letters.
TEST(ChineseReading, Diminutives) {
    EXPECT_EQ(folded("阿涛"), "ah tao");
    EXPECT_EQ(folded("小杰"), "ah jie");
    EXPECT_EQ(folded("老王"), "ah wang");
    EXPECT_EQ(folded("阿涛"), folded("Ah Tao"));
    EXPECT_EQ(folded("倩倩"), "ah qian");
    EXPECT_EQ(folded("欧阳娜娜"), "nana ouyang");  // (a doubled given name after its family name)
    EXPECT_EQ(folded("王小明"), "xiaoming wang");  // (小 inside a given name)
    EXPECT_EQ(folded("小"), "xiao");
}

// Pinyin run together or written apart meets the Hanzi.
TEST(ChineseReading, PinyinForms) {
    EXPECT_EQ(folded("Wangxiaoming"), "xiaoming wang");
    EXPECT_EQ(folded("Liuruoxi"), "ruoxi liu");
    EXPECT_EQ(folded("Zhouhao"), "hao zhou");
    EXPECT_EQ(folded("Liang Xiao Yan"), "liang xiaoyan");
    EXPECT_EQ(folded("Xiao-Ming Wang"), "xiaoming wang");
    EXPECT_EQ(folded("Zi Xuan Zhao"), "zixuan zhao");
    EXPECT_EQ(folded("Wang Wei"), "wang wei");  // (two words: as they are)
    EXPECT_EQ(folded("Lindsay"), "lindsay");    // (not pinyin after Lin)
    EXPECT_EQ(folded("Mary Ann Smith"), "mary ann smith");
}

// Names kept apart: twins' names a character apart.
TEST(ChineseReading, NamesKeptApart) {
    EXPECT_NE(folded("徐佳怡"), folded("徐佳琪"));
    EXPECT_EQ(ci::chinese_name_key("wang"), "wang");
}

// Siblings' given names: two syllables, one shared at its place (a generation name).
TEST(ChineseReading, SiblingGivenNames) {
    EXPECT_TRUE(ci::sibling_given_names("jiayi", "jiaqi"));
    EXPECT_TRUE(ci::sibling_given_names("junxi", "junyi"));
    EXPECT_TRUE(ci::sibling_given_names("xinyi", "xinyue"));
    EXPECT_TRUE(ci::sibling_given_names("zihan", "haohan"));  // (the second shared)
    EXPECT_FALSE(ci::sibling_given_names("jiayi", "jiayi"));
    EXPECT_FALSE(ci::sibling_given_names("liijuan", "lijuan"));  // (not pinyin: a typo)
    EXPECT_FALSE(ci::sibling_given_names("weei", "wei"));
    EXPECT_FALSE(ci::sibling_given_names("hao", "hai"));  // (one syllable each)
    EXPECT_FALSE(ci::sibling_given_names("zhang", "zang"));
    EXPECT_FALSE(ci::sibling_given_names("xiaoming", "jianguo"));  // (nothing shared)
}

}  // namespace
