// Which pages and questions a respondent sees, given their answers so far.
// Pure functions of (survey, answers): the server calls them on every
// request, and the same answers always give the same route.
//
// Answers to questions that are hidden never count: if a respondent goes
// back and changes their perspective, the questions for the old perspective
// disappear, and so does anything that depended on them.
#pragma once

#include <string_view>
#include <vector>

#include "survey_defs/answers.hpp"
#include "survey_defs/condition.hpp"
#include "survey_defs/page.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::defs {

// True when `condition` holds for `answers` (taken as they are).
bool evaluate(const Condition& condition, const Answers& answers);

// The answers with every answer to a hidden page, question or follow-up
// removed, and every answer naming no known question removed. What gets
// stored is this.
Answers visible_answers(const Survey& survey, const Answers& answers);

bool is_page_visible(const Survey& survey, const Page& page, const Answers& answers);
// A question is visible when its page and its own condition both are.
bool is_question_visible(const Survey& survey, const Question& question, const Answers& answers);
// A follow-up is visible when its question is and its option was chosen.
bool is_follow_up_visible(const Survey& survey, const Question& question, const Option& option,
                          const Answers& answers);

std::vector<const Page*> visible_pages(const Survey& survey, const Answers& answers);
std::vector<const Question*> visible_questions(const Survey& survey, const Page& page,
                                               const Answers& answers);

// The first visible page; nullptr when the survey has none visible.
const Page* first_page(const Survey& survey, const Answers& answers);
// The visible page after `page_id`; nullptr when it is the last (go to
// "check your answers") or when `page_id` is unknown.
const Page* next_page(const Survey& survey, std::string_view page_id, const Answers& answers);
// The visible page before `page_id`; nullptr when it is the first (go back to
// the start page) or when `page_id` is unknown.
const Page* previous_page(const Survey& survey, std::string_view page_id, const Answers& answers);

}  // namespace safesurvey::defs
