#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <set>

#include "storage/schema.hpp"
#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

TEST_CASE("a submission is stored sealed and read back", "[storage]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "send-parents");
    auto s = make_submission("send-parents", dist, R"({"q1":"yes"})", R"({"matches":["x"]})");
    auto outcome = store->submit(s).get();
    REQUIRE(outcome.status == SubmitStatus::stored);
    CHECK(outcome.response_id.size() == 32);

    auto r = store->read_response(outcome.response_id);
    REQUIRE(r.ok());
    CHECK(r->answers_json == R"({"q1":"yes"})");
    CHECK(r->triage_json == R"({"matches":["x"]})");
    CHECK(r->summary.triage_severity == "high");
    CHECK(r->summary.review_status == "needs_review");
    CHECK(r->summary.submitted_on.size() == 10);  // a day, no time

    SECTION("the same submission key again stores nothing new") {
        auto again = store->submit(s).get();
        CHECK(again.status == SubmitStatus::already_stored);
        CHECK(again.response_id == outcome.response_id);
        CHECK(*store->count_responses("send-parents") == 1);
    }
    SECTION("an unknown survey or link is rejected, not stored") {
        auto bad = store->submit(make_submission("nope", dist, "{}")).get();
        CHECK(bad.status == SubmitStatus::rejected);
        auto bad_link = store->submit(make_submission("send-parents", "nolink", "{}")).get();
        CHECK(bad_link.status == SubmitStatus::rejected);
        CHECK(*store->count_responses("send-parents") == 1);
    }
}

TEST_CASE("many concurrent submissions share commits", "[storage]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    const auto before = store->commits();
    std::vector<std::future<SubmitOutcome>> futures;
    for (int i = 0; i < 500; ++i)
        futures.push_back(
            store->submit(make_submission("s", dist, "{\"n\":" + std::to_string(i) + "}")));
    for (auto& f : futures) REQUIRE(f.get().status == SubmitStatus::stored);
    CHECK(*store->count_responses("s") == 500);
    CHECK(store->commits() - before < 250);  // grouped, not one commit each
}

TEST_CASE("a failing submission does not take the rest of its batch down", "[storage]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    const auto before = store->commits();
    // Posted together, so they share batches: good ones, ones for a link that
    // does not exist, and repeats of a good one's submission key.
    const Submission repeated = make_submission("s", dist, "{\"r\":1}");
    std::vector<std::future<SubmitOutcome>> good, bad, repeats;
    for (int i = 0; i < 100; ++i) {
        good.push_back(store->submit(make_submission("s", dist, "{}")));
        bad.push_back(store->submit(make_submission("s", "no-such-link", "{}")));
        repeats.push_back(store->submit(repeated));
    }
    for (auto& f : good) CHECK(f.get().status == SubmitStatus::stored);
    for (auto& f : bad) CHECK(f.get().status == SubmitStatus::rejected);
    std::set<std::string> ids;
    int stored = 0;
    for (auto& f : repeats) {
        auto outcome = f.get();
        stored += outcome.status == SubmitStatus::stored ? 1 : 0;
        CHECK(outcome.status != SubmitStatus::rejected);
        ids.insert(outcome.response_id);
    }
    CHECK(stored == 1);
    CHECK(ids.size() == 1);  // every repeat names the one stored response
    CHECK(*store->count_responses("s") == 101);
    CHECK(store->commits() - before < 300);
}

TEST_CASE("tampering in the database is an error, never wrong answers", "[storage][crypto]") {
    TempDir dir;
    std::string a, b;
    {
        auto store = open_store(dir.path());
        const auto dist = add_survey(*store, "s");
        a = store->submit(make_submission("s", dist, R"({"who":"A"})")).get().response_id;
        b = store->submit(make_submission("s", dist, R"({"who":"B"})")).get().response_id;
    }
    auto db = Connection::open(dir.path() / "safesurvey.db", Connection::Mode::read_write);
    REQUIRE(db.ok());
    SECTION("a row's ciphertext copied into another row") {
        REQUIRE(
            (*db)
                ->exec("UPDATE responses SET answers = (SELECT answers FROM responses WHERE id='" +
                           a + "') WHERE id='" + b + "'",
                       "copy")
                .ok());
        db->reset();
        auto store = open_store(dir.path());
        auto r = store->read_response(b);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::corrupt);
        CHECK(store->read_response(a).ok());
    }
    SECTION("a flipped byte in a stored ciphertext") {
        Statement get((*db)->handle(), "SELECT answers FROM responses WHERE id = ?");
        get.bind(1, a);
        REQUIRE(get.step() == SQLITE_ROW);
        std::string blob = get.blob(0);
        get.reset();
        blob[30] = static_cast<char>(blob[30] ^ 0x04);
        Statement put((*db)->handle(), "UPDATE responses SET answers = ? WHERE id = ?");
        put.bind_blob(1, {reinterpret_cast<const unsigned char*>(blob.data()), blob.size()});
        put.bind(2, a);
        REQUIRE(put.run("flip").ok());
        db->reset();
        auto store = open_store(dir.path());
        auto r = store->read_response(a);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::corrupt);
    }
    SECTION("a wrong key id on the row") {
        // Give the row another live key's id: the key exists but is not the one bound in.
        auto store = open_store(dir.path());
        REQUIRE(store->register_survey("t", {3}).ok());
        auto other = store->keys().key_for("t", Cohort::standard);
        REQUIRE(other.ok());
        REQUIRE(
            (*db)
                ->exec("UPDATE responses SET key_id = '" + (*other)->id + "' WHERE id='" + a + "'",
                       "rekey")
                .ok());
        auto r = store->read_response(a);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::corrupt);
    }
}

