#include "server/http/response.hpp"

namespace safesurvey::http {

Response Response::html(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(body);
    return r;
}

Response Response::text(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

Response Response::redirect_see_other(std::string location) {
    Response r = text(303, "See other\n");
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

Response Response::redirect_found(std::string location) {
    Response r = text(302, "Found\n");
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

}  // namespace safesurvey::http
