// The matching forms: inflections of one word meet, different words stay
// apart, and fillers in an answer do not stop a rule from matching.
#include "triage/word_form.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "triage/normalized_text.hpp"

using namespace safesurvey::triage;

TEST_CASE("inflections of one word share a form", "[triage][word_form]") {
    for (const char* w : {"cut", "cuts", "cutting"}) CHECK(word_form(w) == "cut");
    for (const char* w : {"hit", "hits", "hitting"}) CHECK(word_form(w) == "hit");
    for (const char* w : {"save", "saves", "saved", "saving"}) CHECK(word_form(w) == "save");
    for (const char* w : {"abuse", "abused", "abuses", "abusing"}) CHECK(word_form(w) == "abus");
    for (const char* w : {"bruise", "bruises", "bruised", "bruising"})
        CHECK(word_form(w) == "bruis");
    for (const char* w : {"die", "dies", "died", "dying"}) CHECK(word_form(w) == "die");
    for (const char* w : {"cry", "cries", "cried", "crying"}) CHECK(word_form(w) == "cri");
    for (const char* w : {"stab", "stabbed", "stabbing"}) CHECK(word_form(w) == "stab");
    for (const char* w : {"kill", "kills", "killed", "killing", "killll"})
        CHECK(word_form(w) == "kil");
    CHECK(word_form("tablets") == "tablet");
}

TEST_CASE("different words keep different forms", "[triage][word_form]") {
    CHECK(word_form("scared") != word_form("scars"));  // fear is not self-harm
    CHECK(word_form("cute") != word_form("cut"));
    CHECK(word_form("therapist") != word_form("rapist"));
    CHECK(word_form("his") == "his");  // a short word ending in s is not a plural
    CHECK(word_form("bus") == "bus");
    CHECK(word_form("this") == "this");
}

TEST_CASE("digits and non-letters are only squashed", "[triage][word_form]") {
    CHECK(word_form("10am") == "10am");
    CHECK(word_form("ps5") == "ps5");
}

TEST_CASE("fillers are left out of the matching text", "[triage][word_form]") {
    // (Repeated letters are squashed too: "all" is "al".)
    CHECK(normalize("He saved up all his tablets").matching == "he save up al tablet");
    CHECK(normalize("took the pills").matching == normalize("took pills").matching);
    CHECK(phrase_words("on the tracks").matching == "on track");
    CHECK(phrase_words("on the tracks").words.size() == 3);
    // "her" is often an object ("hit her"), so it stays.
    CHECK(normalize("hit her").matching == "hit her");
}
