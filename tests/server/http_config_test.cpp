// The server's settings are checked at start: a bad value stops it with a
// message that names the setting.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "server/config.hpp"

using namespace safesurvey;

namespace {

struct ConfigFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("safesurvey-config-" + std::to_string(::getpid()) + ".json");
    explicit ConfigFile(const std::string& json) { std::ofstream(path) << json; }
    ~ConfigFile() { std::filesystem::remove(path); }
};

// The error load_config gives for these arguments, or "" when it accepts them.
std::string load_error(std::vector<std::string> words) {
    std::string error;
    auto args = cli::Arguments::parse(
        words, cli::with_data_options(cli::ArgumentSpec{{"listen"}, {}}), error);
    REQUIRE(args);
    auto config = load_config(*args, error);
    return config ? std::string{} : error;
}

std::string file_error(const std::string& json) {
    ConfigFile file(json);
    return load_error({"--config", file.path.string()});
}

}  // namespace

TEST_CASE("the defaults and a good file are accepted", "[config]") {
    CHECK(load_error({}).empty());
    CHECK(file_error(R"({"listen": "0.0.0.0:8443", "max_connections": 500,
                         "read_timeout_seconds": 10, "trusted_proxy": "10.0.0.5"})")
              .empty());
}

TEST_CASE("each bad value is named", "[config]") {
    CHECK(file_error(R"({"listen": "localhost:8080"})").find("'listen'") != std::string::npos);
    CHECK(file_error(R"({"listen": "127.0.0.1"})").find("'listen'") != std::string::npos);
    CHECK(file_error(R"({"max_connections": 0})").find("'max_connections'") != std::string::npos);
    CHECK(file_error(R"({"body_limit_bytes": 10485760})").find("'body_limit_bytes'") !=
          std::string::npos);
    CHECK(file_error(R"({"read_timeout_seconds": 0})").find("'read_timeout_seconds'") !=
          std::string::npos);
    CHECK(file_error(R"({"threads": "four"})").find("'threads'") != std::string::npos);
    CHECK(file_error(R"({"trusted_proxy": "proxy.internal"})").find("'trusted_proxy'") !=
          std::string::npos);
    CHECK(file_error(R"({"listen_port": 8080})").find("unknown setting 'listen_port'") !=
          std::string::npos);
    CHECK(file_error("not json").find("not a JSON object") != std::string::npos);
    CHECK(load_error({"--listen", "nowhere"}).find("--listen") != std::string::npos);
    CHECK(load_error({"--config", "/nonexistent/safesurvey.json"}).find("cannot read") !=
          std::string::npos);
}
