// Kills the real service (`safesurvey serve`) with SIGKILL at a random moment
// while respondents complete the real survey over HTTP, restarts it on the
// same data folder, and repeats. A submission counts as acknowledged only
// once its confirmation page has arrived. At the end every acknowledged
// response must be stored exactly once and decrypt, every stored response
// must decrypt, and integrity_check must be ok. A respondent whose
// confirmation never came sends the same draft again after the restart, as a
// person pressing "Send" again would, which must not store it twice.
//
// 5 kills per CI run; SERVER_CRASH_RUNS=N for more.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "server/journey/receipt_reference.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/store.hpp"
#include "tests/server/http_respondent.hpp"
#include "tests/server/server_process.hpp"
#include "tests/storage/test_store.hpp"

using namespace server_crash;

namespace {

constexpr const char* kSurvey = "send-not-in-school-2025";
constexpr int kClients = 8;

struct Acknowledged {
    std::string marker, receipt;
};

// Sent, but no confirmation seen: the service may or may not have stored it.
struct Pending {
    std::string marker, draft;
    bool said_stored = false;  // the redirect came, its confirmation did not
};

// One concurrent respondent's history, carried from one service run to the next.
struct Client {
    int index = 0;
    int journeys = 0;
    int retries = 0;
    int retries_of_stored = 0;  // sent again after the service had stored it
    std::optional<Pending> pending;
    std::vector<Acknowledged> acknowledged;
    std::vector<std::string> faults;  // statuses and paths only, never answers
};

std::string random_marker() {
    thread_local std::mt19937_64 random(std::random_device{}());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(random()));
    return std::string("crash-marker-") + hex;
}

// A distinct address per journey, so each is its own client to the limits.
std::string address_for(Client& client) {
    const int n = client.journeys++;
    return "10." + std::to_string(client.index) + "." + std::to_string((n / 256) % 256) + "." +
           std::to_string(n % 256);
}

// Submits `client.pending` (already filled in) and records the answer. False
// when the client should stop for this run of the service.
bool send_pending(Client& client, HttpRespondent& respondent) {
    respondent.set_draft(client.pending->draft);
    const Outcome sent = respondent.submit();
    if (sent == Outcome::unreachable) {
        client.pending->said_stored = client.pending->said_stored || respondent.said_stored();
        return false;
    }
    if (sent == Outcome::fault) {
        client.faults.push_back(respondent.fault());
        return false;
    }
    client.acknowledged.push_back({client.pending->marker, respondent.receipt()});
    client.pending.reset();
    return true;
}

// Retries a submission left unconfirmed by an earlier run, then (unless
// `retry_only`) completes new journeys until `stop` or until the service
// cannot be reached.
void run_client(Client& client, const ServedLink& link, const std::atomic<bool>& stop,
                bool retry_only) {
    if (client.pending) {
        ++client.retries;
        client.retries_of_stored += client.pending->said_stored ? 1 : 0;
        HttpRespondent retry(link.port, link.token, address_for(client));
        if (!send_pending(client, retry)) return;
    }
    while (!retry_only && !stop.load()) {
        HttpRespondent respondent(link.port, link.token, address_for(client));
        const std::string marker = random_marker();
        const Outcome answered = respondent.answer_everything(marker);
        if (answered == Outcome::fault) client.faults.push_back(respondent.fault());
        if (answered != Outcome::done) return;
        // From the moment the draft is sent the service may store it.
        client.pending = Pending{marker, respondent.draft()};
        if (!send_pending(client, respondent)) return;
    }
}

// The service's data folder and configuration, and the one running copy.
class Service {
  public:
    Service() : data_(root_.path() / "data"), config_(root_.path() / "config.json") {
        // Trusting the loopback proxy lets each journey have its own address
        // (X-Forwarded-For); otherwise eight respondents on 127.0.0.1 would
        // share one submission budget and be refused, not crashed.
        std::ofstream(config_) << nlohmann::json{
            {"data_dir", data_.string()},
            {"trusted_proxy", "127.0.0.1"},
            {"threads", 2}}.dump();
    }

    ServedLink start() {
        const auto log = root_.path() / ("serve-" + std::to_string(++starts_) + ".log");
        process_ = std::make_unique<ServerProcess>(config_, log);
        REQUIRE(process_->started());
        const auto link = process_->wait_for_link();
        INFO("safesurvey serve printed:\n" << process_->output());
        REQUIRE(link);
        return *link;
    }
    bool kill_now() { return process_->kill_now(); }
    int stop() { return process_->stop(); }
    std::string output() const { return process_->output(); }
    const std::filesystem::path& data() const { return data_; }

  private:
    safesurvey::storage::testing::TempDir root_;
    std::filesystem::path data_, config_;
    int starts_ = 0;
    std::unique_ptr<ServerProcess> process_;
};

// Runs every client against `link` on its own thread; `during` runs on this
// thread meanwhile (the kill), then `stop` tells the clients to finish.
template <typename During>
void run_clients(std::vector<Client>& clients, const ServedLink& link, bool retry_only,
                 During during) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (auto& client : clients) {
        threads.emplace_back([&] { run_client(client, link, stop, retry_only); });
    }
    during();
    stop = true;
    for (auto& thread : threads) thread.join();
}

