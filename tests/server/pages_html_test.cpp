// The HTML builder: untrusted text is escaped wherever it goes, and URLs
// outside the allowlist never load.
#include <catch2/catch.hpp>

#include "server/pages/html.hpp"
#include "server/pages/survey_urls.hpp"

using safesurvey::pages::Element;
using safesurvey::pages::Html;
using safesurvey::pages::is_allowed_url;

TEST_CASE("text is escaped in content and in attribute values", "[pages][html]") {
    const std::string hostile = "<script>alert(\"x\")</script>&'";
    const Html html = Element("p").attr("title", hostile).text(hostile);
    CHECK(html.str() ==
          "<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\">"
          "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>");
}

TEST_CASE("a quote in an attribute value cannot end the attribute", "[pages][html]") {
    const Html html = Element("input").attr("value", "\" autofocus onfocus=\"alert(1)");
    CHECK(html.str() == "<input value=\"&quot; autofocus onfocus=&quot;alert(1)\">");
}

TEST_CASE("void elements have no closing tag and others always close", "[pages][html]") {
    CHECK(Element("input").attr("type", "text").build().str() == "<input type=\"text\">");
    CHECK(Element("div").build().str() == "<div></div>");
    CHECK(Element("ul").child(Element("li").text("a")).build().str() == "<ul><li>a</li></ul>");
}

TEST_CASE("an empty class list is left out", "[pages][html]") {
    CHECK(Element("p").attr("class", "").text("x").build().str() == "<p>x</p>");
}

TEST_CASE("only https, mailto, tel, site-relative and fragment URLs are allowed", "[pages][html]") {
    CHECK(is_allowed_url("https://www.gov.uk/"));
    CHECK(is_allowed_url("HTTPS://www.gov.uk/"));
    CHECK(is_allowed_url("mailto:someone@example.org"));
    CHECK(is_allowed_url("tel:08001111"));
    CHECK(is_allowed_url("/s/abc/begin"));
    CHECK(is_allowed_url("#main-content"));
    CHECK(is_allowed_url("?d=1"));

    CHECK_FALSE(is_allowed_url(""));
    CHECK_FALSE(is_allowed_url("javascript:alert(1)"));
    CHECK_FALSE(is_allowed_url("JavaScript:alert(1)"));
    CHECK_FALSE(is_allowed_url("java\tscript:alert(1)"));
    CHECK_FALSE(is_allowed_url(" javascript:alert(1)"));
    CHECK_FALSE(is_allowed_url("data:text/html,<script>alert(1)</script>"));
    CHECK_FALSE(is_allowed_url("http://example.org/"));
    CHECK_FALSE(is_allowed_url("//evil.example/"));
    CHECK_FALSE(is_allowed_url("/\\evil.example/"));
    CHECK_FALSE(is_allowed_url("vbscript:msgbox"));
}

TEST_CASE("a refused URL becomes a harmless fragment", "[pages][html]") {
    CHECK(Element("a").url("href", "javascript:alert(1)").text("x").build().str() ==
          "<a href=\"#\">x</a>");
    CHECK(Element("a").url("href", "/s/a?d=1&return=check").build().str() ==
          "<a href=\"/s/a?d=1&amp;return=check\"></a>");
}

TEST_CASE("survey URLs percent-encode tokens, page ids and drafts", "[pages][html]") {
    const safesurvey::pages::SurveyUrls urls("tok/../en?x=1");
    CHECK(urls.start() == "/s/tok%2F..%2Fen%3Fx%3D1");
    const safesurvey::pages::SurveyUrls plain("AbC_-9");
    CHECK(plain.begin() == "/s/AbC_-9/begin");
    CHECK(plain.question("who", "a+b/c=", true) == "/s/AbC_-9/q/who?d=a%2Bb%2Fc%3D&return=check");
    CHECK(plain.check("d.1") == "/s/AbC_-9/check?d=d.1");
    CHECK(plain.submit() == "/s/AbC_-9/submit");
    CHECK(plain.save() == "/s/AbC_-9/save");
    CHECK(plain.done("R 1") == "/s/AbC_-9/done?r=R%201");
    CHECK(plain.print() == "/s/AbC_-9/print");
}
