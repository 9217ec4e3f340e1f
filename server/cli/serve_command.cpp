// `safesurvey serve`: the composition root. Reads the configuration, opens
// storage, loads the survey definitions and the triage rules, wires the
// routes (operational, static assets, the respondent journey) and serves
// until SIGTERM. With --demo it also makes sure the real surveys have an open
// link and prints them, which is what `deploy/run.sh` shows a person.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "server/access/london_time.hpp"
#include "server/access/rate_limiter.hpp"
#include "server/cli/arguments.hpp"
#include "server/cli/command.hpp"
#include "server/config.hpp"
#include "server/http/operational_routes.hpp"
#include "server/http/server.hpp"
#include "server/http/static_files.hpp"
#include "server/journey/draft_key_file.hpp"
#include "server/journey/respondent_journey.hpp"
#include "server/journey/survey_catalogue.hpp"
#include "server/observability/json_log.hpp"
#include "server/observability/metrics.hpp"
#include "storage/key_file.hpp"
#include "storage/retention_timer.hpp"
#include "storage/store.hpp"
#include "triage/engine.hpp"

namespace safesurvey::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUsage =
    "usage: safesurvey serve [--config FILE] [--listen ADDR:PORT] [--data-dir DIR] [--demo]\n"
    "\n"
    "Runs the web service until SIGTERM or Ctrl-C, finishing requests in flight.\n"
    "\n"
    "  --config FILE       JSON settings (see deploy/safesurvey.example.json)\n"
    "  --listen ADDR:PORT  where to listen (default 127.0.0.1:8080; port 0 picks one)\n"
    "  --data-dir DIR      the database, key files and backups (default ./var)\n"
    "  --demo              make sure each real survey has an open demonstration link,\n"
    "                      and print the links\n"
    "\n"
    "Exit status: 0 after a clean shutdown, 2 bad usage or configuration.\n";

// The surveys a --demo run opens, the main one first.
constexpr const char* kDemoSurveys[] = {"send-not-in-school-2025", "send-young-people-easy-read"};
constexpr const char* kDemoArea = "Demonstration area";

int fail(const std::string& message) {
    std::cerr << "safesurvey serve: " << message << "\n";
    return 2;
}

fs::path or_default(const fs::path& configured, const char* relative) {
    return configured.empty() ? fs::path(SAFESURVEY_SOURCE_DIR) / relative : configured;
}

// A demonstration link that is open now: an existing one if there is, else a
// new one open from now until 5pm London time four weeks on.
storage::Result<storage::Distribution> demo_link(storage::Store& store, const std::string& survey) {
    const auto now = std::chrono::floor<std::chrono::seconds>(store.clock().now());
    auto existing = store.distributions(survey);
    if (!existing) return existing.error();
    for (const auto& distribution : existing.value()) {
        if (distribution.area == kDemoArea && distribution.accepting_at(now)) return distribution;
    }
    const auto day = std::chrono::floor<std::chrono::days>(access::to_london_wall_clock(now) +
                                                           std::chrono::days(28));
    const auto closes = access::from_london_wall_clock(day + std::chrono::hours(17));
    return store.add_distribution({survey, kDemoArea, now - std::chrono::minutes(1),
                                   closes.value_or(now + std::chrono::days(28))});
}

// Prints one line per demonstration link; false when one could not be made.
bool open_demo_links(storage::Store& store, const journey::SurveyCatalogue& surveys,
                     const std::string& base_url) {
    for (const char* survey : kDemoSurveys) {
        if (!surveys.find(survey)) continue;  // a survey folder without it
        auto link = demo_link(store, survey);
        if (!link) {
            std::cerr << "safesurvey serve: cannot open a demonstration link for " << survey << ": "
                      << link.error().message << "\n";
            return false;
        }
        std::cout << "Survey '" << survey << "' open at " << base_url << "/s/" << link->token
                  << " until " << access::format_london_time_for_people(link->closes_at) << "\n";
    }
    std::cout.flush();
    return true;
}

