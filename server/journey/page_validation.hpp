// A whole page's answers judged against the definition, with the routing
// rules of survey_defs/routing.hpp deciding what is visible: an answer to a
// question that is hidden (by its own condition, its page's, or because the
// option it follows up was not chosen) is dropped, never stored.
#pragma once

#include <vector>

#include "server/pages/field_error.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/page.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::journey {

struct PageOutcome {
    // Empty when the page is acceptable.
    std::vector<pages::FieldError> errors;
    // When acceptable: the draft's answers with this page's applied and every
    // hidden answer (on any page) removed. Unchanged input otherwise.
    defs::Answers answers;

    bool ok() const { return errors.empty(); }
};

// `typed` is the page's input (page_input.hpp); `before` the draft's answers.
PageOutcome validate_page(const defs::Survey& survey, const defs::Page& page,
                          const defs::Answers& typed, const defs::Answers& before);

// The first visible page whose stored answers would not pass validate_page
// (a required answer missing because someone skipped ahead by editing a URL,
// say); nullptr when the draft is complete and may be submitted.
const defs::Page* first_incomplete_page(const defs::Survey& survey, const defs::Answers& answers);

}  // namespace safesurvey::journey
