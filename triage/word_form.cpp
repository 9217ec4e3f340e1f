#include "triage/word_form.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace safesurvey::triage {

namespace {

// Porter2 treats 'y' as a consonant at the start of a word or after a vowel;
// such a 'y' is written 'Y' while stemming.
bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool ends_with(const std::string& w, std::string_view suffix) {
    return w.size() >= suffix.size() &&
           w.compare(w.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0;
}

// The region after the first non-vowel that follows a vowel, at or after `from`.
std::size_t region_after(const std::string& w, std::size_t from) {
    for (std::size_t i = from + 1; i < w.size(); ++i) {
        if (is_vowel(w[i - 1]) && !is_vowel(w[i])) return i + 1;
    }
    return w.size();
}

std::size_t region_one(const std::string& w) {
    for (std::string_view prefix : {"gener", "commun", "arsen"}) {
        if (w.starts_with(prefix)) return prefix.size();
    }
    return region_after(w, 0);
}

// Whether w[0, length) ends in a short syllable ("hop", "sav"; "ow" at the start).
bool ends_in_short_syllable(const std::string& w, std::size_t length) {
    if (length == 2) return is_vowel(w[0]) && !is_vowel(w[1]);
    if (length < 3) return false;
    const char a = w[length - 3], b = w[length - 2], c = w[length - 1];
    return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' && c != 'Y';
}

bool has_vowel(const std::string& w, std::size_t length) {
    return std::any_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(length), is_vowel);
}

// Plurals and third-person -s.
void step_1a(std::string& w) {
    if (ends_with(w, "sses")) {
        w.resize(w.size() - 2);
    } else if (ends_with(w, "ied") || ends_with(w, "ies")) {
        w.replace(w.size() - 3, 3, w.size() > 4 ? "i" : "ie");
    } else if (ends_with(w, "us") || ends_with(w, "ss")) {
        return;
    } else if (ends_with(w, "s") && w.size() >= 3 && has_vowel(w, w.size() - 2)) {
        w.pop_back();  // "gaps" -> "gap", but "gas" and "this" stay
    }
}

// -ed, -ing and -eed, restoring the "e" or undoubling the consonant they hid.
void step_1b(std::string& w, std::size_t r1) {
    if (ends_with(w, "eedly") || ends_with(w, "eed")) {
        const std::size_t suffix = ends_with(w, "eedly") ? 5 : 3;
        if (w.size() - suffix >= r1) w.replace(w.size() - suffix, suffix, "ee");
        return;
    }
    std::size_t suffix = 0;
    for (std::string_view s : {"ingly", "edly", "ing", "ed"}) {
        if (ends_with(w, s)) {
            suffix = s.size();
            break;
        }
    }
    if (suffix == 0 || !has_vowel(w, w.size() - suffix)) return;
    w.resize(w.size() - suffix);
    static constexpr std::array<std::string_view, 9> kDoubles = {"bb", "dd", "ff", "gg", "mm",
                                                                 "nn", "pp", "rr", "tt"};
    if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) {
        w.push_back('e');
    } else if (std::any_of(kDoubles.begin(), kDoubles.end(),
                           [&](std::string_view d) { return ends_with(w, d); })) {
        w.pop_back();
    } else if (ends_in_short_syllable(w, w.size()) && r1 >= w.size()) {
        w.push_back('e');
    }
}

// Final y after a consonant, and a final e or ll the inflection steps left.
void steps_1c_and_5(std::string& w, std::size_t r1, std::size_t r2) {
    if (w.size() > 2 && (w.back() == 'y' || w.back() == 'Y') && !is_vowel(w[w.size() - 2])) {
        w.back() = 'i';
    }
    const std::size_t last = w.size() - 1;
    if (w.back() == 'e' && (last >= r2 || (last >= r1 && !ends_in_short_syllable(w, last)))) {
        w.pop_back();
    } else if (w.back() == 'l' && last >= r2 && w.size() >= 2 && w[last - 1] == 'l') {
        w.pop_back();
    }
}

const std::pair<std::string_view, std::string_view>* exception_for(std::string_view word) {
    static constexpr std::pair<std::string_view, std::string_view> kExceptions[] = {
        {"skis", "ski"},    {"skies", "sky"},   {"dying", "die"},    {"lying", "lie"},
        {"tying", "tie"},   {"idly", "idl"},    {"gently", "gentl"}, {"ugly", "ugli"},
        {"early", "earli"}, {"only", "onli"},   {"singly", "singl"}, {"sky", "sky"},
        {"news", "news"},   {"howe", "howe"},   {"atlas", "atlas"},  {"cosmos", "cosmos"},
        {"bias", "bias"},   {"andes", "andes"},
    };
    for (const auto& e : kExceptions) {
        if (e.first == word) return &e;
    }
    return nullptr;
}

bool keeps_as_is_after_1a(const std::string& w) {
    for (std::string_view s :
         {"inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"}) {
        if (w == s) return true;
    }
    return false;
}

std::string inflection_stem(std::string_view word) {
    if (word.size() <= 2) return std::string(word);
    if (const auto* e = exception_for(word)) return std::string(e->second);
    std::string w(word);
    if (w[0] == 'y') w[0] = 'Y';
    for (std::size_t i = 1; i < w.size(); ++i) {
        if (w[i] == 'y' && is_vowel(w[i - 1])) w[i] = 'Y';
    }
    const std::size_t r1 = region_one(w);
    const std::size_t r2 = region_after(w, r1);
    step_1a(w);
    if (!keeps_as_is_after_1a(w)) {
        step_1b(w, r1);
        steps_1c_and_5(w, r1, r2);
    }
    std::replace(w.begin(), w.end(), 'Y', 'y');
    return w;
}

}  // namespace

std::string squash_repeats(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (char c : word) {
        if (!out.empty() && out.back() == c && c >= 'a' && c <= 'z') continue;
        out.push_back(c);
    }
    return out;
}

std::string word_form(std::string_view word) {
    const bool letters_only = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return c >= 'a' && c <= 'z';
    });
    if (!letters_only) return squash_repeats(word);
    return squash_repeats(inflection_stem(word));
}

bool is_filler_word(std::string_view canonical) {
    static constexpr std::string_view kFillers[] = {"a",   "an",   "the",   "his", "my",
                                                    "our", "your", "their", "its"};
    return std::find(std::begin(kFillers), std::end(kFillers), canonical) != std::end(kFillers);
}

}  // namespace safesurvey::triage
