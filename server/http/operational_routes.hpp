// Routes for the people and machines that run the service:
//   GET /healthz  200 "ok" while the process serves requests (liveness)
//   GET /readyz   200 "ready" when `ready()` says so, else 503 (readiness:
//                 e.g. the database is open and the keys are loaded)
//   GET /metrics  the metrics in the Prometheus text format
#pragma once

#include <functional>

#include "server/http/router.hpp"
#include "server/observability/metrics.hpp"

namespace safesurvey::http {

// `metrics` must outlive the router. `ready` is called on each /readyz request,
// on a network thread, so it must be quick and thread-safe.
void add_operational_routes(Router& router, observability::Metrics& metrics,
                            std::function<bool()> ready);

}  // namespace safesurvey::http
