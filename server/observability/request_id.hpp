// Request ids: a random 16-hex-digit token per request, written in the log line
// and the X-Request-Id header and shown on the 500 page, so that a person
// reporting a problem can quote it. It says nothing about the person.
#pragma once

#include <string>

namespace safesurvey::observability {

std::string new_request_id();

}  // namespace safesurvey::observability
