// Read-only connections, lent one at a time. In WAL mode a reader sees the
// last committed state and never waits for the writer, so reads (the staff
// pages, backups, the crash test's checks) run beside a busy submission load.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/result.hpp"
#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage {

class ReaderPool {
  public:
    class Lease {
      public:
        Lease(ReaderPool& pool, std::unique_ptr<Connection> db)
            : pool_(&pool), db_(std::move(db)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Connection& operator*() { return *db_; }
        Connection* operator->() { return db_.get(); }

      private:
        ReaderPool* pool_;
        std::unique_ptr<Connection> db_;
    };

    explicit ReaderPool(std::filesystem::path path) : path_(std::move(path)) {}

    // A connection from the pool, or a new one if all are lent out.
    Result<Lease> acquire();

  private:
    void give_back(std::unique_ptr<Connection> db);

    std::filesystem::path path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace safesurvey::storage