// What the database holds once the service is gone, read with the storage
// library as an analyst's export would.
struct StoredResponses {
    std::string integrity;
    std::size_t responses = 0, unreadable = 0;
    std::map<std::string, std::vector<std::string>> ids_by_marker;
};

StoredResponses read_back(const std::filesystem::path& data) {
    StoredResponses out;
    auto store = safesurvey::storage::testing::open_store(data);  // integrity_check runs here too
    auto db = safesurvey::storage::Connection::open(
        store->database_path(), safesurvey::storage::Connection::Mode::read_only);
    REQUIRE(db);
    auto verdict = (*db)->scalar("PRAGMA integrity_check", "checking the database");
    REQUIRE(verdict);
    out.integrity = *verdict;
    auto listed = store->list_responses(kSurvey);
    REQUIRE(listed);
    out.responses = listed->size();
    for (const auto& summary : *listed) {
        auto opened = store->read_response(summary.id);
        const auto answers =
            opened ? nlohmann::json::parse(opened->answers_json, nullptr, false) : nlohmann::json();
        // Every response here came from a journey that answered "anything else".
        if (!answers.is_object() || !answers.contains("anything_else")) {
            ++out.unreadable;
            continue;
        }
        for (const auto& marker : answers["anything_else"]) {
            out.ids_by_marker[marker.get<std::string>()].push_back(summary.id);
        }
    }
    return out;
}

// Starts the service, lets the clients load it for a random while, kills it;
// `runs` times.
void crash_repeatedly(Service& service, std::vector<Client>& clients, int runs) {
    std::mt19937 random(std::random_device{}());
    for (int run = 0; run < runs; ++run) {
        const ServedLink link = service.start();
        const int delay_ms = std::uniform_int_distribution<int>(100, 1500)(random);
        bool killed = false;
        run_clients(clients, link, false, [&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            killed = service.kill_now();
        });
        INFO("run " << run << ": safesurvey serve printed:\n" << service.output());
        REQUIRE(killed);  // it was still running when killed, not already dead
    }
}

// A last, clean run: unconfirmed submissions are sent again, then SIGTERM.
void finish_cleanly(Service& service, std::vector<Client>& clients) {
    const ServedLink link = service.start();
    run_clients(clients, link, true, [] {});
    const int exit_status = service.stop();
    INFO("safesurvey serve printed:\n" << service.output());
    REQUIRE(exit_status == 0);  // also: no sanitizer report at exit
}

// The clients' acknowledgements against what the database holds.
struct Tally {
    std::size_t acknowledged = 0, retries = 0, retries_of_stored = 0;
    std::size_t missing = 0, wrong_receipt = 0, duplicated = 0;
    std::vector<std::string> faults;
};

Tally tally(const std::vector<Client>& clients, const StoredResponses& stored) {
    Tally t;
    for (const auto& client : clients) {
        t.retries += static_cast<std::size_t>(client.retries);
        t.retries_of_stored += static_cast<std::size_t>(client.retries_of_stored);
        t.faults.insert(t.faults.end(), client.faults.begin(), client.faults.end());
        for (const auto& ack : client.acknowledged) {
            ++t.acknowledged;
            const auto found = stored.ids_by_marker.find(ack.marker);
            if (found == stored.ids_by_marker.end()) {
                ++t.missing;
            } else if (found->second.size() == 1 &&
                       safesurvey::journey::receipt_reference(found->second[0]) != ack.receipt) {
                ++t.wrong_receipt;  // stored, but not as the response the person was told of
            }
        }
    }
    // Any marker twice is a duplicate, acknowledged or not.
    for (const auto& [marker, ids] : stored.ids_by_marker) t.duplicated += ids.size() > 1 ? 1 : 0;
    return t;
}

}  // namespace

TEST_CASE("SIGKILL of the real service during concurrent journeys loses no acknowledged response",
          "[crash][server]") {
    const char* runs_env = std::getenv("SERVER_CRASH_RUNS");
    const int runs = runs_env != nullptr ? std::atoi(runs_env) : 5;
    Service service;
    std::vector<Client> clients(kClients);
    for (int i = 0; i < kClients; ++i) clients[i].index = i;
    crash_repeatedly(service, clients, runs);
    finish_cleanly(service, clients);

    const StoredResponses stored = read_back(service.data());
    const Tally t = tally(clients, stored);
    std::ostringstream summary;
    summary << runs << " kills; " << t.acknowledged << " acknowledged; " << t.retries
            << " submissions sent again (" << t.retries_of_stored
            << " of them after the service had stored them); " << stored.responses << " stored";
    // Counts only: the figures a person reads from CI to see the load ran.
    std::cout << "server crash test: " << summary.str() << "\n";
    INFO(summary.str());
    for (const auto& fault : t.faults) UNSCOPED_INFO("the service answered " << fault);
    CHECK(t.faults.empty());
    CHECK(stored.integrity == "ok");
    CHECK(stored.unreadable == 0);
    CHECK(t.missing == 0);
    CHECK(t.duplicated == 0);
    CHECK(t.wrong_receipt == 0);
    CHECK(t.acknowledged > static_cast<std::size_t>(runs));  // the load really ran
}
