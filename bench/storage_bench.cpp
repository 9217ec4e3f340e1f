// Durable encrypted submissions per second through the store, at 1, 16 and
// 128 concurrent writers, with p50/p99 time to acknowledgement; and, for the
// same row size, two references: one transaction per submission (the store
// with group commit turned off) and raw SQLite inserting 1,000-row
// transactions (the ceiling). Prints a Markdown table for docs/performance.md.
//
//   storage_bench [--seconds N] [--repeat N] [--dir DIR] [--only RUN]
//                 [--clients threads|callbacks] [--prefill ROWS]
//
// With --repeat N every configuration runs N times, round robin, and the
// table shows the run with the median rate (and the range): this machine's
// disk changes speed by 2-4x from one minute to the next. DIR must be on the
// disk under test. RUN (group1, group16, group128, single
// or raw) measures one run alone, e.g. under perf. The "cpu" column is the
// process's CPU time over wall time (200% = both cores of the build machine
// busy), which tells a run bound by the disk from one bound by the processor;
// "KB written per row" is what the process sent to storage (WAL, checkpoints)
// per submission, which the machine's load does not change.
//
// Writers are threads that each submit and block on the future (the default),
// or with --clients callbacks as many clients driven by the store's callback
// form from two threads, the way network threads would use it. Each run
// starts from an empty database unless --prefill stores ROWS first.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "bench/executor.hpp"
#include "storage/checkpointer.hpp"
#include "storage/random_id.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"

using namespace safesurvey::storage;
using Steady = std::chrono::steady_clock;

