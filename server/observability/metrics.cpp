#include "server/observability/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace safesurvey::observability {
namespace {

// Label values are escaped as the exposition format requires: \ " and newline.
std::string escape_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string escape_help(std::string_view help) {
    std::string out;
    for (char c : help) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    if (std::isnan(value)) return "NaN";
    // The shortest text that reads back as the same double: 0.005, not 0.0050000000000000001.
    char text[32];
    const auto result = std::to_chars(std::begin(text), std::end(text), value);
    return std::string(text, result.ptr);
}

// {a="1",b="2"}; `extra` is appended last (the histogram's `le`).
std::string format_labels(const Labels& labels, const std::string& extra = {}) {
    if (labels.empty() && extra.empty()) return {};
    std::string out = "{";
    bool first = true;
    for (const auto& [name, value] : labels) {
        if (!first) out += ',';
        first = false;
        out += name + "=\"" + escape_label_value(value) + "\"";
    }
    if (!extra.empty()) {
        if (!first) out += ',';
        out += extra;
    }
    return out + "}";
}

void render_values(std::string& out, const std::string& name,
                   const std::map<Labels, double>& values) {
    for (const auto& [labels, value] : values) {
        out += name + format_labels(labels) + " " + format_number(value) + "\n";
    }
}

}  // namespace

void Counter::inc(const Labels& labels, double amount) {
    if (amount < 0) throw std::logic_error("a counter cannot go down");
    std::lock_guard lock(mutex_);
    values_[labels] += amount;
}

double Counter::value(const Labels& labels) const {
    std::lock_guard lock(mutex_);
    auto it = values_.find(labels);
    return it == values_.end() ? 0.0 : it->second;
}

void Gauge::set(double value, const Labels& labels) {
    std::lock_guard lock(mutex_);
    values_[labels] = value;
}

void Gauge::add(double amount, const Labels& labels) {
    std::lock_guard lock(mutex_);
    values_[labels] += amount;
}

double Gauge::value(const Labels& labels) const {
    std::lock_guard lock(mutex_);
    auto it = values_.find(labels);
    return it == values_.end() ? 0.0 : it->second;
}

void Counter::render(std::string& out, const std::string& name) const {
    std::lock_guard lock(mutex_);
    render_values(out, name, values_);
}

void Gauge::render(std::string& out, const std::string& name) const {
    std::lock_guard lock(mutex_);
    render_values(out, name, values_);
}

void Histogram::render(std::string& out, const std::string& name) const {
    std::lock_guard lock(mutex_);
    for (const auto& [labels, series] : series_) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < upper_bounds_.size(); ++i) {
            cumulative += series.buckets[i];
            out += name + "_bucket" +
                   format_labels(labels, "le=\"" + format_number(upper_bounds_[i]) + "\"") + " " +
                   std::to_string(cumulative) + "\n";
        }
        out += name + "_bucket" + format_labels(labels, "le=\"+Inf\"") + " " +
               std::to_string(series.count) + "\n";
        out += name + "_sum" + format_labels(labels) + " " + format_number(series.sum) + "\n";
        out += name + "_count" + format_labels(labels) + " " + std::to_string(series.count) + "\n";
    }
}

Histogram::Histogram(std::vector<double> upper_bounds) : upper_bounds_(std::move(upper_bounds)) {
    std::sort(upper_bounds_.begin(), upper_bounds_.end());
}

void Histogram::observe(double value, const Labels& labels) {
    std::lock_guard lock(mutex_);
    Series& series = series_[labels];
    if (series.buckets.empty()) series.buckets.assign(upper_bounds_.size(), 0);
    auto bound = std::lower_bound(upper_bounds_.begin(), upper_bounds_.end(), value);
    if (bound != upper_bounds_.end()) ++series.buckets[bound - upper_bounds_.begin()];
    ++series.count;
    series.sum += value;
}

std::uint64_t Histogram::count(const Labels& labels) const {
    std::lock_guard lock(mutex_);
    auto it = series_.find(labels);
    return it == series_.end() ? 0 : it->second.count;
}

Metrics::Metrics() {
    requests_ = &counter("safesurvey_http_requests_total",
                         "HTTP requests answered, by route pattern, method and status.");
    latency_ = &histogram("safesurvey_http_request_duration_seconds",
                          "Time from a request's last byte read to its response, by route.");
}

std::vector<double> Metrics::default_latency_buckets() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

Metrics::Family& Metrics::family(const std::string& name, const std::string& help, Kind kind,
                                 std::vector<double> upper_bounds) {
    std::lock_guard lock(mutex_);
    auto it = families_.find(name);
    if (it != families_.end()) {
        if (it->second.kind != kind)
            throw std::logic_error("metric " + name + " is already registered as another kind");
        return it->second;
    }
    Family family{kind, help, nullptr, nullptr, nullptr};
    if (kind == Kind::counter) family.counter = std::make_unique<Counter>();
    if (kind == Kind::gauge) family.gauge = std::make_unique<Gauge>();
    if (kind == Kind::histogram)
        family.histogram = std::make_unique<Histogram>(std::move(upper_bounds));
    return families_.emplace(name, std::move(family)).first->second;
}

Counter& Metrics::counter(const std::string& name, const std::string& help) {
    return *family(name, help, Kind::counter).counter;
}

Gauge& Metrics::gauge(const std::string& name, const std::string& help) {
    return *family(name, help, Kind::gauge).gauge;
}

Histogram& Metrics::histogram(const std::string& name, const std::string& help,
                              std::vector<double> upper_bounds) {
    return *family(name, help, Kind::histogram, std::move(upper_bounds)).histogram;
}

void Metrics::record_request(std::string_view route, std::string_view method, int status,
                             double seconds) {
    requests_->inc({{"route", std::string(route)},
                    {"method", std::string(method)},
                    {"status", std::to_string(status)}});
    latency_->observe(seconds, {{"route", std::string(route)}});
}

std::string Metrics::render() const {
    std::lock_guard lock(mutex_);
    std::string out;
    static const char* kind_names[] = {"counter", "gauge", "histogram"};
    for (const auto& [name, family] : families_) {
        out += "# HELP " + name + " " + escape_help(family.help) + "\n";
        out += "# TYPE " + name + " " + kind_names[static_cast<int>(family.kind)] + "\n";
        if (family.counter) family.counter->render(out, name);
        if (family.gauge) family.gauge->render(out, name);
        if (family.histogram) family.histogram->render(out, name);
    }
    return out;
}

}  // namespace safesurvey::observability
