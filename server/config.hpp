// The service's configuration: defaults, then a JSON file (--config), then
// command-line overrides. Validated as a whole at start; a bad value stops the
// program with a message naming the setting.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "server/cli/arguments.hpp"

namespace safesurvey {

struct ServiceConfig {
    // Network
    std::string listen_address = "127.0.0.1";
    std::uint16_t listen_port = 8080;
    std::string public_base_url;  // printed links; derived from listen_* when empty
    unsigned threads = 0;         // 0: one per core
    std::size_t max_connections = 1024;
    std::size_t header_limit_bytes = 16 * 1024;
    std::size_t body_limit_bytes = 256 * 1024;
    std::chrono::seconds read_timeout{15};   // whole request, headers and body
    std::chrono::seconds write_timeout{15};
    std::chrono::seconds idle_timeout{30};   // keep-alive wait between requests
    std::chrono::seconds shutdown_grace{20}; // in-flight requests finish within this
    // Only when set is the proxy's X-Forwarded-For trusted for rate limiting.
    std::optional<std::string> trusted_proxy;

    // Data
    std::filesystem::path data_dir = "var";
    std::filesystem::path key_file;          // default: data_dir/kek.key
    std::filesystem::path survey_dir;        // default: the installed survey_defs/
    std::filesystem::path rules_dir;         // default: the installed triage/rules/
    std::filesystem::path assets_dir;        // default: next to the binary's build
    std::chrono::seconds retention_interval{3600};
    int referred_retention_extra_years = 3;  // responses referred to an LA keep longer

    std::filesystem::path database_path() const { return data_dir / "safesurvey.db"; }
    std::filesystem::path effective_key_file() const {
        return key_file.empty() ? data_dir / "kek.key" : key_file;
    }
};

// Builds the configuration from --config FILE and --data-dir DIR (and, for
// serve, --listen ADDR:PORT). On failure returns nullopt and sets `error` to a
// message naming the setting and what is wrong with it.
std::optional<ServiceConfig> load_config(const cli::Arguments& args, std::string& error);

// Parses "ADDR:PORT" (IPv6 as "[::1]:8080"); false on a bad value.
bool parse_listen(const std::string& text, std::string& address, std::uint16_t& port);

}  // namespace safesurvey
