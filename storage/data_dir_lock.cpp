#include "storage/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace safesurvey::storage {

Result<DataDirLock> DataDirLock::acquire(const std::filesystem::path& data_dir) {
    const auto path = data_dir / "safesurvey.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error{ErrorKind::unavailable,
                     "cannot open " + path.string() + ": " + std::strerror(errno)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error{ErrorKind::invalid_input,
                     "the data folder " + data_dir.string() +
                         " is in use by a running safesurvey service; stop the service first "
                         "(it runs the retention job itself on its timer)"};
    }
    return DataDirLock(fd);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DataDirLock::~DataDirLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace safesurvey::storage