TEST_CASE("distributions: add, list, close, find by token", "[storage]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto dist = add_survey(*store, "s");
    auto list = store->distributions("s");
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    const auto& d = list->front();
    CHECK(d.id == dist);
    CHECK(d.token.size() >= 27);  // 160 bits of base64url
    auto found = store->find_distribution_by_token(d.token);
    REQUIRE(found.ok());
    CHECK(found->accepting_at(*parse_instant("2030-06-01T12:00:00Z")));
    CHECK_FALSE(found->accepting_at(*parse_instant("2041-01-01")));
    REQUIRE(store->close_distribution(dist).ok());
    CHECK_FALSE(
        store->find_distribution_by_token(d.token)->accepting_at(*parse_instant("2030-06-01")));
    CHECK(store->find_distribution_by_token("not-a-token").error().kind == ErrorKind::not_found);
    CHECK(store->close_distribution("nope").error().kind == ErrorKind::not_found);
    auto bad = store->add_distribution(
        {"unknown", "York", *parse_instant("2025-01-01"), *parse_instant("2026-01-01")});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("unknown survey") != std::string::npos);
}

TEST_CASE("resume drafts: sealed, taken once, expire", "[storage]") {
    TempDir dir;
    FakeClock clock(*parse_instant("2026-05-01T10:00:00Z"));
    auto store = open_store(dir.path(), &clock);
    add_survey(*store, "s");
    const std::string code = "ABCD-EFGH-JKLM";
    const auto week = *parse_instant("2026-05-08T10:00:00Z");
    REQUIRE(store->save_draft(code, "s", R"({"page":3,"q1":"draft text"})", week).ok());
    const auto db =
        file_bytes(dir.path() / "safesurvey.db") + file_bytes(dir.path() / "safesurvey.db-wal");
    CHECK(db.find("draft text") == std::string::npos);
    CHECK(db.find(code) == std::string::npos);
    auto taken = store->take_draft(code);
    REQUIRE(taken.ok());
    CHECK(*taken == R"({"page":3,"q1":"draft text"})");
    CHECK(store->take_draft(code).error().kind == ErrorKind::not_found);

    REQUIRE(store->save_draft(code, "s", "later", week).ok());
    REQUIRE(store->save_draft("other-code-1", "s", "kept", *parse_instant("2026-06-01")).ok());
    clock.set(*parse_instant("2026-05-08T10:00:00Z"));
    CHECK(*store->purge_expired_drafts() == 1);
    CHECK_FALSE(store->take_draft(code).ok());
    CHECK(*store->take_draft("other-code-1") == "kept");
}

TEST_CASE("start-up refuses bad key files and databases with a clear message", "[storage]") {
    TempDir dir;
    {
        auto store = open_store(dir.path());
        const auto dist = add_survey(*store, "s");
        REQUIRE(store->submit(make_submission("s", dist, "{}")).get().status ==
                SubmitStatus::stored);
    }
    const auto key_file = dir.path() / "kek.key";
    StoreOptions options;
    options.data_dir = dir.path();
    struct stat st {};
    REQUIRE(::stat(key_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // created private at first run
    for (const char* name : {"safesurvey.db", "keys.db"}) {
        REQUIRE(::stat((dir.path() / name).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }

    SECTION("a key file others can read") {
        ::chmod(key_file.c_str(), 0644);
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::key_problem);
        CHECK(store.error().message.find("chmod 600") != std::string::npos);
    }
    SECTION("a missing key file is not silently replaced") {
        std::filesystem::remove(key_file);
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::key_problem);
        CHECK_FALSE(std::filesystem::exists(key_file));
    }
    SECTION("another installation's key file") {
        TempDir other;
        { open_store(other.path()); }
        std::filesystem::copy_file(other.path() / "kek.key", key_file,
                                   std::filesystem::copy_options::overwrite_existing);
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::key_problem);
        CHECK(store.error().message.find("restore the key file") != std::string::npos);
    }
    SECTION("a missing key store") {
        std::filesystem::remove(dir.path() / "keys.db");
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().message.find("keys.db") != std::string::npos);
    }
    SECTION("a database from a newer version") {
        {
            auto db = Connection::open(dir.path() / "safesurvey.db", Connection::Mode::read_write);
            REQUIRE((*db)->exec("PRAGMA user_version = 99", "bump").ok());
        }
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::newer_schema);
    }
    SECTION("a damaged database file") {
        {
            auto db = Connection::open(dir.path() / "safesurvey.db", Connection::Mode::read_write);
            REQUIRE((*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)", "ckpt").ok());
        }
        std::string bytes = file_bytes(dir.path() / "safesurvey.db");
        for (std::size_t i = 4096 + 100; i < bytes.size(); i += 7) bytes[i] = '\x5a';
        std::ofstream(dir.path() / "safesurvey.db", std::ios::binary) << bytes;
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::corrupt);
        CHECK(store.error().message.find("restore the latest backup") != std::string::npos);
    }
}

TEST_CASE("a running service's data folder cannot be purged by hand", "[storage]") {
    TempDir dir;
    auto service = open_store(dir.path());
    StoreOptions options;
    options.data_dir = dir.path();
    auto second = Store::open(options);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message.find("stop the service") != std::string::npos);
    options.exclusive = false;
    auto admin = Store::open(options);
    REQUIRE(admin.ok());
    CHECK_FALSE((*admin)->purge({}, false).ok());
    CHECK((*admin)->purge({}, true).ok());
}
