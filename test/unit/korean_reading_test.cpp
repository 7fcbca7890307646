// Unit tests for ci::korean_reading and ci::korean_name_key (korean_reading.hpp) and the
// Korean fold of names (name_fold.hpp, NameReading::korean).
#include "korean_reading.hpp"
#include "name_fold.hpp"
#include "name_parts.hpp"

#include "folded_as.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// The reading, which must have been made.
std::string reading(const std::string &name) {
    const ci::Normalized n = ci::korean_reading(name);
    EXPECT_TRUE(n.ok) << n.error;
    return n.value;
}

// The name folded as a Korean name is.
std::string folded(const std::string &name) { return folded_as(name, ci::NameReading::korean); }

// Hangul in the Revised Romanization, the family name in its usual spelling, after the
// given name; two-syllable family names; a family name written apart.
TEST(KoreanReading, HangulRead) {
    EXPECT_EQ(reading("김민준"), "minjun kim");
    EXPECT_EQ(reading("박지훈"), "jihun park");
    EXPECT_EQ(reading("최희"), "hui choi");
    EXPECT_EQ(reading("이동욱"), "donguk lee");  // (욱 uk: finals as pronounced)
    EXPECT_EQ(reading("남궁민수"), "minsu namgung");
    EXPECT_EQ(reading("권 성호"), "seongho kwon");
    EXPECT_EQ(reading("지원 박"), "jiwon park");  // (지 is a family name too)
    EXPECT_EQ(reading("Jessica 최"), "Jessica choi");
    EXPECT_EQ(reading("Kim Min-jun"), "Kim Min-jun");  // (no Hangul: as it is)
    std::string long_text;
    for (int i = 0; i < 700; ++i) long_text += "김영재";
    EXPECT_EQ(reading(long_text), long_text);  // (over 2,000 bytes: not read)
    EXPECT_EQ(folded(long_text), ci::fold_name(long_text).value);
}

// Honorifics dropped, alone or attached; 양 alone is a family name before a name.
TEST(KoreanReading, Honorifics) {
    EXPECT_EQ(folded("김상훈 대표님"), folded("김상훈"));
    EXPECT_EQ(folded("이재현님"), folded("이재현"));
    EXPECT_EQ(folded("신경민 고객님"), folded("신경민"));
    EXPECT_EQ(folded("마팡 씨"), folded("마팡"));
    EXPECT_EQ(folded("김민지 양"), folded("김민지"));
    EXPECT_EQ(folded("양 지원"), "jiwon yang");
    EXPECT_EQ(folded("김태양"), "taeyang kim");  // (양 ends given names: kept attached)
    EXPECT_EQ(folded("님"), "");
    EXPECT_EQ(folded("이 현우 팀장"), "hyeonu lee");
}

// Hangul and the Latin spellings of one name fold alike.
TEST(KoreanReading, SpellingsMeet) {
    EXPECT_EQ(folded("강영재"), "yeongjae kang");
    EXPECT_EQ(folded("Young-jae Kang"), "yeongjae kang");
    EXPECT_EQ(folded("KIM YEONGJAE"), folded("Kim Young Jae"));
    EXPECT_EQ(folded("Gim Donguk"), folded("Kim Dong-Wook"));
    EXPECT_EQ(folded("RHEE YOUNG-HEE"), folded("이영희"));
    EXPECT_EQ(folded("RI JI YEONG"), folded("Lee Ji-young"));
    EXPECT_EQ(folded("Jung Hye Kyung"), folded("Hye-gyeong Jeong"));
    EXPECT_EQ(folded("Suh Hyeon Ahn"), folded("Seo-Hyun Ahn"));
    EXPECT_EQ(folded("Seo Hyun Heo"), folded("허서현"));  // (서 ends a given name: Heo)
    EXPECT_EQ(folded("Min Jun Ri"), folded("Lee Minjun"));
    EXPECT_EQ(folded("Si Woo Moon"), folded("Moon Siu"));
    EXPECT_EQ(folded("Hyun-woo Park"), folded("박현우"));
    EXPECT_EQ(folded("Sung-Ho Kwon"), folded("권 성호"));
    EXPECT_EQ(folded("Kyung-soo Lee"), folded("이경수"));
    EXPECT_EQ(folded("Su-ah Kim"), folded("김수아"));
}

// Hanja read as Koreans read the characters of their names (libhangul-data's table).
TEST(KoreanReading, Hanja) {
    EXPECT_EQ(folded("黃成浩"), folded("황성호"));
    EXPECT_EQ(folded("李在成"), folded("이재성"));  // (李: 이, not 리)
    EXPECT_EQ(folded("林美京"), folded("임미경"));
    EXPECT_EQ(folded("金敏俊"), "minjun kim");  // (金: 김, not 금)
    EXPECT_EQ(folded("崔藝恩"), folded("Choi Ye-eun"));
    EXPECT_EQ(reading("𠮷"), "𠮷");  // (a character the table lacks: kept)
    EXPECT_NE(ci::korean_reading_version().find("hanja.txt"), std::string::npos);
}

// Names kept apart: twins and siblings, and names with no Korean family name.
TEST(KoreanReading, NamesKeptApart) {
    EXPECT_NE(folded("김서연"), folded("김서윤"));
    EXPECT_NE(folded("Seo-yeon Kim"), folded("Seo-yoon Kim"));
    EXPECT_NE(folded("이지영"), folded("이지혜"));
    EXPECT_EQ(folded("Rommel Santos"), "rommel santos");
    EXPECT_EQ(folded("Jagn Byung-chul"), "jagn byeongcheol");  // (no family name known)
    EXPECT_EQ(folded("Shelly Moore"), "shelly moore");
    EXPECT_EQ(folded("Nguyen Thi Lan"), "nguyen thi lan");
    EXPECT_EQ(folded("Jessica (Soo Jin) Choi"), "jessica sujin choi");
    EXPECT_EQ(ci::korean_name_key("kim"), "kim");
}

// The duplicate model's parts of a Korean name: first the given name, last the family name.
TEST(KoreanReading, NameParts) {
    const ci::NamePartsResult parts = ci::name_parts("박 영미", ci::NameReading::korean);
    ASSERT_TRUE(parts.ok) << parts.error;
    EXPECT_EQ(parts.parts.first_name.value_or(""), "yeongmi");
    EXPECT_EQ(parts.parts.last_name.value_or(""), "park");
}

}  // namespace
