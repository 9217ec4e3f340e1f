#include <catch2/catch.hpp>

#include "storage/schema.hpp"
#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

// Builds a database as version `version` of safesurvey left it, with rows.
void make_database_at(const std::filesystem::path& dir, int version) {
    auto db = Connection::open(dir / "safesurvey.db", Connection::Mode::read_write_create);
    REQUIRE(db.ok());
    REQUIRE(make_durable(**db).ok());
    REQUIRE(migrate(**db, version).ok());
    REQUIRE(*schema_version(**db) == version);
    if (version >= 1) {
        REQUIRE((*db)
                    ->exec("INSERT INTO surveys (id, retention_years, report_date) "
                           "VALUES ('old', 5, '2026-01-31');"
                           "INSERT INTO distributions (id, survey_id, area, token, opens_at, "
                           "closes_at) VALUES ('d1', 'old', 'Kent', 'tok', '2025-01-01T00:00:00Z', "
                           "'2025-02-01T00:00:00Z');",
                           "seed")
                    .ok());
    }
}

}  // namespace

TEST_CASE("every earlier schema version migrates to the current one", "[storage][migration]") {
    for (int version = 0; version < kSchemaVersion; ++version) {
        DYNAMIC_SECTION("from version " << version) {
            TempDir dir;
            make_database_at(dir.path(), version);
            auto store = open_store(dir.path());
            {
                auto db = Connection::open(store->database_path(), Connection::Mode::read_only);
                CHECK(*schema_version(**db) == kSchemaVersion);
            }
            if (version >= 1) {
                // Rows written by the old version are still there and usable.
                auto surveys = store->surveys();
                REQUIRE(surveys->size() == 1);
                CHECK(surveys->front().rule.years_after_report == 5);
                CHECK(format_date(*surveys->front().report_date) == "2026-01-31");
                CHECK(store->find_distribution_by_token("tok")->area == "Kent");
                auto outcome = store->submit(make_submission("old", "d1", "{\"a\":1}")).get();
                REQUIRE(outcome.status == SubmitStatus::stored);
                CHECK(store->read_response(outcome.response_id)->summary.cohort == "standard");
            }
            const auto dist = add_survey(*store, "new");
            auto outcome = store->submit(make_submission("new", dist, "{}", "{\"t\":1}")).get();
            CHECK(outcome.status == SubmitStatus::stored);
            REQUIRE(
                store->save_draft("resume-code-1", "new", "d", *parse_instant("2030-01-01")).ok());
            CHECK(store->deletion_records()->empty());
        }
    }
}

TEST_CASE("a database from a newer safesurvey is refused", "[storage][migration]") {
    TempDir dir;
    auto db = Connection::open(dir.path() / "x.db", Connection::Mode::read_write_create);
    REQUIRE(
        (*db)->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1), "bump").ok());
    auto s = migrate(**db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::newer_schema);
    CHECK(s.error().message.find("newer safesurvey") != std::string::npos);
}
