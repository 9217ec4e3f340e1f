#include "server/journey/survey_catalogue.hpp"

#include <algorithm>

#include "survey_defs/loader.hpp"

namespace safesurvey::journey {

SurveyCatalogue::Load SurveyCatalogue::load(const std::filesystem::path& dir) {
    Load result;
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    if (error) {
        result.problems.push_back(dir.string() +
                                  ": cannot read the survey folder: " + error.message());
        return result;
    }
    std::sort(files.begin(), files.end());  // the same order on every machine
    SurveyCatalogue catalogue;
    for (const auto& file : files) {
        const defs::LoadResult loaded = defs::load_survey_file(file);
        for (const auto& problem : loaded.problems) {
            result.problems.push_back(file.string() + ": " + problem.path + ": " + problem.message);
        }
        if (!loaded.ok()) continue;
        if (catalogue.find(loaded.survey->id)) {
            result.problems.push_back(file.string() + ": another file already defines survey '" +
                                      loaded.survey->id + "'");
            continue;
        }
        catalogue.add(loaded.survey);
    }
    if (files.empty()) result.problems.push_back(dir.string() + ": holds no survey (*.json)");
    if (result.problems.empty()) result.catalogue = std::move(catalogue);
    return result;
}

void SurveyCatalogue::add(std::shared_ptr<const defs::Survey> survey) {
    const std::string id = survey->id;
    surveys_[id] = std::move(survey);
}

std::shared_ptr<const defs::Survey> SurveyCatalogue::find(std::string_view survey_id) const {
    const auto found = surveys_.find(survey_id);
    return found == surveys_.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<const defs::Survey>> SurveyCatalogue::all() const {
    std::vector<std::shared_ptr<const defs::Survey>> out;
    for (const auto& [id, survey] : surveys_) out.push_back(survey);
    return out;
}

}  // namespace safesurvey::journey
