// The storage administration commands: keys, purge, backup, survey.
// Each opens the data folder the service uses (--config FILE, --data-dir DIR)
// and prints ids, dates and counts — never answers or key material.
#include <iostream>
#include <nlohmann/json.hpp>

#include "server/cli/arguments.hpp"
#include "server/cli/command.hpp"
#include "server/config.hpp"
#include "storage/data_dir_lock.hpp"
#include "storage/key_file.hpp"
#include "storage/retention_timer.hpp"
#include "storage/store.hpp"

namespace safesurvey::cli {

namespace {

constexpr int kUsage = 2;
constexpr int kFailed = 1;

struct Invocation {
    Arguments args;
    ServiceConfig config;
};

// Parses the arguments and the configuration; prints help or the problem.
std::optional<Invocation> start(const char* name, std::span<const std::string> raw,
                                ArgumentSpec spec, const char* help, int& exit_code) {
    std::string error;
    auto args = Arguments::parse(raw, with_data_options(std::move(spec)), error);
    if (!args) {
        std::cerr << "safesurvey " << name << ": " << error << "\n";
        exit_code = kUsage;
        return std::nullopt;
    }
    if (args->has("help")) {
        std::cout << help;
        exit_code = 0;
        return std::nullopt;
    }
    auto config = load_config(*args, error);
    if (!config) {
        std::cerr << "safesurvey " << name << ": " << error << "\n";
        exit_code = kUsage;
        return std::nullopt;
    }
    return Invocation{std::move(*args), std::move(*config)};
}

int report(const char* name, const storage::Error& error) {
    std::cerr << "safesurvey " << name << ": " << error.message << "\n";
    const bool callers_fault = error.kind == storage::ErrorKind::invalid_input ||
                               error.kind == storage::ErrorKind::not_found;
    return callers_fault ? kUsage : kFailed;
}

storage::Result<std::unique_ptr<storage::Store>> open_store(const ServiceConfig& config,
                                                            bool exclusive) {
    return storage::Store::open(
        {.data_dir = config.data_dir,
         .key_file = storage::resolve_key_file(config.key_file, config.data_dir),
         .clock = nullptr,
         .exclusive = exclusive});
}

constexpr const char* kKeysHelp =
    "usage: safesurvey keys rotate|list [--config FILE] [--data-dir DIR]\n\n"
    "  rotate  generate a new key-encryption key, re-wrap every data key under it and\n"
    "          replace the key file. Responses are not touched. Stop the service first.\n"
    "          Safe to run again after an interruption: it finishes the earlier run.\n"
    "  list    show each data key's id, survey, cohort and state (never key bytes)\n";

constexpr const char* kPurgeHelp =
    "usage: safesurvey purge [--dry-run] [--config FILE] [--data-dir DIR]\n\n"
    "Deletes every survey cohort whose retention has ended (N years after the national\n"
    "report's publication; referred responses 'referred_retention_extra_years' longer),\n"
    "destroys its data key so earlier backups of it can no longer be read, and writes a\n"
    "deletion record. --dry-run only reports what would be deleted. The service runs the\n"
    "same job on its own timer; a real purge by hand needs the service stopped.\n";

constexpr const char* kBackupHelp =
    "usage: safesurvey backup PATH [--config FILE] [--data-dir DIR]\n\n"
    "Writes a consistent copy of the response database to PATH (which must not exist),\n"
    "while the service runs. The copy holds sealed answers only and no key: restoring\n"
    "it needs this data folder's keys.db and key file (see docs/security.md).\n";

constexpr const char* kSurveyHelp =
    "usage: safesurvey survey set-report-date SURVEY_ID YYYY-MM-DD [--config FILE] [--data-dir "
    "DIR]\n"
    "       safesurvey survey list [--json] [--config FILE] [--data-dir DIR]\n\n"
    "  set-report-date  record the national report's publication date, from which the\n"
    "                   survey's retention period counts\n"
    "  list             each survey's retention rule, report date and deletion date\n";

int keys_list(storage::Store& store) {
    auto keys = store.keys().list();
    if (!keys) return report("keys", keys.error());
    std::cout << "key-encryption key " << store.keys().kek_id() << "\n";
    for (const auto& k : *keys) {
        std::cout << k.id << "  " << k.survey_id << "  " << k.cohort << "  created " << k.created_on
                  << (k.destroyed_on.empty() ? "  live" : "  destroyed " + k.destroyed_on) << "\n";
    }
    return 0;
}

}  // namespace

int run_keys(std::span<const std::string> raw) {
    int code = 0;
    auto in = start("keys", raw, {}, kKeysHelp, code);
    if (!in) return code;
    const auto& words = in->args.positional();
    if (words.size() != 1 || (words[0] != "rotate" && words[0] != "list")) {
        std::cerr << kKeysHelp;
        return kUsage;
    }
    if (words[0] == "list") {
        auto store = open_store(in->config, false);
        if (!store) return report("keys", store.error());
        return keys_list(**store);
    }
    auto lock = storage::DataDirLock::acquire(in->config.data_dir);
    if (!lock) return report("keys", lock.error());
    const storage::SystemClock clock;
    auto rotation = storage::KeyStore::rotate(
        in->config.data_dir / "keys.db",
        storage::resolve_key_file(in->config.key_file, in->config.data_dir), clock);
    if (!rotation) return report("keys", rotation.error());
    if (rotation->completed_earlier_run) {
        std::cout << "finished an interrupted rotation: the key file now holds key "
                  << rotation->new_kek_id << "\n";
    } else {
        std::cout << "re-wrapped " << rotation->rewrapped << " data keys: key "
                  << rotation->old_kek_id << " replaced by " << rotation->new_kek_id << "\n";
    }
    return 0;
}

int run_purge(std::span<const std::string> raw) {
    int code = 0;
    auto in = start("purge", raw, {.options = {}, .switches = {"dry-run"}}, kPurgeHelp, code);
    if (!in) return code;
    if (!in->args.positional().empty()) {
        std::cerr << kPurgeHelp;
        return kUsage;
    }
    const bool dry_run = in->args.has("dry-run");
    auto store = open_store(in->config, !dry_run);
    if (!store) return report("purge", store.error());
    auto result = (*store)->purge({in->config.referred_retention_extra_years}, dry_run);
    if (!result) return report("purge", result.error());
    for (const auto& line : storage::describe_purge(*result)) std::cout << line << "\n";
    return 0;
}

int run_backup(std::span<const std::string> raw) {
    int code = 0;
    auto in = start("backup", raw, {}, kBackupHelp, code);
    if (!in) return code;
    if (in->args.positional().size() != 1) {
        std::cerr << kBackupHelp;
        return kUsage;
    }
    const std::filesystem::path target = in->args.positional()[0];
    auto store = open_store(in->config, false);
    if (!store) return report("backup", store.error());
    if (auto s = (*store)->backup_to(target); !s) return report("backup", s.error());
    std::cout << "wrote " << target.string() << " (" << std::filesystem::file_size(target)
              << " bytes). It holds no keys: restoring it needs this data folder's keys.db "
                 "and key file.\n";
    return 0;
}

namespace {

int survey_set_report_date(storage::Store& store, const std::vector<std::string>& words) {
    auto date = storage::parse_date(words[2]);
    if (!date) {
        std::cerr << "safesurvey survey: '" << words[2] << "' is not a date like 2026-03-31\n";
        return kUsage;
    }
    if (auto s = store.set_report_date(words[1], *date); !s) return report("survey", s.error());
    std::cout << "survey " << words[1] << ": national report published " << words[2] << "\n";
    return 0;
}

int survey_list(storage::Store& store, bool json) {
    auto surveys = store.surveys();
    if (!surveys) return report("survey", surveys.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *surveys) {
        const std::string report_date = s.report_date ? storage::format_date(*s.report_date) : "";
        const std::string ends = s.report_date ? storage::format_date(storage::add_years(
                                                     *s.report_date, s.rule.years_after_report))
                                               : "";
        out.push_back({{"id", s.id},
                       {"retention_years", s.rule.years_after_report},
                       {"report_date", report_date},
                       {"retention_ends", ends}});
        if (!json)
            std::cout << s.id << "  " << s.rule.years_after_report << " years after the report"
                      << (report_date.empty() ? "  (report date not set)"
                                              : "  report " + report_date + "  deleted " + ends)
                      << "\n";
    }
    if (json) std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace

int run_survey(std::span<const std::string> raw) {
    int code = 0;
    auto in = start("survey", raw, {.options = {}, .switches = {"json"}}, kSurveyHelp, code);
    if (!in) return code;
    const auto& words = in->args.positional();
    const bool set = words.size() == 3 && words[0] == "set-report-date";
    const bool list = words.size() == 1 && words[0] == "list";
    if (!set && !list) {
        std::cerr << kSurveyHelp;
        return kUsage;
    }
    auto store = open_store(in->config, false);
    if (!store) return report("survey", store.error());
    return set ? survey_set_report_date(**store, words)
               : survey_list(**store, in->args.has("json"));
}

}  // namespace safesurvey::cli
