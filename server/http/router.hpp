// Method + path pattern -> handler. Patterns are literal segments and named
// captures: "/s/{token}/page/{page}". A last segment "{name*}" captures the
// rest of the path ("/assets/{file*}" matches "/assets/fonts/a.woff2").
// Handlers are plain functions of a Request, so they are testable without
// sockets. Routes are tried in the order they were added.
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
    std::vector<std::string> allowed_methods;  // for the 405's Allow header
};

class Router {
  public:
    void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
    // Also matches HEAD for GET routes. Returns no handler when nothing matches.
    RouteMatch match(std::string_view method, std::string_view path) const;

    // Dispatches as the server does, for tests and tools: 404 when nothing
    // matches, 405 with Allow when only the method is wrong, else the handler
    // with `request.params` filled in.
    Response dispatch(Request request) const;

  private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;  // "{name}" marks a capture, "{name*}" the rest
        std::string pattern;
        Handler handler;
        RouteOptions options;
    };
    std::vector<Route> routes_;
};

}  // namespace safesurvey::http
