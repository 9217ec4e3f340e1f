#include "server/journey/draft_key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace safesurvey::journey {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPrefix = "safesurvey-draft-key-v1:";
constexpr std::size_t kHexChars = kDraftKeyBytes * 2;
// Subkeys of the one stored master key: the file holds a single secret, and a
// second purpose later gets its own subkey (id 2) rather than sharing one.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'s', 's', 'd', 'r', 'a', 'f', 't', '1'};

DraftKeys derive(const std::array<unsigned char, crypto_kdf_KEYBYTES>& master) {
    DraftKeys keys{};
    crypto_kdf_derive_from_key(keys.sealing.data(), keys.sealing.size(), 1, kKdfContext,
                               master.data());
    return keys;
}

DraftKeysLoad failure(const fs::path& path, const std::string& what) {
    return {std::nullopt, "draft key file " + path.string() + ": " + what};
}

DraftKeysLoad create(const fs::path& path) {
    std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
    crypto_kdf_keygen(master.data());
    std::string text(kPrefix);
    std::array<char, kHexChars + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), master.data(), master.size());
    text.append(hex.data(), kHexChars).push_back('\n');
    sodium_memzero(hex.data(), hex.size());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return failure(path, std::string("cannot create it: ") + std::strerror(errno));
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    if (!written) {
        fs::remove(path);
        return failure(path, "cannot write it (is the disk full?)");
    }
    DraftKeys keys = derive(master);
    sodium_memzero(master.data(), master.size());
    return {keys, {}};
}

DraftKeysLoad read(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return failure(path, std::strerror(errno));
    if ((info.st_mode & 077) != 0) {
        return failure(path, "group or others may read it; run: chmod 600 " + path.string());
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failure(path, std::string("cannot read it: ") + std::strerror(errno));
    std::array<char, 128> buffer{};
    const ssize_t size = ::read(fd, buffer.data(), buffer.size());
    ::close(fd);
    std::string_view text(buffer.data(), size > 0 ? static_cast<std::size_t>(size) : 0);
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
    std::size_t decoded = 0;
    const bool well_formed =
        text.size() == kPrefix.size() + kHexChars && text.starts_with(kPrefix) &&
        sodium_hex2bin(master.data(), master.size(), text.data() + kPrefix.size(), kHexChars,
                       nullptr, &decoded, nullptr) == 0 &&
        decoded == master.size();
    sodium_memzero(buffer.data(), buffer.size());
    if (!well_formed) {
        return failure(path,
                       "it is not a draft key file; move it away to create a new one "
                       "(unsent drafts will then have to start again)");
    }
    DraftKeys keys = derive(master);
    sodium_memzero(master.data(), master.size());
    return {keys, {}};
}

}  // namespace

DraftKeysLoad load_or_create_draft_keys(const fs::path& path) {
    std::error_code error;
    if (fs::exists(path, error)) return read(path);
    return create(path);
}

}  // namespace safesurvey::journey
