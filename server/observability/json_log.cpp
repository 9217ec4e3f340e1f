#include "server/observability/json_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

namespace safesurvey::observability {
namespace {

const char* level_name(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return "debug";
        case LogLevel::info:
            return "info";
        case LogLevel::warn:
            return "warn";
        case LogLevel::error:
            return "error";
    }
    return "info";
}

// RFC 3339 in UTC with milliseconds: 2025-03-01T09:30:00.123Z
std::string utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const auto seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(millis));
    return text;
}

}  // namespace

JsonLog::JsonLog(std::ostream& out) : out_(out) {}

void JsonLog::set_min_level(LogLevel level) {
    min_level_ = level;
}

void JsonLog::write(LogLevel level, std::string_view event, const nlohmann::json& fields) {
    if (level < min_level_) return;
    nlohmann::ordered_json line;
    line["time"] = utc_timestamp();
    line["level"] = level_name(level);
    line["event"] = event;
    if (fields.is_object()) {
        for (const auto& [key, value] : fields.items()) {
            if (key != "time" && key != "level" && key != "event") line[key] = value;
        }
    }
    // `replace` keeps a line valid JSON even if a field held invalid UTF-8.
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::lock_guard lock(mutex_);
    out_ << text << '\n';
    out_.flush();
}

JsonLog& service_log() {
    static JsonLog log(std::cout);
    return log;
}

void log_info(std::string_view event, const nlohmann::json& fields) {
    service_log().write(LogLevel::info, event, fields);
}

void log_warn(std::string_view event, const nlohmann::json& fields) {
    service_log().write(LogLevel::warn, event, fields);
}

void log_error(std::string_view event, const nlohmann::json& fields) {
    service_log().write(LogLevel::error, event, fields);
}

}  // namespace safesurvey::observability
