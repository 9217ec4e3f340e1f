// JSON allows an object to repeat a key and nlohmann keeps only one of the
// values, so a definition with two "options" (a copy-paste slip) would load
// with half its options gone. This watches the parse and reports each
// repeated key at its JSON path.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "survey_defs/problem.hpp"

namespace safesurvey::defs {

class DuplicateKeyFinder {
  public:
    explicit DuplicateKeyFinder(std::vector<Problem>& problems) : problems_(problems) {}

    // A nlohmann::json parser callback: observes every event, keeps every value.
    bool operator()(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed);

  private:
    // Each container keeps only its own step from its parent, not its whole
    // path: a hostile file nested 400,000 deep would otherwise need
    // gigabytes of copies of near-identical paths.
    struct Container {
        std::string step;  // member name or array index within the parent; "" for the root
        bool is_array = false;
        std::size_t next_index = 0;  // arrays: index of the next item
        std::set<std::string> keys;  // objects: keys seen so far
        std::string key;             // objects: the key being read
    };

    std::string child_step() const;
    std::string path_of_open() const;
    void finish_child();

    // Enough for any honest mistake; a generated file with thousands of
    // repeats gets the first few, and still fails to load.
    static constexpr std::size_t kMaxReported = 20;

    std::vector<Problem>& problems_;
    std::vector<Container> open_;
    std::size_t reported_ = 0;
};

}  // namespace safesurvey::defs
