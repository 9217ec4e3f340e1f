#include "server/http/static_files.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "server/http/error_page.hpp"
#include "server/http/security_headers.hpp"

namespace safesurvey::http {
namespace {

// A strong validator: 128 bits of BLAKE2b over the bytes, so it changes
// exactly when the content does.
std::string content_etag(std::string_view content) {
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                       nullptr, 0);
    std::array<char, 2 * 16 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return "\"" + std::string(hex.data()) + "\"";
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// If-None-Match uses the weak comparison (RFC 9110 section 13.1.2).
bool none_match_hits(std::string_view header, std::string_view etag) {
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view tag = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        if (tag == "*") return true;
        if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
        if (tag == etag) return true;
    }
    return false;
}

bool is_hidden(const std::filesystem::path& relative) {
    for (const auto& part : relative) {
        if (!part.empty() && part.string().front() == '.') return true;
    }
    return false;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return content.str();
}

}  // namespace

std::string content_type_for(std::string_view file_name) {
    static const std::map<std::string, std::string, std::less<>> types{
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".map", "application/json"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".txt", "text/plain; charset=utf-8"},
        {".html", "text/html; charset=utf-8"},
    };
    const auto dot = file_name.rfind('.');
    if (dot != std::string_view::npos) {
        std::string extension(file_name.substr(dot));
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (auto it = types.find(extension); it != types.end()) return it->second;
    }
    return "application/octet-stream";
}

std::optional<StaticAssets> StaticAssets::load(const std::filesystem::path& dir,
                                               std::string& error) {
    if (sodium_init() < 0) {
        error = "libsodium could not be initialised";
        return std::nullopt;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        error = "setting 'assets_dir': " + dir.string() +
                " is not a folder (build the web_assets target)";
        return std::nullopt;
    }
    StaticAssets assets;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto relative = it->path().lexically_relative(dir);
        if (is_hidden(relative)) continue;
        auto content = read_file(it->path());
        if (!content) {
            error = "setting 'assets_dir': cannot read " + it->path().string();
            return std::nullopt;
        }
        StaticAsset asset;
        asset.content_type = content_type_for(relative.filename().string());
        asset.etag = content_etag(*content);
        asset.body = std::move(*content);
        assets.assets_.emplace(relative.generic_string(), std::move(asset));
    }
    if (ec) {
        error = "setting 'assets_dir': cannot list " + dir.string() + ": " + ec.message();
        return std::nullopt;
    }
    return assets;
}

const StaticAsset* StaticAssets::find(std::string_view relative) const {
    auto it = assets_.find(relative);
    return it == assets_.end() ? nullptr : &it->second;
}

Response StaticAssets::serve(const Request& request, std::string_view relative) const {
    const StaticAsset* asset = find(relative);
    if (!asset) return error_page(404);
    Response response;
    response.cacheable = true;
    response.headers.emplace_back("ETag", asset->etag);
    response.headers.emplace_back("Cache-Control", std::string(kStaticCacheControl));
    if (auto tags = request.header("if-none-match"); tags && none_match_hits(*tags, asset->etag)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    response.status = 200;
    response.content_type = asset->content_type;
    response.body = asset->body;
    return response;
}

void add_static_routes(Router& router, const std::filesystem::path& assets_dir) {
    std::string error;
    auto loaded = StaticAssets::load(assets_dir, error);
    if (!loaded) throw std::runtime_error(error);
    auto assets = std::make_shared<const StaticAssets>(std::move(*loaded));
    router.add("GET", "/assets/{file*}", [assets](const Request& request) {
        return assets->serve(request, request.param("file"));
    });
    if (assets->find("images/favicon.ico")) {
        router.add("GET", "/favicon.ico", [assets](const Request& request) {
            return assets->serve(request, "images/favicon.ico");
        });
    }
}

}  // namespace safesurvey::http
