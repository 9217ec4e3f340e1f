// A respondent completing the real survey over real HTTP, for the server
// crash test: the start page, the parent's pages (one free-text answer holds a
// marker unique to this journey), check your answers, submit and the
// confirmation. It behaves as a browser would: it follows each redirect and
// posts the draft the page it was shown carried.
//
// A request that cannot be completed (refused, reset, cut short) is the
// service having been killed, and is reported as `unreachable`; any other
// unexpected answer is a fault of the service and is reported as such.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "form_encoding.hpp"
#include "server/pages/survey_urls.hpp"

namespace server_crash {

namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using Fields = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    int status = 0;
    std::string location;
    std::string body;
};

inline std::string encode(const Fields& fields) {
    return safesurvey::testing::encode_form(fields);
}

// One request on its own connection, so that a connection the service closed
// between requests can never be mistaken for the service having died. The
// deadline only keeps a hung service from hanging the test; nothing here
// measures time. nullopt when the exchange could not be completed.
inline std::optional<Reply> exchange(std::uint16_t port, beast_http::verb verb,
                                     const std::string& target, const std::string& body,
                                     const std::string& forwarded_for) {
    boost::asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    beast_http::request<beast_http::string_body> request{verb, target, 11};
    request.set(beast_http::field::host, "127.0.0.1");
    request.set(beast_http::field::connection, "close");
    // The service trusts 127.0.0.1 as its proxy, so each journey is its own
    // client for the rate limits, as each respondent behind a proxy would be.
    request.set("X-Forwarded-For", forwarded_for);
    if (verb == beast_http::verb::post) {
        request.set(beast_http::field::content_type, "application/x-www-form-urlencoded");
        request.body() = body;
    }
    request.prepare_payload();
    beast::flat_buffer buffer;
    beast_http::response_parser<beast_http::string_body> parser;
    parser.body_limit(8 * 1024 * 1024);
    beast::error_code failed;
    stream.expires_after(std::chrono::seconds(30));
    const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"), port);
    stream.async_connect(endpoint, [&](beast::error_code ec) {
        if ((failed = ec)) return;
        beast_http::async_write(stream, request, [&](beast::error_code ec, std::size_t) {
            if ((failed = ec)) return;
            beast_http::async_read(stream, buffer, parser,
                                   [&](beast::error_code ec, std::size_t) { failed = ec; });
        });
    });
    ioc.run();
    if (failed) return std::nullopt;
    const auto& response = parser.get();
    return Reply{static_cast<int>(response.result_int()),
                 std::string(response[beast_http::field::location]), response.body()};
}

// `done`: the step finished as it should (for submit(): acknowledged).
enum class Outcome { done, unreachable, fault };

// One journey (or one retry of its submission) against a running service.
class HttpRespondent {
  public:
    HttpRespondent(std::uint16_t port, const std::string& token, std::string forwarded_for)
        : port_(port), urls_(token), forwarded_for_(std::move(forwarded_for)) {}

    // From the start page to check your answers; `marker` is the free-text
    // answer to "anything else". On success `draft()` is ready to submit.
    Outcome answer_everything(const std::string& marker) {
        if (auto start = get(urls_.start()); !start || start->status != 200) return failed(start);
        if (auto first = follow(get(urls_.begin())); first != Outcome::done) return first;
        const std::vector<std::pair<std::string, Fields>> pages = {
            {"perspective", {{"perspective", "parent_carer"}}},
            {"child-situation", {{"child_situation", "part_time_timetable"}}},
            {"about-child",
             {{"child_age", "age_8_11"},
              {"child_needs", "communication"},
              {"child_support_level", "ehc_plan"}}},
            {"reasons-parent", {{"reasons_parent", "anxiety"}}},
            {"information-parent", {{"info_shared_parent", "disagree"}}},
            {"health-parent", {{"health_met_parent", "partly"}}},
            {"support-parent", {{"la_contact_parent", "never"}}},
            {"safety-now", {{"worried_now", "no"}}},
            {"anything-else", {{"anything_else", marker}}},
        };
        for (const auto& [page, fields] : pages) {
            Fields with_draft = fields;
            with_draft.emplace_back("draft", draft_);
            const auto outcome = follow(post(urls_.question_action(page), with_draft));
            if (outcome != Outcome::done) return outcome;
        }
        // The last page leads to check your answers, whose form sends the draft.
        if (shown_.find(urls_.submit()) != std::string::npos) return Outcome::done;
        fault_ = "the last page was not check your answers";
        return Outcome::fault;
    }

    // Sends the draft and reads the confirmation; acknowledged only once the
    // confirmation page, with its receipt, has arrived.
    Outcome submit() {
        const auto sent = post(urls_.submit(), {{"draft", draft_}});
        if (!sent) return Outcome::unreachable;
        if (sent->status != 303 || sent->location.find("/done?") == std::string::npos) {
            return failed(sent);
        }
        said_stored_ = true;
        const auto done = get(sent->location);
        if (!done) return Outcome::unreachable;
        static const std::regex receipt("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
        std::smatch found;
        if (done->status != 200 || !std::regex_search(done->body, found, receipt)) {
            return failed(done);
        }
        receipt_ = found.str();
        return Outcome::done;
    }

    const std::string& draft() const { return draft_; }
    void set_draft(std::string draft) { draft_ = std::move(draft); }
    const std::string& receipt() const { return receipt_; }
    // The service answered the submission with its redirect to the
    // confirmation (so it had stored it), whether or not that page came.
    bool said_stored() const { return said_stored_; }
    // What the last fault was, for the failure message (a status and a URL;
    // never a page body, which would hold answers).
    const std::string& fault() const { return fault_; }

  private:
    std::optional<Reply> get(const std::string& target) {
        last_target_ = target;
        return exchange(port_, beast_http::verb::get, target, {}, forwarded_for_);
    }
    std::optional<Reply> post(const std::string& target, const Fields& fields) {
        last_target_ = target;
        return exchange(port_, beast_http::verb::post, target, encode(fields), forwarded_for_);
    }

    Outcome failed(const std::optional<Reply>& reply) {
        if (!reply) return Outcome::unreachable;
        fault_ = std::to_string(reply->status) + " from " +
                 last_target_.substr(0, last_target_.find('?'));
        return Outcome::fault;
    }

    // A page's answers were accepted: follow the 303 and keep the draft the
    // next page's form carries.
    Outcome follow(const std::optional<Reply>& redirect) {
        if (!redirect || redirect->status != 303) return failed(redirect);
        const auto page = get(redirect->location);
        if (!page || page->status != 200) return failed(page);
        static const std::regex hidden(R"re(name="draft" value="([A-Za-z0-9_-]+)")re");
        std::smatch found;
        if (!std::regex_search(page->body, found, hidden)) {
            fault_ = "no draft in the form of " + last_target_.substr(0, last_target_.find('?'));
            return Outcome::fault;
        }
        draft_ = found[1].str();
        shown_ = page->body;
        return Outcome::done;
    }

    std::uint16_t port_;
    safesurvey::pages::SurveyUrls urls_;
    std::string forwarded_for_;
    std::string draft_;
    std::string shown_;
    std::string receipt_;
    std::string fault_;
    std::string last_target_;
    bool said_stored_ = false;
};

}  // namespace server_crash
