// Runs of one script's characters in a name; see name_runs.hpp.
#include "name_runs.hpp"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace ci {

std::vector<CharacterRun> character_runs(std::string_view name, bool (*member)(int32_t)) {
    std::vector<CharacterRun> runs;
    const auto *bytes = reinterpret_cast<const uint8_t *>(name.data());
    const auto length = static_cast<int32_t>(name.size());
    bool in_run = false;
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !member(c)) {
            in_run = false;
            continue;
        }
        if (!in_run) runs.push_back(CharacterRun{static_cast<std::size_t>(start), 0, {}});
        in_run = true;
        runs.back().end = static_cast<std::size_t>(i);
        runs.back().characters.emplace_back(name.substr(start, i - start));
    }
    return runs;
}

std::string joined(const CharacterRun &run, std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t i = from; i < to; ++i) text += run.characters[i];
    return text;
}

std::string joined(const CharacterRun &run) { return joined(run, 0, run.characters.size()); }

bool drop_ending(CharacterRun &run, std::string_view word, std::size_t keep) {
    const std::string text = joined(run);
    if (text.size() < word.size() ||
        text.compare(text.size() - word.size(), word.size(), word) != 0)
        return false;
    std::size_t bytes = 0, count = 0;  // (how many characters the word is)
    while (bytes < word.size()) bytes += run.characters[run.characters.size() - 1 - count++].size();
    if (run.characters.size() - count >= keep) run.characters.resize(run.characters.size() - count);
    return true;
}

std::string with_readings(std::string_view name, const std::vector<CharacterRun> &runs,
                          const std::vector<std::string> &readings) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        out.append(name.substr(at, runs[i].begin - at));
        out += readings[i].empty() ? " " : readings[i];
        at = runs[i].end;
    }
    out.append(name.substr(at));
    return out;
}

bool is_han(int32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    return c >= 0x2E80 && uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

}  // namespace ci
