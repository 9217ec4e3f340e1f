// Store: backups. VACUUM INTO writes a consistent snapshot of the response
// database from a read transaction, so submissions go on while it runs, and
// the copy is compacted: no free pages or WAL frames with old content. The
// copy holds sealed values and key ids only; the data keys live in keys.db and
// the KEK in its key file, neither of which a backup contains.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "storage/key_file.hpp"
#include "storage/store.hpp"

namespace safesurvey::storage {

namespace {

Status create_private_file(const std::filesystem::path& path) {
    // VACUUM INTO accepts an existing empty file; creating it first lets us
    // choose its mode (0600) instead of inheriting the umask.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return Error{ErrorKind::invalid_input,
                         path.string() + " already exists; choose a new file name"};
        return Error{ErrorKind::unavailable,
                     "cannot create " + path.string() + ": " + std::strerror(errno)};
    }
    ::close(fd);
    return ok_status();
}

Status sync_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    const int saved = errno;
    if (fd >= 0) ::close(fd);
    if (!ok)
        return Error{ErrorKind::unavailable,
                     "cannot sync " + path.string() + ": " + std::strerror(saved)};
    return sync_directory(path.has_parent_path() ? path.parent_path() : ".");
}

}  // namespace

Status Store::backup_to(const std::filesystem::path& path) {
    if (auto s = create_private_file(path); !s) return s;
    auto db = Connection::open(db_path_, Connection::Mode::read_only);
    Status status = db ? ok_status() : Status(db.error());
    if (status) {
        Statement vacuum((*db)->handle(), "VACUUM INTO ?");
        vacuum.bind(1, path.string());
        status = vacuum.run("writing the backup");
    }
    if (status) status = sync_file(path);
    if (!status) {
        std::error_code ec;
        std::filesystem::remove(path, ec);  // nothing half-written is left behind
    }
    return status;
}

}  // namespace safesurvey::storage
