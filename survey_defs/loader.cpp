#include "survey_defs/loader.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

#include "survey_defs/content_parser.hpp"
#include "survey_defs/definition_reader.hpp"
#include "survey_defs/duplicate_keys.hpp"
#include "survey_defs/limits.hpp"
#include "survey_defs/page_parser.hpp"
#include "survey_defs/reachability.hpp"
#include "survey_defs/reference_checks.hpp"

namespace safesurvey::defs {
namespace {

// Languages the service has its own words for (buttons, errors, the standard
// yes/no and agreement options). Adding one means translating those too.
constexpr std::array<std::string_view, 2> kSupportedLanguages{"en", "cy"};

void parse_languages(DefinitionReader& reader, const Json& root, Survey& survey) {
    survey.languages = {"en"};
    const Json* items = reader.array(root, "", "languages", 1, kSupportedLanguages.size());
    if (items == nullptr) return;
    std::vector<std::string> languages;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string at = item_path("/languages", i);
        const Json& item = (*items)[i];
        const bool supported =
            item.is_string() && std::find(kSupportedLanguages.begin(), kSupportedLanguages.end(),
                                          item.get<std::string>()) != kSupportedLanguages.end();
        if (!supported) {
            reader.problem(at, "must be \"en\" (English) or \"cy\" (Welsh)");
        } else if (std::find(languages.begin(), languages.end(), item.get<std::string>()) !=
                   languages.end()) {
            reader.problem(at, "'" + item.get<std::string>() + "' is listed twice");
        } else {
            languages.push_back(item.get<std::string>());
        }
    }
    if (!languages.empty()) survey.languages = std::move(languages);
    reader.set_languages(survey.languages);
}

EstimatedMinutes parse_minutes(DefinitionReader& reader, const Json& root) {
    EstimatedMinutes minutes;
    const auto found = root.find("estimated_minutes");
    if (found == root.end()) return minutes;
    if (found->is_object()) {
        reader.object(*found, "/estimated_minutes", {"min", "max"}, {"min", "max"});
        minutes.min = static_cast<int>(
            reader.integer(*found, "/estimated_minutes", "min", 1, 120).value_or(0));
        minutes.max = static_cast<int>(
            reader.integer(*found, "/estimated_minutes", "max", 1, 120).value_or(0));
        if (minutes.min > minutes.max) {
            reader.problem("/estimated_minutes/min", "min is greater than max");
        }
    } else {
        minutes.min =
            static_cast<int>(reader.integer(root, "", "estimated_minutes", 1, 120).value_or(0));
        minutes.max = minutes.min;
    }
    return minutes;
}

RetentionRule parse_retention(DefinitionReader& reader, const Json& value) {
    RetentionRule rule;
    if (!reader.object(value, "/retention", {"starts", "years"}, {"starts", "years"})) return rule;
    const std::string starts = reader.string(value, "/retention", "starts", 100);
    if (starts == to_string(RetentionRule::Start::national_report_published)) {
        rule.starts = RetentionRule::Start::national_report_published;
    } else if (starts == to_string(RetentionRule::Start::response_submitted)) {
        rule.starts = RetentionRule::Start::response_submitted;
    } else if (value.contains("starts") && value["starts"].is_string()) {
        reader.problem("/retention/starts", "unknown start '" + starts +
                                                "'; use \"national_report_published\" or "
                                                "\"response_submitted\"");
    }
    rule.years = static_cast<int>(reader.integer(value, "/retention", "years", 1, 10).value_or(3));
    return rule;
}

void parse_survey(DefinitionReader& reader, const Json& root, Survey& survey) {
    if (!reader.object(
            root, "",
            {"$schema", "id", "version", "title", "languages", "estimated_minutes", "start_page",
             "safeguarding", "pages", "confirmation", "retention", "perspective_question"},
            {"id", "version", "title", "estimated_minutes", "start_page", "safeguarding", "pages",
             "confirmation", "retention"})) {
        return;
    }
    parse_languages(reader, root, survey);
    survey.id = reader.id(root, "", "id");
    survey.version =
        static_cast<int>(reader.integer(root, "", "version", 1, 1'000'000).value_or(1));
    survey.title = reader.text(root, "", "title", limits::kTitleCharacters);
    survey.estimated_minutes = parse_minutes(reader, root);
    if (root.contains("start_page")) {
        survey.start_page = parse_start_page(reader, root["start_page"], "/start_page");
    }
    if (root.contains("safeguarding")) {
        survey.safeguarding = parse_safeguarding(reader, root["safeguarding"], "/safeguarding");
    }
    survey.pages = parse_pages(reader, root, "");
    if (root.contains("confirmation")) {
        survey.confirmation = parse_confirmation(reader, root["confirmation"], "/confirmation");
    }
    if (root.contains("retention")) survey.retention = parse_retention(reader, root["retention"]);
    survey.perspective_question = reader.id(root, "", "perspective_question");
}

std::optional<Json> parse_json(std::string_view text, std::vector<Problem>& problems) {
    if (text.size() > limits::kDefinitionBytes) {
        problems.push_back({"", "the definition is " + std::to_string(text.size()) +
                                    " bytes; the limit is " +
                                    std::to_string(limits::kDefinitionBytes)});
        return std::nullopt;
    }
    try {
        DuplicateKeyFinder duplicates(problems);
        Json parsed = Json::parse(text, std::ref(duplicates));
        if (!problems.empty()) return std::nullopt;
        return parsed;
    } catch (const Json::parse_error& error) {
        // nlohmann's message names the line and column, which is what an author
        // needs; its "[json.exception.parse_error.101] " prefix is not.
        std::string message = error.what();
        const auto prefix_end = message.find("] ");
        if (prefix_end != std::string::npos) message.erase(0, prefix_end + 2);
        problems.push_back({"", "not valid JSON: " + message});
    }
    return std::nullopt;
}

}  // namespace

LoadResult load_survey_json(std::string_view json_text) {
    LoadResult result;
    const auto root = parse_json(json_text, result.problems);
    if (!root) return result;
    auto survey = std::make_shared<Survey>();
    DefinitionReader reader(result.problems);
    parse_survey(reader, *root, *survey);
    // Cross-references are only worth checking on pages that parsed, and
    // reachability only on references that resolved: otherwise one typo
    // would be reported three times.
    if (!result.problems.empty()) return result;
    check_ids_and_references(*survey, result.problems);
    if (!result.problems.empty()) return result;
    check_reachability(*survey, result.problems);
    if (result.problems.empty()) result.survey = std::move(survey);
    return result;
}

LoadResult load_survey_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return LoadResult{nullptr, {Problem{"", "cannot open " + file.string()}}};
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return LoadResult{nullptr, {Problem{"", "cannot read " + file.string()}}};
    }
    return load_survey_json(text.str());
}

}  // namespace safesurvey::defs
