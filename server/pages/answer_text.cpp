#include "server/pages/answer_text.hpp"

#include <array>

#include "server/pages/question_fields.hpp"

namespace safesurvey::pages {

namespace {

// Each line of a long answer as text, with <br> between them.
Html lines(std::string_view text) {
    Html html;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? end : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (start > 0) html += Html::literal("<br>");
        html += Html::text(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return html;
}

Html option_answer(const defs::Option& option, const defs::Answers& answers,
                   std::string_view language) {
    Html html = Html::text(option.label.in(language));
    if (option.follow_up) {
        const std::string& specified = first_value(answers, option.follow_up->id);
        if (!specified.empty()) html += Html::text(": ") + lines(specified);
    }
    return html;
}

Html choice_answer(const defs::Question& question, const std::vector<std::string>& chosen,
                   const defs::Answers& answers, std::string_view language) {
    std::vector<const defs::Option*> options;
    for (const auto& option_id : chosen) {
        if (const auto* option = question.find_option(option_id)) options.push_back(option);
    }
    if (options.size() == 1) return option_answer(*options.front(), answers, language);
    Element list("ul");
    list.attr("class", "govuk-list");
    for (const auto* option : options) {
        list.child(Element("li").child(option_answer(*option, answers, language)));
    }
    return list;
}

}  // namespace

std::string date_in_words(std::string_view iso_date) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') {
        return std::string(iso_date);
    }
    const int month = (iso_date[5] - '0') * 10 + (iso_date[6] - '0');
    const int day = (iso_date[8] - '0') * 10 + (iso_date[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso_date);
    return std::to_string(day) + " " + std::string(kMonths[static_cast<std::size_t>(month - 1)]) +
           " " + std::string(iso_date.substr(0, 4));
}

Html render_answer(const defs::Question& question, const defs::Answers& answers,
                   std::string_view language) {
    const auto found = answers.find(question.id);
    if (found == answers.end() || found->second.empty() || found->second.front().empty()) {
        return Html::text("Not answered");
    }
    const std::string& value = found->second.front();
    switch (question.type) {
        case defs::QuestionType::single_choice:
        case defs::QuestionType::multiple_choice:
        case defs::QuestionType::scale:
        case defs::QuestionType::yes_no:
            return choice_answer(question, found->second, answers, language);
        case defs::QuestionType::date:
            return Html::text(date_in_words(value));
        case defs::QuestionType::number:
            return question.suffix.empty() ? Html::text(value)
                                           : Html::text(value + " " + question.suffix.in(language));
        case defs::QuestionType::short_text:
        case defs::QuestionType::long_text:
            return lines(value);
    }
    return Html::text(value);
}

}  // namespace safesurvey::pages
