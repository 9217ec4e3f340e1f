// A survey definition: everything needed to render, route, store and triage
// one survey. Built only by the loader (survey_defs/loader.hpp) and then
// shared immutably as std::shared_ptr<const Survey>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/content.hpp"
#include "survey_defs/localised_text.hpp"
#include "survey_defs/page.hpp"
#include "survey_defs/question.hpp"
#include "survey_defs/retention.hpp"

namespace safesurvey::defs {

struct EstimatedMinutes {
    int min = 0;
    int max = 0;  // equal to min when the definition gives one number
};

struct Survey {
    std::string id;   // stable, URL-safe: "send-not-in-school-2025"
    int version = 1;  // bumped when questions change; stored with each response
    LocalisedText title;
    std::vector<std::string> languages;  // the first is the default; "en" today
    EstimatedMinutes estimated_minutes;
    StartPage start_page;
    SafeguardingPanel safeguarding;
    std::vector<Page> pages;  // in the order a respondent meets them
    ConfirmationPage confirmation;
    RetentionRule retention;
    // The question whose answer says who is responding (parent, professional,
    // young person). Storage keeps that answer as a plain column so counts by
    // perspective need no decryption. Empty when the survey has none.
    std::string perspective_question;

    const std::string& default_language() const {
        static const std::string kEnglish = "en";
        return languages.empty() ? kEnglish : languages.front();
    }
    const Page* find_page(std::string_view page_id) const;
    // Finds a question anywhere in the survey; nullptr when there is none.
    const Question* find_question(std::string_view question_id) const;
    // The page holding a question; nullptr when there is none.
    const Page* page_of(std::string_view question_id) const;
    // Questions and follow-ups whose text the triage reads, in survey order.
    std::vector<std::string> triage_answer_ids() const;
};

}  // namespace safesurvey::defs
