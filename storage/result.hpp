// Expected failures as values. A storage call that can fail for reasons a
// person can act on (bad input, a full disk, a wrong key file, a database from
// a newer version) returns a Result carrying an Error with a message written
// for that person; exceptions are kept for the truly exceptional.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace safesurvey::storage {

enum class ErrorKind {
    invalid_input,   // the caller's input is wrong: unknown survey, bad date...
    not_found,       // nothing stored under that id / token / code
    unavailable,     // disk full or read-only: try again shortly
    corrupt,         // integrity_check failed, or a ciphertext failed to open
    key_problem,     // key file missing, wrong, unreadable or too open
    newer_schema,    // the database was written by a newer safesurvey
    retention_ended  // the survey's data keys were destroyed by the retention job
};

struct Error {
    ErrorKind kind;
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(state_); }

  private:
    std::variant<T, Error> state_;
};

struct Done {};
// For calls that return nothing on success.
using Status = Result<Done>;
inline Status ok_status() {
    return Done{};
}

}  // namespace safesurvey::storage
