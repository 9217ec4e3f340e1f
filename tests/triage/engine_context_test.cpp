// Behaviour a reviewer would notice, with the real rule set: each context
// rule and matching step on its own small example, including the failure
// cases the triage must never have.
#include <catch2/catch.hpp>
#include <string>

#include "shipped_engine.hpp"
#include "triage/engine.hpp"
#include "triage/normalized_text.hpp"

using namespace safesurvey::triage;

namespace {

const Engine& engine() {
    return testing::shipped_engine();
}

Severity severity(std::string_view text) {
    return engine().assess_text(text).severity;
}

bool has_decision(const AnswerAssessment& a, std::string_view prefix) {
    for (const auto& m : a.matches) {
        for (const auto& c : m.context) {
            if (c.rfind(prefix, 0) == 0) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("plain disclosures flag, indirect ones too", "[triage][engine]") {
    CHECK(severity("my dad hits me when he is drunk") >= Severity::high);
    CHECK(severity("he says everyone would be better off without him") >= Severity::high);
    CHECK(severity("she told me she has been saving up tablets") == Severity::urgent);
    CHECK(severity("Transport has been awful all year, taxis late, drivers changing every week, "
                   "and last night he told me he wants to kill himself") >= Severity::high);
}

TEST_CASE("misspellings, slang and leetspeak still flag", "[triage][engine]") {
    CHECK(severity("i want to k1ll myself") >= Severity::high);
    CHECK(severity("im gonna kms") >= Severity::high);
    CHECK(severity("he keeps talking about wanting to unalive himself") >= Severity::high);
    CHECK(severity("she is sucidal") >= Severity::high);  // one edit from "suicidal"
    CHECK(severity("he's been s\xE2\x80\x8B"
                   "elf harming") >= Severity::high);  // zero-width inside
    CHECK(severity("SHE IS CUTTING HERSELF") >= Severity::high);
    // Short words are too close to ordinary ones for edit distance; common
    // misspellings and a dropped g are read as the word meant.
    CHECK(severity("mums boyfriend dosnt let her see her frends") >= Severity::medium);
    const AnswerAssessment dropped = engine().assess_text("hes been touchin me");
    CHECK(dropped.severity >= Severity::medium);
    CHECK(has_decision(dropped, "spelling: 'touchin' read as 'touching'"));
    // ...but only when the word is not one already: "within", "thin", "cousin".
    CHECK(severity("it was within the rules and my cousin helped") == Severity::none);
}

TEST_CASE("word boundaries: therapist is not rapist, assassin is not ass", "[triage][engine]") {
    CHECK(severity("the therapist comes on Tuesdays") == Severity::none);
    CHECK(severity("he loves assassin's creed") == Severity::none);
    CHECK(severity("she was raped") >= Severity::high);
}

TEST_CASE("negation clears, but is cut at 'but'", "[triage][engine]") {
    CHECK(severity("he has never been hit") == Severity::none);
    CHECK(has_decision(engine().assess_text("he has never been hit by anyone"), "negation"));
    CHECK(severity("she doesnt self harm or anything like that") == Severity::none);
    CHECK(severity("never hit, but he locks her in her room") >= Severity::high);
    // A negation written around the finding, from before it, clears it too.
    CHECK(severity("i dont want to die or anything, i just dont want to go back") ==
          Severity::none);
    CHECK(severity("no one hurts me at home, its just school") == Severity::none);
    CHECK(severity("he doesnt want to live anymore") >= Severity::high);
}

TEST_CASE("a comma before a new subject ends the scope of a negation", "[triage][engine]") {
    // "dont" belongs to "see it"; what follows is a new clause.
    CHECK(severity("she cuts the tops of her legs so i dont see it, i found blades in her "
                   "pencil case") >= Severity::medium);
    // A list after a comma is still inside the negation.
    CHECK(severity("there are no bruises, marks or burns on him") == Severity::none);
}

TEST_CASE("negation never clears an urgent indicator", "[triage][engine]") {
    const auto a = engine().assess_text("she has not got a ligature but I am not sure");
    CHECK(a.severity >= Severity::low);
}

TEST_CASE("hypothetical lowers but keeps the flag", "[triage][engine]") {
    const auto a = engine().assess_text("if he comes back he will hurt the kids");
    CHECK(a.flag());
    CHECK(a.severity < Severity::high);
    CHECK(has_decision(a, "hypothetical"));
}

TEST_CASE("historical and resolved abuse lowers but does not clear", "[triage][engine]") {
    const auto a = engine().assess_text(
        "years ago there were concerns that dad hit him, the family is now thriving");
    CHECK(a.severity == Severity::low);
    CHECK(has_decision(a, "historical"));
    CHECK(has_decision(a, "resolved"));
}

TEST_CASE("a past, recovered crisis is not a current concern", "[triage][engine]") {
    CHECK(severity("He took an overdose in 2021. He's in a much better place now.") ==
          Severity::none);
}

TEST_CASE("statements about children in general do not flag", "[triage][engine]") {
    CHECK(severity("Disabled children are more vulnerable to abuse and neglect") == Severity::none);
    CHECK(severity("my son is more vulnerable because dad hits him") >= Severity::high);
}

TEST_CASE("figurative use does not flag", "[triage][engine]") {
    CHECK(severity("this process is killing me") == Severity::none);
    CHECK(severity("I could murder a cup of tea") == Severity::none);
    CHECK(severity("we were thrown under the bus by the LA") == Severity::none);
    CHECK(severity("he kicks off every morning before the taxi") == Severity::none);
}

TEST_CASE("process vocabulary alone is no disclosure", "[triage][engine]") {
    CHECK(severity("she is on a child protection plan") == Severity::none);
    CHECK(severity("the DSL attends the EHCP review") == Severity::none);
    CHECK(severity("we referred to CAMHS") == Severity::none);
    CHECK(severity("the domestic abuse worker helped us with housing") == Severity::none);
}

TEST_CASE("a disclosure buried at the end of a long answer flags", "[triage][engine]") {
    std::string answer;
    for (int i = 0; i < 40; ++i)
        answer += "The taxi was late again and the escort did not turn up. ";
    answer += "Also my stepdad touches me at night.";
    const auto a = engine().assess_text(answer);
    REQUIRE(a.flag());
    CHECK(a.severity >= Severity::high);
}

TEST_CASE("matches carry offsets into the original text", "[triage][engine]") {
    const std::string text =
        "Honestly \xE2\x80\x94 he said \xE2\x80\x9CI w\xEF\xBD\x81nt to die\xE2\x80\x9D. "
        "He\xE2\x80\x99s 14.";
    const auto a = engine().assess_text(text);
    REQUIRE_FALSE(a.matches.empty());
    for (const auto& m : a.matches) {
        CHECK(text.substr(m.start, m.end - m.start) == m.text);
    }
}

TEST_CASE("experiencer is recorded", "[triage][engine]") {
    const auto a = engine().assess_text("I have been having thoughts of ending my life");
    REQUIRE(a.flag());
    CHECK(a.matches.front().experiencer == Experiencer::respondent);
    const auto b = engine().assess_text("my daughter has been cutting herself");
    REQUIRE(b.flag());
    CHECK(b.matches.front().experiencer == Experiencer::particular_person);
}

TEST_CASE("immediacy raises a high match to urgent", "[triage][engine]") {
    CHECK(severity("her dad punched her") == Severity::high);
    CHECK(severity("her dad punched her and he is coming back tonight") == Severity::urgent);
}

TEST_CASE("response assessment: closed answers, per answer and overall", "[triage][engine]") {
    std::vector<Answer> answers{{"transport", "The bus is late.", {}},
                                {"worried_now", "", {"yes"}},
                                {"no_such_question", "", {"yes"}},
                                {"anything_else", "she comes back with bruises on her arms", {}}};
    const Assessment a = engine().assess(answers);
    REQUIRE(a.answers.size() == 4);
    CHECK_FALSE(a.answers[0].flag());
    CHECK(a.answers[1].flag());
    CHECK_FALSE(a.answers[2].flag());  // an unknown question id is harmless
    CHECK(a.answers[3].flag());
    CHECK(a.severity >= Severity::high);
    const auto json = a.to_json();
    // Every match points at what the respondent typed.
    const std::string typed = answers[3].text;
    bool highlighted = false;
    for (const auto& m : json["answers"][3]["matches"]) {
        const auto start = m["start"].get<std::size_t>(), end = m["end"].get<std::size_t>();
        CHECK(typed.substr(start, end - start) == m["text"].get<std::string>());
        highlighted |= m["text"].get<std::string>().find("bruises") != std::string::npos;
    }
    CHECK(highlighted);
    CHECK(json["rules_version"] == engine().rules().version);
}

TEST_CASE("a rule written once matches its inflections and fillers", "[triage][engine]") {
    // The rules say "saving up tablets" and "cutting herself"-style phrases once.
    CHECK(severity("he has been saving his tablets") == Severity::urgent);
    CHECK(severity("he saved up the tablets in a sock") == Severity::urgent);
    // A filler the rule writes is kept when it is all that gives the word
    // its meaning: "the tracks", not the school tracking progress.
    CHECK(severity("he lay down on the tracks") >= Severity::high);
    CHECK(severity("the school tracked his progress") == Severity::none);
}

TEST_CASE("a longer negation is not undone by a pseudo-trigger inside it", "[triage][engine]") {
    // "nothing" alone is a pseudo-trigger; "nothing to suggest" negates.
    CHECK(has_decision(engine().assess_text("there is nothing to suggest she is self harming"),
                       "negation"));
    // "not" inside "not only" still does not negate.
    CHECK(severity("he is not only hitting her, he threatens her too") >= Severity::high);
}

TEST_CASE("real words are never read as misspellings; double quotes join a phrase",
          "[triage][engine]") {
    // One edit from rule words, but words people really write.
    CHECK(severity("we walked to the shops and it was amusing") == Severity::none);
    CHECK(severity("she is sucidal") >= Severity::high);  // not a word: still read as suicidal
    // Quoted words are not a pause.
    CHECK(normalize("he \xE2\x80\x9Cplays games\xE2\x80\x9D with her").matching ==
          normalize("he plays games with her").matching);
}

TEST_CASE("violence with no one to say who did it is still flagged, at low", "[triage][engine]") {
    // Often a child's managed behaviour; sometimes not. A reviewer takes seconds to tell.
    CHECK(severity("he hits her") == Severity::low);
    CHECK(severity("he hits me when he is in meltdown") == Severity::low);
    // A conditional threat of suicide is not lowered as a hypothetical.
    CHECK(severity("he said he might kill himself if they make him go back") >= Severity::high);
}
