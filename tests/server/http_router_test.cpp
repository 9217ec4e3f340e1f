#include <catch2/catch.hpp>

#include "server/http/error_page.hpp"
#include "server/http/form.hpp"
#include "server/http/router.hpp"

using namespace safesurvey::http;

namespace {

Handler says(std::string text) {
    return [text](const Request& request) {
        std::string body = text;
        for (const auto& [name, value] : request.params) body += " " + name + "=" + value;
        return Response::text(200, body);
    };
}

Request request_for(std::string method, std::string path) {
    Request request;
    request.method = std::move(method);
    request.path = path;
    request.target = std::move(path);
    return request;
}

}  // namespace

TEST_CASE("the router matches literal paths and named captures", "[router]") {
    Router router;
    router.add("GET", "/", says("start"));
    router.add("GET", "/s/{token}/page/{page}", says("page"));
    router.add("POST", "/s/{token}/page/{page}", says("answer"));

    CHECK(router.dispatch(request_for("GET", "/")).body == "start");
    CHECK(router.dispatch(request_for("GET", "/s/abc/page/2")).body == "page page=2 token=abc");
    CHECK(router.dispatch(request_for("POST", "/s/abc/page/2")).body == "answer page=2 token=abc");

    const RouteMatch match = router.match("GET", "/s/abc/page/2");
    REQUIRE(match.handler != nullptr);
    CHECK(match.name == "/s/{token}/page/{page}");  // the metrics label, never the raw path
}

TEST_CASE("the router refuses near misses with 404", "[router]") {
    Router router;
    router.add("GET", "/s/{token}", says("survey"));
    CHECK(router.dispatch(request_for("GET", "/s/")).status == 404);      // empty capture
    CHECK(router.dispatch(request_for("GET", "/s/a/b")).status == 404);   // extra segment
    CHECK(router.dispatch(request_for("GET", "/s")).status == 404);       // missing segment
    CHECK(router.dispatch(request_for("GET", "/S/abc")).status == 404);   // case matters
    CHECK(router.dispatch(request_for("GET", "/s/abc/")).status == 404);  // trailing slash
    CHECK(router.dispatch(request_for("GET", "/s/abc")).status == 200);
}

TEST_CASE("a wrong method gets 405 listing the allowed ones", "[router]") {
    Router router;
    router.add("GET", "/form", says("show"));
    router.add("POST", "/form", says("save"));
    router.add("GET", "/only-get", says("x"));

    const Response response = router.dispatch(request_for("DELETE", "/form"));
    CHECK(response.status == 405);
    std::string allow;
    for (const auto& [name, value] : response.headers)
        if (name == "Allow") allow = value;
    CHECK(allow == "GET, HEAD, POST");

    CHECK(router.match("POST", "/only-get").method_not_allowed);
    CHECK_FALSE(router.match("POST", "/missing").method_not_allowed);
}

TEST_CASE("HEAD is answered by the GET route", "[router]") {
    Router router;
    router.add("GET", "/healthz", says("ok"));
    CHECK(router.dispatch(request_for("HEAD", "/healthz")).status == 200);
    CHECK(router.dispatch(request_for("HEAD", "/healthz")).body == "ok");
}

TEST_CASE("a tail capture takes the rest of the path but no empty segment", "[router]") {
    Router router;
    router.add("GET", "/assets/{file*}", says("asset"));
    CHECK(router.dispatch(request_for("GET", "/assets/fonts/bold.woff2")).body ==
          "asset file=fonts/bold.woff2");
    CHECK(router.dispatch(request_for("GET", "/assets/a.css")).body == "asset file=a.css");
    CHECK(router.dispatch(request_for("GET", "/assets/")).status == 404);
    CHECK(router.dispatch(request_for("GET", "/assets//etc/passwd")).status == 404);
    CHECK(router.match("GET", "/assets/x/y").name == "/assets/{file*}");
    CHECK_THROWS(router.add("GET", "/a/{rest*}/b", says("bad")));
}

TEST_CASE("routes are tried in the order they were added", "[router]") {
    Router router;
    router.add("GET", "/s/start", says("literal"));
    router.add("GET", "/s/{token}", says("capture"));
    CHECK(router.dispatch(request_for("GET", "/s/start")).body == "literal");
    CHECK(router.dispatch(request_for("GET", "/s/other")).body == "capture token=other");
}

TEST_CASE("form bodies are decoded, repeated names kept", "[form]") {
    auto fields = parse_form("name=Jo+Bloggs&choice=a&choice=b&note=caf%C3%A9%20ok&empty=&flag");
    REQUIRE(fields);
    CHECK(fields->find("name")->second == "Jo Bloggs");
    CHECK(fields->count("choice") == 2);
    CHECK(fields->find("note")->second == "caf\xC3\xA9 ok");
    CHECK(fields->find("empty")->second.empty());
    CHECK(fields->find("flag")->second.empty());
    CHECK(parse_form("")->empty());
}

TEST_CASE("malformed encodings and invalid UTF-8 are refused", "[form]") {
    CHECK_FALSE(parse_form("a=%2"));
    CHECK_FALSE(parse_form("a=%zz"));
    CHECK_FALSE(parse_form("a=%C3"));           // truncated sequence
    CHECK_FALSE(parse_form("a=%C0%AF"));        // overlong '/'
    CHECK_FALSE(parse_form("a=%ED%A0%80"));     // UTF-16 surrogate
    CHECK_FALSE(parse_form("a=%F4%90%80%80"));  // above U+10FFFF
    CHECK(parse_form("a=%F0%9F%98%80"));        // an emoji is fine
    CHECK(percent_decode("a+b", false) == "a+b");
    CHECK(percent_decode("a+b", true) == "a b");
}

TEST_CASE("requests give headers, cookies and query values by name", "[request]") {
    Request request;
    request.headers["cookie"] = "theme=dark; session=\"abc123\"; other=1";
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.query.emplace("page", "2");
    request.params["token"] = "xyz";
    CHECK(request.cookie("session") == "abc123");
    CHECK(request.cookie("theme") == "dark");
    CHECK_FALSE(request.cookie("missing"));
    CHECK(request.header("Content-Type") == "application/x-www-form-urlencoded");
    CHECK(request.query_value("page") == "2");
    CHECK_FALSE(request.query_value("nope"));
    CHECK(request.param("token") == "xyz");
    CHECK(request.param("nope").empty());
}

TEST_CASE("error pages are complete GOV.UK pages that quote only the reference", "[errors]") {
    for (int status : {400, 404, 405, 413, 415, 429, 431, 500, 503}) {
        const Response page = error_page(status, "0123abcd");
        CHECK(page.status == status);
        CHECK(page.content_type == "text/html; charset=utf-8");
        CHECK(page.body.find("<!DOCTYPE html>") == 0);
        CHECK(page.body.find("/assets/govuk-frontend.min.css") != std::string::npos);
        CHECK(page.body.find("govuk-heading-l") != std::string::npos);
        CHECK(page.body.find("0123abcd") != std::string::npos);
        CHECK(page.body.find("<script") == std::string::npos);
        CHECK(page.body.find("style=") == std::string::npos);
        CHECK_FALSE(page.cacheable);
    }
    CHECK(error_page(404).body.find("Page not found") != std::string::npos);
    CHECK(error_page(500, "<b>").body.find("&lt;b&gt;") != std::string::npos);
}
