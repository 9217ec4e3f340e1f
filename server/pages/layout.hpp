// The GOV.UK page template (govuk-frontend 6 `template.njk`) around every
// page: html/body classes, the js-enabled script as a file (the CSP allows no
// inline script), skip link, header with the service name, phase banner, an
// optional back link before <main>, the footer, and init.js as a module.
//
// No request leaves for another site: every asset is under /assets/.
#pragma once

#include <string>
#include <string_view>

#include "server/pages/html.hpp"

namespace safesurvey::pages {

// The service name in the header when the page is not about one survey
// (unknown link, too many requests, resume code entry).
inline constexpr std::string_view kServiceName = "Ofsted and CQC surveys";

struct LayoutView {
    std::string_view heading;       // the page's h1 text; starts the <title>
    std::string_view service_name;  // the survey's title, or kServiceName
    bool has_errors = false;        // <title> starts "Error: "
    std::string_view language = "en";
    // The back link; wrapped in <nav aria-label="Back"> above <main> so that
    // it sits in a landmark.
    Html before_content{};
    Html main{};  // everything inside <main>
};

// "<heading> – <service name> – GOV.UK", with "Error: " first when invalid.
std::string page_title(std::string_view heading, std::string_view service_name, bool has_errors);

// The whole document, ready to send.
std::string render_layout(const LayoutView& view);

}  // namespace safesurvey::pages
