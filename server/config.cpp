#include "server/config.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

namespace safesurvey {
namespace {

using nlohmann::json;

// Reads one optional setting of the expected JSON type; records an error naming it.
template <typename T>
bool read_setting(const json& file, const char* name, T& out, std::string& error) {
    auto it = file.find(name);
    if (it == file.end()) return true;
    try {
        out = it->get<T>();
        return true;
    } catch (const json::exception&) {
        error = std::string("setting '") + name + "' has the wrong type";
        return false;
    }
}

bool read_seconds(const json& file, const char* name, std::chrono::seconds& out, std::string& error,
                  long min, long max) {
    long value = static_cast<long>(out.count());
    if (!read_setting(file, name, value, error)) return false;
    if (value < min || value > max) {
        error = std::string("setting '") + name + "' must be between " + std::to_string(min) +
                " and " + std::to_string(max) + " seconds";
        return false;
    }
    out = std::chrono::seconds(value);
    return true;
}

bool read_path(const json& file, const char* name, std::filesystem::path& out, std::string& error) {
    std::string value;
    if (!read_setting(file, name, value, error)) return false;
    if (!value.empty()) out = value;
    return true;
}

bool apply_file(const json& file, ServiceConfig& c, std::string& error) {
    static const char* known[] = {"listen",
                                  "public_base_url",
                                  "threads",
                                  "max_connections",
                                  "header_limit_bytes",
                                  "body_limit_bytes",
                                  "read_timeout_seconds",
                                  "write_timeout_seconds",
                                  "idle_timeout_seconds",
                                  "shutdown_grace_seconds",
                                  "trusted_proxy",
                                  "data_dir",
                                  "key_file",
                                  "survey_dir",
                                  "rules_dir",
                                  "assets_dir",
                                  "retention_interval_seconds",
                                  "referred_retention_extra_years"};
    for (const auto& [key, _] : file.items()) {
        if (std::find(std::begin(known), std::end(known), key) == std::end(known)) {
            error = "unknown setting '" + key + "'";
            return false;
        }
    }
    std::string listen;
    if (!read_setting(file, "listen", listen, error)) return false;
    if (!listen.empty() && !parse_listen(listen, c.listen_address, c.listen_port)) {
        error = "setting 'listen' must look like 127.0.0.1:8080";
        return false;
    }
    std::string proxy;
    if (!read_setting(file, "trusted_proxy", proxy, error)) return false;
    if (!proxy.empty()) c.trusted_proxy = proxy;
    return read_setting(file, "public_base_url", c.public_base_url, error) &&
           read_setting(file, "threads", c.threads, error) &&
           read_setting(file, "max_connections", c.max_connections, error) &&
           read_setting(file, "header_limit_bytes", c.header_limit_bytes, error) &&
           read_setting(file, "body_limit_bytes", c.body_limit_bytes, error) &&
           read_seconds(file, "read_timeout_seconds", c.read_timeout, error, 1, 600) &&
           read_seconds(file, "write_timeout_seconds", c.write_timeout, error, 1, 600) &&
           read_seconds(file, "idle_timeout_seconds", c.idle_timeout, error, 1, 3600) &&
           read_seconds(file, "shutdown_grace_seconds", c.shutdown_grace, error, 0, 600) &&
           read_seconds(file, "retention_interval_seconds", c.retention_interval, error, 1,
                        7 * 86400) &&
           read_setting(file, "referred_retention_extra_years", c.referred_retention_extra_years,
                        error) &&
           read_path(file, "data_dir", c.data_dir, error) &&
           read_path(file, "key_file", c.key_file, error) &&
           read_path(file, "survey_dir", c.survey_dir, error) &&
           read_path(file, "rules_dir", c.rules_dir, error) &&
           read_path(file, "assets_dir", c.assets_dir, error);
}

bool is_ip_address(const std::string& text) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(text, ec);
    return !ec;
}

bool check_ranges(ServiceConfig& c, std::string& error) {
    if (!is_ip_address(c.listen_address))
        return error =
                   "setting 'listen' must be an IP address and port, such as 127.0.0.1:8080 "
                   "or [::1]:8080, not '" +
                   c.listen_address + "'",
               false;
    if (c.trusted_proxy && !is_ip_address(*c.trusted_proxy))
        return error = "setting 'trusted_proxy' must be the proxy's IP address, such as 10.0.0.5",
               false;
    if (c.threads == 0) c.threads = std::max(1u, std::thread::hardware_concurrency());
    if (c.threads > 256) return error = "setting 'threads' must be at most 256", false;
    if (c.max_connections < 1 || c.max_connections > 100000)
        return error = "setting 'max_connections' must be between 1 and 100000", false;
    if (c.header_limit_bytes < 1024 || c.header_limit_bytes > 1024 * 1024)
        return error = "setting 'header_limit_bytes' must be between 1024 and 1048576", false;
    if (c.body_limit_bytes < 1024 || c.body_limit_bytes > 8 * 1024 * 1024)
        return error = "setting 'body_limit_bytes' must be between 1024 and 8388608", false;
    if (c.referred_retention_extra_years < 0 || c.referred_retention_extra_years > 100)
        return error = "setting 'referred_retention_extra_years' must be between 0 and 100", false;
    if (c.data_dir.empty()) return error = "setting 'data_dir' must not be empty", false;
    if (c.public_base_url.empty()) {
        const bool v6 = c.listen_address.find(':') != std::string::npos;
        c.public_base_url = "http://" + (v6 ? "[" + c.listen_address + "]" : c.listen_address) +
                            ":" + std::to_string(c.listen_port);
    }
    while (!c.public_base_url.empty() && c.public_base_url.back() == '/')
        c.public_base_url.pop_back();
    if (c.public_base_url.rfind("http://", 0) != 0 && c.public_base_url.rfind("https://", 0) != 0)
        return error = "setting 'public_base_url' must start with http:// or https://", false;
    return true;
}

}  // namespace

bool parse_listen(const std::string& text, std::string& address, std::uint16_t& port) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size()) return false;
    std::string host = text.substr(0, colon);
    if (host.front() == '[') {
        if (host.back() != ']') return false;
        host = host.substr(1, host.size() - 2);
    }
    const std::string digits = text.substr(colon + 1);
    if (digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const unsigned long value = std::stoul(digits);
    if (value > 65535) return false;
    address = host;
    port = static_cast<std::uint16_t>(value);
    return true;
}

std::optional<ServiceConfig> load_config(const cli::Arguments& args, std::string& error) {
    ServiceConfig config;
    if (auto path = args.value("config")) {
        std::ifstream in(*path);
        if (!in) {
            error = "--config: cannot read " + *path;
            return std::nullopt;
        }
        json file = json::parse(in, nullptr, /*allow_exceptions=*/false);
        if (file.is_discarded() || !file.is_object()) {
            error = "--config: " + *path + " is not a JSON object";
            return std::nullopt;
        }
        if (!apply_file(file, config, error)) {
            error = "--config " + *path + ": " + error;
            return std::nullopt;
        }
    }
    if (auto dir = args.value("data-dir")) config.data_dir = *dir;
    if (auto listen = args.value("listen")) {
        if (!parse_listen(*listen, config.listen_address, config.listen_port)) {
            error = "--listen must look like 127.0.0.1:8080";
            return std::nullopt;
        }
    }
    if (!check_ranges(config, error)) return std::nullopt;
    return config;
}

}  // namespace safesurvey
