// Prose pages around the questions: the start page, the confirmation page,
// and the safeguarding panel with helplines that both carry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "survey_defs/localised_text.hpp"

namespace safesurvey::defs {

// Only https:, mailto:, tel: and site-relative ("/...") hrefs load, so a
// definition cannot smuggle a javascript: or plain-http link onto a page.
struct Link {
    LocalisedText text;
    std::string href;
};

struct Helpline {
    LocalisedText name;      // "Childline"
    std::string phone;       // "0800 1111", as it should be read and dialled
    LocalisedText for_whom;  // "for children and young people"
};

// Highlighted (a GOV.UK warning/inset) wherever it is shown: a respondent who
// fears for a child must be able to get help now, not from a survey.
struct SafeguardingPanel {
    LocalisedText heading;
    std::vector<LocalisedText> paragraphs;
    std::vector<Helpline> helplines;
    std::vector<Link> links;
};

// One block of prose, in the order written:
//   {"heading": "..."}            an h2
//   {"paragraph": "...", "link": {"text": ..., "href": ...}}  link optional, after the text
//   {"bullets": ["...", ...]}
//   {"safeguarding_panel": true}  where the survey's panel goes
struct ContentBlock {
    enum class Kind { heading, paragraph, bullets, safeguarding_panel };

    Kind kind = Kind::paragraph;
    LocalisedText text;                // heading, paragraph
    std::optional<Link> link;          // paragraph
    std::vector<LocalisedText> items;  // bullets
};

struct StartPage {
    LocalisedText title;  // the h1
    std::vector<ContentBlock> content;
    LocalisedText start_button;  // "Start now"
};

struct ConfirmationPage {
    LocalisedText title;  // "Thank you for completing the survey"
    std::vector<ContentBlock> content;
};

}  // namespace safesurvey::defs
