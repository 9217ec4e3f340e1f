#include "server/journey/respondent_journey.hpp"

#include "server/journey/journey_impl.hpp"

namespace safesurvey::journey {

RespondentJourney::RespondentJourney(const JourneyDependencies& dependencies)
    : impl_(std::make_unique<Impl>(dependencies)) {}

RespondentJourney::~RespondentJourney() = default;

void RespondentJourney::add_routes(http::Router& router) {
    // Every route reads storage or opens a sealed token: off the network threads.
    const http::RouteOptions blocking{.blocking = true};
    const auto route = [&](const char* method, const char* pattern,
                           http::Response (RespondentJourney::*handler)(const http::Request&)
                               const) {
        router.add(
            method, pattern,
            [this, handler](const http::Request& request) { return (this->*handler)(request); },
            blocking);
    };
    route("GET", "/s/{token}", &RespondentJourney::start);
    route("GET", "/s/{token}/begin", &RespondentJourney::begin);
    route("GET", "/s/{token}/q/{page}", &RespondentJourney::show_page);
    route("POST", "/s/{token}/q/{page}", &RespondentJourney::post_page);
    route("GET", "/s/{token}/check", &RespondentJourney::check_answers);
    route("POST", "/s/{token}/submit", &RespondentJourney::submit);
    route("GET", "/s/{token}/done", &RespondentJourney::done);
    route("POST", "/s/{token}/save", &RespondentJourney::save);
    route("GET", "/s/{token}/print", &RespondentJourney::print);
    route("GET", "/resume", &RespondentJourney::resume_entry);
    route("POST", "/resume", &RespondentJourney::resume);
}

}  // namespace safesurvey::journey
