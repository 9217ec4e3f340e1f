#include "server/http/operational_routes.hpp"

namespace safesurvey::http {

void add_operational_routes(Router& router, observability::Metrics& metrics,
                            std::function<bool()> ready) {
    router.add("GET", "/healthz", [](const Request&) { return Response::text(200, "ok\n"); });
    router.add("GET", "/readyz", [ready = std::move(ready)](const Request&) {
        if (ready && ready()) return Response::text(200, "ready\n");
        return Response::text(503, "not ready\n");
    });
    router.add("GET", "/metrics", [&metrics](const Request&) {
        Response response = Response::text(200, metrics.render());
        response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        return response;
    });
}

}  // namespace safesurvey::http
