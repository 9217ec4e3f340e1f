#include "storage/key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "storage/random_id.hpp"

namespace safesurvey::storage {

namespace {

constexpr std::string_view kPrefix = "safesurvey-kek-v1:";
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kFileBytes = kPrefix.size() + 2 * kKeyBytes + 1;  // + newline

Error key_error(const std::filesystem::path& path, const std::string& what) {
    return {ErrorKind::key_problem, "key file " + path.string() + ": " + what};
}

std::string octal_mode(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

Status check_ownership(const std::filesystem::path& path, const struct stat& st) {
    if (!S_ISREG(st.st_mode)) return key_error(path, "is not a regular file");
    if (st.st_uid != geteuid())
        return key_error(path,
                         "belongs to another user; it must belong to the user that runs "
                         "safesurvey (chown it)");
    if ((st.st_mode & 077) != 0)
        return key_error(path, "has mode " + octal_mode(st.st_mode) +
                                   ", which lets other users read it; run: chmod 600 " +
                                   path.string());
    return ok_status();
}

// Reads the whole file into locked memory, never into an ordinary buffer.
Result<SecretBytes> read_contents(const std::filesystem::path& path, int fd) {
    SecretBytes contents(kFileBytes + 1);
    std::size_t got = 0;
    while (got < contents.size()) {
        const ssize_t n = ::read(fd, contents.data() + got, contents.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return key_error(path, std::string("cannot be read: ") + std::strerror(errno));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != kFileBytes && got != kFileBytes - 1)
        return key_error(path, "is not a safesurvey key file (wrong length)");
    return contents;
}

}  // namespace

std::filesystem::path resolve_key_file(const std::filesystem::path& configured,
                                       const std::filesystem::path& data_dir) {
    if (!configured.empty()) return configured;
    if (const char* env = std::getenv(kKeyFileEnvironmentVariable); env != nullptr && *env)
        return env;
    return data_dir / "kek.key";
}

std::string kek_id_of(const SecretBytes& key) {
    unsigned char digest[8];
    static constexpr unsigned char kLabel[] = "safesurvey kek id";
    crypto_generichash(digest, sizeof digest, kLabel, sizeof kLabel - 1, key.data(), key.size());
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

KeyEncryptionKey generate_kek() {
    SecretBytes key = SecretBytes::random(kKeyBytes);
    std::string id = kek_id_of(key);
    return {std::move(key), std::move(id)};
}

Result<KeyEncryptionKey> read_key_file(const std::filesystem::path& path) {
    disable_core_dumps();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            return key_error(path,
                             "does not exist; restore it from where the key is kept "
                             "(without it the stored responses cannot be read)");
        return key_error(path, std::string("cannot be opened: ") + std::strerror(errno));
    }
    struct stat st {};
    Status owned = ::fstat(fd, &st) == 0 ? check_ownership(path, st)
                                         : Status(key_error(path, std::strerror(errno)));
    if (!owned) {
        ::close(fd);
        return owned.error();
    }
    auto contents = read_contents(path, fd);
    ::close(fd);
    if (!contents) return contents.error();
    const auto* text = contents->data();
    if (std::memcmp(text, kPrefix.data(), kPrefix.size()) != 0)
        return key_error(path, "is not a safesurvey key file (unknown format)");
    SecretBytes key(kKeyBytes);
    std::size_t decoded = 0;
    if (sodium_hex2bin(key.data(), key.size(), reinterpret_cast<const char*>(text) + kPrefix.size(),
                       2 * kKeyBytes, nullptr, &decoded, nullptr) != 0 ||
        decoded != kKeyBytes)
        return key_error(path, "is damaged (the key is not 64 hex digits)");
    std::string id = kek_id_of(key);
    return KeyEncryptionKey{std::move(key), std::move(id)};
}

Status create_key_file(const std::filesystem::path& path, const SecretBytes& key) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return key_error(path, std::string("cannot be created: ") + std::strerror(errno));
    SecretBytes text(kFileBytes);
    std::memcpy(text.data(), kPrefix.data(), kPrefix.size());
    sodium_bin2hex(reinterpret_cast<char*>(text.data()) + kPrefix.size(), 2 * kKeyBytes + 1,
                   key.data(), key.size());
    text.data()[kFileBytes - 1] = '\n';
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == text.size() && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        return Error{ErrorKind::unavailable, "key file " + path.string() +
                                                 " could not be written: " + std::strerror(saved)};
    }
    return sync_directory(path.has_parent_path() ? path.parent_path() : ".");
}

void disable_core_dumps() {
    struct rlimit none {
        0, 0
    };
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

Status sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int saved = errno;
        if (fd >= 0) ::close(fd);
        return Error{ErrorKind::unavailable,
                     "cannot sync folder " + dir.string() + ": " + std::strerror(saved)};
    }
    ::close(fd);
    return ok_status();
}

}  // namespace safesurvey::storage
