#include "server/http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include "server/http/error_page.hpp"

namespace safesurvey::http {
namespace {

// "/a/b" -> {"a", "b"}; "/" -> {""}. The path always starts with '/'.
std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool is_capture(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool is_tail_capture(std::string_view segment) {
    return is_capture(segment) && segment[segment.size() - 2] == '*';
}

std::string capture_name(std::string_view segment) {
    segment = segment.substr(1, segment.size() - 2);
    if (!segment.empty() && segment.back() == '*') segment.remove_suffix(1);
    return std::string(segment);
}

using Params = std::vector<std::pair<std::string, std::string>>;

// Matches `path` against a pattern's segments; fills `params` on success.
bool match_segments(const std::vector<std::string>& pattern, std::string_view path,
                    Params& params) {
    const auto segments = split_path(path);
    params.clear();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (is_tail_capture(pattern[i])) {
            if (i >= segments.size()) return false;
            // The rest of the path, slashes included; empty segments are refused
            // so "a//b" or a trailing slash never names a file.
            std::string rest;
            for (std::size_t k = i; k < segments.size(); ++k) {
                if (segments[k].empty()) return false;
                if (k > i) rest += '/';
                rest += segments[k];
            }
            params.emplace_back(capture_name(pattern[i]), std::move(rest));
            return true;
        }
        if (i >= segments.size()) return false;
        if (is_capture(pattern[i])) {
            if (segments[i].empty()) return false;
            params.emplace_back(capture_name(pattern[i]), std::string(segments[i]));
        } else if (pattern[i] != segments[i]) {
            return false;
        }
    }
    return segments.size() == pattern.size();
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    Route route;
    route.method = std::move(method);
    for (auto segment : split_path(pattern)) route.segments.emplace_back(segment);
    for (std::size_t i = 0; i + 1 < route.segments.size(); ++i) {
        if (is_tail_capture(route.segments[i]))
            throw std::invalid_argument("{name*} must be the last segment: " + pattern);
    }
    route.pattern = std::move(pattern);
    route.handler = std::move(handler);
    route.options = options;
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    Params params;
    for (const auto& route : routes_) {
        if (!match_segments(route.segments, path, params)) continue;
        if (!result.handler && result.name.empty()) result.name = route.pattern;
        const bool same_method =
            route.method == method || (method == "HEAD" && route.method == "GET");
        if (same_method && !result.handler) {
            result.handler = &route.handler;
            result.name = route.pattern;
            result.blocking = route.options.blocking;
            result.params = params;
        }
        auto& allowed = result.allowed_methods;
        if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end())
            allowed.push_back(route.method);
        if (route.method == "GET" &&
            std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end())
            allowed.push_back("HEAD");
    }
    if (!result.handler && !result.allowed_methods.empty()) result.method_not_allowed = true;
    if (result.handler) result.allowed_methods.clear();
    return result;
}

Response Router::dispatch(Request request) const {
    const RouteMatch match = this->match(request.method, request.path);
    if (match.method_not_allowed) return method_not_allowed_page(match.allowed_methods);
    if (!match.handler) return error_page(404);
    for (const auto& [name, value] : match.params) request.params[name] = value;
    return (*match.handler)(request);
}

}  // namespace safesurvey::http
