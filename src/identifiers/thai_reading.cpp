// Thai names read as they are written in Latin letters; see thai_reading.hpp.
#include "thai_reading.hpp"

#include "name_fold.hpp"
#include "name_runs.hpp"

#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ci {

namespace {

// Titles written before a Thai name, typed apart or joined to it: longest first (นางสาว
// before นาง).
constexpr std::array<const char *, 10> kTitles{
    {"นางสาว", "ว่าที่ร้อยตรี", "นาง", "นาย", "น.ส.", "คุณ", "ดร.", "ด.ช.", "ด.ญ.", "ท่าน"}};

// A consonant's sound as RTGS writes it at the start of a syllable and at its end (ก..ฮ,
// U+0E01..U+0E2E; an empty end: the letter ends no syllable).
struct ConsonantSound {
    const char *initial, *final;
};
constexpr std::array<ConsonantSound, 46> kConsonants{
    {{"k", "k"},   {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"}, {"kh", "k"},  // ก..ฆ
     {"ng", "ng"}, {"ch", "t"}, {"ch", "t"}, {"ch", "t"}, {"s", "t"},  {"ch", "t"},  // ง..ฌ
     {"y", "n"},   {"d", "t"},  {"t", "t"},  {"th", "t"}, {"th", "t"}, {"th", "t"},  // ญ..ฒ
     {"n", "n"},   {"d", "t"},  {"t", "t"},  {"th", "t"}, {"th", "t"}, {"th", "t"},  // ณ..ธ
     {"n", "n"},   {"b", "p"},  {"p", "p"},  {"ph", "p"}, {"f", "p"},  {"ph", "p"},  // น..พ
     {"f", "p"},   {"ph", "p"}, {"m", "m"},  {"y", "i"},  {"r", "n"},  {"rue", ""},  // ฟ..ฤ
     {"l", "n"},   {"lue", ""}, {"w", "o"},  {"s", "t"},  {"s", "t"},  {"s", "t"},   // ล..ส
     {"h", ""},    {"l", "n"},  {"", ""},    {"h", ""}}};                            // ห..ฮ

constexpr char32_t kKoKai = 0x0E01, kHoNokHuk = 0x0E2E, kRuea = 0x0E24, kHoHip = 0x0E2B,
                   kOAng = 0x0E2D, kWoWaen = 0x0E27, kYoYak = 0x0E22, kRoRuea = 0x0E23,
                   kLoLing = 0x0E25, kSaraA = 0x0E30, kMaiHanAkat = 0x0E31, kSaraAa = 0x0E32,
                   kSaraAm = 0x0E33, kSaraI = 0x0E34, kSaraIi = 0x0E35, kSaraUe = 0x0E36,
                   kSaraUee = 0x0E37, kSaraU = 0x0E38, kSaraUu = 0x0E39, kSaraE = 0x0E40,
                   kSaraAe = 0x0E41, kSaraO = 0x0E42, kSaraAiMaimuan = 0x0E43,
                   kSaraAiMaimalai = 0x0E44, kMaiTaikhu = 0x0E47, kThanthakhat = 0x0E4C;

// True for a Thai letter, vowel or mark (not a Thai digit).
bool is_thai(int32_t c) { return c >= 0x0E01 && c <= 0x0E4E; }

bool consonant(char32_t c) { return c >= kKoKai && c <= kHoNokHuk && c != kRuea; }

// A vowel written after, above or below its consonant (not a tone mark).
bool dependent_vowel(char32_t c) {
    return (c >= kSaraA && c <= kSaraUu) || c == kMaiTaikhu || c == kRuea;
}

bool leading_vowel(char32_t c) { return c >= kSaraE && c <= kSaraAiMaimalai; }

bool tone_mark(char32_t c) { return c >= 0x0E48 && c <= 0x0E4B; }

const ConsonantSound &sound(char32_t c) { return kConsonants[c - kKoKai]; }

// The word's code points, tone marks left out, and the letters a thanthakhat silences with
// it (ศ์ in วงศ์, ดิ์ in ศักดิ์: the letter and its vowel; ทร์ in จันทร์: both).
std::u32string sounded(const CharacterRun &run) {
    std::u32string word;
    for (const std::string &character : run.characters) {
        const auto *bytes = reinterpret_cast<const uint8_t *>(character.data());
        int32_t i = 0;
        UChar32 c;
        U8_NEXT(bytes, i, static_cast<int32_t>(character.size()), c);
        if (c < 0 || tone_mark(static_cast<char32_t>(c))) continue;
        if (static_cast<char32_t>(c) == kThanthakhat) {
            while (!word.empty() && dependent_vowel(word.back())) word.pop_back();
            if (!word.empty()) {
                const char32_t silenced = word.back();
                word.pop_back();
                if (silenced == kRoRuea && !word.empty() &&
                    (word.back() == 0x0E17 || word.back() == 0x0E15 || word.back() == 0x0E14))
                    word.pop_back();  // (ทร์, ตร์, ดร์)
            }
            continue;
        }
        word += static_cast<char32_t>(c);
    }
    return word;
}

// True when a syllable can start at position at: the word's end, a leading vowel, or a
// consonant with something after it (not รร, a vowel).
bool syllable_starts(const std::u32string &w, std::size_t at) {
    if (at >= w.size()) return true;
    if (leading_vowel(w[at])) return true;
    if (w[at] == kRoRuea && at + 1 < w.size() && w[at + 1] == kRoRuea) return false;  // (รร)
    return consonant(w[at]) && at + 1 < w.size();
}

// The word's syllables as RTGS writes them, run together.
std::string romanized(const std::u32string &w) {
    std::string out;
    std::size_t i = 0;
    while (i < w.size()) {
        char32_t lead = 0;
        if (leading_vowel(w[i])) lead = w[i++];
        if (i >= w.size()) break;
        if (!consonant(w[i])) {  // (a vowel with no consonant: as its own letter)
            if (w[i] == kRuea) out += "rue";
            ++i;
            continue;
        }
        // The initial: a silent ห or อ before a sonorant, or a cluster with ร, ล or ว.
        char32_t first = w[i++];
        std::string initial = sound(first).initial;
        if (i < w.size() && consonant(w[i])) {
            const char32_t next = w[i];
            const bool vowel_after = i + 1 < w.size() && (dependent_vowel(w[i + 1]) || lead != 0);
            const bool sonorant = next == 0x0E07 || next == 0x0E0D || next == 0x0E19 ||
                                  next == 0x0E21 || next == kYoYak || next == kRoRuea ||
                                  next == kLoLing || next == kWoWaen;  // (ง ญ น ม ย ร ล ว)
            if (((first == kHoHip && sonorant) || (first == kOAng && next == kYoYak)) &&
                vowel_after) {
                initial = sound(next).initial;  // (หน, หม, หล, อย: the second sounds)
                ++i;
            } else if (next == kRoRuea && vowel_after &&
                       (first == 0x0E28 || first == 0x0E2A || first == 0x0E0B || first == 0x0E08)) {
                ++i;  // (ศร, สร, ซร, จร: the ร silent, ศรี si, จริง ching)
            } else if ((next == kRoRuea || next == kLoLing || next == kWoWaen) && vowel_after &&
                       std::string("kptd").find(initial.substr(0, 1)) != std::string::npos &&
                       initial != "th" && initial != "d") {
                initial += sound(next).initial;  // (กร, ปล, กว, พร)
                ++i;
            }
        }
        out += initial;
        // The vowel: marks after the initial, with the leading vowel.
        std::string vowel;
        bool open_only = false;  // (ะ, ำ, ใ, ไ: no final after it)
        auto at = [&](std::size_t k) -> char32_t { return k < w.size() ? w[k] : 0; };
        switch (lead) {
            case kSaraE:
                if (at(i) == kSaraIi && at(i + 1) == kYoYak) {
                    vowel = "ia";
                    i += 2;
                } else if (at(i) == kSaraUee && at(i + 1) == kOAng) {
                    vowel = "uea";
                    i += 2;
                } else if (at(i) == kSaraAa) {
                    vowel = "ao";
                    ++i;
                    if (at(i) == kSaraA) ++i, vowel = "o";
                    open_only = true;
                } else if (at(i) == kSaraI || (at(i) == kOAng && !consonant(at(i + 1)))) {
                    vowel = "oe";
                    ++i;
                } else if (at(i) == kMaiTaikhu) {
                    vowel = "e";
                    ++i;
                } else {
                    vowel = "e";
                    if (at(i) == kSaraA) ++i, open_only = true;
                }
                break;
            case kSaraAe:
                vowel = "ae";
                if (at(i) == kMaiTaikhu) ++i;
                if (at(i) == kSaraA) ++i, open_only = true;
                break;
            case kSaraO:
                vowel = "o";
                if (at(i) == kSaraA) ++i, open_only = true;
                break;
            case kSaraAiMaimuan:
            case kSaraAiMaimalai:
                vowel = "ai";
                open_only = true;
                break;
            default:
                switch (at(i)) {
                    case kMaiHanAkat:
                        ++i;
                        if (at(i) == kWoWaen && !dependent_vowel(at(i + 1))) {
                            vowel = "ua";  // (ตัว, กลัว)
                            ++i;
                        } else {
                            vowel = "a";
                        }
                        break;
                    case kSaraA:
                        vowel = "a", ++i, open_only = true;
                        break;
                    case kSaraAa:
                        vowel = "a", ++i;
                        break;
                    case kSaraAm:
                        vowel = "am", ++i, open_only = true;
                        break;
                    case kSaraI:
                    case kSaraIi:
                        vowel = "i", ++i;
                        break;
                    case kSaraUe:
                    case kSaraUee:
                        vowel = "ue", ++i;
                        if (at(i) == kOAng && !dependent_vowel(at(i + 1))) ++i;  // (ถือ)
                        break;
                    case kSaraU:
                    case kSaraUu:
                        vowel = "u", ++i;
                        break;
                    case kRuea:
                        vowel = "ri", ++i;  // (กฤต: krit)
                        break;
                    default:
                        break;
                }
        }
        // No vowel written: อ or ว between two consonants is one (ทอง thong, สวน suan);
        // else o before a final, a after an open syllable.
        if (vowel.empty() && consonant(at(i)) && !dependent_vowel(at(i + 1)) &&
            (at(i) == kOAng || (at(i) == kWoWaen && consonant(at(i + 1))))) {
            vowel = at(i) == kOAng ? "o" : "ua";
            ++i;
            if (vowel == "o" && !consonant(at(i))) {
                out += vowel;
                continue;
            }
        }
        // รร (ro han): a, before a final; an at the end (สุวรรณ suwan, ธรรม tham).
        if (vowel.empty() && at(i) == kRoRuea && at(i + 1) == kRoRuea) {
            i += 2;
            vowel = "a";
            if (!consonant(at(i)) || dependent_vowel(at(i + 1)) || !syllable_starts(w, i + 1)) {
                out += "an";
                continue;
            }
        }
        // The final: a consonant not starting the next syllable (nor ร after a vowel written,
        // before another consonant: ra, as names from Pali and Sanskrit read it, ธีรวัฒน์
        // thirawat, สุรชัย surachai).
        std::string final;
        const bool medial_ra = !vowel.empty() && at(i) == kRoRuea && consonant(at(i + 1));
        if (!open_only && !medial_ra && consonant(at(i)) && !dependent_vowel(at(i + 1)) &&
            syllable_starts(w, i + 1) && *sound(at(i)).final != '\0') {
            final = sound(at(i)).final;
            ++i;
        }
        // (a dental at the word's end with a short i or u after a vowel written: the final,
        // the vowel silent, as names from Pali read it: วุฒิ wut, ชาติ chat, ประวัติ prawat)
        const char32_t last = at(i);
        if (final.empty() && !open_only && !vowel.empty() && i + 2 == w.size() &&
            (at(i + 1) == kSaraI || at(i + 1) == kSaraU) &&
            (last == 0x0E15 || last == 0x0E12 || last == 0x0E17 || last == 0x0E18 ||
             last == 0x0E16 || last == 0x0E10 || last == 0x0E14)) {  // (ต ฒ ท ธ ถ ฐ ด)
            final = sound(last).final;
            i += 2;
        }
        if (vowel.empty()) vowel = final.empty() ? "a" : "o";
        if (final == "i" && (vowel == "a" || vowel == "o" || vowel == "u")) {
            out += vowel + "i";  // (ชาย chai, สอย, ปุย)
        } else if (final == "o" && vowel == "a") {
            out += "ao";  // (ขาว khao)
        } else {
            out += vowel + final;
        }
    }
    return out;
}

// The name without the titles before it: typed apart or joined to the first word, and
// ranks written as two or more letters each with a dot (ร.ต.อ., พ.ต.ท.).
std::string_view without_titles(std::string_view name) {
    for (int round = 0; round < 3; ++round) {
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        bool dropped = false;
        for (const char *title : kTitles) {
            const std::string_view t(title);
            if (name.substr(0, t.size()) != t) continue;
            std::string_view rest = name.substr(t.size());
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            if (rest.size() < 6) continue;  // (two Thai characters at least stay)
            name = rest;
            dropped = true;
            break;
        }
        if (dropped) continue;
        std::size_t at = 0, letters = 0;  // (a rank: Thai letter, dot, ...)
        while (at + 3 < name.size() && static_cast<unsigned char>(name[at]) == 0xE0 &&
               name[at + 3] == '.')
            at += 4, ++letters;
        if (letters < 2 || name.size() - at < 6) break;
        name.remove_prefix(at);
    }
    return name;
}

// A word as Thai names' Latin spellings are compared: the aspirated letters and the
// spellings of one sound made one (ph p, th t, kh k, ch j, v w, oo and ou u, ee i, oe e, ue
// u), doubled letters single, a final r or l the n RTGS writes (Siriporn, Siriphon siripon;
// Sirimongkol, Sirimongkhon sirimongkon; Jaroensuk, Charoensuk jarensuk).
std::string spelling_key(const std::string &word) {
    static const std::array<std::pair<const char *, const char *>, 11> kSameSound{{{"ph", "p"},
                                                                                   {"th", "t"},
                                                                                   {"kh", "k"},
                                                                                   {"ch", "j"},
                                                                                   {"v", "w"},
                                                                                   {"oo", "u"},
                                                                                   {"ou", "u"},
                                                                                   {"ee", "i"},
                                                                                   {"oe", "e"},
                                                                                   {"ue", "u"},
                                                                                   {"eu", "u"}}};
    std::string key;
    for (std::size_t i = 0; i < word.size();) {
        bool replaced = false;
        for (const auto &[from, to] : kSameSound) {
            const std::string_view f(from);
            if (word.compare(i, f.size(), f) == 0) {
                key += to;
                i += f.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) key += word[i++];
    }
    std::string single;
    for (const char ch : key)
        if (single.empty() || single.back() != ch || ch < 'a' || ch > 'z') single += ch;
    if (single.size() >= 4 && single.compare(single.size() - 2, 2, "rn") == 0) single.pop_back();
    if (single.size() >= 4 && (single.back() == 'r' || single.back() == 'l')) single.back() = 'n';
    return single;
}

}  // namespace

Normalized thai_reading(std::string_view name) {
    if (name.size() > max_read_bytes) return Normalized{true, std::string(name), {}};
    const std::string_view titled = without_titles(name);
    const std::vector<CharacterRun> runs = character_runs(titled, is_thai);
    if (runs.empty()) return Normalized{true, std::string(titled), {}};
    std::vector<std::string> read;
    for (const CharacterRun &run : runs) read.push_back(romanized(sounded(run)));
    return Normalized{true, with_readings(titled, runs, read), {}};
}

std::string thai_name_key(std::string_view folded) {
    std::vector<std::string> words = folded_words(folded);
    const std::size_t first = words.size() >= 3 && words.front() == "khun" ? 1 : 0;
    std::string out;
    for (std::size_t i = first; i < words.size(); ++i)
        out += (out.empty() ? "" : " ") + spelling_key(words[i]);
    return out;
}

std::string thai_reading_version() {
    return std::to_string(kConsonants.size()) + " consonants, " + std::to_string(kTitles.size()) +
           " titles (version 1)";
}

}  // namespace ci
