// Names folded through ICU's transliterator; see name_fold.hpp.
#include "name_fold.hpp"

#include "chinese_reading.hpp"
#include "japanese_reading.hpp"
#include "korean_reading.hpp"
#include "name_runs.hpp"
#include "thai_reading.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <memory>
#include <string>

namespace ci {

// NFC first (de-ASCII reads a precomposed or a decomposed ü alike, the others want NFC);
// de-ASCII: the German letters as German spells them without umlauts (ä ae, ö oe, ü ue,
// ß ss: Müller and Mueller meet); Russian-Latin/BGN and Greek-Latin/UNGEGN: Cyrillic and
// Greek as their people write their names in English (Сергей sergey, Хрущёв khrushchev,
// not ISO 9's sergej and hrusev); Any-Latin: every other script ICU knows; Latin-ASCII:
// other Latin letters without their marks (é e, ł l, ø o, æ ae); Lower.
const char *const kNameFoldTransform =
    "NFC; de-ASCII; Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII; Lower";

const char *const kNameFoldPrerequisites =
    "ICU's transliteration data (libicu's icudt), MeCab's IPA dictionary (mecab-ipadic-utf8) and "
    "libhangul's Hanja table (libhangul-data) are needed to fold names";

const char *const kNameFoldMending = "; first, UTF-8 read as windows-1252 mended";

namespace {

// The transform, built once per process (a backend): building it parses ICU's rules for
// every script (milliseconds), using it costs microseconds.  Kept for the process's life.
struct FoldTransform {
    std::unique_ptr<icu::Transliterator> transliterator;
    std::string error;
};

// The process's transform, or the reason ICU could not build it.
const FoldTransform &fold_transform() {
    static const FoldTransform transform = [] {
        FoldTransform built;
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        built.transliterator.reset(icu::Transliterator::createInstance(
            icu::UnicodeString(kNameFoldTransform, -1, US_INV), UTRANS_FORWARD, parse_error, status));
        if (U_FAILURE(status) || !built.transliterator) {
            built.transliterator.reset();
            built.error = std::string("names could not be folded (ICU: ") + u_errorName(status) + ")";
        }
        return built;
    }();
    return transform;
}

// True for the characters that join the letters around them rather than separate words:
// apostrophes (O'Brien, D’Angelo), the soft sign BGN writes as a prime (Tat'yana), ayin and
// hamza (Arabic), and the marks and modifier letters a transform leaves.
bool joins_word(UChar32 c) {
    if (c < 0x80) return c == '\'' || c == '`';  // (^ is a modifier symbol too: a break)
    switch (c) {
        case 0x00B4:  // ´
        case 0x2018:  // ‘
        case 0x2019:  // ’
            return true;
        default: {
            const int8_t category = u_charType(c);
            return category == U_MODIFIER_LETTER || category == U_NON_SPACING_MARK ||
                   category == U_COMBINING_SPACING_MARK || category == U_ENCLOSING_MARK ||
                   category == U_MODIFIER_SYMBOL;
        }
    }
}

// Appends a word character to the folded text, a space first if a word break is pending.
void append_word_char(std::string &out, bool &pending_break, char ch) {
    if (pending_break && !out.empty()) out += ' ';
    pending_break = false;
    out += ch;
}

// The windows-1252 converter, opened once per process (a backend; none where ICU lacks it).
UConverter *windows_1252() {
    static UConverter *const converter = [] {
        UErrorCode status = U_ZERO_ERROR;
        UConverter *opened = ucnv_open("windows-1252", &status);
        if (U_FAILURE(status)) return static_cast<UConverter *>(nullptr);
        status = U_ZERO_ERROR;  // (an unmappable character stops the conversion: no '?' put in)
        ucnv_setFromUCallBack(opened, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        return U_SUCCESS(status) ? opened : static_cast<UConverter *>(nullptr);
    }();
    return converter;
}

// True when the bytes are UTF-8 with at least one character beyond ASCII.
bool utf8_beyond_ascii(const std::string &bytes) {
    bool beyond = false;
    const auto *text = reinterpret_cast<const uint8_t *>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text, i, length, c);
        if (c < 0) return false;
        if (c >= 0x80) beyond = true;
    }
    return beyond;
}

// The name as it was meant when its UTF-8 was read as windows-1252 and written back
// ("GonzÃ¡lez", "PeÃ±a", "JOSÃ‰": an import that took each byte for a letter): every
// character of it windows-1252's, its bytes UTF-8 with a letter beyond ASCII.  Any other
// text comes back as it is (JOÃO: Ã before an O is no UTF-8).
icu::UnicodeString mended_mojibake(const icu::UnicodeString &text) {
    UConverter *converter = windows_1252();
    if (converter == nullptr) return text;
    std::string bytes(static_cast<std::size_t>(text.length()) + 1, '\0');
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(converter);
    const int32_t written = ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()),
                                            text.getBuffer(), text.length(), &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return text;
    bytes.resize(static_cast<std::size_t>(written));
    if (!utf8_beyond_ascii(bytes)) return text;
    return icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), written));
}

