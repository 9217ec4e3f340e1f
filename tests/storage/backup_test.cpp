#include <catch2/catch.hpp>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

// Restores as docs/security.md says: the backup becomes the database of a
// data folder that has the live keys.db and key file.
std::unique_ptr<Store> restore_into(const std::filesystem::path& backup,
                                    const std::filesystem::path& live_dir,
                                    const std::filesystem::path& target, const Clock* clock) {
    std::filesystem::copy_file(backup, target / "safesurvey.db");
    std::filesystem::copy_file(live_dir / "keys.db", target / "keys.db");
    std::filesystem::copy_file(live_dir / "kek.key", target / "kek.key");
    return open_store(target, clock);
}

}  // namespace

TEST_CASE("a backup restores end to end while writes go on", "[storage][backup]") {
    TempDir dir, restored;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    std::vector<std::string> ids;
    for (int i = 0; i < 50; ++i)
        ids.push_back(store->submit(make_submission("s", dist, "{\"i\":" + std::to_string(i) + "}"))
                          .get()
                          .response_id);
    // Writes in flight during the backup must not disturb it.
    std::vector<std::future<SubmitOutcome>> during;
    for (int i = 0; i < 200; ++i) during.push_back(store->submit(make_submission("s", dist, "{}")));
    const auto backup = dir.path() / "backup.db";
    REQUIRE(store->backup_to(backup).ok());
    for (auto& f : during) REQUIRE(f.get().status == SubmitStatus::stored);
    CHECK(store->backup_to(backup).error().kind == ErrorKind::invalid_input);  // never overwrites

    auto copy = restore_into(backup, dir.path(), restored.path(), nullptr);
    for (std::size_t i = 0; i < ids.size(); ++i)
        CHECK(copy->read_response(ids[i])->answers_json == "{\"i\":" + std::to_string(i) + "}");
    const auto n = *copy->count_responses("s");
    CHECK(n >= 50);
    CHECK(n <= 250);
}

TEST_CASE("a backup taken before a purge cannot be read for the purged survey after it",
          "[storage][backup][retention]") {
    TempDir dir, restored;
    FakeClock clock(*parse_date("2026-01-10"));
    auto store = open_store(dir.path(), &clock);
    const auto d1 = add_survey(*store, "purged");
    const auto d2 = add_survey(*store, "kept");
    const auto gone =
        store->submit(make_submission("purged", d1, R"({"q":"old"})")).get().response_id;
    const auto kept =
        store->submit(make_submission("kept", d2, R"({"q":"new"})")).get().response_id;
    REQUIRE(store->set_report_date("purged", *parse_date("2026-03-31")).ok());
    const auto backup = dir.path() / "before-purge.db";
    REQUIRE(store->backup_to(backup).ok());

    // Before the purge the backup is fully readable.
    {
        TempDir check;
        auto copy = restore_into(backup, dir.path(), check.path(), &clock);
        CHECK(copy->read_response(gone)->answers_json == R"({"q":"old"})");
    }
    std::string wrapped;  // the purged survey's data key as keys.db holds it
    {
        auto keys = Connection::open(dir.path() / "keys.db", Connection::Mode::read_only);
        Statement row((*keys)->handle(), "SELECT wrapped FROM data_keys WHERE survey_id='purged'");
        REQUIRE(row.step() == SQLITE_ROW);
        wrapped = row.blob(0);
    }
    REQUIRE(wrapped.size() > 40);
    clock.set(std::chrono::sys_days(*parse_date("2029-04-01")));
    REQUIRE(store->purge({}, false)->actions.size() == 1);
    store.reset();

    auto copy = restore_into(backup, dir.path(), restored.path(), &clock);
    auto r = copy->read_response(gone);  // the row is in the backup...
    REQUIRE_FALSE(r.ok());               // ...but its key is destroyed everywhere
    CHECK(r.error().kind == ErrorKind::retention_ended);
    CHECK(copy->read_response(kept)->answers_json == R"({"q":"new"})");
    // The destroyed key's wrapped bytes are gone from the key store's files too
    // (secure_delete overwrote them; the WAL was checkpointed and truncated).
    for (const char* name : {"keys.db", "keys.db-wal"}) {
        INFO(name);
        CHECK(file_bytes(dir.path() / name).find(wrapped) == std::string::npos);
    }
}

TEST_CASE("an answer's text appears in no database, WAL or backup file", "[storage][backup]") {
    TempDir dir;
    const std::string marker = "MARKER-7f3c9a-he-hits-me-when-nobody-is-home";
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    for (int i = 0; i < 20; ++i) {
        auto s = make_submission("s", dist, "{\"free_text\":\"" + marker + "\"}",
                                 "{\"matched\":\"" + marker + "\"}");
        REQUIRE(store->submit(s).get().status == SubmitStatus::stored);
    }
    REQUIRE(store->save_draft("resume-" + marker, "s", marker, *parse_instant("2099-01-01")).ok());
    REQUIRE(store->backup_to(dir.path() / "backup.db").ok());
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        const std::string bytes = file_bytes(entry.path());
        INFO(entry.path());
        CHECK(bytes.find(marker) == std::string::npos);
        CHECK(bytes.find("he-hits-me") == std::string::npos);
        ++files;
    }
    CHECK(files >= 6);  // db, wal, shm, keys.db (+wal, shm), key file, backup
    // The marker really went through: it reads back.
    auto list = store->list_responses("s");
    CHECK(store->read_response(list->front().id)->answers_json.find(marker) != std::string::npos);
}
