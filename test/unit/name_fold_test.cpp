// Unit tests for ci::fold_name and ci::name_fold_version (name_fold.hpp): names as
// suggest_duplicates compares them.
#include "name_fold.hpp"

#include <gtest/gtest.h>
#include <unicode/uvernum.h>

#include <string>
#include <vector>

namespace {

// The folded name, which must have folded.
std::string folded(const std::string &name) {
    const ci::Normalized n = ci::fold_name(name);
    EXPECT_TRUE(n.ok) << n.error;
    return n.value;
}

// German letters as German spells them without umlauts; other Latin letters without marks.
TEST(NameFold, LatinLettersToAscii) {
    EXPECT_EQ(folded("Müller"), "mueller");
    EXPECT_EQ(folded("MÜLLER"), "mueller");
    EXPECT_EQ(folded("Jürgen Groß"), "juergen gross");
    EXPECT_EQ(folded("Ümit Öztürk"), "uemit oeztuerk");
    EXPECT_EQ(folded("Zoë"), "zoe");
    EXPECT_EQ(folded("José Núñez"), "jose nunez");
    EXPECT_EQ(folded("Łukasz Żółć"), "lukasz zolc");
    EXPECT_EQ(folded("Ørsted"), "orsted");
    EXPECT_EQ(folded("Søren Åberg"), "soren aberg");
    EXPECT_EQ(folded("Æthelred Œuvre"), "aethelred oeuvre");
    EXPECT_EQ(folded("François Gérard"), "francois gerard");
}

// A decomposed letter (u + combining diaeresis) folds as the precomposed one.
TEST(NameFold, DecomposedAsPrecomposed) {
    EXPECT_EQ(folded("Mu\xCC\x88ller"), "mueller");
    EXPECT_EQ(folded("Jose\xCC\x81"), "jose");
}

// Cyrillic and Greek as their people write their names in English (BGN, UNGEGN).
TEST(NameFold, CyrillicAndGreek) {
    EXPECT_EQ(folded("Сергей Иванов"), "sergey ivanov");
    EXPECT_EQ(folded("Дмитрий Смирнов"), "dmitriy smirnov");
    EXPECT_EQ(folded("Юрий Хрущёв"), "yuriy khrushchev");
    EXPECT_EQ(folded("Татьяна Щербакова"), "tatyana shcherbakova");  // the soft sign joins
    EXPECT_EQ(folded("Γιώργος Παπαδόπουλος"), "giorgos papadopoulos");
}

// Apostrophes join (O'Brien is one word), other punctuation and spaces separate, full-width
// letters are letters.
TEST(NameFold, WordsAndPunctuation) {
    EXPECT_EQ(folded("O'Brien"), "obrien");
    EXPECT_EQ(folded("D’Angelo"), "dangelo");
    EXPECT_EQ(folded("  Anna-Lena   Smith, Jr. "), "anna lena smith jr");
    EXPECT_EQ(folded("Ｊｏｈｎ　Ｓｍｉｔｈ"), "john smith");
    EXPECT_EQ(folded("Dr. Kate (Katherine) Miller 2"), "dr kate katherine miller 2");
    EXPECT_EQ(folded(""), "");
    EXPECT_EQ(folded(" -- "), "");
    EXPECT_EQ(folded("🙂 Kate"), "kate");
}

// Scripts without a Latin form in ICU keep their letters; the result is never empty for a
// name made of letters.
TEST(NameFold, OtherScripts) {
    EXPECT_FALSE(folded("山田 太郎").empty());
    EXPECT_FALSE(folded("김민준").empty());
    EXPECT_EQ(folded("محمد علي").find(' ') != std::string::npos, true);
}

// The ASCII fast path answers what ICU answers.
TEST(NameFold, AsciiFastPathEqualsIcu) {
    const std::vector<std::string> names = {
        "Katherine Miller", "KATE  MILER", "o'brien", "Anna-Lena Smith Jr.", "Dr. J. R. R. Tolkien",
        "x", "", "  ", "Smith,John", "Mc`Donald", "A1 B2", "tab\there", "semi;colon", "__init__",
        "~!@#$%^&*()_+{}|:\"<>?", "Zoe", "Jean-Luc Picard III"};
    for (const std::string &name : names) {
        const ci::Normalized fast = ci::fold_name(name);
        const ci::Normalized icu = ci::fold_name_with_icu(name);
        ASSERT_TRUE(fast.ok && icu.ok) << name;
        EXPECT_EQ(fast.value, icu.value) << name;
    }
    for (int c = 1; c < 0x80; ++c) {
        const std::string name = std::string("ab") + static_cast<char>(c) + "cd";
        EXPECT_EQ(ci::fold_name(name).value, ci::fold_name_with_icu(name).value) << c;
    }
}

// A name whose UTF-8 was read as windows-1252 (an import's mojibake) folds as it was meant;
// a name that only looks so, or has a character windows-1252 lacks, folds as written.
TEST(NameFold, MojibakeMended) {
    EXPECT_EQ(folded("David Gonz\u00C3\u00A1lez Jim\u00C3\u00A9nez"), "david gonzalez jimenez");
    EXPECT_EQ(folded("David Sevilla Pe\u00C3\u00B1a"), "david sevilla pena");
    EXPECT_EQ(folded("JOS\u00C3\u2030 M\u00C3\u0153LLER"), "jose mueller");  // É and Ü through windows-1252's 0x89, 0x9C
    EXPECT_EQ(folded("JO\u00C3O"), "joao");                                      // Ã before O: no UTF-8
    EXPECT_EQ(folded("Gonz\u00C3\u00A1lez \u0141ukasz"), "gonza lez lukasz");     // Ł: not windows-1252
    EXPECT_EQ(folded("Andr\u00E9 Dupr\u00E9"), "andre dupre");                  // Latin-1 letters, no UTF-8
}

// Invalid UTF-8 (a database in SQL_ASCII) is a word break, not an error.
TEST(NameFold, InvalidUtf8) {
    EXPECT_EQ(folded("Kate\xFF" "Miller"), "kate miller");
}

// The version names ICU's and the transform.
TEST(NameFold, Version) {
    const std::string version = ci::name_fold_version();
    EXPECT_EQ(version.rfind(std::string("ICU ") + U_ICU_VERSION, 0), 0u) << version;
    EXPECT_NE(version.find("CLDR "), std::string::npos);
    EXPECT_NE(version.find(ci::kNameFoldTransform), std::string::npos);
    EXPECT_NE(version.find(ci::kNameFoldMending), std::string::npos);
}

}  // namespace
