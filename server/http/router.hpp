// Method + path pattern -> handler. Patterns are literal segments and named
// captures: "/s/{token}/page/{page}". Handlers are plain functions of a
// Request, so they are testable without sockets.
//
// A route marked `blocking` does database or crypto work: the session runs it
// on the worker pool, never on a network thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/request.hpp"
#include "server/http/response.hpp"

namespace safesurvey::http {

using Handler = std::function<Response(const Request&)>;

struct RouteOptions {
    bool blocking = false;
};

struct RouteMatch {
    const Handler* handler = nullptr;
    std::string name;  // the pattern, used as the metrics label (never the raw path)
    bool blocking = false;
    bool method_not_allowed = false;  // the path exists under another method
    std::vector<std::pair<std::string, std::string>> params;
};

class Router {
public:
    void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
    // Also matches HEAD for GET routes. Returns no handler when nothing matches.
    RouteMatch match(std::string_view method, std::string_view path) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;  // "{name}" marks a capture
        std::string pattern;
        Handler handler;
        RouteOptions options;
    };
    std::vector<Route> routes_;
};

}  // namespace safesurvey::http
