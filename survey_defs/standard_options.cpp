#include "survey_defs/standard_options.hpp"

#include <initializer_list>

namespace safesurvey::defs {
namespace {

struct StandardOption {
    const char* id;
    const char* english;
    const char* welsh;
};

// English and Welsh labels: whichever of the two is the survey's default
// language, the other is a translation.
std::vector<Option> make_options(const std::string& default_language,
                                 std::initializer_list<StandardOption> standard) {
    std::vector<Option> options;
    for (const auto& item : standard) {
        Option option;
        option.id = item.id;
        option.label = LocalisedText(default_language, {{"en", item.english}, {"cy", item.welsh}});
        options.push_back(std::move(option));
    }
    return options;
}

}  // namespace

std::vector<Option> yes_no_options(const std::string& default_language) {
    return make_options(default_language, {{"yes", "Yes", "Ie"}, {"no", "No", "Na"}});
}

std::vector<Option> agreement_options(const std::string& default_language) {
    return make_options(
        default_language,
        {{"strongly_agree", "Strongly agree", "Cytuno'n gryf"},
         {"agree", "Agree", "Cytuno"},
         {"neither", "Neither agree nor disagree", "Ddim yn cytuno nac yn anghytuno"},
         {"disagree", "Disagree", "Anghytuno"},
         {"strongly_disagree", "Strongly disagree", "Anghytuno'n gryf"}});
}

}  // namespace safesurvey::defs
