#include "survey_defs/link_href.hpp"

#include <algorithm>

namespace safesurvey::defs {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Characters that would let an href escape its attribute or confuse a URL
// parser: whitespace, controls, quotes, angle brackets and backslashes.
bool has_unsafe_character(std::string_view href) {
    return std::any_of(href.begin(), href.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
               c == '\\' || c == '`';
    });
}

std::optional<std::string> https_problem(std::string_view rest) {
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.find('.') == std::string_view::npos || host.find('@') != host.npos) {
        return "an https: link needs a host name such as https://www.gov.uk/...";
    }
    return std::nullopt;
}

std::optional<std::string> tel_problem(std::string_view number) {
    const bool digits_only =
        !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '+' || c == '-';
        });
    if (!digits_only) return "a tel: link holds only digits, '+' and '-', e.g. tel:08001111";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> href_problem(std::string_view href) {
    if (href.empty()) return "a link needs an href";
    if (href.size() > 2000) return "the href is longer than 2000 characters";
    if (has_unsafe_character(href)) {
        return "the href contains a space, quote, angle bracket, backslash or control character";
    }
    if (starts_with(href, "https://")) return https_problem(href.substr(8));
    if (starts_with(href, "mailto:")) {
        if (href.find('@') == std::string_view::npos) return "a mailto: link needs an address";
        return std::nullopt;
    }
    if (starts_with(href, "tel:")) return tel_problem(href.substr(4));
    if (starts_with(href, "/") && !starts_with(href, "//")) return std::nullopt;
    return "links may only be https:, mailto:, tel: or a path on this site starting with '/'";
}

}  // namespace safesurvey::defs
