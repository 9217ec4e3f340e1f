// Turns a survey definition (JSON, see docs/survey-format.md and
// survey_defs/schema/survey.schema.json) into the immutable model, or into
// the list of every problem found: an author fixing a file wants them all at
// once, not one per run. Never throws for a bad definition.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "survey_defs/problem.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::defs {

struct LoadResult {
    std::shared_ptr<const Survey> survey;  // null whenever problems is not empty
    std::vector<Problem> problems;

    bool ok() const { return survey != nullptr; }
};

LoadResult load_survey_json(std::string_view json_text);
// A file that cannot be read is one problem with an empty path.
LoadResult load_survey_file(const std::filesystem::path& file);

}  // namespace safesurvey::defs
