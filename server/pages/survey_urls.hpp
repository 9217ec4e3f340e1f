// The respondent URLs, in one place so that the routes (server/journey/) and
// the pages that link to them cannot drift apart:
//
//   /s/{token}                start page         /s/{token}/begin  first page
//   /s/{token}/q/{page}?d=    a question page    /s/{token}/check?d=
//   /s/{token}/submit         POST               /s/{token}/done?r=RECEIPT
//   /s/{token}/save           POST               /s/{token}/print
//   /resume                   GET and POST
//
// Tokens, page ids and drafts are percent-encoded where they are put into a
// URL, so a value can never end the path or start another parameter.
#pragma once

#include <string>
#include <string_view>

namespace safesurvey::pages {

class SurveyUrls {
  public:
    explicit SurveyUrls(std::string_view link_token);

    std::string start() const;
    std::string begin() const;
    // The form action of a question page (POST).
    std::string question_action(std::string_view page_id) const;
    // A link to a question page carrying the draft; `return_to_check` adds
    // "&return=check" for Change links.
    std::string question(std::string_view page_id, std::string_view draft,
                         bool return_to_check = false) const;
    std::string check(std::string_view draft) const;
    std::string submit() const;
    std::string save() const;
    std::string done(std::string_view receipt) const;
    std::string print() const;

  private:
    std::string base_;  // "/s/{token}"
};

// "/resume"
std::string resume_url();

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string percent_encode(std::string_view text);

}  // namespace safesurvey::pages
