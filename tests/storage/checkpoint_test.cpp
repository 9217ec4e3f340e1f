// Checkpoints run beside the writer, not inside its commits (checkpointer.hpp).
// What must hold: under a sustained load the WAL stays bounded and its pages
// reach the database file while the store is open, and nothing acknowledged
// is lost on the way.
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "storage/checkpointer.hpp"
#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

off_t bytes_in(const std::filesystem::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

}  // namespace

TEST_CASE("under sustained writes the WAL stays bounded and reaches the database",
          "[storage][checkpoint]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    const auto wal = store->database_path().string() + "-wal";
    // Enough 2 KB submissions, from enough writers, for many WAL frames more
    // than the point where the writer finishes a checkpoint.
    constexpr int kWriters = 16, kEach = 800;
    std::atomic<off_t> largest_wal{0};
    std::atomic<int> stored{0};
    std::vector<std::string> ids[kWriters];
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < kEach; ++i) {
                auto outcome = store->submit(make_submission("s", dist, std::string(2000, 'a')));
                auto result = outcome.get();
                if (result.status != SubmitStatus::stored) continue;
                ++stored;
                ids[w].push_back(result.response_id);
                const off_t now = bytes_in(wal);
                off_t seen = largest_wal.load();
                while (now > seen && !largest_wal.compare_exchange_weak(seen, now)) {
                }
            }
        });
    }
    for (auto& t : writers) t.join();
    REQUIRE(stored == kWriters * kEach);
    // About kFinishFrames pages (~66 MB; ~68 MB measured), and never more than
    // twice that plus a batch even if the disk is slow. Without the writer
    // finishing checkpoints this load leaves ~330 MB in the WAL: a passive
    // checkpoint alone never catches up with a writer that does not pause.
    static_assert(Checkpointer::kFinishFrames * 4120 < 70 << 20);
    CHECK(largest_wal.load() < off_t{150} << 20);
    // Checkpoints ran while the store was open: the rows are in the main file.
    CHECK(bytes_in(store->database_path()) > kWriters * kEach * 2000);
    for (const auto& list : ids)
        for (const auto& id : list) REQUIRE(store->read_response(id).ok());
}
