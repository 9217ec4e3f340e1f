// One question rendered as its govuk-frontend component:
//   single_choice, scale      radios (conditional "please specify" reveals)
//   yes_no                    inline radios
//   multiple_choice           checkboxes, an exclusive option after an "or"
//   short_text                input
//   long_text                 character count (textarea + limit message)
//   number                    input, inputmode="numeric", optional suffix
//   date                      date input (day, month, year)
//
// Ids follow govuk-frontend: the first radio or checkbox has the question id
// itself and the others "{id}-2", "{id}-3"..., so an error summary can link to
// "#{id}"; a date's inputs are "{id}-day", "{id}-month", "{id}-year".
//
// A checkbox's "please specify" is a conditional reveal, shown whenever
// JavaScript has not hidden it (govuk-frontend hides `--hidden` reveals only
// under .govuk-frontend-supported), so it works without JavaScript too. A
// radio's is always shown: govuk-frontend would set aria-expanded on the
// radio, which ARIA forbids there and axe reports (govuk-frontend #979).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/pages/field_error.hpp"
#include "server/pages/html.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/page.hpp"
#include "survey_defs/question.hpp"

namespace safesurvey::pages {

struct QuestionFieldView {
    const defs::Question& question;
    const defs::Answers& values;  // keyed by form field name, see form_fields.hpp
    const std::vector<FieldError>& errors;
    std::string_view language;
    bool is_page_heading = false;  // the question is the page's only one and its heading
};

Html render_question_field(const QuestionFieldView& view);

Html render_choice_field(const QuestionFieldView& view);  // radios and checkboxes
Html render_text_field(const QuestionFieldView& view);    // short text and number
Html render_long_text_field(const QuestionFieldView& view);
Html render_date_field(const QuestionFieldView& view);

// The id of the input the error summary should link to for `error` on
// `page`: the first input of a question, a follow-up's input, or the named
// (else the day) input of a date.
std::string error_target_id(const defs::Page& page, const FieldError& error);

// The first value under `field`, or "" when there is none.
const std::string& first_value(const defs::Answers& values, std::string_view field);
// The error about exactly `field`, or null.
const FieldError* find_error(const std::vector<FieldError>& errors, std::string_view field);

}  // namespace safesurvey::pages
