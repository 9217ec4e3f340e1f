// How responses lie in the database file must say nothing about the order in
// which they arrived (schema.cpp, version 4). Version 3's WITHOUT ROWID table
// spilled every ~1.2 KB response into an overflow page appended to the file,
// so page numbers sorted the responses by arrival (the second test catches
// that); the first guards against ids that follow arrival (an autoincrement).
#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

// Spearman's rank correlation of two permutations of 0..n-1.
double rank_correlation(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
    const double n = static_cast<double>(a.size());
    double squares = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = static_cast<double>(a[i]) - static_cast<double>(b[i]);
        squares += d * d;
    }
    return 1 - 6 * squares / (n * (n * n - 1));
}

// Submits `n` responses of ~1.2 KB of answers one after another.
std::vector<std::string> submit_in_order(Store& store, int n) {
    const auto dist = add_survey(store, "s");
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
        auto outcome = store.submit(make_submission("s", dist, std::string(1150, 'a'), "{}")).get();
        REQUIRE(outcome.status == SubmitStatus::stored);
        ids.push_back(outcome.response_id);
    }
    return ids;
}

}  // namespace

TEST_CASE("responses are stored in an order unrelated to their arrival", "[storage][privacy]") {
    TempDir dir;
    auto store = open_store(dir.path());
    const auto arrival = submit_in_order(*store, 400);
    std::unordered_map<std::string, std::size_t> arrived_at;
    for (std::size_t i = 0; i < arrival.size(); ++i) arrived_at[arrival[i]] = i;

    auto db = Connection::open(store->database_path(), Connection::Mode::read_only);
    REQUIRE(db.ok());
    Statement rows((*db)->handle(), "SELECT id FROM responses ORDER BY rowid");
    std::vector<std::size_t> stored_at, arrived;
    while (rows.step() == SQLITE_ROW) {
        arrived.push_back(arrived_at.at(rows.text(0)));
        stored_at.push_back(stored_at.size());
    }
    REQUIRE(arrived.size() == arrival.size());
    // A random order gives |rho| below 0.25 but about once in 10^5 runs
    // (standard deviation 1/sqrt(399)); insertion order would give 1.
    CHECK(std::abs(rank_correlation(stored_at, arrived)) < 0.25);
}

TEST_CASE("a response of ordinary size needs no overflow page", "[storage][privacy]") {
    TempDir dir;
    auto store = open_store(dir.path());
    (void)submit_in_order(*store, 50);
    auto db = Connection::open(store->database_path(), Connection::Mode::read_only);
    REQUIRE(db.ok());
    std::optional<Statement> overflow;
    try {
        overflow.emplace((*db)->handle(),
                         "SELECT count(*) FROM dbstat WHERE name = 'responses' AND "
                         "pagetype = 'overflow'");
    } catch (const std::logic_error&) {
        WARN("SKIPPED: this SQLite has no dbstat table; overflow pages unchecked");
        return;
    }
    REQUIRE(overflow->step() == SQLITE_ROW);
    // Overflow pages are allocated at the end of the file as rows arrive.
    CHECK(overflow->integer(0) == 0);
}
