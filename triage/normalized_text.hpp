// The text the triage matches against: a list of tokens in a canonical form,
// each remembering the byte span of the ORIGINAL answer it came from so that
// a reviewer's highlight lands on what the respondent actually typed.
//
// The canonical form folds away what people vary without changing meaning:
// NFKC + case folding (ICU), typographic apostrophes and quotes, zero-width
// characters, runs of whitespace and punctuation, repeated letters ("sooo",
// "killl": every run of one letter becomes a single letter, in rule terms
// too), and leetspeak, but only inside tokens that mix letters with digits
// or symbols ("k1ll", "$uicide"), so "10am" stays harmless and "1" stays "1".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace safesurvey::triage {

enum class TokenKind : std::uint8_t {
    word,
    pause,  // comma, colon, bracket, dash: does not end a context scope
    stop,   // . ! ? ; newline: ends a sentence and every context scope
};

struct Token {
    std::string text;         // canonical form; "," or "." for pauses and stops
    std::string form;         // matching form (word_form.hpp): "cutting" -> "cut"
    std::uint32_t start = 0;  // byte offsets into the original text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::word;
    bool leet = false;  // a leetspeak mapping changed this token
};

struct NormalizedText {
    std::vector<Token> tokens;
    // The tokens' matching forms joined by single spaces, filler words left
    // out. Phrases never cross a pause or stop because no rule term
    // contains "," or ".".
    std::string matching;
    std::vector<std::uint32_t> token_at;  // matching offset -> token index
};

// Never fails: invalid UTF-8 bytes become separators.
NormalizedText normalize(std::string_view original);
// The same into `out`, reusing its buffers (the engine keeps one per thread).
void normalize(std::string_view original, NormalizedText& out);

// Rebuilds `matching` and `token_at` after token forms changed (spelling).
void rebuild_matching(NormalizedText& text);

// A rule phrase in the same canonical form ("Don't  touch" -> "dont touch").
std::string normalize_phrase(std::string_view phrase);

// A rule phrase as the matcher sees it: its canonical words, fillers
// included ("took", "his", "tablets"), and its matching text, which leaves
// the fillers out and has each word's matching form ("took tablet").
struct PhraseWords {
    std::vector<std::string> words;
    std::vector<std::string> forms;  // each word's matching form
    std::string matching;
};
PhraseWords phrase_words(std::string_view phrase);

}  // namespace safesurvey::triage
