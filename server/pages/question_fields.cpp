#include "server/pages/question_fields.hpp"

#include "server/pages/form_fields.hpp"

namespace safesurvey::pages {

const std::string& first_value(const defs::Answers& values, std::string_view field) {
    static const std::string kNone;
    const auto found = values.find(field);
    if (found == values.end() || found->second.empty()) return kNone;
    return found->second.front();
}

const FieldError* find_error(const std::vector<FieldError>& errors, std::string_view field) {
    for (const auto& error : errors) {
        if (error.field == field) return &error;
    }
    return nullptr;
}

Html render_question_field(const QuestionFieldView& view) {
    switch (view.question.type) {
        case defs::QuestionType::single_choice:
        case defs::QuestionType::multiple_choice:
        case defs::QuestionType::scale:
        case defs::QuestionType::yes_no:
            return render_choice_field(view);
        case defs::QuestionType::short_text:
        case defs::QuestionType::number:
            return render_text_field(view);
        case defs::QuestionType::long_text:
            return render_long_text_field(view);
        case defs::QuestionType::date:
            return render_date_field(view);
    }
    return render_text_field(view);
}

std::string error_target_id(const defs::Page& page, const FieldError& error) {
    for (const auto& question : page.questions) {
        if (question.type == defs::QuestionType::date) {
            for (const auto part : {DatePart::day, DatePart::month, DatePart::year}) {
                if (error.field == date_field_name(question.id, part)) return error.field;
            }
            if (error.field == question.id) return date_field_name(question.id, DatePart::day);
        }
    }
    // Radios, checkboxes and text inputs: the first input's id is the
    // question id; a follow-up's input has the follow-up id.
    return error.field;
}

}  // namespace safesurvey::pages
