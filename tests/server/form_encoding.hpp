// A query string or form body from name/value pairs, percent-encoded as a
// browser sends it. Shared by the in-process journey tests and the HTTP
// respondent that drives the real service.
#pragma once

#include <string>

#include "server/pages/survey_urls.hpp"

namespace safesurvey::testing {

template <typename Pairs>
std::string encode_form(const Pairs& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += safesurvey::pages::percent_encode(name) + "=" +
               safesurvey::pages::percent_encode(value);
    }
    return out;
}

}  // namespace safesurvey::testing
