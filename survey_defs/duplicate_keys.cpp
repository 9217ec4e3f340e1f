#include "survey_defs/duplicate_keys.hpp"

#include "survey_defs/definition_reader.hpp"

namespace safesurvey::defs {

std::string DuplicateKeyFinder::child_step() const {
    if (open_.empty()) return "";
    const Container& parent = open_.back();
    return parent.is_array ? std::to_string(parent.next_index) : parent.key;
}

// Built only when a duplicate is found.
std::string DuplicateKeyFinder::path_of_open() const {
    std::string path;
    for (std::size_t i = 1; i < open_.size(); ++i) path += member_path("", open_[i].step);
    return path;
}

void DuplicateKeyFinder::finish_child() {
    if (!open_.empty() && open_.back().is_array) ++open_.back().next_index;
}

bool DuplicateKeyFinder::operator()(int, nlohmann::json::parse_event_t event,
                                    nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
        case Event::object_start:
        case Event::array_start:
            open_.push_back(Container{child_step(), event == Event::array_start, 0, {}, {}});
            break;
        case Event::key: {
            if (open_.empty() || !parsed.is_string()) break;
            Container& object = open_.back();
            object.key = parsed.get<std::string>();
            if (!object.keys.insert(object.key).second && reported_++ < kMaxReported) {
                problems_.push_back(Problem{member_path(path_of_open(), object.key),
                                            "the key '" + object.key +
                                                "' appears twice in this object; JSON keeps only "
                                                "one of them, so remove or merge the other"});
            }
            break;
        }
        case Event::object_end:
        case Event::array_end:
            if (!open_.empty()) open_.pop_back();
            finish_child();
            break;
        case Event::value:
            finish_child();
            break;
    }
    return true;
}

}  // namespace safesurvey::defs
