#include "server/pages/layout.hpp"

#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

// Stylesheets and icons, all served by us from /assets/: a survey page must
// not tell any other site that someone is answering it.
constexpr Literal kHead =
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
    "<meta name=\"theme-color\" content=\"#1d70b8\">"
    "<meta name=\"robots\" content=\"noindex, nofollow\">"
    "<link rel=\"icon\" sizes=\"48x48\" href=\"/assets/images/favicon.ico\">"
    "<link rel=\"icon\" sizes=\"any\" href=\"/assets/images/favicon.svg\" type=\"image/svg+xml\">"
    "<link rel=\"apple-touch-icon\" href=\"/assets/images/govuk-icon-180.png\">"
    "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">"
    "<link rel=\"stylesheet\" href=\"/assets/app.css\">";

// Applied when printing any page; the paper copy (print_page.hpp) relies on it.
constexpr Literal kPrintStyles =
    "<link rel=\"stylesheet\" href=\"/assets/print.css\" media=\"print\">";

// govuk-frontend's js-enabled snippet as a file: the CSP forbids inline script.
constexpr Literal kBodyStart =
    "<script src=\"/assets/js-enabled.js\"></script>"
    "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">"
    "Skip to main content</a>";

Html service_header(std::string_view service_name) {
    const Html name =
        Element("span")
            .attr("class", "govuk-service-navigation__service-name")
            .child(
                Element("span").attr("class", "govuk-service-navigation__text").text(service_name));
    const Html container =
        Element("div")
            .attr("class", "govuk-width-container")
            .child(Element("div").attr("class", "govuk-service-navigation__container").child(name));
    const Html navigation = Element("section")
                                .attr("aria-label", "Service information")
                                .attr("class", "govuk-service-navigation")
                                .attr("data-module", "govuk-service-navigation")
                                .child(container);
    return Element("header").attr("class", "govuk-template__header").child(navigation);
}

Html footer() {
    const Html links = Element("ul")
                           .attr("class", "govuk-footer__inline-list")
                           .child(Element("li")
                                      .attr("class", "govuk-footer__inline-list-item")
                                      .child(Element("a")
                                                 .attr("class", "govuk-footer__link")
                                                 .url("href", resume_url())
                                                 .text("Continue a survey with a resume code")));
    const Html meta_item =
        Element("div")
            .attr("class", "govuk-footer__meta-item govuk-footer__meta-item--grow")
            .child(Html::literal("<h2 class=\"govuk-visually-hidden\">Support links</h2>"))
            .child(links)
            .child(Html::literal(
                "<div class=\"govuk-footer__meta-custom\">This survey is anonymous. We do not "
                "store your IP address, we do not use tracking cookies, and nothing you type is "
                "kept until you send your answers.</div>"));
    const Html container =
        Element("div")
            .attr("class", "govuk-width-container")
            .child(Element("div").attr("class", "govuk-footer__meta").child(meta_item));
    return Element("footer")
        .attr("class", "govuk-template__footer")
        .child(Element("div").attr("class", "govuk-footer").child(container));
}

}  // namespace

std::string page_title(std::string_view heading, std::string_view service_name, bool has_errors) {
    std::string title = has_errors ? "Error: " : "";
    title += heading;
    if (!service_name.empty()) {
        title += " \u2013 ";
        title += service_name;
    }
    title += " \u2013 GOV.UK";
    return title;
}

std::string render_layout(const LayoutView& view) {
    const std::string service_name =
        view.service_name.empty() ? std::string(kServiceName) : std::string(view.service_name);
    const Html head =
        Element("head")
            .child(Html::literal("<meta charset=\"utf-8\">"))
            .child(Element("title").text(page_title(view.heading, service_name, view.has_errors)))
            .child(Html::literal(kHead))
            .child(Html::literal(kPrintStyles));
    const Html main = Element("main")
                          .attr("class", "govuk-main-wrapper")
                          .attr("id", "main-content")
                          .child(view.main);
    const Html container =
        Element("div")
            .attr("class", "govuk-width-container")
            .child(
                view.before_content.empty()
                    ? Html()
                    : Element("nav").attr("aria-label", "Back").child(view.before_content).build())
            .child(main);
    const Html body =
        Element("body")
            .attr("class", "govuk-template__body")
            .child(Html::literal(kBodyStart))
            .child(service_header(service_name))
            .child(container)
            .child(footer())
            .child(Html::literal("<script type=\"module\" src=\"/assets/init.js\"></script>"));
    const Html document = Element("html")
                              .attr("lang", view.language.empty() ? "en" : view.language)
                              .attr("class", "govuk-template")
                              .child(head)
                              .child(body);
    return "<!DOCTYPE html>\n" + document.str();
}

}  // namespace safesurvey::pages
