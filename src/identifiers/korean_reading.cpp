// Korean names read and compared as they are romanized; see korean_reading.hpp.
#include "korean_reading.hpp"

#include "hanja_table.hpp"
#include "name_fold.hpp"
#include "name_runs.hpp"

#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ci {

namespace {

// A Korean family name: in Hangul, as most of its bearers spell it in Latin letters, the
// other spellings met (comma-separated, folded), and whether it is also a common syllable
// of given names (정 jung in 정희, 서 seo in 서연: at the end of "Seo Hyun Heo" it is not
// the family name).  Ordered by the number of bearers (Statistics Korea, census 2015):
// where either end of a name could be the family name, the commoner one is.  One-letter
// spellings (I, O, U) and Jun, a syllable of many given names, are not looked for in Latin.
struct FamilyName {
    const char *hangul;
    const char *latin;
    const char *variants;
    bool given_syllable;
};

constexpr std::array<FamilyName, 84> kFamilyNames{{
    {"김", "kim", "gim,ghim", false},
    {"이", "lee", "yi,rhee,ri,rhie,yie,li", false},
    {"박", "park", "pak,bak,bahk", false},
    {"최", "choi", "choe,choy", false},
    {"정", "jung", "jeong,chung,cheong,jeung", true},
    {"강", "kang", "gang", false},
    {"조", "cho", "jo,joe,jho", false},
    {"윤", "yoon", "yun,youn", true},
    {"장", "jang", "chang,jhang", false},
    {"임", "lim", "im,rim,yim", false},
    {"한", "han", "hahn", true},
    {"오", "oh", "", false},
    {"서", "seo", "suh,sur", true},
    {"신", "shin", "sin", false},
    {"권", "kwon", "gwon", false},
    {"황", "hwang", "whang", false},
    {"안", "ahn", "an", false},
    {"송", "song", "", false},
    {"전", "jeon", "chun,cheon,jeun", false},
    {"홍", "hong", "", false},
    {"유", "yoo", "yu,you", true},
    {"고", "ko", "koh,go", false},
    {"문", "moon", "mun", false},
    {"양", "yang", "", false},
    {"손", "son", "sohn", false},
    {"배", "bae", "pae", false},
    {"백", "baek", "paik,baik,paek,back", false},
    {"허", "heo", "huh,hur", false},
    {"남", "nam", "", false},
    {"심", "shim", "sim", false},
    {"노", "noh", "roh,no,ro", false},
    {"하", "ha", "", true},
    {"곽", "kwak", "gwak", false},
    {"성", "sung", "seong", true},
    {"차", "cha", "", false},
    {"주", "joo", "ju,chu", true},
    {"우", "woo", "", true},
    {"구", "koo", "gu,ku", false},
    {"민", "min", "", true},
    {"류", "ryu", "ryoo,rhyu", false},
    {"나", "na", "ra", true},
    {"진", "jin", "chin", true},
    {"지", "ji", "chi", true},
    {"엄", "eom", "um,uhm", false},
    {"채", "chae", "", true},
    {"원", "won", "", true},
    {"천", "cheon", "", false},
    {"방", "bang", "", false},
    {"공", "kong", "gong", false},
    {"현", "hyun", "hyeon", true},
    {"함", "ham", "", false},
    {"변", "byun", "byeon", false},
    {"염", "yeom", "yum", false},
    {"여", "yeo", "yuh", false},
    {"추", "choo", "", false},
    {"도", "do", "doh", true},
    {"소", "so", "", true},
    {"석", "seok", "suk", true},
    {"선", "sun", "seon", true},
    {"설", "seol", "sul", false},
    {"마", "ma", "", false},
    {"길", "gil", "kil", false},
    {"연", "yeon", "", true},
    {"위", "wi", "wee", false},
    {"표", "pyo", "", false},
    {"명", "myung", "myeong", true},
    {"기", "ki", "gi", true},
    {"반", "ban", "", false},
    {"왕", "wang", "", false},
    {"금", "geum", "keum", false},
    {"옥", "ok", "", true},
    {"육", "yook", "yuk", false},
    {"인", "in", "", true},
    {"맹", "maeng", "", false},
    {"제", "je", "", false},
    {"모", "mo", "", false},
    {"탁", "tak", "", false},
    {"남궁", "namgung", "namkung", false},
    {"황보", "hwangbo", "", false},
    {"제갈", "jegal", "", false},
    {"선우", "sunwoo", "seonwoo,seonu", false},
    {"독고", "dokgo", "dokko", false},
    {"사공", "sagong", "", false},
    {"서문", "seomun", "", false},
}};

// Words that call or describe a person rather than name them: after a name, alone or
// attached (이재현님, 김상훈 대표님); 군 and 양 (Master, Miss) only alone, as they end given
// names too (태양).  Longest first, so 고객님 is taken whole.
constexpr std::array<const char *, 34> kHonorifics{
    {"고객님", "대표님", "원장님", "선생님", "사장님", "부장님", "과장님", "팀장님", "실장님",
     "이사님", "회장님", "교수님", "박사님", "여사님", "고객",   "대표",   "원장",   "선생",
     "사장",   "부장",   "과장",   "팀장",   "실장",   "이사",   "회장",   "교수",   "박사",
     "여사",   "님",     "씨",     "군",     "양",     "귀하",   "회원"}};

// True for a honorific that is only one when it stands alone.
bool alone_only(std::string_view honorific) { return honorific == "군" || honorific == "양"; }

// The Revised Romanization (Ministry of Culture and Tourism, 2000), syllable by syllable, as
// it is applied to personal names (no sound change across syllables): the 19 initial
// consonants, the 21 vowels, the 28 finals (none first) of the Unicode syllable order.
constexpr std::array<const char *, 19> kInitials{{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp",
                                                  "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
                                                  "h"}};
constexpr std::array<const char *, 21> kVowels{{"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                                "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                "wo", "we", "wi", "yu",  "eu", "ui", "i"}};
constexpr std::array<const char *, 28> kFinals{{"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                                "m", "l",  "l", "l", "p", "l", "m", "p", "p", "t",
                                                "t", "ng", "t", "t", "k", "t", "p", "t"}};

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// True for a Hangul syllable (composed: jamo are not a name's spelling).
bool hangul_syllable(int32_t c) {
    return c >= static_cast<int32_t>(kFirstSyllable) && c <= static_cast<int32_t>(kLastSyllable);
}

// The family name written so in Hangul, or nullptr.
const FamilyName *family_in_hangul(std::string_view hangul) {
    for (const FamilyName &family : kFamilyNames)
        if (hangul == family.hangul) return &family;
    return nullptr;
}

// The index of a composed Hangul syllable (UTF-8) in the Unicode order: initial * 588 +
// vowel * 28 + final.
std::size_t syllable_index(std::string_view syllable) {
    const auto *bytes = reinterpret_cast<const uint8_t *>(syllable.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(syllable.size()), c);
    return static_cast<std::size_t>(c - static_cast<UChar32>(kFirstSyllable));
}

// The Revised Romanization of one syllable (UTF-8 of a composed Hangul syllable).
std::string romanized_syllable(std::string_view syllable) {
    const std::size_t index = syllable_index(syllable);
    return std::string(kInitials[index / 588]) + kVowels[(index % 588) / 28] + kFinals[index % 28];
}

// The run's syllables from..to in the Revised Romanization, as one word.
std::string romanized(const CharacterRun &run, std::size_t from, std::size_t to) {
    std::string word;
    for (std::size_t i = from; i < to; ++i) word += romanized_syllable(run.characters[i]);
    return word;
}

// How many syllables of the run's start are a family name (two for 남궁, 선우...), or 0.
std::size_t family_length(const CharacterRun &run) {
    if (run.characters.size() >= 3 && family_in_hangul(joined(run, 0, 2)) != nullptr) return 2;
    if (!run.characters.empty() && family_in_hangul(run.characters[0]) != nullptr) return 1;
    return 0;
}

// The run without an honorific: empty when it is one (군 and 양 not as the first word: 양
// is a family name too), shorter when one is attached to a name of two syllables or more.
void drop_honorific(CharacterRun &run, bool first) {
    const std::string text = joined(run);
    for (const char *honorific : kHonorifics) {
        if (text == honorific && !(first && alone_only(honorific))) {
            run.characters.clear();
            return;
        }
    }
    for (const char *honorific : kHonorifics)
        if (!alone_only(honorific) && text != honorific && drop_ending(run, honorific, 2)) return;
}

// The run read: a family name alone in its Latin spelling; a name that begins with a family
// name as given name and family name (영재 김: yeongjae kim); anything else romanized.
std::string read_run(const CharacterRun &run) {
    const std::size_t n = run.characters.size();
    const std::size_t family = family_length(run);
    if (family == 0 || n > family + 3) return romanized(run, 0, n);
    const std::string latin = family_in_hangul(joined(run, 0, family))->latin;
    if (family == n) return latin;
    return romanized(run, family, n) + " " + latin;
}

// The family name a folded word spells (its index in kFamilyNames), or -1.
int family_in_latin(const std::string &word) {
    static const std::unordered_map<std::string, int> spellings = [] {
        std::unordered_map<std::string, int> made;
        for (std::size_t i = 0; i < kFamilyNames.size(); ++i) {
            made.emplace(kFamilyNames[i].latin, static_cast<int>(i));
            std::string variants(kFamilyNames[i].variants);
            for (char &ch : variants)
                if (ch == ',') ch = ' ';
            for (const std::string &variant : folded_words(variants))
                made.emplace(variant, static_cast<int>(i));  // (the commoner name keeps a spelling)
        }
        return made;
    }();
    const auto found = spellings.find(word);
    return found == spellings.end() ? -1 : found->second;
}

// True when the folded word is one Korean syllable as it is romanized (min, jun, young, hyun,
// soo, hoon, wook, eun, suh): an initial consonant or none, a vowel with its glide (w, y),
// a final or none.  Tried over every split, as "ng" and "g" both end one.
bool korean_syllable(const std::string &word) {
    static const std::vector<std::string> initials{"",   "g",  "k", "kk", "gg", "n", "d",  "t",
                                                   "tt", "r",  "l", "m",  "b",  "p", "pp", "s",
                                                   "ss", "sh", "j", "jj", "ch", "h"};
    static const std::vector<std::string> cores{"a", "ae", "e",  "eo", "eu", "ea", "i",  "ee",
                                                "o", "oo", "ou", "oe", "u",  "ui", "uh", "ah"};
    static const std::vector<std::string> finals{"",  "k", "g", "n", "t", "d",
                                                 "l", "m", "p", "b", "ng"};
    for (const std::string &initial : initials) {
        if (word.compare(0, initial.size(), initial) != 0) continue;
        for (const char *glide : {"", "w", "y"}) {
            std::size_t pos = initial.size();
            const std::string_view g(glide);
            if (word.compare(pos, g.size(), g) != 0) continue;
            pos += g.size();
            for (const std::string &core : cores) {
                if (word.compare(pos, core.size(), core) != 0) continue;
                const std::string rest = word.substr(pos + core.size());
                for (const std::string &final : finals)
                    if (rest == final) return true;
            }
        }
    }
    return false;
}

// True for a letter the folded words count as a vowel (y a glide before one).
bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Every occurrence of from replaced by to, left to right.
void replace_all(std::string &word, std::string_view from, std::string_view to) {
    for (std::size_t at = word.find(from); at != std::string::npos;
         at = word.find(from, at + to.size()))
        word.replace(at, from.size(), to);
}

// The spelling variants of a given name's syllables made one (korean_name_key): the Revised
// Romanization's spelling where the common one differs (Young yeong, Sung seong, Hyun
// hyeon, Chul cheol, Kyung gyeong, Kwang gwang, Suh seo), and u, i where the two differ in
// length only (Joon jun, Woo u, Hee and Hui hi).
std::string given_key(std::string word) {
    replace_all(word, "sh", "s");    // Shi: si (Revised Romanization has no sh)
    replace_all(word, "eui", "i");   // Eui: ui, then i
    replace_all(word, "oo", "u");    // Joon, Soo, Hoon, Yoon, Woo, Sook
    replace_all(word, "ou", "eo");   // Young, Youn, Kyoung
    replace_all(word, "weo", "wo");  // Weon
    replace_all(word, "wu", "u");    // Woo (wu), Wook
    replace_all(word, "ee", "i");    // Hee
    replace_all(word, "ui", "i");    // Hui
    replace_all(word, "yea", "ye");  // Yea
    std::string out;                 // uh, ah before a consonant or at the end: eo, a (Suh, Su-ah)
    for (std::size_t i = 0; i < word.size(); ++i) {
        if ((word[i] == 'u' || word[i] == 'a') && i + 1 < word.size() && word[i + 1] == 'h' &&
            (i + 2 >= word.size() || !vowel(word[i + 2]))) {
            out += word[i] == 'u' ? "eo" : "a";
            ++i;
            continue;
        }
        // yun after h, m, b, k, g (not the g of ng): ㅓ as the common spelling writes it,
        // Hyun, Myung, Byung, Kyung
        const char before = i > 0 ? word[i - 1] : ' ';
        if (word.compare(i, 3, "yun") == 0 &&
            (before == 'h' || before == 'm' || before == 'b' || before == 'k' ||
             (before == 'g' && !(i >= 2 && word[i - 2] == 'n')))) {
            out += "yeon";
            i += 2;
            continue;
        }
        out += word[i];
    }
    replace_all(out, "sung", "seong");
    replace_all(out, "jung", "jeong");
    replace_all(out, "chul", "cheol");
    replace_all(out, "gun", "geon");
    replace_all(out, "ky", "gy");
    replace_all(out, "kw", "gw");
    return out;
}

// The end of the name that is its family name: 1 the last word, 0 the first, -1 neither.
// Where both could be, the one that is not also a syllable of given names, else the commoner.
int family_end(int first, int last) {
    if (first < 0 && last < 0) return -1;
    if (first < 0) return 1;
    if (last < 0) return 0;
    const bool first_given = kFamilyNames[static_cast<std::size_t>(first)].given_syllable;
    const bool last_given = kFamilyNames[static_cast<std::size_t>(last)].given_syllable;
    if (first_given != last_given) return first_given ? 1 : 0;
    return first < last ? 0 : 1;
}

// The name with its Hangul read (korean_reading, Hanja already in Hangul).
std::string read_hangul(std::string_view name) {
    std::vector<CharacterRun> runs = character_runs(name, hangul_syllable);
    if (runs.empty()) return std::string(name);
    for (std::size_t i = 0; i < runs.size(); ++i) drop_honorific(runs[i], i == 0);
    std::vector<std::string> read;
    std::vector<std::size_t> named;  // (the runs left)
    for (std::size_t i = 0; i < runs.size(); ++i) {
        read.push_back(runs[i].characters.empty() ? std::string() : read_run(runs[i]));
        if (!runs[i].characters.empty()) named.push_back(i);
    }
    // A family name written apart from the given name (권 성호, 지원 박): the given name read
    // whole, after it the family name.
    if (named.size() == 2) {
        const CharacterRun &first = runs[named[0]], &second = runs[named[1]];
        const FamilyName *first_family = family_in_hangul(joined(first));
        const FamilyName *second_family = family_in_hangul(joined(second));
        if ((first_family != nullptr) != (second_family != nullptr)) {
            const CharacterRun &given = first_family != nullptr ? second : first;
            read[named[0]] = romanized(given, 0, given.characters.size());
            read[named[1]] = (first_family != nullptr ? first_family : second_family)->latin;
        }
    }
    return with_readings(name, runs, read);
}

// The reading of a Hanja where the table gives several: the first of a name's (its family
// name) as the commonest family name among them (金 김, not 금; 李 이, not 리); the first of the
// given name without an initial ㄹ, as the initial-sound rule writes it; any other the
// table's first.  Empty when the table has none.
std::string chosen_reading(const std::vector<std::string> &readings, std::size_t position) {
    if (readings.empty()) return std::string();
    if (position == 0) {
        const std::string *best = nullptr;
        std::size_t best_rank = kFamilyNames.size();
        for (const std::string &reading : readings) {
            for (std::size_t rank = 0; rank < best_rank; ++rank) {
                if (reading == kFamilyNames[rank].hangul) {
                    best = &reading;
                    best_rank = rank;
                    break;
                }
            }
        }
        if (best != nullptr) return *best;
    }
    if (position == 1) {
        for (const std::string &reading : readings)
            if (syllable_index(reading) / 588 != 5) return reading;  // (5: ㄹ, the sixth initial)
    }
    return readings.front();
}

// The name with its Hanja in Hangul (黃成浩 황성호), each run of them read as a name is, or
// not ok when the table cannot be read.  A Hanja the table lacks is kept.
Normalized hanja_in_hangul(std::string_view name) {
    const std::vector<CharacterRun> runs = character_runs(name, is_han);
    std::vector<std::string> readings;
    std::string error;
    for (const CharacterRun &run : runs) {
        std::string read;
        for (std::size_t position = 0; position < run.characters.size(); ++position) {
            const std::string &hanja = run.characters[position];
            const auto *bytes = reinterpret_cast<const uint8_t *>(hanja.data());
            int32_t i = 0;
            UChar32 c;
            U8_NEXT(bytes, i, static_cast<int32_t>(hanja.size()), c);
            const std::string reading =
                chosen_reading(hanja_readings(static_cast<char32_t>(c), error), position);
            if (!error.empty()) return Normalized{false, std::string(), error};
            read += reading.empty() ? hanja : reading;
        }
        readings.push_back(std::move(read));
    }
    return Normalized{true, with_readings(name, runs, readings), {}};
}

}  // namespace

