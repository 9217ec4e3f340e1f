// A full disk and a read-only disk on a real small tmpfs mount: submissions
// get `unavailable` (the journey's 503), nothing unacknowledged is stored half
// way, and the same open store recovers by itself when space returns.
// Mounting needs root (CI runs as root); elsewhere the test says so and passes.
#include <sys/mount.h>

#include <catch2/catch.hpp>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

class SmallMount {
  public:
    explicit SmallMount(const std::filesystem::path& at) : at_(at) {
        mounted_ = ::mount("tmpfs", at.c_str(), "tmpfs", 0, "size=1m,mode=0700") == 0;
    }
    ~SmallMount() {
        if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
    }
    bool mounted() const { return mounted_; }
    bool remount(const char* options, unsigned long flags = 0) {
        return ::mount("tmpfs", at_.c_str(), "tmpfs", MS_REMOUNT | flags, options) == 0;
    }

  private:
    std::filesystem::path at_;
    bool mounted_ = false;
};

}  // namespace

TEST_CASE("a full or read-only disk gives unavailable, and the store recovers",
          "[storage][enospc]") {
    TempDir dir;
    SmallMount mount(dir.path());
    if (!mount.mounted()) {
        WARN("SKIPPED: cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN); ENOSPC untested");
        return;
    }
    const auto data = dir.path() / "data";
    std::vector<std::string> acknowledged;
    {
        auto store = open_store(data);
        const auto dist = add_survey(*store, "s");
        SubmitOutcome outcome{SubmitStatus::stored, {}, {}};
        for (int i = 0; i < 20000 && outcome.status == SubmitStatus::stored; ++i) {
            outcome = store->submit(make_submission("s", dist, std::string(2000, 'a'))).get();
            if (outcome.status == SubmitStatus::stored) acknowledged.push_back(outcome.response_id);
        }
        INFO(outcome.message);
        REQUIRE(outcome.status == SubmitStatus::unavailable);
        CHECK(outcome.message.find("full") != std::string::npos);
        REQUIRE(acknowledged.size() > 10);
        // A smaller submission may still fit in what the rolled-back batch left
        // free: either it is stored and acknowledged, or it is refused. Nothing
        // that was not acknowledged may appear.
        auto small = store->submit(make_submission("s", dist, "{}")).get();
        CHECK(small.status != SubmitStatus::rejected);
        if (small.status == SubmitStatus::stored) acknowledged.push_back(small.response_id);
        CHECK(*store->count_responses("s") == static_cast<std::int64_t>(acknowledged.size()));

        // Space returns: the same store accepts submissions again without a restart.
        REQUIRE(mount.remount("size=16m"));
        auto after = store->submit(make_submission("s", dist, "{\"back\":1}")).get();
        REQUIRE(after.status == SubmitStatus::stored);
        acknowledged.push_back(after.response_id);
    }
    // A read-only file system (remounted while nothing holds files open):
    // opening says so instead of failing later; writable again, all is well.
    REQUIRE(mount.remount("size=16m", MS_RDONLY));
    StoreOptions options;
    options.data_dir = data;
    auto refused = Store::open(options);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::unavailable);
    REQUIRE(mount.remount("size=16m"));
    auto store = open_store(data);  // integrity_check at open
    for (const auto& id : acknowledged) REQUIRE(store->read_response(id).ok());
    CHECK(*store->count_responses("s") == static_cast<std::int64_t>(acknowledged.size()));
}
