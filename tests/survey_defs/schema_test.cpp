// The JSON Schema is what editors check definitions against; it must offer
// exactly the question types and condition forms the loader understands.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "survey_defs/question.hpp"

namespace {

nlohmann::json load_schema() {
    std::ifstream in(std::string(SAFESURVEY_SOURCE_DIR) + "/survey_defs/schema/survey.schema.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the schema lists the question types the loader knows") {
    const auto schema = load_schema();
    const auto& listed = schema["$defs"]["question"]["properties"]["type"]["enum"];
    std::set<std::string> in_schema(listed.begin(), listed.end());
    using safesurvey::defs::QuestionType;
    std::set<std::string> in_loader;
    for (const auto type : {QuestionType::single_choice, QuestionType::multiple_choice,
                            QuestionType::short_text, QuestionType::long_text, QuestionType::number,
                            QuestionType::date, QuestionType::scale, QuestionType::yes_no}) {
        in_loader.insert(std::string(safesurvey::defs::to_string(type)));
    }
    CHECK(in_schema == in_loader);
}

TEST_CASE("the schema's condition forms match the loader's") {
    const auto schema = load_schema();
    std::set<std::string> keys;
    for (const auto& form : schema["$defs"]["condition"]["oneOf"]) {
        for (const auto& [key, value] : form["properties"].items()) keys.insert(key);
    }
    CHECK(keys ==
          std::set<std::string>{"question", "equals", "any_of", "answered", "all", "any", "not"});
}
