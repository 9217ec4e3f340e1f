// A problem with one answer, found by server-side validation and shown twice:
// in the error summary at the top (linking to the field) and above the field.
#pragma once

#include <string>

namespace safesurvey::pages {

struct FieldError {
    // The question id or follow-up id the message is about. For a date
    // question it may name one part ("dob-month", see form_fields.hpp) so the
    // summary links to that input; the question id links to the day.
    std::string field{};
    // Written for the respondent, GOV.UK style: "Select how old your child is".
    std::string message{};
};

}  // namespace safesurvey::pages
