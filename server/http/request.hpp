// An HTTP request as handlers see it: plain data, no sockets, so every handler
// can be tested by building a Request by hand.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::http {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as received, e.g. "/s/abc?x=1"
    std::string path;    // percent-decoded path without the query
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::map<std::string, std::string> params;  // from the route pattern, e.g. {token}
    // A keyed, daily-rotated hash of the client's address (or of the trusted
    // proxy's X-Forwarded-For). The address itself never reaches handlers.
    std::string client_key;
    // Random per request; in the log line, the X-Request-Id header and the 500
    // page, so a report of a problem can be matched to the log.
    std::string request_id;

    std::optional<std::string> header(std::string_view name) const;  // name lower-case
    std::optional<std::string> cookie(std::string_view name) const;
    std::optional<std::string> query_value(std::string_view name) const;
    std::string param(std::string_view name) const;
};

}  // namespace safesurvey::http
