// Conversion between Beast's messages on the wire and the plain Request and
// Response that handlers see. This is where the session's rules for every
// response live: security headers, no-store on dynamic pages, HEAD bodies.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string_view>

#include "server/http/request.hpp"
#include "server/http/response.hpp"

namespace safesurvey::http {

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Fills method, target, path, query, headers and body. Returns nullopt when the
// target is not an origin-form path or its percent-encoding is malformed.
std::optional<Request> from_wire(WireRequest&& message);

struct WireOptions {
    unsigned version = 11;
    bool head = false;  // keep Content-Length, send no body
    bool keep_alive = false;
    std::string_view request_id;
};

WireResponse to_wire(Response&& response, const WireOptions& options);

// The method as a metrics/log label from a fixed set, so a client cannot
// invent new label values.
std::string_view method_label(std::string_view method);

}  // namespace safesurvey::http
