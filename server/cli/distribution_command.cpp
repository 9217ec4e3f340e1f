// `safesurvey distribution add|list|close`: the local-area links of a survey,
// from the command line until the staff pages exist.
//
// Times are read and shown in Europe/London wall-clock time, because that is
// how inspectors state them ("until 5pm on the last on-site day"); the store
// keeps UTC instants. The survey id is checked against the definitions so a
// typo cannot create a link to a survey that does not exist.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/access/london_time.hpp"
#include "server/cli/arguments.hpp"
#include "server/cli/command.hpp"
#include "server/config.hpp"
#include "storage/key_file.hpp"
#include "storage/store.hpp"
#include "survey_defs/loader.hpp"

namespace safesurvey::cli {
namespace {

namespace fs = std::filesystem;
using access::format_london_time_for_people;
using access::format_london_time_iso;

constexpr const char* kUsage = R"(usage:
  safesurvey distribution add --survey ID --area NAME --opens "YYYY-MM-DD HH:MM"
                              --closes "YYYY-MM-DD HH:MM" [--config FILE] [--data-dir DIR]
  safesurvey distribution list [--json] [--survey ID] [--config FILE] [--data-dir DIR]
  safesurvey distribution close ID [--config FILE] [--data-dir DIR]

A distribution is one local area's link to a survey. It accepts answers from
--opens until --closes, both Europe/London wall-clock time (GMT or BST as the
date requires), and never after `close`. For a thematic visit: open on the
notification day, close at 17:00 on the last on-site day.

  add     creates a link with a new unguessable token and prints it
  list    prints every link with its area, survey, window and state
          (--json: one JSON array, for scripts)
  close   stops a link accepting answers now, whatever its window says
)";

// Bad usage and configuration exit 2; a store that cannot do the work exits 1.
constexpr int kUsageError = 2;
constexpr int kStoreError = 1;

int usage_error(const std::string& message) {
    std::cerr << "safesurvey distribution: " << message << "\n";
    return kUsageError;
}

int store_error(const storage::Error& error) {
    std::cerr << "safesurvey distribution: " << error.message << "\n";
    const bool callers_fault = error.kind == storage::ErrorKind::invalid_input ||
                               error.kind == storage::ErrorKind::not_found;
    return callers_fault ? kUsageError : kStoreError;
}

fs::path survey_folder(const ServiceConfig& config) {
    return config.survey_dir.empty() ? fs::path(SAFESURVEY_SOURCE_DIR) / "survey_defs"
                                     : config.survey_dir;
}

// The definition whose id is `survey_id` among the *.json files of `folder`,
// or a message naming the surveys that do exist.
std::shared_ptr<const defs::Survey> find_survey(const fs::path& folder,
                                                const std::string& survey_id, std::string& error) {
    std::vector<std::string> known;
    std::vector<std::string> unreadable;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() != ".json" || !entry.is_regular_file()) continue;
        auto loaded = defs::load_survey_file(entry.path());
        if (!loaded.ok()) {
            unreadable.push_back(entry.path().filename().string());
            continue;
        }
        if (loaded.survey->id == survey_id) return loaded.survey;
        known.push_back(loaded.survey->id);
    }
    if (ec) {
        error = "cannot read the survey definitions in " + folder.string() + ": " + ec.message();
        return nullptr;
    }
    error = "unknown survey '" + survey_id + "'; the surveys in " + folder.string() + " are:";
    for (const auto& id : known) error += " " + id;
    if (known.empty()) error += " (none)";
    if (!unreadable.empty()) {
        error += ". These files have problems (see `safesurvey validate`):";
        for (const auto& name : unreadable) error += " " + name;
    }
    return nullptr;
}

storage::Result<std::unique_ptr<storage::Store>> open_store(const ServiceConfig& config) {
    // Not exclusive: adding, listing and closing links only add or change rows,
    // so they may run beside a serving process.
    return storage::Store::open(
        {.data_dir = config.data_dir,
         .key_file = storage::resolve_key_file(config.key_file, config.data_dir),
         .exclusive = false});
}

std::string state_of(const storage::Distribution& d, storage::Instant now) {
    if (d.closed) return "closed";
    if (now < d.opens_at) return "not yet open";
    if (now >= d.closes_at) return "ended";
    return "open";
}

std::string link_of(const ServiceConfig& config, const storage::Distribution& d) {
    return config.public_base_url + "/s/" + d.token;
}

void print_distribution(const ServiceConfig& config, const storage::Distribution& d,
                        storage::Instant now) {
    std::cout << d.area << " - " << d.survey_id << " (" << state_of(d, now) << ")\n"
              << "  id:     " << d.id << "\n"
              << "  opens:  " << format_london_time_for_people(d.opens_at) << "\n"
              << "  closes: " << format_london_time_for_people(d.closes_at) << "\n"
              << "  link:   " << link_of(config, d) << "\n";
}

