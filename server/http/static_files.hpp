// Static assets (govuk-frontend's CSS, JS, fonts and images, and our own small
// files), read into memory once at start. Each is served with a strong ETag
// (a hash of its content) and a year-long immutable cache lifetime; a matching
// If-None-Match gets 304. Only files found at start can be served, so no
// request path can reach outside the folder.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "server/http/router.hpp"

namespace safesurvey::http {

struct StaticAsset {
    std::string body;
    std::string content_type;
    std::string etag;  // quoted, e.g. "\"3f2a...\""
};

class StaticAssets {
  public:
    // Reads every regular, non-hidden file under `dir`. On failure returns
    // nullopt and sets `error` to a message naming the folder.
    static std::optional<StaticAssets> load(const std::filesystem::path& dir, std::string& error);

    // `relative` is "fonts/bold.woff2"; nullptr when there is no such asset.
    const StaticAsset* find(std::string_view relative) const;
    std::size_t size() const { return assets_.size(); }

    // 200 with the asset, 304 when If-None-Match names its ETag, 404 otherwise.
    Response serve(const Request& request, std::string_view relative) const;

  private:
    std::map<std::string, StaticAsset, std::less<>> assets_;
};

// The Content-Type for a file name, by extension (".js" -> text/javascript).
std::string content_type_for(std::string_view file_name);

// Serves GET /assets/{file*} (and /favicon.ico when the assets hold one) from
// the files under `assets_dir`. Throws std::runtime_error naming the setting
// when the folder cannot be read: without its assets the service cannot work.
void add_static_routes(Router& router, const std::filesystem::path& assets_dir);

}  // namespace safesurvey::http
