#include "survey_defs/reference_checks.hpp"

#include <map>
#include <string>

#include "survey_defs/definition_reader.hpp"

namespace safesurvey::defs {
namespace {

std::string page_path(std::size_t page) {
    return item_path("/pages", page);
}
std::string question_path(std::size_t page, std::size_t question) {
    return item_path(member_path(page_path(page), "questions"), question);
}

// Where an answerable thing is: its page's position in the survey, and
// the question it belongs to (for a follow-up, the question whose option reveals it).
struct Placement {
    std::size_t page = 0;
    const Question* question = nullptr;
    bool is_follow_up = false;
    std::string path;
};

class ReferenceChecker {
  public:
    ReferenceChecker(const Survey& survey, std::vector<Problem>& problems)
        : survey_(survey), problems_(problems) {}

    void run() {
        index_ids();
        for (std::size_t p = 0; p < survey_.pages.size(); ++p) {
            const Page& page = survey_.pages[p];
            if (page.show_if)
                check_condition(*page.show_if, p, member_path(page_path(p), "show_if"));
            for (std::size_t q = 0; q < page.questions.size(); ++q) {
                const auto& condition = page.questions[q].show_if;
                if (condition)
                    check_condition(*condition, p, member_path(question_path(p, q), "show_if"));
            }
        }
        check_perspective();
    }

  private:
    void add(std::string path, std::string message) {
        problems_.push_back(Problem{std::move(path), std::move(message)});
    }

    void index_answerable(const std::string& id, Placement placement) {
        const auto [it, added] = answerables_.emplace(id, placement);
        if (!added) {
            add(member_path(placement.path, "id"),
                "duplicate id '" + id + "': " + it->second.path + " already uses it");
        }
    }

    void index_options(const Question& question, std::size_t p, const std::string& path) {
        std::map<std::string, std::size_t> option_ids;
        for (std::size_t o = 0; o < question.options.size(); ++o) {
            const Option& option = question.options[o];
            const std::string at = item_path(member_path(path, "options"), o);
            if (!option_ids.emplace(option.id, o).second) {
                add(member_path(at, "id"),
                    "duplicate option id '" + option.id + "' in question '" + question.id + "'");
            }
            if (option.follow_up) {
                index_answerable(option.follow_up->id,
                                 Placement{p, &question, true, member_path(at, "follow_up")});
            }
        }
    }

    void index_ids() {
        std::map<std::string, std::size_t> page_ids;
        for (std::size_t p = 0; p < survey_.pages.size(); ++p) {
            const Page& page = survey_.pages[p];
            const auto [it, added] = page_ids.emplace(page.id, p);
            if (!added) {
                add(member_path(page_path(p), "id"), "duplicate page id '" + page.id +
                                                         "': " + page_path(it->second) +
                                                         " already uses it");
            }
            for (std::size_t q = 0; q < page.questions.size(); ++q) {
                const Question& question = page.questions[q];
                index_answerable(question.id, Placement{p, &question, false, question_path(p, q)});
                index_options(question, p, question_path(p, q));
            }
        }
    }

    void check_values(const Condition& condition, const Placement& target,
                      const std::string& path) {
        if (target.is_follow_up || !target.question->has_options()) {
            add(path, "'" + condition.question +
                          "' has no options to compare with; use {\"answered\": \"" +
                          condition.question + "\"} for a question answered in words or numbers");
            return;
        }
        for (std::size_t v = 0; v < condition.values.size(); ++v) {
            const std::string& value = condition.values[v];
            if (target.question->find_option(value) != nullptr) continue;
            std::string known;
            for (const auto& option : target.question->options) {
                known += (known.empty() ? "" : ", ") + option.id;
            }
            const std::string at = condition.kind == Condition::Kind::equals
                                       ? member_path(path, "equals")
                                       : item_path(member_path(path, "any_of"), v);
            add(at, "'" + value + "' is not an option of question '" + condition.question +
                        "' (its options are: " + known + ")");
        }
    }

    void check_condition(const Condition& condition, std::size_t page, const std::string& path) {
        if (condition.kind == Condition::Kind::all || condition.kind == Condition::Kind::any ||
            condition.kind == Condition::Kind::negation) {
            const std::string key = condition.kind == Condition::Kind::all   ? "all"
                                    : condition.kind == Condition::Kind::any ? "any"
                                                                             : "not";
            for (std::size_t i = 0; i < condition.operands.size(); ++i) {
                const std::string at = condition.kind == Condition::Kind::negation
                                           ? member_path(path, key)
                                           : item_path(member_path(path, key), i);
                check_condition(condition.operands[i], page, at);
            }
            return;
        }
        const std::string at = member_path(
            path, condition.kind == Condition::Kind::answered ? "answered" : "question");
        const auto found = answerables_.find(condition.question);
        if (found == answerables_.end()) {
            add(at, "refers to unknown question '" + condition.question + "'");
        } else if (found->second.page >= page) {
            add(at, "refers to question '" + condition.question + "' on " +
                        page_path(found->second.page) +
                        ", which is not an earlier page; a condition can only use answers "
                        "given on earlier pages");
        } else if (condition.kind != Condition::Kind::answered) {
            check_values(condition, found->second, path);
        }
    }

    void check_perspective() {
        const std::string& id = survey_.perspective_question;
        if (id.empty()) return;
        const auto found = answerables_.find(id);
        if (found == answerables_.end() || found->second.is_follow_up) {
            add("/perspective_question", "refers to unknown question '" + id + "'");
            return;
        }
        const Question& question = *found->second.question;
        const Page& page = survey_.pages[found->second.page];
        if (question.type != QuestionType::single_choice || !question.required ||
            question.show_if || page.show_if) {
            add("/perspective_question",
                "question '" + id +
                    "' must be a required single_choice question that every respondent sees "
                    "(no show_if on it or its page), because every response is counted by it");
        }
    }

    const Survey& survey_;
    std::vector<Problem>& problems_;
    std::map<std::string, Placement> answerables_;
};

}  // namespace

void check_ids_and_references(const Survey& survey, std::vector<Problem>& problems) {
    ReferenceChecker(survey, problems).run();
}

}  // namespace safesurvey::defs
