// An advisory lock on the data folder (DATA_DIR/safesurvey.lock, flock). The
// running service holds it; commands that must not run beside the service
// (a manual purge, key rotation) take it too and so refuse to start while the
// service runs. The kernel releases it when the process ends, even by SIGKILL.
#pragma once

#include <filesystem>

#include "storage/result.hpp"

namespace safesurvey::storage {

class DataDirLock {
  public:
    static Result<DataDirLock> acquire(const std::filesystem::path& data_dir);
    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&&) = delete;
    ~DataDirLock();

  private:
    explicit DataDirLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace safesurvey::storage
