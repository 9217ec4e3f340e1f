#include "server/pages/survey_urls.hpp"

#include <array>

#include "server/pages/form_fields.hpp"

namespace safesurvey::pages {

std::string percent_encode(std::string_view text) {
    static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                  '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                                c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0f];
        }
    }
    return out;
}

SurveyUrls::SurveyUrls(std::string_view link_token) : base_("/s/" + percent_encode(link_token)) {}

std::string SurveyUrls::start() const {
    return base_;
}

std::string SurveyUrls::begin() const {
    return base_ + "/begin";
}

std::string SurveyUrls::question_action(std::string_view page_id) const {
    return base_ + "/q/" + percent_encode(page_id);
}

std::string SurveyUrls::question(std::string_view page_id, std::string_view draft,
                                 bool return_to_check) const {
    std::string url = question_action(page_id) + "?d=" + percent_encode(draft);
    if (return_to_check) {
        url += '&';
        url += kReturnField;
        url += '=';
        url += kReturnToCheck;
    }
    return url;
}

std::string SurveyUrls::check(std::string_view draft) const {
    return base_ + "/check?d=" + percent_encode(draft);
}

std::string SurveyUrls::submit() const {
    return base_ + "/submit";
}

std::string SurveyUrls::save() const {
    return base_ + "/save";
}

std::string SurveyUrls::done(std::string_view receipt) const {
    return base_ + "/done?r=" + percent_encode(receipt);
}

std::string SurveyUrls::print() const {
    return base_ + "/print";
}

std::string resume_url() {
    return "/resume";
}

}  // namespace safesurvey::pages
