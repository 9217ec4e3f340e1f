// The survey definitions the service can show, loaded once at start from the
// survey folder (every *.json file) and then shared read-only by all threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/survey.hpp"

namespace safesurvey::journey {

class SurveyCatalogue {
  public:
    // Loads every *.json in `dir`. A definition with problems stops the start:
    // a survey half-understood is worse than a service that says why it will
    // not start. Problems are "file: /json/pointer: message" lines.
    struct Load;
    static Load load(const std::filesystem::path& dir);

    // Adds a survey already loaded (tests, and surveys from other sources).
    void add(std::shared_ptr<const defs::Survey> survey);

    std::shared_ptr<const defs::Survey> find(std::string_view survey_id) const;
    std::vector<std::shared_ptr<const defs::Survey>> all() const;

  private:
    std::map<std::string, std::shared_ptr<const defs::Survey>, std::less<>> surveys_;
};

struct SurveyCatalogue::Load {
    std::optional<SurveyCatalogue> catalogue;  // set only when problems is empty
    std::vector<std::string> problems;
};

}  // namespace safesurvey::journey
