#include "survey_defs/reachability.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "survey_defs/definition_reader.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::defs {
namespace {

constexpr std::size_t kMaxCombinations = 1 << 16;
constexpr std::size_t kMaxValuesPerCheckbox = 12;

using Values = std::vector<std::string>;
// Question id -> the option ids conditions compare it with.
using Mentions = std::map<std::string, std::set<std::string>>;

struct FollowUpOwner {
    const Question* question = nullptr;
    const Option* option = nullptr;
};

std::optional<FollowUpOwner> follow_up_owner(const Survey& survey, const std::string& id) {
    for (const auto& page : survey.pages) {
        for (const auto& question : page.questions) {
            for (const auto& option : question.options) {
                if (option.follow_up && option.follow_up->id == id) {
                    return FollowUpOwner{&question, &option};
                }
            }
        }
    }
    return std::nullopt;
}

void mention(const Condition& condition, Mentions& mentions) {
    for (const auto& operand : condition.operands) mention(operand, mentions);
    if (condition.question.empty()) return;
    auto& values = mentions[condition.question];
    values.insert(condition.values.begin(), condition.values.end());
}

// Adds to `mentions` every question whose answer can change whether
// `condition` holds, following the conditions those questions depend on.
void collect(const Survey& survey, const std::optional<Condition>& condition, Mentions& mentions) {
    if (!condition) return;
    Mentions found;
    mention(*condition, found);
    for (const auto& [id, values] : found) {
        const bool seen = mentions.contains(id);
        mentions[id].insert(values.begin(), values.end());
        if (seen) continue;
        if (const auto owner = follow_up_owner(survey, id)) {
            const bool parent_seen = mentions.contains(owner->question->id);
            mentions[owner->question->id].insert(owner->option->id);
            if (!parent_seen) {
                collect(survey, survey.page_of(owner->question->id)->show_if, mentions);
                collect(survey, owner->question->show_if, mentions);
            }
        } else if (const Page* page = survey.page_of(id)) {
            collect(survey, page->show_if, mentions);
            collect(survey, page->find_question(id)->show_if, mentions);
        }
    }
}

// The option ids that matter for `question`: those mentioned, plus one
// option nobody mentions (standing for all of them) if there is one.
Values distinct_choices(const Question& question, const std::set<std::string>& mentioned) {
    Values choices(mentioned.begin(), mentioned.end());
    for (const auto& option : question.options) {
        if (!mentioned.contains(option.id)) {
            choices.push_back(option.id);
            break;
        }
    }
    return choices;
}

std::optional<std::vector<Values>> checkbox_domain(const Question& question,
                                                   const Values& choices) {
    if (choices.size() > kMaxValuesPerCheckbox) return std::nullopt;
    std::vector<Values> domain;
    for (std::size_t mask = 0; mask < (std::size_t{1} << choices.size()); ++mask) {
        Values ticked;
        bool has_exclusive = false;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            if ((mask & (std::size_t{1} << i)) == 0) continue;
            ticked.push_back(choices[i]);
            has_exclusive = has_exclusive || question.find_option(choices[i])->exclusive;
        }
        // "None of these" cannot be ticked with anything else.
        if (!(has_exclusive && ticked.size() > 1)) domain.push_back(std::move(ticked));
    }
    return domain;
}

// Every answer to `id` that could make a difference, including no answer.
std::optional<std::vector<Values>> domain(const Survey& survey, const std::string& id,
                                          const std::set<std::string>& mentioned) {
    const Question* question = survey.find_question(id);
    if (question == nullptr || !question->has_options()) return std::vector<Values>{{}, {"x"}};
    const Values choices = distinct_choices(*question, mentioned);
    if (question->type == QuestionType::multiple_choice) return checkbox_domain(*question, choices);
    std::vector<Values> values{{}};
    for (const auto& choice : choices) values.push_back({choice});
    return values;
}

// True when some combination of answers makes `visible` true.
bool any_combination(const Survey& survey, const Mentions& mentions,
                     const std::function<bool(const Answers&)>& visible) {
    std::vector<std::pair<std::string, std::vector<Values>>> domains;
    std::size_t combinations = 1;
    for (const auto& [id, mentioned] : mentions) {
        auto values = domain(survey, id, mentioned);
        if (!values) return true;
        combinations *= values->size();
        if (combinations > kMaxCombinations) return true;
        domains.emplace_back(id, std::move(*values));
    }
    std::vector<std::size_t> position(domains.size(), 0);
    for (std::size_t tried = 0; tried < combinations; ++tried) {
        Answers answers;
        for (std::size_t i = 0; i < domains.size(); ++i) {
            const Values& values = domains[i].second[position[i]];
            if (!values.empty()) answers[domains[i].first] = values;
        }
        if (visible(answers)) return true;
        for (std::size_t i = 0; i < domains.size() && ++position[i] == domains[i].second.size();
             ++i) {
            position[i] = 0;
        }
    }
    return false;
}

std::string never_shown(std::string_view what) {
    return "can never be true, so nobody will see this " + std::string(what) +
           ": no combination of earlier answers meets it (check the options it names and the "
           "conditions on the questions it uses)";
}

}  // namespace

void check_reachability(const Survey& survey, std::vector<Problem>& problems) {
    for (std::size_t p = 0; p < survey.pages.size(); ++p) {
        const Page& page = survey.pages[p];
        const std::string at = item_path("/pages", p);
        Mentions page_mentions;
        collect(survey, page.show_if, page_mentions);
        const bool page_reachable =
            !page.show_if || any_combination(survey, page_mentions, [&](const Answers& answers) {
                return is_page_visible(survey, page, answers);
            });
        if (!page_reachable) {
            problems.push_back(Problem{member_path(at, "show_if"), never_shown("page")});
            continue;
        }
        for (std::size_t q = 0; q < page.questions.size(); ++q) {
            const Question& question = page.questions[q];
            if (!question.show_if) continue;
            Mentions mentions = page_mentions;
            collect(survey, question.show_if, mentions);
            const bool reachable = any_combination(survey, mentions, [&](const Answers& answers) {
                return is_question_visible(survey, question, answers);
            });
            if (!reachable) {
                problems.push_back(
                    Problem{member_path(item_path(member_path(at, "questions"), q), "show_if"),
                            never_shown("question")});
            }
        }
    }
}

}  // namespace safesurvey::defs