nlohmann::json to_json(const ServiceConfig& config, const storage::Distribution& d,
                       storage::Instant now) {
    return {{"id", d.id},
            {"survey", d.survey_id},
            {"area", d.area},
            {"opens_at", storage::format_instant(d.opens_at)},
            {"closes_at", storage::format_instant(d.closes_at)},
            {"opens_london", format_london_time_iso(d.opens_at)},
            {"closes_london", format_london_time_iso(d.closes_at)},
            {"state", state_of(d, now)},
            {"link", link_of(config, d)}};
}

storage::Instant now_utc() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Reads --opens/--closes; on failure `error` names the option and the problem.
std::optional<storage::Instant> window_edge(const Arguments& args, const std::string& name,
                                            std::string& error) {
    auto text = args.value(name);
    if (!text) {
        error = "--" + name + " is required (\"YYYY-MM-DD HH:MM\", London time)";
        return std::nullopt;
    }
    auto parsed = access::parse_london_time(*text);
    if (!parsed.instant) error = "--" + name + ": " + parsed.error;
    return parsed.instant;
}

// Everything `add` needs, checked before the store is touched.
std::optional<storage::NewDistribution> read_new_distribution(const Arguments& args,
                                                              std::string& error) {
    auto survey = args.value("survey");
    auto area = args.value("area");
    if (!survey || survey->empty()) return error = "--survey ID is required", std::nullopt;
    if (!area || area->find_first_not_of(" \t") == std::string::npos)
        return error = "--area NAME is required (the local area's name)", std::nullopt;
    auto opens = window_edge(args, "opens", error);
    if (!opens) return std::nullopt;
    auto closes = window_edge(args, "closes", error);
    if (!closes) return std::nullopt;
    if (*closes <= *opens) {
        error = "--closes (" + format_london_time_for_people(*closes) +
                ") must be after --opens (" + format_london_time_for_people(*opens) + ")";
        return std::nullopt;
    }
    return storage::NewDistribution{*survey, *area, *opens, *closes};
}

int add(const Arguments& args, const ServiceConfig& config) {
    std::string error;
    auto wanted = read_new_distribution(args, error);
    if (!wanted) return usage_error(error);
    auto survey = find_survey(survey_folder(config), wanted->survey_id, error);
    if (!survey) return usage_error(error);
    if (wanted->closes_at <= now_utc()) {
        std::cerr << "safesurvey distribution: note: this link closes in the past, so it "
                     "will never accept answers\n";
    }

    auto store = open_store(config);
    if (!store) return store_error(store.error());
    auto registered = (*store)->register_survey(
        survey->id, storage::RetentionRule{.years_after_report = survey->retention.years});
    if (!registered) return store_error(registered.error());
    auto added = (*store)->add_distribution(*wanted);
    if (!added) return store_error(added.error());
    print_distribution(config, *added, now_utc());
    return 0;
}

int list(const Arguments& args, const ServiceConfig& config) {
    auto store = open_store(config);
    if (!store) return store_error(store.error());
    auto rows = (*store)->distributions(args.value("survey").value_or(""));
    if (!rows) return store_error(rows.error());
    const auto now = now_utc();
    if (args.has("json")) {
        auto out = nlohmann::json::array();
        for (const auto& d : *rows) out.push_back(to_json(config, d, now));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (rows->empty()) std::cout << "No distributions yet: add one with `distribution add`.\n";
    for (const auto& d : *rows) print_distribution(config, d, now);
    return 0;
}

int close(const Arguments& args, const ServiceConfig& config) {
    if (args.positional().size() != 1)
        return usage_error("close takes one distribution id (see `distribution list`)");
    auto store = open_store(config);
    if (!store) return store_error(store.error());
    const std::string& id = args.positional().front();
    auto closed = (*store)->close_distribution(id);
    if (!closed) return store_error(closed.error());
    std::cout << "Closed " << id << ": its link now refuses answers.\n";
    return 0;
}

ArgumentSpec spec_for(const std::string& action) {
    ArgumentSpec spec;
    if (action == "add") spec.options = {"survey", "area", "opens", "closes"};
    if (action == "list") {
        spec.options = {"survey"};
        spec.switches = {"json"};
    }
    return with_data_options(spec);
}

}  // namespace

int run_distribution(std::span<const std::string> args) {
    if (args.empty() || args.front() == "--help" || args.front() == "help") {
        (args.empty() ? std::cerr : std::cout) << kUsage;
        return args.empty() ? kUsageError : 0;
    }
    const std::string action = args.front();
    if (action != "add" && action != "list" && action != "close")
        return usage_error("unknown action '" + action + "' (add, list or close; see --help)");

    std::string error;
    auto parsed = Arguments::parse(args.subspan(1), spec_for(action), error);
    if (!parsed) return usage_error(error);
    if (parsed->has("help")) {
        std::cout << kUsage;
        return 0;
    }
    if (action != "close" && !parsed->positional().empty())
        return usage_error("unexpected '" + parsed->positional().front() + "' (see --help)");
    auto config = load_config(*parsed, error);
    if (!config) return usage_error(error);

    if (action == "add") return add(*parsed, *config);
    if (action == "list") return list(*parsed, *config);
    return close(*parsed, *config);
}

}  // namespace safesurvey::cli
