// The respondent's path through a survey, as HTTP handlers on the URL scheme
// of server/pages/survey_urls.hpp:
//
//   GET  /s/{token}               start page (or not-yet-open / closed / 404)
//   GET  /s/{token}/begin         a new draft, then the first page
//   GET  /s/{token}/q/{page}?d=   a question page
//   POST /s/{token}/q/{page}      validate; 303 to the next page or check answers
//   GET  /s/{token}/check?d=      check your answers
//   POST /s/{token}/submit        triage + durable store; 303 to done
//   GET  /s/{token}/done?r=       confirmation
//   POST /s/{token}/save          a resume code, shown once
//   GET  /resume, POST /resume    continue with a resume code, on any device
//   GET  /s/{token}/print         the paper copy
//
// Nothing about a respondent is stored before they press Send: the answers
// so far travel in a sealed draft token (draft_sealer.hpp). Every route is
// registered as blocking: each looks up the link in storage and opens a draft.
#pragma once

#include <memory>
#include <string>

#include "server/access/rate_limiter.hpp"
#include "server/http/router.hpp"
#include "server/journey/draft_sealer.hpp"
#include "server/journey/survey_catalogue.hpp"
#include "server/observability/metrics.hpp"
#include "storage/store.hpp"
#include "triage/engine.hpp"

namespace safesurvey::journey {

struct JourneyDependencies {
    storage::Store& store;  // its clock() is the journey's clock too
    const SurveyCatalogue& surveys;
    const triage::Engine& triage;
    const DraftKey& draft_key;
    access::RateLimiter& limiter;
    observability::Metrics& metrics;
};

class RespondentJourney {
  public:
    explicit RespondentJourney(const JourneyDependencies& dependencies);
    ~RespondentJourney();
    RespondentJourney(const RespondentJourney&) = delete;
    RespondentJourney& operator=(const RespondentJourney&) = delete;

    // Registers every route above; this object must outlive `router`.
    void add_routes(http::Router& router);

    // The handlers, public so tests can call them with hand-built requests
    // (request.params must hold "token" and, for pages, "page").
    http::Response start(const http::Request& request) const;
    http::Response begin(const http::Request& request) const;
    http::Response show_page(const http::Request& request) const;
    http::Response post_page(const http::Request& request) const;
    http::Response check_answers(const http::Request& request) const;
    http::Response submit(const http::Request& request) const;
    http::Response done(const http::Request& request) const;
    http::Response save(const http::Request& request) const;
    http::Response resume_entry(const http::Request& request) const;
    http::Response resume(const http::Request& request) const;
    http::Response print(const http::Request& request) const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace safesurvey::journey
