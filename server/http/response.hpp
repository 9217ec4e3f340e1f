// An HTTP response built by a handler. The session adds the security headers
// (CSP, nosniff, Referrer-Policy, Permissions-Policy) to every response and
// `Cache-Control: no-store` to every one that is not marked cacheable.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace safesurvey::http {

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Location
    // Static assets only: long cache lifetime with an ETag. Everything else is no-store.
    bool cacheable = false;

    static Response html(int status, std::string body);
    static Response text(int status, std::string body);        // text/plain; charset=utf-8
    static Response redirect_see_other(std::string location);  // 303, after a POST
    static Response redirect_found(std::string location);      // 302
};

}  // namespace safesurvey::http
