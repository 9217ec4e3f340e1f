#include "server/journey/triage_input.hpp"

namespace safesurvey::journey {
namespace {

const std::vector<std::string>* answer_of(const defs::Answers& answers, const std::string& id) {
    const auto found = answers.find(id);
    return found == answers.end() || found->second.empty() ? nullptr : &found->second;
}

}  // namespace

// In survey order, so the assessment lists answers as a reviewer reads them.
std::vector<triage::Answer> triage_input(const defs::Survey& survey, const defs::Answers& answers) {
    std::vector<triage::Answer> input;
    for (const auto& page : survey.pages) {
        for (const auto& question : page.questions) {
            if (const auto* values = answer_of(answers, question.id)) {
                if (question.has_options()) {
                    input.push_back({question.id, {}, *values});
                } else if (question.triage) {
                    input.push_back({question.id, values->front(), {}});
                }
            }
            for (const auto& option : question.options) {
                if (!option.follow_up || !option.follow_up->triage) continue;
                if (const auto* text = answer_of(answers, option.follow_up->id)) {
                    input.push_back({option.follow_up->id, text->front(), {}});
                }
            }
        }
    }
    return input;
}

}  // namespace safesurvey::journey
