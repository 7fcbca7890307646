// Unit tests for ci::thai_reading and ci::thai_name_key (thai_reading.hpp) and the Thai fold
// of names (name_fold.hpp, NameReading::thai).
#include "thai_reading.hpp"

#include "folded_as.hpp"
#include "name_fold.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// The name folded as a Thai name is.
std::string folded(const std::string &name) { return folded_as(name, ci::NameReading::thai); }

// Thai words in RTGS's letters, each one word (not ICU's dictionary words); compared as
// their spellings' key.
TEST(ThaiReading, Words) {
    const auto read = [](const std::string &name) { return ci::thai_reading(name).value; };
    EXPECT_EQ(read("สมชาย ใจดี"), "somchai chaidi");
    EXPECT_EQ(read("ศิริพร ทองดี"), "siriphon thongdi");
    EXPECT_EQ(read("สุวรรณ"), "suwan");
    EXPECT_EQ(read("สมศักดิ์"), "somsak");
    EXPECT_EQ(read("วงศ์สวัสดิ์"), "wongsawat");
    EXPECT_EQ(read("ประเสริฐสุข"), "prasoetsuk");
    EXPECT_EQ(read("เรืองศรี"), "rueangsi");
    EXPECT_EQ(read("กิตติพงษ์"), "kittiphong");
    EXPECT_EQ(read("ธีรวัฒน์"), "thirawat");
    EXPECT_EQ(read("สุรชัย"), "surachai");
    EXPECT_EQ(read("ธีรวุฒิ"), "thirawut");
    EXPECT_EQ(read("กิตติ"), "kitti");  // (after a final: said)
    EXPECT_EQ(read("ศิริ"), "siri");
    EXPECT_EQ(folded("Somchai Jaidee"), "somjai jaidi");  // (no Thai: the key alone)
}

// The spellings of one name meet: RTGS and a passport's.
TEST(ThaiReading, Spellings) {
    EXPECT_EQ(folded("ศิริพร ทองดี"), folded("Siriporn Thongdee"));
    EXPECT_EQ(folded("สมชาย ใจดี"), folded("Somchai Chaidee"));
    EXPECT_EQ(folded("Phattra Bunrueang"), folded("Pattra Boonruang"));
    EXPECT_EQ(folded("Wutthichai Sirimongkhon"), folded("Wuttichai Sirimongkol"));
    EXPECT_EQ(folded("Charoensuk"), folded("Jaroensuk"));
    EXPECT_NE(folded("Teerawat"), folded("Teerawut"));  // (brothers' names stay apart)
}

// Titles dropped, typed apart or joined; Khun in Latin letters too.
TEST(ThaiReading, Titles) {
    EXPECT_EQ(folded("นางสาวณัฐธิดา รัตนพันธ์"), folded("ณัฐธิดา รัตนพันธ์"));
    EXPECT_EQ(folded("นาง ณัฐธิดา ทองดี"), folded("ณัฐธิดา ทองดี"));
    EXPECT_EQ(folded("น.ส.ธัญชนก ทองดี"), folded("ธัญชนก ทองดี"));
    EXPECT_EQ(folded("ร.ต.อ.ภูริภัทร เพชรรัตน์"), folded("ภูริภัทร เพชรรัตน์"));
    EXPECT_EQ(folded("คุณสุรชัย นาคสวัสดิ์"), folded("สุรชัย นาคสวัสดิ์"));
    EXPECT_EQ(folded("Khun Surachai Naksawasdi"), "surajai naksawasdi");
    EXPECT_EQ(folded("นาย"), folded("นาย"));              // (a title alone is kept)
    EXPECT_EQ(ci::thai_name_key("khun nok"), "kun nok");  // (two words: Khun kept)
}

}  // namespace
