// Chinese names read as they are written in pinyin; see chinese_reading.hpp.
#include "chinese_reading.hpp"

#include "name_fold.hpp"
#include "name_runs.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ci {

namespace {

// The family names of two characters (simplified and traditional).
constexpr std::array<const char *, 21> kCompoundFamilyNames{
    {"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟",
     "尉遲", "公孙", "公孫", "慕容", "令狐", "夏侯", "长孙", "長孫", "宇文", "司徒"}};

// Words after a name that call the person rather than name them (Mr, Ms, Miss, Mrs,
// teacher, boss, master), alone or attached: longest first.
constexpr std::array<const char *, 10> kHonorifics{
    {"先生", "女士", "小姐", "太太", "夫人", "老师", "老師", "老板", "师傅", "師傅"}};

// What goes before one character of a name to call someone by it (Ah, little, old): 阿涛,
// 小杰 (a given name's last character), 老王 (the family name).
constexpr std::array<const char *, 3> kDiminutives{{"阿", "小", "老"}};

// The commonest family names in pinyin (the Ministry of Public Security's 2020 list's first
// hundred, and the two-syllable ones), for a name written as one word or with its given
// name's syllables apart.
constexpr std::array<const char *, 104> kPinyinFamilyNames{
    {"wang",     "li",      "zhang",  "liu",    "chen",  "yang",   "huang", "zhao",  "wu",
     "zhou",     "xu",      "sun",    "ma",     "zhu",   "hu",     "guo",   "he",    "lin",
     "gao",      "luo",     "zheng",  "liang",  "xie",   "song",   "tang",  "han",   "feng",
     "deng",     "cao",     "peng",   "zeng",   "xiao",  "tian",   "dong",  "pan",   "yuan",
     "cai",      "jiang",   "yu",     "du",     "ye",    "cheng",  "wei",   "su",    "lu",
     "ding",     "ren",     "yao",    "shen",   "zhong", "jiang",  "cui",   "tan",   "fan",
     "jin",      "shi",     "liao",   "jia",    "xia",   "fu",     "fang",  "zou",   "xiong",
     "bai",      "meng",    "qin",    "qiu",    "hou",   "yin",    "xue",   "yan",   "duan",
     "lei",      "long",    "tao",    "mao",    "he",    "gu",     "gong",  "shao",  "wan",
     "qian",     "kong",    "dai",    "tan",    "mo",    "kang",   "chang", "qi",    "yi",
     "niu",      "lai",     "wen",    "hao",    "ou",    "ouyang", "sima",  "zhuge", "shangguan",
     "dongfang", "huangfu", "murong", "linghu", "situ"}};

// The run without an honorific: empty when it is one, shorter when one ends it (赵女士: 赵,
// the family name).
void drop_honorific(CharacterRun &run) {
    for (const char *honorific : kHonorifics)
        if (drop_ending(run, honorific, 0)) return;
}

// How many characters of the run's start are its family name: two for 欧阳..., else one.
std::size_t family_length(const CharacterRun &run) {
    if (run.characters.size() >= 3) {
        const std::string two = joined(run, 0, 2);
        for (const char *compound : kCompoundFamilyNames)
            if (two == compound) return 2;
    }
    return 1;
}

// Hanzi in pinyin as one word (小明: xiaoming), or not ok with ICU's reason.
Normalized pinyin_word(const std::string &hanzi) {
    Normalized read = fold_name_with_icu(hanzi);
    if (!read.ok) return read;
    std::string word;
    for (const char ch : read.value)
        if (ch != ' ') word += ch;
    return Normalized{true, std::move(word), {}};
}

// A given name and a family name in Hanzi as "given family" in pinyin, each one word.
Normalized given_then_family(const std::string &given, const std::string &family) {
    const Normalized g = pinyin_word(given), f = pinyin_word(family);
    if (!g.ok) return g;
    if (!f.ok) return f;
    return Normalized{true, g.value + " " + f.value, {}};
}

// True when the folded word is one pinyin syllable as written without tones (an initial or
// none, a final).
bool pinyin_syllable(std::string_view word) {
    static const std::array<const char *, 24> initials{{"",   "b",  "p", "m", "f", "d", "t", "n",
                                                        "l",  "g",  "k", "h", "j", "q", "x", "zh",
                                                        "ch", "sh", "r", "z", "c", "s", "y", "w"}};
    static const std::array<const char *, 34> finals{
        {"a",    "o",   "e",   "i",   "u",  "v",   "ai",  "ei",   "ao",  "ou", "an",   "en",
         "ang",  "eng", "ong", "er",  "ia", "ie",  "iao", "iu",   "ian", "in", "iang", "ing",
         "iong", "ua",  "uo",  "uai", "ui", "uan", "un",  "uang", "ue",  "ve"}};
    for (const char *initial : initials) {
        const std::string_view i(initial);
        if (word.substr(0, i.size()) != i) continue;
        for (const char *final : finals)
            if (word.substr(i.size()) == final) return true;
    }
    return false;
}

// True when the folded word is one or two pinyin syllables (xiaoming, hao).
bool pinyin_given_name(std::string_view word) {
    if (pinyin_syllable(word)) return true;
    for (std::size_t cut = 1; cut < word.size(); ++cut)
        if (pinyin_syllable(word.substr(0, cut)) && pinyin_syllable(word.substr(cut))) return true;
    return false;
}

// The ways the folded word splits into two pinyin syllables (xian: xi an; jiayi: jia yi).
std::vector<std::pair<std::string_view, std::string_view>> two_syllables(std::string_view word) {
    std::vector<std::pair<std::string_view, std::string_view>> splits;
    for (std::size_t cut = 1; cut < word.size(); ++cut)
        if (pinyin_syllable(word.substr(0, cut)) && pinyin_syllable(word.substr(cut)))
            splits.emplace_back(word.substr(0, cut), word.substr(cut));
    return splits;
}

// The family name's place among the commonest (0 the commonest), or -1.
int family_rank(std::string_view word) {
    for (std::size_t i = 0; i < kPinyinFamilyNames.size(); ++i)
        if (word == kPinyinFamilyNames[i]) return static_cast<int>(i);
    return -1;
}

}  // namespace

