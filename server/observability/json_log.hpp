// Operational logs: one JSON object per line on stdout, for a log shipper.
//
// A log line says what happened to the service, never what a person wrote or
// who they are: callers pass only fields such as a route pattern, a status, a
// duration, a request id or a count. Never answers, IP addresses, cookies,
// query strings, user agents, passwords or keys.
#pragma once

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

namespace safesurvey::observability {

enum class LogLevel { debug, info, warn, error };

class JsonLog {
  public:
    explicit JsonLog(std::ostream& out);

    // Writes {"time":..., "level":..., "event":..., ...fields} and a newline.
    // `fields` must be a JSON object (or null); its keys follow the fixed ones.
    void write(LogLevel level, std::string_view event, const nlohmann::json& fields = {});

    // Lines below this level are dropped.
    void set_min_level(LogLevel level);

  private:
    std::mutex mutex_;
    std::ostream& out_;
    std::atomic<LogLevel> min_level_{LogLevel::info};
};

// The process-wide log on stdout.
JsonLog& service_log();

void log_info(std::string_view event, const nlohmann::json& fields = {});
void log_warn(std::string_view event, const nlohmann::json& fields = {});
void log_error(std::string_view event, const nlohmann::json& fields = {});

}  // namespace safesurvey::observability
