// The crash test's writer: opens a store and submits from many threads as
// fast as it can, printing "ACK <response id> <submission key>" for each
// submission only after the store reported it durable. The crash test kills
// this process with SIGKILL at a random moment and then checks that every
// acknowledged response is present and opens.
//
//   storage_crash_writer DATA_DIR THREADS PAUSE_MS
//
// Each thread pauses PAUSE_MS between submissions so that a run of a few
// hundred milliseconds stores hundreds, not tens of thousands, of responses
// and twenty runs stay quick; submissions from different threads still
// overlap and share commits.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "storage/random_id.hpp"
#include "storage/store.hpp"

using namespace safesurvey::storage;

namespace {

std::string ensure_link(Store& store) {
    auto links = store.distributions("crash");
    if (links && !links->empty()) return links->front().id;
    if (!store.register_survey("crash", {3})) return {};
    auto d = store.add_distribution(
        {"crash", "Leeds", *parse_instant("2020-01-01"), *parse_instant("2040-01-01")});
    return d ? d->id : std::string();
}

void write_line(const std::string& line) {
    // One write(2) per line: a line is in the pipe whole, or not at all.
    const ssize_t n = ::write(STDOUT_FILENO, line.data(), line.size());
    if (n != static_cast<ssize_t>(line.size())) std::_Exit(3);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: storage_crash_writer DATA_DIR THREADS PAUSE_MS\n");
        return 2;
    }
    StoreOptions options;
    options.data_dir = argv[1];
    auto store = Store::open(options);
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().message.c_str());
        return 1;
    }
    const std::string link = ensure_link(**store);
    if (link.empty()) return 1;
    write_line("READY\n");
    const auto pause = std::chrono::milliseconds(std::atoi(argv[3]));
    std::vector<std::thread> threads;
    for (int t = 0; t < std::atoi(argv[2]); ++t) {
        threads.emplace_back([&] {
            for (;;) {
                Submission s;
                s.submission_key = random_hex_id();
                s.survey_id = "crash";
                s.distribution_id = link;
                s.perspective = "parent_carer";
                s.answers_json = "{\"key\":\"" + s.submission_key + "\",\"text\":\"" +
                                 std::string(600, 'x') + "\"}";
                const std::string key = s.submission_key;
                auto outcome = (*store)->submit(std::move(s)).get();
                if (outcome.status == SubmitStatus::stored)
                    write_line("ACK " + outcome.response_id + " " + key + "\n");
                std::this_thread::sleep_for(pause);
            }
        });
    }
    for (auto& t : threads) t.join();
}