std::string base_url_for(const ServiceConfig& config, std::uint16_t port) {
    if (config.listen_port != 0) return config.public_base_url;
    // Port 0 was resolved at listen(); the derived URL must use the real one.
    const bool v6 = config.listen_address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + config.listen_address + "]" : config.listen_address) + ":" +
           std::to_string(port);
}

// Everything the running service holds, in the order it must be built.
struct Service {
    ServiceConfig config;
    std::unique_ptr<storage::Store> store;
    journey::SurveyCatalogue surveys;
    std::optional<triage::Engine> triage;
    journey::DraftKeys draft_keys{};
};

// Opens storage, definitions, rules and keys; a message on failure.
std::optional<std::string> open_service(Service& service) {
    const ServiceConfig& config = service.config;
    std::error_code error;
    fs::create_directories(config.data_dir, error);
    if (error)
        return "cannot create the data folder " + config.data_dir.string() + ": " + error.message();
    auto catalogue = journey::SurveyCatalogue::load(or_default(config.survey_dir, "survey_defs"));
    if (!catalogue.catalogue) {
        std::string message = "the survey definitions have problems:";
        for (const auto& problem : catalogue.problems) message += "\n  " + problem;
        return message;
    }
    service.surveys = std::move(*catalogue.catalogue);
    auto rules = triage::load_engine(or_default(config.rules_dir, "triage/rules"));
    if (!rules.engine) {
        std::string message = "the triage rules have problems:";
        for (const auto& problem : rules.problems) message += "\n  " + triage::to_string(problem);
        return message;
    }
    service.triage.emplace(std::move(*rules.engine));
    auto store = storage::Store::open(
        {.data_dir = config.data_dir,
         .key_file = storage::resolve_key_file(config.key_file, config.data_dir)});
    if (!store) return store.error().message;
    service.store = std::move(store.value());
    for (const auto& survey : service.surveys.all()) {
        if (auto registered = service.store->register_survey(
                survey->id, storage::RetentionRule{survey->retention.years});
            !registered) {
            return registered.error().message;
        }
    }
    auto keys = journey::load_or_create_draft_keys(config.data_dir / "draft.key");
    if (!keys.keys) return keys.error;
    service.draft_keys = *keys.keys;
    return std::nullopt;
}

}  // namespace

int run_serve(std::span<const std::string> args) {
    std::string error;
    const auto arguments =
        Arguments::parse(args, with_data_options({{"listen"}, {"demo", "help"}}), error);
    if (!arguments) return fail(error + "\n" + std::string(kUsage));
    if (arguments->has("help")) {
        std::cout << kUsage;
        return 0;
    }
    auto config = load_config(*arguments, error);
    if (!config) return fail(error);
    Service service;
    service.config = *config;
    if (auto problem = open_service(service)) return fail(*problem);

    observability::Metrics metrics;
    access::RateLimiter limiter;
    http::Router router;
    http::add_operational_routes(router, metrics, [] { return true; });
    http::add_static_routes(
        router, config->assets_dir.empty() ? fs::path(SAFESURVEY_ASSETS_DIR) : config->assets_dir);
    journey::RespondentJourney journey({*service.store, service.surveys, *service.triage,
                                        service.draft_keys.sealing, limiter, metrics});
    journey.add_routes(router);

    http::HttpServer server(*config, router, metrics);
    if (auto problem = server.listen()) return fail(*problem);
    const std::string base_url = base_url_for(*config, server.port());
    if (arguments->has("demo") && !open_demo_links(*service.store, service.surveys, base_url)) {
        return 2;
    }
    storage::RetentionTimer retention(
        *service.store, storage::RetentionPolicy{config->referred_retention_extra_years},
        config->retention_interval, [](const std::string& line) {
            observability::log_info("retention", {{"action", line}});
        });
    observability::log_info("service_started", {{"url", base_url}});
    server.run();
    observability::log_info("service_stopped");
    return 0;
}

}  // namespace safesurvey::cli
