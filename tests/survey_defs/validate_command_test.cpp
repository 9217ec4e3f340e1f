// Runs the built `safesurvey validate` as an author or CI would.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

namespace {

struct Run {
    int exit_code = -1;
    std::string output;
};

Run run(const std::string& arguments) {
    const std::string command = std::string(SAFESURVEY_BINARY) + " validate " + arguments + " 2>&1";
    Run result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t read = 0;
    while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
    const int status = pclose(pipe);
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

const std::string kSource = SAFESURVEY_SOURCE_DIR;
const std::string kFixtures = std::string(SAFESURVEY_TEST_FIXTURES) + "/survey_defs/";

}  // namespace

TEST_CASE("validate accepts the real surveys") {
    const auto result = run(kSource + "/survey_defs/send-not-in-school-2025.json " + kSource +
                            "/survey_defs/send-young-people-easy-read.json");
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::Contains("send-not-in-school-2025.json: OK"));
    CHECK_THAT(result.output, Catch::Contains("send-young-people-easy-read.json: OK"));
}

TEST_CASE("validate prints each problem with its file and JSON path, and exits 1") {
    const std::string bad = kFixtures + "condition_unknown_option.json";
    const auto result = run(kSource + "/survey_defs/send-young-people-easy-read.json " + bad);
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output,
               Catch::Contains(bad + ": /pages/2/show_if/equals: 'carer' is not an option"));
    CHECK_THAT(result.output, Catch::Contains("send-young-people-easy-read.json: OK"));
}

TEST_CASE("validate without files, or with an unknown option, is bad usage") {
    CHECK(run("").exit_code == 2);
    CHECK(run("--strict " + kFixtures + "minimal.json").exit_code == 2);
    const auto help = run("--help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.output, Catch::Contains("usage: safesurvey validate FILE..."));
}
