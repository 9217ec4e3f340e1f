// `safesurvey distribution` is how links are made until the staff pages exist:
// run the built binary as an administrator would, and read what it prints.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string quoted(const std::string& word) {
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A data folder, a configuration naming it, and a way to run the binary on them.
class Admin {
  public:
    Admin() {
        std::random_device random;
        root_ = fs::temp_directory_path() / ("safesurvey-distribution-" + std::to_string(random()));
        fs::create_directories(root_);
        std::ofstream(root_ / "config.json")
            << R"({"public_base_url": "https://surveys.example.gov.uk/", "data_dir": ")"
            << (root_ / "data").string() << "\"}";
    }
    ~Admin() { fs::remove_all(root_); }

    Run run(const std::vector<std::string>& args) const {
        std::string command = quoted(SAFESURVEY_BINARY) + " distribution";
        for (const auto& arg : args) command += " " + quoted(arg);
        command += " --config " + quoted((root_ / "config.json").string());
        command +=
            " >" + quoted((root_ / "out").string()) + " 2>" + quoted((root_ / "err").string());
        const int status = std::system(command.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(root_ / "out"),
                slurp(root_ / "err")};
    }

    nlohmann::json list() const {
        Run listed = run({"list", "--json"});
        INFO(listed.err);
        REQUIRE(listed.exit_code == 0);
        return nlohmann::json::parse(listed.out);
    }

  private:
    fs::path root_;
};

const std::vector<std::string> kLeeds = {"add",
                                         "--survey",
                                         "send-not-in-school-2025",
                                         "--area",
                                         "Leeds",
                                         "--opens",
                                         "2025-03-10 09:00",
                                         "--closes",
                                         "2099-03-21 17:00"};

}  // namespace

TEST_CASE("an administrator adds a link, sees it listed as JSON, and closes it") {
    Admin admin;
    Run added = admin.run(kLeeds);
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    CHECK_THAT(added.out, Catch::Contains("https://surveys.example.gov.uk/s/"));
    CHECK_THAT(added.out, Catch::Contains("9am on Monday 10 March 2025"));

    auto links = admin.list();
    REQUIRE(links.size() == 1);
    const auto& leeds = links[0];
    CHECK(leeds["area"] == "Leeds");
    CHECK(leeds["survey"] == "send-not-in-school-2025");
    CHECK(leeds["state"] == "open");
    // 10 March 2025 is before the clocks go forward: London time is UTC.
    CHECK(leeds["opens_at"] == "2025-03-10T09:00:00Z");
    CHECK(leeds["opens_london"] == "2025-03-10 09:00");
    CHECK(leeds["closes_london"] == "2099-03-21 17:00");
    const std::string link = leeds["link"];
    const std::string prefix = "https://surveys.example.gov.uk/s/";
    REQUIRE(link.rfind(prefix, 0) == 0);
    CHECK(link.size() - prefix.size() >= 20);  // an unguessable token, not a counter
    CHECK(added.out.find(link) != std::string::npos);

    Run closed = admin.run({"close", leeds["id"]});
    INFO(closed.err);
    CHECK(closed.exit_code == 0);
    CHECK(admin.list()[0]["state"] == "closed");
}

TEST_CASE("links in summer are stored an hour earlier in UTC, and tokens differ per area") {
    Admin admin;
    REQUIRE(admin
                .run({"add", "--survey", "send-young-people-easy-read", "--area", "York", "--opens",
                      "2025-06-02 09:00", "--closes", "2025-06-20 17:00"})
                .exit_code == 0);
    REQUIRE(admin.run(kLeeds).exit_code == 0);
    auto links = admin.list();
    REQUIRE(links.size() == 2);
    const auto& york = links[0]["area"] == "York" ? links[0] : links[1];
    CHECK(york["opens_at"] == "2025-06-02T08:00:00Z");
    CHECK(york["closes_at"] == "2025-06-20T16:00:00Z");
    CHECK(york["state"] == "ended");
    CHECK(links[0]["link"] != links[1]["link"]);
}

TEST_CASE("mistakes are refused with a message that says what to fix") {
    Admin admin;
    Run unknown = admin.run({"add", "--survey", "send-not-in-shcool", "--area", "Leeds", "--opens",
                             "2025-03-10 09:00", "--closes", "2025-03-21 17:00"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown survey 'send-not-in-shcool'") &&
                                Catch::Contains("send-not-in-school-2025"));

    Run backwards = admin.run({"add", "--survey", "send-not-in-school-2025", "--area", "Leeds",
                               "--opens", "2025-03-21 17:00", "--closes", "2025-03-10 09:00"});
    CHECK(backwards.exit_code == 2);
    CHECK_THAT(backwards.err, Catch::Contains("--closes") && Catch::Contains("must be after"));

    Run gap = admin.run({"add", "--survey", "send-not-in-school-2025", "--area", "Leeds", "--opens",
                         "2025-03-30 01:30", "--closes", "2025-04-11 17:00"});
    CHECK(gap.exit_code == 2);
    CHECK_THAT(gap.err, Catch::Contains("--opens") && Catch::Contains("does not exist in London"));

    Run badly_written = admin.run({"add", "--survey", "send-not-in-school-2025", "--area", "Leeds",
                                   "--opens", "10/03/2025", "--closes", "2025-03-21 17:00"});
    CHECK(badly_written.exit_code == 2);
    CHECK_THAT(badly_written.err, Catch::Contains("YYYY-MM-DD HH:MM"));

    Run no_area = admin.run({"add", "--survey", "send-not-in-school-2025", "--opens",
                             "2025-03-10 09:00", "--closes", "2025-03-21 17:00"});
    CHECK(no_area.exit_code == 2);
    CHECK_THAT(no_area.err, Catch::Contains("--area"));

    Run typo = admin.run({"list", "--jsn"});
    CHECK(typo.exit_code == 2);
    CHECK_THAT(typo.err, Catch::Contains("--jsn"));

    Run close_unknown = admin.run({"close", "no-such-link"});
    CHECK(close_unknown.exit_code == 2);
    CHECK_THAT(close_unknown.err, Catch::Contains("no-such-link"));

    CHECK(admin.list().empty());  // nothing half-made by any of the above
}
