// What a respondent posted for one page, read out of the form by the field
// names in server/pages/form_fields.hpp, before any judgement of it.
//
// "Typed" answers are keyed like stored answers (question id, follow-up id)
// except that a date question keeps its three parts as typed under
// "{id}-day", "{id}-month" and "{id}-year": an invalid date must be shown back
// exactly as entered, and "31/02/2025" is not a date to store.
#pragma once

#include "server/http/form.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/page.hpp"

namespace safesurvey::journey {

// The page's fields from `form`, trimmed; empty fields and unknown names are
// left out. Text keeps its line breaks as "\n" (browsers send "\r\n").
defs::Answers read_page_input(const defs::Page& page, const http::FormFields& form);

// Stored answers of a page in typed form (dates split into their parts), for
// showing a page again and for checking a whole draft with the page rules.
defs::Answers typed_from_stored(const defs::Page& page, const defs::Answers& stored);

}  // namespace safesurvey::journey