namespace {

// A realistic answer set: ~30 answers with some free text (~1 KB of JSON).
const std::string kAnswers = [] {
    std::string json = "{";
    for (int q = 0; q < 24; ++q) json += "\"q" + std::to_string(q) + "\":\"agree\",";
    json += "\"free_text\":\"" + std::string(700, 'w') + "\"}";
    return json;
}();
const std::string kTriage = R"({"severity":"none","matches":[],"rules_version":"2025-1"})";

struct Run {
    std::string label;
    int writers = 0;
    double per_second = 0;
    double p50_ms = 0, p99_ms = 0;
    double mean_batch = 0;
    double cpu_percent = 0;
    double kb_per_row = 0;
};

double cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Bytes this process has caused to be written to storage (WAL, checkpoints,
// everything): unlike a rate, it does not drop when the machine is busy.
double bytes_written() {
    std::ifstream in("/proc/self/io");
    std::string field;
    double value = 0;
    while (in >> field >> value)
        if (field == "write_bytes:") return value;
    return 0;
}

// CPU and disk use from construction to finish().
class Meter {
  public:
    Meter() : cpu_(cpu_seconds()), bytes_(bytes_written()), start_(Steady::now()) {}
    double elapsed() const { return std::chrono::duration<double>(Steady::now() - start_).count(); }
    void finish(Run& run, std::size_t rows) const {
        const double seconds = elapsed();
        run.per_second = static_cast<double>(rows) / seconds;
        run.cpu_percent = 100 * (cpu_seconds() - cpu_) / seconds;
        run.kb_per_row = (bytes_written() - bytes_) / 1024 / static_cast<double>(rows);
    }

  private:
    double cpu_, bytes_;
    Steady::time_point start_;
};

// Other work on the shared machine lowers every figure; the load is printed
// beside them so a reader can tell.
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

std::filesystem::path fresh_dir(const std::filesystem::path& base, const std::string& name) {
    auto dir = base / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct BenchStore {
    std::unique_ptr<Store> store;
    std::string link;
};

BenchStore open_bench_store(const std::filesystem::path& dir, std::size_t max_batch) {
    StoreOptions options;
    options.data_dir = dir;
    options.max_batch = max_batch;
    auto store = Store::open(options);
    if (!store) throw std::runtime_error(store.error().message);
    (void)(*store)->register_survey("bench", {3});
    auto link = (*store)->add_distribution(
        {"bench", "Leeds", *parse_instant("2020-01-01"), *parse_instant("2040-01-01")});
    if (!link) throw std::runtime_error(link.error().message);
    return {std::move(*store), link->id};
}

// `writers` threads each submit and wait for the acknowledgement, again and
// again, until `seconds` have passed; returns each one's latencies in ms.
std::vector<std::vector<double>> submit_for(Store& store, const std::string& link, int writers,
                                            double seconds) {
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(writers));
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            while (!stop.load(std::memory_order_relaxed)) {
                Submission s{random_hex_id(), "bench", link,   "parent_carer", 1,
                             kAnswers,        kTriage, "none", "not_needed"};
                const auto t0 = Steady::now();
                auto outcome = store.submit(std::move(s)).get();
                const auto t1 = Steady::now();
                if (outcome.status != SubmitStatus::stored)
                    throw std::runtime_error(outcome.message);
                latencies[static_cast<std::size_t>(w)].push_back(
                    std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : threads) t.join();
    return latencies;
}

// The same load from `writers` clients driven by callbacks on two threads, as
// the store's callback form is meant to be used from network threads: each
// client seals and submits, and when its submission is durable the callback
// posts the next one. No thread blocks; latency is submit to callback.
std::vector<std::vector<double>> submit_by_callbacks(Store& store, const std::string& link,
                                                     int writers, double seconds) {
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(writers));
    std::atomic<bool> stop{false};
    std::atomic<int> finished{0};
    safesurvey::bench::Executor executor(2);
    std::function<void(std::size_t)> next = [&](std::size_t client) {
        if (stop.load()) {
            ++finished;
            return;
        }
        Submission s{random_hex_id(), "bench", link,   "parent_carer", 1,
                     kAnswers,        kTriage, "none", "not_needed"};
        const auto t0 = Steady::now();
        store.submit(std::move(s), [&, client, t0](SubmitOutcome outcome) {
            const auto t1 = Steady::now();
            if (outcome.status != SubmitStatus::stored) std::abort();
            executor.post([&, client, t0, t1] {
                latencies[client].push_back(
                    std::chrono::duration<double, std::milli>(t1 - t0).count());
                next(client);
            });
        });
    };
    for (std::size_t c = 0; c < latencies.size(); ++c) executor.post([&, c] { next(c); });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    while (finished.load() < writers) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return latencies;
}

bool g_callbacks = false;   // --clients callbacks
std::size_t g_prefill = 0;  // --prefill N

// Stores `rows` submissions before a run is timed, 256 at a time, so that the
// run measures a database of that size rather than an empty one.
void prefill(Store& store, const std::string& link, std::size_t rows) {
    std::vector<std::future<SubmitOutcome>> pending;
    for (std::size_t i = 0; i < rows; ++i) {
        pending.push_back(store.submit(Submission{random_hex_id(), "bench", link, "parent_carer", 1,
                                                  kAnswers, kTriage, "none", "not_needed"}));
        if (pending.size() == 256 || i + 1 == rows) {
            for (auto& f : pending) f.get();
            pending.clear();
        }
    }
}

Run through_store(const std::filesystem::path& base, const std::string& label, int writers,
                  std::size_t max_batch, double seconds) {
    BenchStore bench =
        open_bench_store(fresh_dir(base, label + "-" + std::to_string(writers)), max_batch);
    prefill(*bench.store, bench.link, g_prefill);
    const auto commits_before = bench.store->commits();
    const Meter meter;
    auto latencies = g_callbacks ? submit_by_callbacks(*bench.store, bench.link, writers, seconds)
                                 : submit_for(*bench.store, bench.link, writers, seconds);
    std::vector<double> all;
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    Run run{label, writers};
    meter.finish(run, all.size());
    const auto commits = bench.store->commits() - commits_before;
    run.mean_batch =
        static_cast<double>(all.size()) / static_cast<double>(std::max<std::size_t>(commits, 1));
    run.p50_ms = percentile(all, 0.50);
    run.p99_ms = percentile(all, 0.99);
    return run;
}

// The ceiling's database: the store's schema and connection settings, and
// checkpoints kept off the commit path in the same way (checkpointer.hpp).
struct RawDatabase {
    std::unique_ptr<Connection> db;
    std::unique_ptr<Checkpointer> checkpointer;
};

RawDatabase open_raw(const std::filesystem::path& dir) {
    auto db = Connection::open(dir / "raw.db", Connection::Mode::read_write_create);
    if (!db || !make_durable(**db) || !migrate(**db) || !tune_for_writing(**db))
        throw std::runtime_error("raw setup");
    auto own = Connection::open(dir / "raw.db", Connection::Mode::read_write);
    if (!own || !make_durable(**own)) throw std::runtime_error("raw checkpointer setup");
    // Ids as long as the store's (32 hex digits), so the rows are the same size.
    const std::string id(32, 'd');
    (void)(*db)->exec(
        "INSERT INTO surveys (id) VALUES ('bench');"
        "INSERT INTO distributions VALUES ('" +
            id + "','bench','Leeds','t','a','b',0);",
        "seed");
    auto checkpointer = std::make_unique<Checkpointer>(**db, std::move(*own));
    return {std::move(*db), std::move(checkpointer)};
}

// The ceiling: the same schema and row size, 1,000 rows per transaction, no
// crypto, no queue, one thread.
Run raw_sqlite(const std::filesystem::path& base, double seconds) {
    RawDatabase raw = open_raw(fresh_dir(base, "raw"));
    Connection& db = *raw.db;
    // Sealed size: 1 + 24 nonce + 16 tag bytes more than the plaintext.
    const std::string answers(kAnswers.size() + 41, 'c'), triage(kTriage.size() + 41, 't');
    const std::string ids(32, 'd');
    std::size_t rows = 0;
    const Meter meter;
    const auto until = Steady::now() + std::chrono::duration<double>(seconds);
    while (Steady::now() < until) {
        (void)db.exec("BEGIN IMMEDIATE", "begin");
        auto& insert = db.cached(
            "INSERT INTO responses (id_high, id_low, submission_key_hash, survey_id,"
            " distribution_id, perspective, submitted_on, definition_version, key_id, answers,"
            " cohort, triage, triage_severity, review_status) VALUES (?, ?, ?, 'bench', ?,"
            " 'parent_carer', '2026-01-01', 1, ?, ?, 'standard', ?, 'none', 'not_needed')");
        for (int i = 0; i < 1000; ++i) {
            const ResponseId id = random_response_id();
            insert.bind(1, id.high).bind(2, id.low).bind(3, random_hex_id(32));
            insert.bind(4, ids).bind(5, ids);
            insert.bind_blob(
                6, {reinterpret_cast<const unsigned char*>(answers.data()), answers.size()});
            insert.bind_blob(
                7, {reinterpret_cast<const unsigned char*>(triage.data()), triage.size()});
            if (!insert.run("insert")) throw std::runtime_error("raw insert failed");
        }
        if (!db.exec("COMMIT", "commit")) throw std::runtime_error("raw commit failed");
        raw.checkpointer->between_transactions();
        rows += 1000;
    }
    Run run{"raw SQLite, 1,000-row transactions (ceiling)", 1};
    meter.finish(run, rows);
    run.mean_batch = 1000;
    return run;
}

void print(const Run& r) {
    // The ceiling has no per-submission latency to show.
    char p50[32] = "–", p99[32] = "–";
    if (r.p99_ms > 0) {
        std::snprintf(p50, sizeof p50, "%.2f", r.p50_ms);
        std::snprintf(p99, sizeof p99, "%.2f", r.p99_ms);
    }
    std::printf("| %s | %d | %.0f | %s | %s | %.1f | %.0f%% | %.1f |\n", r.label.c_str(), r.writers,
                r.per_second, p50, p99, r.mean_batch, r.cpu_percent, r.kb_per_row);
    std::fflush(stdout);
}

Run run_named(const std::filesystem::path& base, const std::string& name, double seconds) {
    if (name == "raw") return raw_sqlite(base, seconds);
    if (name == "single")
        return through_store(base, "one transaction per submission", 128, 1, seconds);
    if (name.rfind("group", 0) == 0)
        return through_store(base, "group commit", std::stoi(name.substr(5)), 4096, seconds);
    throw std::runtime_error("unknown run '" + name + "' (group1, group16, group128, single, raw)");
}

}  // namespace

// The run of `runs` with the median rate, its label noting the range when
// there was more than one.
Run median_of(std::vector<Run> runs) {
    std::sort(runs.begin(), runs.end(),
              [](const Run& a, const Run& b) { return a.per_second < b.per_second; });
    Run median = runs[runs.size() / 2];
    if (runs.size() > 1) {
        char range[64];
        std::snprintf(range, sizeof range, " (of %zu: %.0f-%.0f/s)", runs.size(),
                      runs.front().per_second, runs.back().per_second);
        median.label += range;
    }
    return median;
}

// Each configuration `repeat` times, round robin, so that a change in the
// shared disk's speed during the run falls on every configuration alike;
// prints the median of each.
void run_all(const std::filesystem::path& base, double seconds, int repeat) {
    const std::vector<std::string> names = {"group1", "group16", "group128", "single", "raw"};
    std::vector<std::vector<Run>> runs(names.size());
    for (int r = 0; r < repeat; ++r)
        for (std::size_t i = 0; i < names.size(); ++i)
            runs[i].push_back(run_named(base, names[i], seconds));
    std::vector<Run> medians;
    for (auto& r : runs) medians.push_back(median_of(r));
    for (const auto& m : medians) print(m);
    const Run &top = medians[2], &single = medians[3], &ceiling = medians[4];
    std::printf(
        "\n128 writers: %.1fx the one-transaction-per-submission rate, %.0f%% of the ceiling\n",
        top.per_second / single.per_second, 100.0 * top.per_second / ceiling.per_second);
}

int main(int argc, char** argv) {
    double seconds = 5;
    int repeat = 1;
    std::filesystem::path base = "/var/tmp/safesurvey-storage-bench";
    std::string only;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atof(argv[i + 1]);
        if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--dir") == 0) base = argv[i + 1];
        if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
        if (std::strcmp(argv[i], "--prefill") == 0) g_prefill = std::stoul(argv[i + 1]);
        if (std::strcmp(argv[i], "--clients") == 0)
            g_callbacks = std::strcmp(argv[i + 1], "callbacks") == 0;
    }
    std::printf("answers %zu bytes, triage %zu bytes, %.0f s per run, folder %s, load %s\n\n",
                kAnswers.size(), kTriage.size(), seconds, base.c_str(), load_average().c_str());
    std::printf(
        "| run | writers | per second | p50 ms | p99 ms | rows per commit | cpu | KB written per "
        "row |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    if (only.empty()) {
        run_all(base, seconds, repeat);
    } else {
        std::vector<Run> runs;
        for (int r = 0; r < repeat; ++r) runs.push_back(run_named(base, only, seconds));
        print(median_of(runs));
    }
    std::printf("load average after the runs: %s\n", load_average().c_str());
    std::filesystem::remove_all(base);
    return 0;
}
