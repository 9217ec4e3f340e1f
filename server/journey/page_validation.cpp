#include "server/journey/page_validation.hpp"

#include "server/journey/page_input.hpp"
#include "server/journey/question_validation.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::journey {
namespace {

// Every id an answer on this page may be stored under.
void erase_page_answers(const defs::Page& page, defs::Answers& answers) {
    for (const auto& question : page.questions) {
        answers.erase(question.id);
        for (const auto& option : question.options) {
            if (option.follow_up) answers.erase(option.follow_up->id);
        }
    }
}

}  // namespace

PageOutcome validate_page(const defs::Survey& survey, const defs::Page& page,
                          const defs::Answers& typed, const defs::Answers& before) {
    PageOutcome outcome;
    defs::Answers merged = before;
    erase_page_answers(page, merged);
    // In page order, so a question shown only after an earlier answer on the
    // same page is judged with that answer in place.
    for (const auto& question : page.questions) {
        if (!defs::is_question_visible(survey, question, merged)) continue;
        validate_question(question, typed, merged, outcome.errors);
    }
    outcome.answers = outcome.ok() ? defs::visible_answers(survey, merged) : before;
    return outcome;
}

const defs::Page* first_incomplete_page(const defs::Survey& survey, const defs::Answers& answers) {
    const defs::Answers visible = defs::visible_answers(survey, answers);
    for (const defs::Page* page : defs::visible_pages(survey, visible)) {
        const PageOutcome outcome =
            validate_page(survey, *page, typed_from_stored(*page, visible), visible);
        if (!outcome.ok()) return page;
    }
    return nullptr;
}

}  // namespace safesurvey::journey
