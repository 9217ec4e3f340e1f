// Text a person reads, in one or more languages.
//
// Surveys are written in English today, but Ofsted and the CQC publish in
// Welsh too, so every human-readable string in a definition may be either a
// plain string (the survey's default language) or an object of translations
// {"en": "...", "cy": "..."}. Code that renders text asks for a language and
// gets the default language's text when a translation is missing, so adding a
// language never leaves a blank on a page.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace safesurvey::defs {

class LocalisedText {
  public:
    LocalisedText() = default;
    // `default_language` must be a key of `by_language` (the loader ensures it).
    LocalisedText(std::string default_language, std::map<std::string, std::string> by_language)
        : default_language_(std::move(default_language)), by_language_(std::move(by_language)) {}

    // The text in `language`, or in the default language when there is no translation.
    const std::string& in(std::string_view language) const {
        const auto found = by_language_.find(std::string(language));
        if (found != by_language_.end()) return found->second;
        return text();
    }
    // The text in the survey's default language; "" when nothing was given.
    const std::string& text() const {
        static const std::string kEmpty;
        const auto found = by_language_.find(default_language_);
        return found == by_language_.end() ? kEmpty : found->second;
    }
    bool empty() const { return text().empty(); }
    const std::map<std::string, std::string>& translations() const { return by_language_; }

  private:
    std::string default_language_;
    std::map<std::string, std::string> by_language_;
};

}  // namespace safesurvey::defs
