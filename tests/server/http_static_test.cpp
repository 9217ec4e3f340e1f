#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "server/http/static_files.hpp"

using namespace safesurvey::http;
namespace fs = std::filesystem;

namespace {

// A throwaway assets folder, removed afterwards.
struct AssetsFolder {
    fs::path root =
        fs::temp_directory_path() / ("safesurvey-assets-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    AssetsFolder() {
        fs::create_directories(root / "fonts");
        write("app.css", "body{}");
        write("app.js", "console.log(1)");
        write("module.mjs", "export {}");
        write("fonts/bold.woff2", std::string("wOF2\0\1", 6));
        write("images/favicon.ico", "ico");
        write("images/logo.svg", "<svg/>");
        write(".stamp", "");
        fs::create_directories(root.parent_path() / "outside");
        std::ofstream(root.parent_path() / "outside" / "secret.txt") << "secret";
    }
    ~AssetsFolder() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    void write(const std::string& name, const std::string& content) {
        fs::create_directories((root / name).parent_path());
        std::ofstream(root / name, std::ios::binary) << content;
    }
};

std::string header(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return {};
}

Response get(const Router& router, const std::string& path,
             std::optional<std::string> if_none_match = {}) {
    Request request;
    request.method = "GET";
    request.path = request.target = path;
    if (if_none_match) request.headers["if-none-match"] = *if_none_match;
    return router.dispatch(request);
}

}  // namespace

TEST_CASE("assets are served with their content type, an ETag and a year-long cache", "[static]") {
    AssetsFolder folder;
    Router router;
    add_static_routes(router, folder.root);

    const Response css = get(router, "/assets/app.css");
    CHECK(css.status == 200);
    CHECK(css.body == "body{}");
    CHECK(css.content_type == "text/css; charset=utf-8");
    CHECK(css.cacheable);
    CHECK(header(css, "Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(header(css, "ETag").size() == 34);  // a quoted 128-bit hex digest

    CHECK(get(router, "/assets/app.js").content_type == "text/javascript; charset=utf-8");
    CHECK(get(router, "/assets/module.mjs").content_type == "text/javascript; charset=utf-8");
    CHECK(get(router, "/assets/fonts/bold.woff2").content_type == "font/woff2");
    CHECK(get(router, "/assets/fonts/bold.woff2").body.size() == 6);
    CHECK(get(router, "/assets/images/logo.svg").content_type == "image/svg+xml");
    CHECK(get(router, "/favicon.ico").content_type == "image/x-icon");
    CHECK(content_type_for("x.PNG") == "image/png");
    CHECK(content_type_for("x.unknown") == "application/octet-stream");
}

TEST_CASE("a matching If-None-Match gets 304 without a body", "[static]") {
    AssetsFolder folder;
    Router router;
    add_static_routes(router, folder.root);
    const std::string etag = header(get(router, "/assets/app.css"), "ETag");
    CHECK(etag != header(get(router, "/assets/app.js"), "ETag"));  // the tag follows the content

    const Response cached = get(router, "/assets/app.css", etag);
    CHECK(cached.status == 304);
    CHECK(cached.body.empty());
    CHECK(header(cached, "ETag") == etag);
    CHECK(get(router, "/assets/app.css", "\"other\", W/" + etag).status == 304);
    CHECK(get(router, "/assets/app.css", "\"other\"").status == 200);
}

TEST_CASE("only files found at start can be served: no traversal, no hidden files", "[static]") {
    AssetsFolder folder;
    Router router;
    add_static_routes(router, folder.root);
    CHECK(get(router, "/assets/../outside/secret.txt").status == 404);
    CHECK(get(router, "/assets/fonts/../../outside/secret.txt").status == 404);
    CHECK(get(router, "/assets/.stamp").status == 404);
    CHECK(get(router, "/assets/fonts").status == 404);
    CHECK(get(router, "/assets/missing.css").status == 404);

    folder.write("late.css", "added after start");
    CHECK(get(router, "/assets/late.css").status == 404);
}

TEST_CASE("a missing assets folder stops the start with a message naming the setting", "[static]") {
    Router router;
    try {
        add_static_routes(router, "/nonexistent/safesurvey/assets");
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("assets_dir") != std::string::npos);
    }
}

TEST_CASE("the built govuk-frontend assets load", "[static]") {
    std::string error;
    auto assets = StaticAssets::load(SAFESURVEY_ASSETS_DIR, error);
    REQUIRE(assets);
    const StaticAsset* css = assets->find("govuk-frontend.min.css");
    REQUIRE(css != nullptr);
    CHECK(css->content_type == "text/css; charset=utf-8");
    CHECK(assets->find("govuk-frontend.min.js") != nullptr);
}
