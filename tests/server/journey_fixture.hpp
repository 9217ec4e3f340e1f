// A respondent's browser, in miniature, for the journey tests: a real store in
// a temporary folder (with a clock the test moves), the real survey
// definitions and triage rules, and the journey's routes on a real Router.
// Requests are built by hand and dispatched through the route table, so the
// tests also check that every URL the pages link to is routed.
#pragma once

#include <sodium.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <regex>
#include <string>

#include "form_encoding.hpp"
#include "server/access/rate_limiter.hpp"
#include "server/http/form.hpp"
#include "server/http/router.hpp"
#include "server/journey/respondent_journey.hpp"
#include "server/journey/survey_catalogue.hpp"
#include "server/observability/metrics.hpp"
#include "server/pages/survey_urls.hpp"
#include "storage/clock.hpp"
#include "storage/store.hpp"
#include "triage/engine.hpp"

namespace journey_test {

namespace fs = std::filesystem;
using safesurvey::http::Request;
using safesurvey::http::Response;

inline const safesurvey::triage::Engine& triage_engine() {
    static const auto load =
        safesurvey::triage::load_engine(fs::path(SAFESURVEY_SOURCE_DIR) / "triage/rules");
    REQUIRE(load.engine);
    return *load.engine;
}

inline const safesurvey::journey::SurveyCatalogue& real_surveys() {
    static const auto load =
        safesurvey::journey::SurveyCatalogue::load(fs::path(SAFESURVEY_SOURCE_DIR) / "survey_defs");
    REQUIRE(load.catalogue);
    return *load.catalogue;
}

// A query string or form body from pairs, percent-encoded.
inline std::string encode(const safesurvey::http::FormFields& fields) {
    return safesurvey::testing::encode_form(fields);
}

class JourneyFixture {
  public:
    // 2026-03-02 09:00 UTC: a Monday in GMT.
    static constexpr auto kStart =
        std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + std::chrono::hours(9);

    // `dir`: where the store lives; a fresh temporary folder when empty.
    explicit JourneyFixture(fs::path dir = {})
        : dir_(dir.empty() ? fs::temp_directory_path() /
                                 ("journey-test-" + std::to_string(randombytes_random()))
                           : dir),
          clock(kStart) {
        randombytes_buf(key_.data(), key_.size());
        auto opened = safesurvey::storage::Store::open(
            {.data_dir = dir_, .key_file = dir_ / "kek.key", .clock = &clock});
        REQUIRE(opened);
        store = std::move(opened.value());
        for (const auto& survey : real_surveys().all()) {
            REQUIRE(store->register_survey(survey->id, {survey->retention.years}));
        }
        journey = std::make_unique<safesurvey::journey::RespondentJourney>(
            safesurvey::journey::JourneyDependencies{*store, real_surveys(), triage_engine(), key_,
                                                     limiter, metrics});
        journey->add_routes(router);
    }
    ~JourneyFixture() {
        journey.reset();
        store.reset();
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // A link open from kStart for four weeks.
    safesurvey::storage::Distribution open_link(
        const std::string& survey = "send-not-in-school-2025",
        std::chrono::hours open_for = std::chrono::hours(24 * 28)) {
        auto added = store->add_distribution({survey, "Leeds", kStart, kStart + open_for});
        REQUIRE(added);
        return added.value();
    }

    // Dispatches through the router as the server would.
    Response send(const std::string& method, const std::string& target,
                  const std::string& body = {}, const std::string& client = "client-a") {
        Request request;
        request.method = method;
        request.target = target;
        const auto question = target.find('?');
        request.path = target.substr(0, question);
        if (question != std::string::npos) {
            auto query = safesurvey::http::parse_form(target.substr(question + 1));
            REQUIRE(query);
            request.query = *query;
        }
        request.body = body;
        request.client_key = client;
        if (method == "POST") {
            request.headers["content-type"] = "application/x-www-form-urlencoded";
        }
        const auto match = router.match(method, request.path);
        REQUIRE(match.handler != nullptr);
        CHECK(match.blocking);
        for (const auto& [name, value] : match.params) request.params[name] = value;
        return (*match.handler)(request);
    }
    Response get(const std::string& target) { return send("GET", target); }
    Response post(const std::string& target, const safesurvey::http::FormFields& fields,
                  const std::string& client = "client-a") {
        return send("POST", target, encode(fields), client);
    }

    std::string dir() const { return dir_.string(); }

    fs::path dir_;
    safesurvey::storage::FakeClock clock;
    safesurvey::journey::DraftKey key_{};
    std::unique_ptr<safesurvey::storage::Store> store;
    safesurvey::access::RateLimiter limiter;
    safesurvey::observability::Metrics metrics;
    safesurvey::http::Router router;
    std::unique_ptr<safesurvey::journey::RespondentJourney> journey;
};

inline std::string location(const Response& response) {
    for (const auto& [name, value] : response.headers) {
        if (name == "Location") return value;
    }
    return {};
}

// The value of query parameter `name` in a URL, decoded.
inline std::string query_param(const std::string& url, const std::string& name) {
    const auto question = url.find('?');
    if (question == std::string::npos) return {};
    const auto fields = safesurvey::http::parse_form(url.substr(question + 1));
    if (!fields) return {};
    const auto found = fields->find(name);
    return found == fields->end() ? std::string() : found->second;
}

// The path of a URL without its query.
inline std::string path_of(const std::string& url) {
    return url.substr(0, url.find('?'));
}

// A respondent moving through one link: follows redirects, carries the draft.
class Respondent {
  public:
    Respondent(JourneyFixture& fixture, std::string token, std::string client = "client-a")
        : fixture_(fixture), urls_(token), client_(std::move(client)) {}

    // GET /begin, following the redirect to the first page.
    Response begin() { return follow(fixture_.get(urls_.begin())); }

    // Posts a page's answers (the draft added) and follows a redirect.
    Response answer(const std::string& page_id, safesurvey::http::FormFields fields) {
        fields.emplace("draft", draft);
        return follow(fixture_.post(urls_.question_action(page_id), fields, client_));
    }

    Response submit() { return fixture_.post(urls_.submit(), {{"draft", draft}}, client_); }

    // Follows a 303/302 once, remembering the draft and where it led.
    Response follow(Response response) {
        last_redirect = location(response);
        if (response.status != 303 && response.status != 302) return response;
        if (auto d = query_param(last_redirect, "d"); !d.empty()) draft = d;
        Response page = fixture_.get(last_redirect);
        // As a browser would: the next form posts the page's own hidden draft.
        std::smatch hidden;
        if (std::regex_search(page.body, hidden,
                              std::regex(R"re(name="draft" value="([A-Za-z0-9_-]+)")re"))) {
            draft = hidden[1].str();
        }
        return page;
    }

    std::string draft;
    std::string last_redirect;

  private:
    JourneyFixture& fixture_;
    safesurvey::pages::SurveyUrls urls_;
    std::string client_;
};

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace journey_test
