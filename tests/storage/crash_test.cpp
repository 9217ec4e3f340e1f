// Kills a process that is writing concurrently with SIGKILL at random moments,
// then checks that every response it acknowledged is present and opens, and
// that integrity_check is ok. 20 kills per CI run; STORAGE_CRASH_RUNS=N for more.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <sstream>
#include <unordered_set>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

struct Ack {
    std::string response_id, submission_key;
};

pid_t start_writer(const std::filesystem::path& dir, int& out_fd) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::execl(STORAGE_CRASH_WRITER, STORAGE_CRASH_WRITER, dir.c_str(), "16", "4", nullptr);
        ::_exit(127);
    }
    ::close(fds[1]);
    out_fd = fds[0];
    return pid;
}

// Reads what the writer printed until `deadline`, until it exits, or (when
// `marker` is given) until the output contains `marker`.
void read_until(int fd, std::string& out, std::chrono::steady_clock::time_point deadline,
                const char* marker = nullptr) {
    char buf[65536];
    for (;;) {
        if (marker != nullptr && out.find(marker) != std::string::npos) return;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return;
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) return;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

std::vector<Ack> parse_acks(const std::string& output) {
    std::vector<Ack> acks;
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof()) break;  // a line cut short by the kill was never acknowledged
        std::istringstream words(line);
        std::string tag;
        Ack ack;
        if (words >> tag >> ack.response_id >> ack.submission_key && tag == "ACK")
            acks.push_back(ack);
    }
    return acks;
}

}  // namespace

TEST_CASE("SIGKILL during concurrent submissions loses no acknowledged response",
          "[storage][crash]") {
    TempDir dir;
    const char* runs_env = std::getenv("STORAGE_CRASH_RUNS");
    const int runs = runs_env != nullptr ? std::atoi(runs_env) : 20;
    std::mt19937 random(std::random_device{}());
    std::vector<Ack> all;
    for (int run = 0; run < runs; ++run) {
        int fd = -1;
        const pid_t pid = start_writer(dir.path(), fd);
        std::string output;
        // Wait for it to be ready, then let it write for a random while.
        read_until(fd, output, std::chrono::steady_clock::now() + std::chrono::seconds(20),
                   "READY\n");
        const auto ready = output.find("READY\n");
        REQUIRE(ready != std::string::npos);
        const int delay_ms = std::uniform_int_distribution<int>(5, 400)(random);
        read_until(fd, output,
                   std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        read_until(fd, output, std::chrono::steady_clock::now() + std::chrono::milliseconds(200));
        ::close(fd);
        REQUIRE(WIFSIGNALED(status));
        auto acks = parse_acks(output);
        all.insert(all.end(), acks.begin(), acks.end());

        // Reopen: integrity_check runs at open. Every response acknowledged in
        // any run so far must be present; this run's must also open intact.
        auto store = open_store(dir.path());
        INFO("run " << run << ": " << acks.size() << " acknowledged in this run, " << all.size()
                    << " in all");
        auto listed = store->list_responses("crash");
        REQUIRE(listed.ok());
        std::unordered_set<std::string> present;
        for (const auto& r : *listed) present.insert(r.id);
        std::size_t missing = 0, unreadable = 0;
        for (const auto& ack : all) missing += present.count(ack.response_id) == 0 ? 1 : 0;
        for (const auto& ack : acks) {
            auto r = store->read_response(ack.response_id);
            if (!r.ok() || r->answers_json.find(ack.submission_key) == std::string::npos)
                ++unreadable;
        }
        REQUIRE(missing == 0);
        REQUIRE(unreadable == 0);
    }
    // Finally every acknowledged response of every run opens.
    auto store = open_store(dir.path());
    std::size_t unreadable = 0;
    for (const auto& ack : all) {
        auto r = store->read_response(ack.response_id);
        if (!r.ok() || r->answers_json.find(ack.submission_key) == std::string::npos) ++unreadable;
    }
    CHECK(unreadable == 0);
    CHECK(all.size() > static_cast<std::size_t>(runs));  // the load really ran
}