Normalized korean_reading(std::string_view name) {
    if (name.size() > max_read_bytes) return Normalized{true, std::string(name), {}};
    const Normalized in_hangul = hanja_in_hangul(name);  // (the table read only for Hanja)
    if (!in_hangul.ok) return in_hangul;
    return Normalized{true, read_hangul(in_hangul.value), {}};
}

std::string korean_name_key(std::string_view folded) {
    if (folded.size() > max_read_bytes) return std::string(folded);
    std::vector<std::string> words = folded_words(folded);
    if (words.size() < 2) return std::string(folded);
    const int end = family_end(family_in_latin(words.front()), family_in_latin(words.back()));
    std::string family;
    if (end == 0) {
        family = kFamilyNames[static_cast<std::size_t>(family_in_latin(words.front()))].latin;
        words.erase(words.begin());
    } else if (end == 1) {
        family = kFamilyNames[static_cast<std::size_t>(family_in_latin(words.back()))].latin;
        words.pop_back();
    }
    // The given name's syllables written apart (Min-jun, Ji Young) joined; without a family
    // name known (a typo in it: Jagn Byung-chul), only syllables written apart are taken for
    // a given name.
    std::vector<std::string> out_words;
    bool joining = false;
    std::vector<bool> joined_word;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool syllable = korean_syllable(words[i]);
        const bool next_syllable = i + 1 < words.size() && korean_syllable(words[i + 1]);
        if (joining && syllable) {
            out_words.back() += words[i];
        } else {
            out_words.push_back(words[i]);
            joined_word.push_back(syllable && next_syllable);
        }
        joining = syllable && (joining || next_syllable);
    }
    std::string out;
    for (std::size_t i = 0; i < out_words.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += end >= 0 || joined_word[i] ? given_key(out_words[i]) : out_words[i];
    }
    return family.empty() ? out : out + " " + family;
}

std::string korean_reading_version() {
    return "Revised Romanization, " + std::to_string(kFamilyNames.size()) + " family names, " +
           std::to_string(kHonorifics.size()) + " honorifics (version 1), Hanja from " +
           hanja_table_version();
}

}  // namespace ci