// The words of an ASCII name, lower case: what the transform does to ASCII (every step but
// Lower leaves it as it is), without ICU.
std::string fold_ascii(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool pending_break = false;
    for (const char raw : name) {
        const char ch = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            append_word_char(out, pending_break, ch);
        } else if (ch == '\'' || ch == '`') {
            continue;
        } else {
            pending_break = true;
        }
    }
    return out;
}

// Japanese long vowels as Hepburn without marks writes them, in a folded name: ou, oo and
// oh before a consonant or at the end of a word as o, uu as u (Satou, Satoh and Sato, Oota
// and Ota, Yuuko and Yuko; what the kana, a passport and a card form write for one name).
std::string without_long_vowels(const std::string &folded) {
    std::string out;
    out.reserve(folded.size());
    const auto vowel = [](char c) {
        return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o' || c == 'y';
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        out += c;
        if (i + 1 >= folded.size()) break;
        const char next = folded[i + 1];
        const char after = i + 2 < folded.size() ? folded[i + 2] : ' ';
        if ((c == 'o' && (next == 'u' || next == 'o')) || (c == 'u' && next == 'u') ||
            (c == 'o' && next == 'h' && !vowel(after)))
            ++i;  // (the second letter of the long vowel dropped)
    }
    return out;
}

// True when every byte of the text is ASCII.
bool all_ascii(std::string_view text) {
    for (const char ch : text)
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    return true;
}

}  // namespace

std::vector<std::string> folded_words(std::string_view folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= folded.size()) {
        const std::size_t end = std::min(folded.find(' ', start), folded.size());
        if (end > start) words.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

Normalized fold_name_with_icu(std::string_view name) {
    const FoldTransform &transform = fold_transform();
    if (!transform.transliterator) return Normalized{false, std::string(), transform.error};
    icu::UnicodeString text = mended_mojibake(
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
    transform.transliterator->transliterate(text);
    std::string out;
    out.reserve(static_cast<std::size_t>(text.length()));
    bool pending_break = false;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (c < 0x80) {
            const char ch = static_cast<char>(c);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                append_word_char(out, pending_break, ch);
                continue;
            }
            if (ch >= 'A' && ch <= 'Z') {  // (Lower leaves none; kept for safety)
                append_word_char(out, pending_break, static_cast<char>(ch - 'A' + 'a'));
                continue;
            }
        }
        if (joins_word(c)) continue;
        if (u_isalpha(c) || u_isdigit(c)) {
            // A letter of a script ICU has no Latin for stays as it is (lower case).
            if (pending_break && !out.empty()) out += ' ';
            pending_break = false;
            icu::UnicodeString(u_tolower(c)).toUTF8String(out);
            continue;
        }
        pending_break = true;
    }
    return Normalized{true, std::move(out), std::string()};
}

namespace {

// The name folded as it is written: the ASCII fast path, or ICU.
Normalized fold_written(std::string_view name) {
    if (all_ascii(name)) return Normalized{true, fold_ascii(name), std::string()};
    return fold_name_with_icu(name);
}

}  // namespace

Normalized fold_name(std::string_view name, NameReading reading) {
    if (reading == NameReading::pinyin) return fold_written(name);
    // A Japanese, Korean, Chinese or Thai name: read first (kanji, Hangul, Hanja, Hanzi, Thai),
    // then folded, then its spellings made one (Japanese long vowels; Korean family names and
    // given names; Chinese names run together or apart; Khun).
    const Normalized read = reading == NameReading::japanese ? japanese_reading(name)
                            : reading == NameReading::korean ? korean_reading(name)
                            : reading == NameReading::thai   ? thai_reading(name)
                                                             : chinese_reading(name);
    if (!read.ok) return read;
    Normalized folded = fold_written(read.value);
    if (!folded.ok || name.size() > max_read_bytes) return folded;  // (not read: no key)
    switch (reading) {
        case NameReading::japanese:
            folded.value = without_long_vowels(folded.value);
            break;
        case NameReading::korean:
            folded.value = korean_name_key(folded.value);
            break;
        case NameReading::thai:
            folded.value = thai_name_key(folded.value);
            break;
        default:
            folded.value = chinese_name_key(folded.value);
            break;
    }
    return folded;
}

std::string name_fold_version() {
    UVersionInfo version;
    u_getVersion(version);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, icu_text);
    UErrorCode status = U_ZERO_ERROR;
    UVersionInfo cldr;
    ulocdata_getCLDRVersion(cldr, &status);
    char cldr_text[U_MAX_VERSION_STRING_LENGTH] = "unknown";
    if (U_SUCCESS(status)) u_versionToString(cldr, cldr_text);
    return std::string("ICU ") + icu_text + " (CLDR " + cldr_text + "): " + kNameFoldTransform +
           kNameFoldMending + "; kanji in a JP tenant: " + japanese_reading_version() +
           "; Korean names in a KR tenant: " + korean_reading_version() +
           "; Chinese names in a CN, HK, MO or TW tenant: " + chinese_reading_version() +
           "; Thai names in a TH tenant: " + thai_reading_version();
}

}  // namespace ci
