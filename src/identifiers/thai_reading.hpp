// Thai names read as they are written in Latin letters, so that สมชาย ใจดี meets Somchai
// Jaidee: pure C++ (no PostgreSQL headers), unit-tested.  ICU's Thai-Latin is ISO 11940, a
// letter-for-letter transliteration (สมชาย smchay) that also breaks a name into dictionary
// words (ศิริพร siri phr); Thais write their names in the Royal Thai General System's
// sounds (Somchai, Siriphon) or near them (Siriporn), and no Debian library writes that, so
// the module holds RTGS's letter tables and how a syllable is put together.
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>

namespace ci {

// The name with its Thai words in Latin letters, each one word (its syllables as RTGS writes
// them: ศิริพร siriphon, สมชาย somchai), and the titles before it dropped, typed apart or
// joined to it (นาย, นาง, นางสาว, น.ส., คุณ, ดร., ด.ช., ด.ญ., and ranks written as letters
// with dots, ร.ต.อ.).  Other text is kept as it is, and so is a text over 2,000 bytes.
Normalized thai_reading(std::string_view name);

// A folded name as a Thai name is compared: Khun (the polite title in Latin letters) before
// a name of two words or more dropped; each word's spellings of one sound made one (ph p, th
// t, kh k, ch j, v w, oo u, ee i, oe e, ue u; doubled letters single; a final r or l n), as
// Thais write their names in RTGS or near it (Siriporn, Siriphon; Jaroensuk, Charoensuk).
std::string thai_name_key(std::string_view folded);

// What the version of the fold says of the Thai reading: its tables, by their size.
std::string thai_reading_version();

}  // namespace ci
