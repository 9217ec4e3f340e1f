// Each normalisation step on its own small examples: a respondent's
// spelling, typography or slang must not hide a disclosure.
#include "triage/normalized_text.hpp"

#include <catch2/catch.hpp>

using namespace safesurvey::triage;

namespace {
std::string words(std::string_view text) {
    return normalize_phrase(text);
}
}  // namespace

TEST_CASE("case folding and NFKC fold full-width and styled letters", "[triage][normalise]") {
    CHECK(words("KILL Myself") == "kil myself");
    CHECK(words("\xEF\xBD\x8B\xEF\xBD\x89\xEF\xBD\x8C\xEF\xBD\x8C") ==
          "kil");  // full-width "ｋｉｌｌ"
    CHECK(words("STRA\xC3\x9F"
                "E") == "strase");  // ß folds to ss, squashed
}

TEST_CASE("typographic apostrophes and quotes fold to plain elision", "[triage][normalise]") {
    CHECK(words("don\xE2\x80\x99t") == "dont");
    CHECK(words("don't") == "dont");
    CHECK(words("\xE2\x80\x9Chelp\xE2\x80\x9D") == "help");
}

TEST_CASE("zero-width characters do not split a word", "[triage][normalise]") {
    CHECK(words("su\xE2\x80\x8Bic\xE2\x80\x8Cide") == "suicide");
    CHECK(words("ra\xC2\xADpe") == "rape");  // soft hyphen
}

TEST_CASE("whitespace and punctuation runs fold; sentence ends are kept", "[triage][normalise]") {
    const NormalizedText t = normalize("he   hit\t\nher!!! then");
    CHECK(t.matching == "he hit . her . then");
    CHECK(t.tokens[2].kind == TokenKind::stop);
    CHECK(normalize("self-harm").matching == "self harm");
}

TEST_CASE("repeated letters collapse", "[triage][normalise]") {
    CHECK(words("sooooo") == "so");
    CHECK(words("killlll") == words("kill"));
    CHECK(words("diiiie") == "die");
}

TEST_CASE("leetspeak only in tokens that mix letters with digits or symbols",
          "[triage][normalise]") {
    CHECK(words("k1ll") == words("kill"));
    CHECK(words("$uicide") == "suicide");
    CHECK(words("h@te") == "hate");
    CHECK(words("10am") == "ioam");    // mixed, mapped, and harmless
    CHECK(words("1 2 3") == "1 2 3");  // numbers alone stay numbers
    CHECK(words("2019") == "2019");
    CHECK(normalize("k1ll").tokens[0].leet);
}

TEST_CASE("offsets point into the original text", "[triage][normalise]") {
    const std::string original =
        "I\xE2\x80\x99m  \xEF\xBD\x8B\xEF\xBD\x89\xEF\xBD\x8C\xEF\xBD\x8C.";
    const NormalizedText t = normalize(original);
    REQUIRE(t.tokens.size() == 3);
    CHECK(original.substr(t.tokens[0].start, t.tokens[0].end - t.tokens[0].start) ==
          "I\xE2\x80\x99m");
    CHECK(original.substr(t.tokens[1].start, t.tokens[1].end - t.tokens[1].start) ==
          "\xEF\xBD\x8B\xEF\xBD\x89\xEF\xBD\x8C\xEF\xBD\x8C");
}

TEST_CASE("invalid UTF-8 becomes a separator, never a crash", "[triage][normalise]") {
    const NormalizedText t = normalize(std::string("he\xFF\xFEhit"));
    CHECK(t.matching == "he hit");
}
