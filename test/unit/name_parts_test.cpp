// Unit tests for ci::name_parts and ci::NicknameIndex (name_parts.hpp): a name in the parts
// suggest_duplicates compares.
#include "name_parts.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

// The parts of a name, which must have folded.
ci::NameParts parts(const std::string &name) {
    const ci::NamePartsResult result = ci::name_parts(name);
    EXPECT_TRUE(result.ok) << result.error;
    return result.parts;
}

const std::optional<std::string> none;

// First, middle and last words, folded.
TEST(NameParts, FirstMiddleLast) {
    const ci::NameParts p = parts("  Anna   María  Schmidt ");
    EXPECT_EQ(p.first_name, "anna");
    EXPECT_EQ(p.middle, "maria");
    EXPECT_EQ(p.last_name, "schmidt");
    EXPECT_EQ(p.suffix, none);
    const ci::NameParts two = parts("Jürgen Groß");
    EXPECT_EQ(two.first_name, "juergen");
    EXPECT_EQ(two.middle, none);
    EXPECT_EQ(two.last_name, "gross");
}

// The words (not the generation words) in byte order: one name's words in any order are one
// list.
TEST(NameParts, WordsSorted) {
    EXPECT_EQ(parts("Kim Min-jun").words, parts("Min-jun Kim").words);
    EXPECT_EQ(parts("Nguyễn Văn An").words, (std::vector<std::string>{"an", "nguyen", "van"}));
    EXPECT_EQ(parts("John Smith, Jr.").words, (std::vector<std::string>{"john", "smith"}));
    EXPECT_EQ(parts("Madonna").words, std::vector<std::string>{"madonna"});
    EXPECT_TRUE(parts(" , ").words.empty());
}

// One word is a last name only; no word leaves every part empty.
TEST(NameParts, OneWordOrNone) {
    const ci::NameParts one = parts("Madonna");
    EXPECT_EQ(one.first_name, none);
    EXPECT_EQ(one.last_name, "madonna");
    const ci::NameParts empty = parts(" , ");
    EXPECT_EQ(empty.first_name, none);
    EXPECT_EQ(empty.last_name, none);
    EXPECT_EQ(empty.middle, none);
    EXPECT_EQ(empty.suffix, none);
}

// "Last, First Middle" reads as "First Middle Last"; "Smith, Jr." and "Smith, PhD" do not.
TEST(NameParts, CommaOrder) {
    const ci::NameParts p = parts("O'Brien, Mary Ann");
    EXPECT_EQ(p.first_name, "mary");
    EXPECT_EQ(p.middle, "ann");
    EXPECT_EQ(p.last_name, "obrien");
    const ci::NameParts jr = parts("John Smith, Jr.");
    EXPECT_EQ(jr.first_name, "john");
    EXPECT_EQ(jr.last_name, "smith");
    EXPECT_EQ(jr.suffix, "jr");
    EXPECT_EQ(parts("John Smith, PhD").last_name, "smith");
    // (a comma first is no order)
    EXPECT_EQ(parts(",Smith John").first_name, "smith");
}

// Titles go wherever they stand; Sr. first is Señor, MD after the first word a degree.
TEST(NameParts, Titles) {
    EXPECT_EQ(parts("Dr. Mrs. Jane Doe").first_name, "jane");
    const ci::NameParts senor = parts("Sr. Juan Pérez");
    EXPECT_EQ(senor.first_name, "juan");
    EXPECT_EQ(senor.suffix, none);
    EXPECT_EQ(parts("Rafiqul Islam MD").last_name, "islam");
    EXPECT_EQ(parts("Md. Rafiqul Islam").first_name, "md");
    EXPECT_EQ(parts("Herr Dipl.-Ing. Klaus Weber").first_name, "klaus");
}

// Generations by where they stand: Jr. anywhere, Neto last of three, ifj. first of three.
TEST(NameParts, Generations) {
    EXPECT_EQ(parts("John Smith Jr III").suffix, "jr iii");
    EXPECT_EQ(parts("Juan Lopez Sr").suffix, "sr");
    const ci::NameParts neto = parts("Carlos Silva Neto");
    EXPECT_EQ(neto.suffix, "neto");
    EXPECT_EQ(neto.last_name, "silva");
    const ci::NameParts family = parts("Carlos Neto");
    EXPECT_EQ(family.suffix, none);
    EXPECT_EQ(family.last_name, "neto");
    const ci::NameParts ifj = parts("ifj. Kovács János");
    EXPECT_EQ(ifj.suffix, "ifj");
    EXPECT_EQ(ifj.first_name, "kovacs");
    EXPECT_EQ(parts("Ifj Kovács").first_name, "ifj");
}

// The given names a first word stands for: itself, its long forms, and those of its
// spelling without an umlaut's e; sorted, each once.
TEST(NicknameIndex, GivenNames) {
    ci::NicknameIndex index;
    index.add("bill", "william");
    index.add("bill", "billy");
    index.add("kobi", "jakob");
    index.add("koebi", "jakob");
    EXPECT_EQ(index.given_names("bill"), (std::vector<std::string>{"bill", "billy", "william"}));
    EXPECT_EQ(index.given_names("koebi"), (std::vector<std::string>{"jakob", "koebi"}));
    EXPECT_EQ(index.given_names("anna"), (std::vector<std::string>{"anna"}));
}

// ae, oe, ue lose their e, left to right; other e's stay.
TEST(NicknameIndex, WithoutUmlautE) {
    EXPECT_EQ(ci::without_umlaut_e("mueller"), "muller");
    EXPECT_EQ(ci::without_umlaut_e("aee"), "ae");
    EXPECT_EQ(ci::without_umlaut_e("peter"), "peter");
}

}  // namespace
