// One page of questions (/s/{token}/q/{page_id}): Back link, progress caption
// ("Question 3 of 12"), the error summary when the last Continue failed, the
// questions as govuk-frontend components, Continue, and a secondary "Save
// and come back later" button that posts the same form to the save URL.
//
// A page with one question uses the question as the page heading (legend or
// label as h1), as GOV.UK's one-question-per-page pattern does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/pages/field_error.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/page.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct QuestionPageView {
    const defs::Survey& survey;
    const defs::Page& page;
    // The questions to show, in order: the caller decides visibility (it
    // validates against the same list).
    std::vector<const defs::Question*> questions{};
    // What to show in the fields, keyed by form field name (form_fields.hpp):
    // the draft's answers, or after a failed Continue what was typed. A date
    // shows its "YYYY-MM-DD" answer under the question id, or the typed parts
    // under "{id}-day", "{id}-month", "{id}-year" when those are present.
    const defs::Answers& values;
    std::vector<FieldError> errors{};  // empty: no error summary
    std::string link_token{};
    std::string draft{};      // the sealed draft, posted back in a hidden field
    std::string back_href{};  // "" shows no Back link
    int step = 1;             // 1-based position among the visible pages
    int total_steps = 1;
    bool returning_to_check = false;  // posts return=check; Continue goes back to check answers
    std::string_view language = "en";
};

std::string render_question_page(const QuestionPageView& view);

}  // namespace safesurvey::pages
