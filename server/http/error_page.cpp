#include "server/http/error_page.hpp"

#include "server/pages/html.hpp"

namespace safesurvey::http {
namespace {

struct ErrorText {
    std::string_view heading;
    std::string_view advice;
};

ErrorText error_text(int status) {
    switch (status) {
        case 400:
            return {"There is a problem with your request",
                    "Go back to the previous page and try again."};
        case 404:
            return {"Page not found",
                    "If you typed the web address, check it is correct. If you pasted the web "
                    "address, check you copied the entire address."};
        case 405:
            return {"There is a problem with your request",
                    "This page cannot be used in that way. Go back to the previous page and try "
                    "again."};
        case 413:
            return {"What you sent is too large",
                    "Go back to the previous page, shorten your answers and try again."};
        case 415:
            return {"There is a problem with your request",
                    "Your browser sent the page in a form this service does not accept. Go back "
                    "to the previous page and try again."};
        case 429:
            return {"Too many requests",
                    "You have sent too many requests in a short time. Wait a few minutes and try "
                    "again."};
        case 431:
            return {"There is a problem with your request",
                    "Your browser sent too much information. Clear this site's cookies and try "
                    "again."};
        case 503:
            return {"Sorry, the service is unavailable",
                    "You will be able to use the service later. Try again in a few minutes."};
        default:
            return {"Sorry, there is a problem with the service", "Try again later."};
    }
}

std::string render_page(const ErrorText& text, std::string_view request_id) {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n"
        "<meta charset=\"utf-8\">\n<title>";
    page += text.heading;
    page +=
        " - GOV.UK</title>\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, "
        "viewport-fit=cover\">\n"
        "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">\n</head>\n"
        "<body class=\"govuk-template__body\">\n"
        "<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n"
        "<header class=\"govuk-header\"><div class=\"govuk-header__container "
        "govuk-width-container\"><div class=\"govuk-header__logo\"><span "
        "class=\"govuk-header__logotype-text\">GOV.UK</span></div></div></header>\n"
        "<div class=\"govuk-width-container\">\n"
        "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n"
        "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">\n"
        "<h1 class=\"govuk-heading-l\">";
    page += text.heading;
    page += "</h1>\n<p class=\"govuk-body\">";
    page += text.advice;
    page += "</p>\n";
    if (!request_id.empty()) {
        page += "<p class=\"govuk-body\">If you contact us about this, quote reference <strong>";
        page += pages::escape_html(request_id);  // ids are hex, but stay safe
        page += "</strong>.</p>\n";
    }
    page +=
        "</div></div>\n</main>\n</div>\n"
        "<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"></div></footer>\n"
        "</body>\n</html>\n";
    return page;
}

}  // namespace

Response error_page(int status, std::string_view request_id) {
    return Response::html(status, render_page(error_text(status), request_id));
}

Response method_not_allowed_page(const std::vector<std::string>& allowed,
                                 std::string_view request_id) {
    Response response = error_page(405, request_id);
    std::string allow;
    for (const auto& method : allowed) {
        if (!allow.empty()) allow += ", ";
        allow += method;
    }
    response.headers.emplace_back("Allow", allow);
    return response;
}

}  // namespace safesurvey::http
