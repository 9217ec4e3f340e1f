#include "triage/known_words.hpp"

#include <algorithm>
#include <fstream>

namespace safesurvey::triage {

namespace {

bool is_word(const std::string& line) {
    return !line.empty() &&
           std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void read_list(const std::filesystem::path& path, std::vector<std::string>& words,
               std::vector<RuleProblem>& problems) {
    std::ifstream in(path);
    if (!in) {
        problems.push_back({path.string(), "/", "cannot be read"});
        return;
    }
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        if (!is_word(line)) {
            problems.push_back(
                {path.string(), "line " + std::to_string(number),
                 "'" + line.substr(0, 40) + "' is not one lower-case word of letters a-z"});
            continue;
        }
        words.push_back(std::move(line));
    }
}

}  // namespace

std::vector<std::string> read_known_words(const std::filesystem::path& dir,
                                          std::vector<RuleProblem>& problems) {
    std::vector<std::filesystem::path> paths;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".words") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> words;
    for (const auto& path : paths) read_list(path, words, problems);
    return words;
}

}  // namespace safesurvey::triage
