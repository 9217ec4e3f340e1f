// Storage unavailable, simulated honestly: the data folder is a tiny tmpfs
// filled to the last byte, so SQLite itself fails to write. The respondent
// must get "try again shortly", nothing may be acknowledged, and the same
// draft must work once space returns.
#include <sys/mount.h>

#include <fstream>

#include "tests/server/journey_fixture.hpp"

using namespace journey_test;

namespace {

// Mounts a 4 MiB tmpfs at `dir`; false when this machine does not allow it
// (not root, or no CAP_SYS_ADMIN in a container).
bool mount_small_disk(const fs::path& dir) {
    fs::create_directories(dir);
    return ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=4m,mode=0700") == 0;
}

// Writes until the disk is full.
void fill(const fs::path& file) {
    std::ofstream out(file, std::ios::binary);
    const std::string block(64 * 1024, 'f');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) out.flush();
    // The last partial block: byte by byte until nothing more fits.
    std::ofstream tail(file.string() + ".tail", std::ios::binary);
    while (tail.put('f') && tail.flush()) {
    }
}

}  // namespace

TEST_CASE("a full disk gives the try-again page, stores nothing, and the draft works later") {
    const fs::path disk =
        fs::temp_directory_path() / ("journey-full-" + std::to_string(randombytes_random()));
    if (!mount_small_disk(disk)) {
        WARN("cannot mount a tmpfs here (needs root); the full-disk test did not run");
        fs::remove_all(disk);
        return;
    }
    {
        JourneyFixture fixture(disk / "data");
        const auto link = fixture.open_link();
        Respondent parent(fixture, link.token);
        parent.begin();
        parent.answer("perspective", {{"perspective", "professional"}});
        for (const char* page :
             {"role", "information-professional", "health-professional", "oversight-professional",
              "education-professional", "protection-professional", "safety-now", "anything-else"}) {
            parent.answer(page, {});
        }
        REQUIRE(path_of(parent.last_redirect).ends_with("/check"));

        fill(disk / "filler");
        const auto refused = parent.submit();
        CHECK(refused.status == 503);
        // The page offers to send the same draft again.
        CHECK(contains(refused.body, "/s/" + link.token + "/submit"));
        CHECK(contains(refused.body, parent.draft));

        fs::remove(disk / "filler");
        fs::remove(disk / "filler.tail");
        const auto sent = parent.submit();
        CHECK(sent.status == 303);
        CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 1);
    }
    ::umount(disk.c_str());
    fs::remove_all(disk);
}
