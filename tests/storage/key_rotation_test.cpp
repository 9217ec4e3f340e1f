#include <catch2/catch.hpp>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

TEST_CASE("keys rotate re-wraps every data key without touching responses", "[storage][keys]") {
    TempDir dir;
    FakeClock clock(*parse_date("2026-01-01"));
    std::vector<std::string> ids;
    {
        auto store = open_store(dir.path(), &clock);
        for (const char* survey : {"s1", "s2"}) {
            const auto dist = add_survey(*store, survey);
            ids.push_back(store->submit(make_submission(survey, dist, survey)).get().response_id);
        }
    }
    const auto key_file = dir.path() / "kek.key";
    const auto responses_before =
        file_bytes(dir.path() / "safesurvey.db") + file_bytes(dir.path() / "safesurvey.db-wal");
    const auto old_key = file_bytes(key_file);

    auto rotation = KeyStore::rotate(dir.path() / "keys.db", key_file, clock);
    REQUIRE(rotation.ok());
    CHECK(rotation->rewrapped == 2);
    CHECK(rotation->old_kek_id != rotation->new_kek_id);
    CHECK(file_bytes(key_file) != old_key);
    CHECK((file_bytes(dir.path() / "safesurvey.db") +
           file_bytes(dir.path() / "safesurvey.db-wal")) == responses_before);

    SECTION("responses read with the new key file") {
        auto store = open_store(dir.path(), &clock);
        CHECK(store->read_response(ids[0])->answers_json == "s1");
        CHECK(store->read_response(ids[1])->answers_json == "s2");
    }
    SECTION("the old key file no longer opens the store") {
        std::filesystem::remove(key_file);
        std::ofstream(key_file) << old_key;
        std::filesystem::permissions(
            key_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        StoreOptions options;
        options.data_dir = dir.path();
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().kind == ErrorKind::key_problem);
    }
    SECTION("running it twice is safe") {
        auto again = KeyStore::rotate(dir.path() / "keys.db", key_file, clock);
        REQUIRE(again.ok());
        CHECK(again->old_kek_id == rotation->new_kek_id);
        auto store = open_store(dir.path(), &clock);
        CHECK(store->read_response(ids[1])->answers_json == "s2");
    }
    SECTION("an interrupted rotation is reported, then finished by running it again") {
        // The state a crash between re-wrapping and the rename leaves: keys
        // wrapped by the new KEK (in kek.key.new), kek.key still the old one.
        const auto new_key = file_bytes(key_file);
        std::filesystem::rename(key_file, dir.path() / "kek.key.new");
        std::ofstream(key_file) << old_key;
        std::filesystem::permissions(
            key_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        StoreOptions options;
        options.data_dir = dir.path();
        auto store = Store::open(options);
        REQUIRE_FALSE(store.ok());
        CHECK(store.error().message.find("keys rotate") != std::string::npos);
        auto finish = KeyStore::rotate(dir.path() / "keys.db", key_file, clock);
        REQUIRE(finish.ok());
        CHECK(finish->completed_earlier_run);
        CHECK(file_bytes(key_file) == new_key);
        CHECK(open_store(dir.path(), &clock)->read_response(ids[0])->answers_json == "s1");
    }
}
