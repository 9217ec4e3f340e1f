// A small thread-safe metrics registry rendered in the Prometheus text format.
//
// Areas register the metrics they need once, keep the returned reference and
// update it from any thread:
//
//   auto& stored = metrics.counter("safesurvey_submissions_total", "Submissions by outcome");
//   stored.inc({{"outcome", "stored"}});
//
// Label values must come from small fixed sets (route patterns, outcomes),
// never from user input: each distinct label set is kept for the process's life.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace safesurvey::observability {

using Labels = std::map<std::string, std::string>;

// A value that only goes up (requests served, submissions stored).
class Counter {
  public:
    void inc(const Labels& labels = {}, double amount = 1.0);
    double value(const Labels& labels = {}) const;

  private:
    friend class Metrics;
    void render(std::string& out, const std::string& name) const;
    mutable std::mutex mutex_;
    std::map<Labels, double> values_;
};

// A value that goes up and down (open connections, queue depth).
class Gauge {
  public:
    void set(double value, const Labels& labels = {});
    void add(double amount, const Labels& labels = {});
    double value(const Labels& labels = {}) const;

  private:
    friend class Metrics;
    void render(std::string& out, const std::string& name) const;
    mutable std::mutex mutex_;
    std::map<Labels, double> values_;
};

// Observations counted into cumulative buckets (request latency in seconds).
class Histogram {
  public:
    explicit Histogram(std::vector<double> upper_bounds);
    void observe(double value, const Labels& labels = {});
    std::uint64_t count(const Labels& labels = {}) const;

  private:
    friend class Metrics;
    void render(std::string& out, const std::string& name) const;
    struct Series {
        std::vector<std::uint64_t> buckets;  // per upper bound, not cumulative
        std::uint64_t count = 0;
        double sum = 0;
    };
    std::vector<double> upper_bounds_;
    mutable std::mutex mutex_;
    std::map<Labels, Series> series_;
};

class Metrics {
  public:
    Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    // Returns the metric of that name, creating it on first use. Asking for an
    // existing name as another kind is a programming error (std::logic_error).
    Counter& counter(const std::string& name, const std::string& help);
    Gauge& gauge(const std::string& name, const std::string& help);
    Histogram& histogram(const std::string& name, const std::string& help,
                         std::vector<double> upper_bounds = default_latency_buckets());

    // The HTTP layer's own metrics: requests by route pattern, method and status,
    // and latency by route pattern.
    void record_request(std::string_view route, std::string_view method, int status,
                        double seconds);

    // Everything registered, in the Prometheus text exposition format 0.0.4.
    std::string render() const;

    static std::vector<double> default_latency_buckets();

  private:
    enum class Kind { counter, gauge, histogram };
    struct Family {
        Kind kind;
        std::string help;
        std::unique_ptr<Counter> counter;
        std::unique_ptr<Gauge> gauge;
        std::unique_ptr<Histogram> histogram;
    };
    Family& family(const std::string& name, const std::string& help, Kind kind,
                   std::vector<double> upper_bounds = {});

    mutable std::mutex mutex_;
    std::map<std::string, Family> families_;
    Counter* requests_ = nullptr;
    Histogram* latency_ = nullptr;
};

}  // namespace safesurvey::observability
