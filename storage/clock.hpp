// Where the store gets "now" from. The retention job and draft expiry ask a
// Clock so that tests can move time forward years in a millisecond.
#pragma once

#include <atomic>
#include <chrono>

namespace safesurvey::storage {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
    // The UTC calendar day of now(): the only time of day a response keeps.
    std::chrono::sys_days today() const { return std::chrono::floor<std::chrono::days>(now()); }
};

class SystemClock final : public Clock {
  public:
    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::now();
    }
};

// A clock that stands still until told to move. Safe to read from any thread.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(std::chrono::system_clock::time_point start)
        : now_(start.time_since_epoch().count()) {}
    explicit FakeClock(std::chrono::sys_days day)
        : FakeClock(std::chrono::system_clock::time_point(day)) {}

    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::time_point(
            std::chrono::system_clock::duration(now_.load()));
    }
    void set(std::chrono::system_clock::time_point t) { now_ = t.time_since_epoch().count(); }
    void advance(std::chrono::system_clock::duration d) { now_ += d.count(); }

  private:
    std::atomic<std::chrono::system_clock::rep> now_;
};

}  // namespace safesurvey::storage
