#include "server/http/security_headers.hpp"

namespace safesurvey::http {

const std::vector<HeaderField>& security_headers() {
    static const std::vector<HeaderField> headers{
        {"Content-Security-Policy",
         "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
         "form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Permissions-Policy",
         "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
         "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
         "xr-spatial-tracking=()"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };
    return headers;
}

}  // namespace safesurvey::http