Normalized chinese_reading(std::string_view name) {
    if (name.size() > max_read_bytes) return Normalized{true, std::string(name), {}};
    std::vector<CharacterRun> runs = character_runs(name, is_han);
    if (runs.empty()) return Normalized{true, std::string(name), {}};
    std::vector<std::size_t> named;  // (the runs left after their honorifics)
    for (std::size_t i = 0; i < runs.size(); ++i) {
        drop_honorific(runs[i]);
        if (!runs[i].characters.empty()) named.push_back(i);
    }
    std::vector<std::string> read(runs.size());
    // A family name typed apart before the given name (周 浩, 欧阳 娜娜): given name, family.
    if (named.size() == 2 && runs[named[0]].characters.size() <= 2 &&
        runs[named[1]].characters.size() <= 2) {
        const Normalized read_apart =
            given_then_family(joined(runs[named[1]]), joined(runs[named[0]]));
        if (!read_apart.ok) return read_apart;
        read[named[0]] = read_apart.value;  // (the second run left as a space)
        return Normalized{true, with_readings(name, runs, read), {}};
    }
    // A name called by one of its characters (阿涛, 小杰, 老王) or by one doubled (倩倩): "ah"
    // and that character, as it is written in Latin letters (Ah Tao), for the comparison to
    // read (README "Probable duplicates").
    if (named.size() == 1 && runs[named[0]].characters.size() == 2) {
        const CharacterRun &run = runs[named[0]];
        const bool doubled = run.characters[0] == run.characters[1];
        for (const char *diminutive : kDiminutives)
            if (doubled || run.characters[0] == diminutive) {
                const Normalized called = pinyin_word(run.characters[1]);
                if (!called.ok) return called;
                read[named[0]] = "ah " + called.value;
                return Normalized{true, with_readings(name, runs, read), {}};
            }
    }
    for (const std::size_t n : named) {
        const CharacterRun &run = runs[n];
        const std::size_t size = run.characters.size();
        const std::size_t family = family_length(run);
        const Normalized word =
            size >= 2 && size <= 4
                ? given_then_family(joined(run, family, size), joined(run, 0, family))
                : pinyin_word(joined(run));
        if (!word.ok) return word;
        read[n] = word.value;
    }
    return Normalized{true, with_readings(name, runs, read), {}};
}

std::string chinese_name_key(std::string_view folded) {
    if (folded.size() > max_read_bytes) return std::string(folded);
    std::vector<std::string> words = folded_words(folded);
    if (words.size() == 1) {
        // One word: a family name and a given name of one or two syllables run together.
        const std::string &word = words[0];
        for (const char *family : kPinyinFamilyNames) {
            const std::string_view f(family);
            if (word.size() > f.size() + 1 && word.compare(0, f.size(), f) == 0 &&
                pinyin_given_name(std::string_view(word).substr(f.size())))
                return word.substr(f.size()) + " " + std::string(f);
        }
        return std::string(folded);
    }
    // The given name's syllables written apart (Xiao Yan, Xiao-Ming) joined: in a name of
    // three words, the two beside the family name, each one syllable; where either end could
    // be the family name, the commoner is.
    const int first = family_rank(words.front()), last = family_rank(words.back());
    if (words.size() != 3 || (first < 0 && last < 0)) return std::string(folded);
    const std::size_t a = last < 0 || (first >= 0 && first <= last) ? 1 : 0;
    if (!pinyin_syllable(words[a]) || !pinyin_syllable(words[a + 1])) return std::string(folded);
    words[a] += words[a + 1];
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(a) + 1);
    std::string out;
    for (const std::string &word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

bool sibling_given_names(std::string_view given, std::string_view other) {
    if (given == other || given.size() > max_read_bytes || other.size() > max_read_bytes)
        return false;
    // (a name that is one syllable is one character: hao / hai, not ha o / ha i)
    if (pinyin_syllable(given) || pinyin_syllable(other)) return false;
    for (const auto &[g1, g2] : two_syllables(given))
        for (const auto &[o1, o2] : two_syllables(other))
            if ((g1 == o1) != (g2 == o2)) return true;
    return false;
}

std::string chinese_reading_version() {
    return std::to_string(kCompoundFamilyNames.size()) + " two-character family names, " +
           std::to_string(kPinyinFamilyNames.size()) + " in pinyin, " +
           std::to_string(kHonorifics.size()) + " honorifics, " +
           std::to_string(kDiminutives.size()) + " diminutives (version 2)";
}

}  // namespace ci
