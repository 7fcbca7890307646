// The Hanja table of libhangul-data; see hanja_table.hpp.
#include "hanja_table.hpp"

#include <unicode/utf8.h>

#include <sys/stat.h>

#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#ifndef CI_HANJA_TABLE
#error "CI_HANJA_TABLE (libhangul-data's hanja.txt) is set by CMakeLists.txt"
#endif

namespace ci {

namespace {

// The readings of every single Hanja the table reads as one syllable, or why it could not
// be read.  Made on first use (a backend reading a KR tenant's name in Hanja: about 30 ms,
// 27,552 characters, some 3 MB) and kept for the process's life.
struct Table {
    std::unordered_map<char32_t, std::vector<std::string>> readings;
    std::string error;
};

// The one code point the UTF-8 text is, or -1.
UChar32 single_code_point(const std::string &text) {
    const auto *bytes = reinterpret_cast<const uint8_t *>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    UChar32 c = -1;
    if (length > 0) U8_NEXT(bytes, i, length, c);
    return i == length ? c : -1;
}

// The table, read from libhangul-data's hanja.txt: lines "reading:hanja:meaning", '#' a
// comment; only a reading of one Hangul syllable for one character is kept (the table also
// holds words).
const Table &table() {
    static const Table read = [] {
        Table t;
        std::ifstream in(CI_HANJA_TABLE);
        if (!in) {
            t.error = "names in Hanja could not be read (no " CI_HANJA_TABLE ")";
            return t;
        }
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const std::size_t first = line.find(':');
            const std::size_t second = line.find(':', first + 1);
            if (first == std::string::npos || second == std::string::npos) continue;
            const std::string reading = line.substr(0, first);
            const UChar32 syllable = single_code_point(reading);
            const UChar32 hanja = single_code_point(line.substr(first + 1, second - first - 1));
            if (syllable < 0xAC00 || syllable > 0xD7A3 || hanja < 0) continue;
            t.readings[static_cast<char32_t>(hanja)].push_back(reading);
        }
        if (t.readings.empty())
            t.error = "names in Hanja could not be read (" CI_HANJA_TABLE " holds no reading)";
        return t;
    }();
    return read;
}

}  // namespace

const std::vector<std::string> &hanja_readings(char32_t hanja, std::string &error) {
    static const std::vector<std::string> none;
    const Table &t = table();
    if (!t.error.empty()) {
        error = t.error;
        return none;
    }
    const auto found = t.readings.find(hanja);
    return found == t.readings.end() ? none : found->second;
}

std::string hanja_table_version() {
    // (the file's size, not its contents: every run asks, and reading the table takes 30 ms)
    struct stat status;
    if (stat(CI_HANJA_TABLE, &status) != 0) return "no Hanja table (" CI_HANJA_TABLE ")";
    return "libhangul-data " CI_HANJA_TABLE " (" + std::to_string(status.st_size) + " bytes)";
}

}  // namespace ci
