#include "server/http/wire_message.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "server/http/form.hpp"
#include "server/http/security_headers.hpp"

namespace safesurvey::http {
namespace beast_http = boost::beast::http;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool has_no_body(int status) {
    return status < 200 || status == 204 || status == 304;
}

}  // namespace

std::optional<Request> from_wire(WireRequest&& message) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    if (request.target.empty() || request.target.front() != '/') return std::nullopt;
    const auto question = request.target.find('?');
    auto path = percent_decode(std::string_view(request.target).substr(0, question), false);
    if (!path || path->find('\0') != std::string::npos) return std::nullopt;
    request.path = std::move(*path);
    if (question != std::string::npos) {
        auto query = parse_form(std::string_view(request.target).substr(question + 1));
        if (!query) return std::nullopt;
        request.query = std::move(*query);
    }
    for (const auto& field : message) {
        std::string name = lower(field.name_string());
        auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
        if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(field.value());
    }
    request.body = std::move(message.body());
    return request;
}

WireResponse to_wire(Response&& response, const WireOptions& options) {
    WireResponse wire{static_cast<beast_http::status>(response.status), options.version};
    for (auto& [name, value] : response.headers) wire.insert(name, value);
    if (!response.content_type.empty())
        wire.set(beast_http::field::content_type, response.content_type);
    for (const auto& [name, value] : security_headers()) wire.set(name, value);
    if (!response.cacheable) {
        wire.set(beast_http::field::cache_control, kNoStore);
    } else if (wire.find(beast_http::field::cache_control) == wire.end()) {
        wire.set(beast_http::field::cache_control, kStaticCacheControl);
    }
    if (!options.request_id.empty()) wire.set("X-Request-Id", options.request_id);
    wire.keep_alive(options.keep_alive);
    if (has_no_body(response.status)) {
        wire.erase(beast_http::field::content_length);
        wire.erase(beast_http::field::content_type);
        return wire;
    }
    wire.body() = std::move(response.body);
    wire.prepare_payload();
    if (options.head) wire.body().clear();  // Content-Length still says the GET size
    return wire;
}

std::string_view method_label(std::string_view method) {
    static constexpr std::array<std::string_view, 7> known{"GET",    "HEAD",    "POST", "PUT",
                                                           "DELETE", "OPTIONS", "PATCH"};
    for (auto name : known) {
        if (name == method) return name;
    }
    return "OTHER";
}

}  // namespace safesurvey::http
