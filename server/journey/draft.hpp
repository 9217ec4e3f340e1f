// A respondent's answers so far, carried by the respondent rather than kept
// by the server: nothing about a respondent is stored before they submit
// (the "drafts without tracking"). The server seals a Draft into an
// opaque token (draft_sealer.hpp) that travels in the page's form and in the
// redirect URL, and opens it again on the next request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "survey_defs/answers.hpp"

namespace safesurvey::journey {

struct Draft {
    defs::Answers answers;
    // Random, fixed for the life of the draft. Storage stores one response per
    // submission key, so a double click, the back button or a replayed token
    // cannot store the same answers twice.
    std::string submission_key;
    // The answer to the survey's perspective question, kept apart so that the
    // confirmation page can offer the *other* perspective without re-reading
    // the answers. Empty until answered.
    std::string perspective;
    // The page the respondent last reached: where a resume code continues.
    std::string current_page;
    // The resume code this draft was saved under ("save and come back
    // later"), so that saving again keeps one code and sending the answers
    // deletes the saved copy. Empty when never saved.
    std::string resume_code;
    // The honeypot field was filled in on some page: a script, not a person.
    // Its answers are "sent" but never stored.
    bool honeypot = false;
    // Unix seconds after which the token is refused. Set by the sealer.
    std::int64_t expires_at = 0;
};

// A fresh draft with a new random submission key (128 bits, hex).
Draft new_draft();

// The draft as JSON text, and back. from_json returns nullopt for anything that
// is not exactly the shape to_json writes (a token that decrypts is trusted to
// be ours, but a parser that assumes is how crashes start).
std::string to_json(const Draft& draft);
std::optional<Draft> draft_from_json(std::string_view text);

}  // namespace safesurvey::journey
