// Sealed drafts and resume codes: what a respondent carries between pages
// must come back exactly, and anything altered, moved or stale must be refused.
#include <sodium.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "server/journey/draft_key_file.hpp"
#include "server/journey/draft_sealer.hpp"
#include "server/journey/resume_code.hpp"
#include "survey_defs/loader.hpp"

namespace {

using namespace safesurvey::journey;
using Clock = std::chrono::system_clock;

DraftKey random_key() {
    DraftKey key{};
    randombytes_buf(key.data(), key.size());
    return key;
}

Draft sample_draft() {
    Draft draft = new_draft();
    draft.answers = {{"perspective", {"parent_carer"}},
                     {"child_needs", {"autism", "other"}},
                     {"worried_more", {"Ünïcödé & <b>markup</b> \"quotes\"\nand a new line"}}};
    draft.perspective = "parent_carer";
    draft.current_page = "about-child";
    draft.resume_code = "7KQ2MXW4PD";
    return draft;
}

}  // namespace

TEST_CASE("a sealed draft opens to exactly what was sealed") {
    const DraftSealer sealer(random_key());
    const auto now = Clock::now();
    const Draft draft = sample_draft();
    const std::string token = sealer.seal(draft, "dist-1", now + std::chrono::hours(24));
    // Safe in a URL query and a form field without further encoding.
    CHECK(token.find_first_not_of(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    const OpenedDraft opened = sealer.open(token, "dist-1", now);
    REQUIRE(opened.draft);
    CHECK(opened.draft->answers == draft.answers);
    CHECK(opened.draft->submission_key == draft.submission_key);
    CHECK(opened.draft->perspective == "parent_carer");
    CHECK(opened.draft->current_page == "about-child");
    CHECK(opened.draft->resume_code == "7KQ2MXW4PD");
    CHECK_FALSE(opened.draft->honeypot);
    // The answers are not readable in the token.
    CHECK(token.find("parent") == std::string::npos);
}

TEST_CASE("two seals of the same draft differ, and new drafts get different submission keys") {
    const DraftSealer sealer(random_key());
    const auto later = Clock::now() + std::chrono::hours(1);
    const Draft draft = sample_draft();
    CHECK(sealer.seal(draft, "d", later) != sealer.seal(draft, "d", later));
    CHECK(new_draft().submission_key != new_draft().submission_key);
    CHECK(new_draft().submission_key.size() == 32);
}

TEST_CASE("an altered, truncated, foreign or misplaced token is refused as unreadable") {
    const DraftSealer sealer(random_key());
    const auto now = Clock::now();
    const std::string token = sealer.seal(sample_draft(), "dist-1", now + std::chrono::hours(24));

    std::string flipped = token;
    flipped[flipped.size() / 2] = flipped[flipped.size() / 2] == 'A' ? 'B' : 'A';
    const std::vector<std::string> bad = {
        flipped,
        token.substr(0, token.size() - 3),
        "",
        "not a token at all!",
        std::string(300000, 'A'),
        DraftSealer(random_key()).seal(sample_draft(), "dist-1", now + std::chrono::hours(24)),
    };
    for (const auto& candidate : bad) {
        const OpenedDraft opened = sealer.open(candidate, "dist-1", now);
        CHECK_FALSE(opened.draft);
        CHECK(opened.refusal == DraftRefusal::unreadable);
    }
    // Genuine, but for another local area's link.
    const OpenedDraft elsewhere = sealer.open(token, "dist-2", now);
    CHECK_FALSE(elsewhere.draft);
    CHECK(elsewhere.refusal == DraftRefusal::unreadable);
}

TEST_CASE("a draft past its expiry is refused as expired, not as tampered") {
    const DraftSealer sealer(random_key());
    const auto now = Clock::now();
    const std::string token = sealer.seal(sample_draft(), "d", now + std::chrono::hours(24));
    CHECK(sealer.open(token, "d", now + std::chrono::hours(23)).draft);
    const OpenedDraft late = sealer.open(token, "d", now + std::chrono::hours(24));
    CHECK_FALSE(late.draft);
    CHECK(late.refusal == DraftRefusal::expired);
}

TEST_CASE("sealed JSON (the receipt) is bound and expires the same way") {
    const DraftSealer sealer(random_key());
    const auto now = Clock::now();
    const std::string token = sealer.seal_json({{"ref", "AB12"}, {"u", true}}, "receipt\nd1",
                                               now + std::chrono::hours(1));
    const OpenedText opened = sealer.open_json(token, "receipt\nd1", now);
    REQUIRE(opened.text);
    CHECK(nlohmann::json::parse(*opened.text).at("u") == true);
    CHECK_FALSE(sealer.open_json(token, "receipt\nd2", now).text);
    CHECK_FALSE(sealer.open(token, "receipt\nd1", now).draft);  // not a draft
    CHECK(sealer.open_json(token, "receipt\nd1", now + std::chrono::hours(2)).refusal ==
          DraftRefusal::expired);
}

TEST_CASE("resume codes are 10 unambiguous symbols and forgive how people copy them") {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::string code = new_resume_code();
        REQUIRE(code.size() == kResumeCodeLength);
        CHECK(code.find_first_of("ILOU") == std::string::npos);
        seen.insert(code);
    }
    CHECK(seen.size() == 2000);
    CHECK(display_resume_code("7KQ2MXW4PD") == "7KQ2M-XW4PD");
    CHECK(normalise_resume_code("7kq2m-xw4pd") == "7KQ2MXW4PD");
    CHECK(normalise_resume_code(" 7KQ2M XW4PD ") == "7KQ2MXW4PD");
    CHECK(normalise_resume_code("1OIL0-AAAAA") == "10110AAAAA");
    CHECK_FALSE(normalise_resume_code("7KQ2M-XW4P"));    // too short
    CHECK_FALSE(normalise_resume_code("7KQ2M-XW4PDD"));  // too long
    CHECK_FALSE(normalise_resume_code("7KQ2M-XW4P!"));   // not in the alphabet
    CHECK_FALSE(normalise_resume_code("UUUUU-UUUUU"));   // U is not a symbol
}

TEST_CASE("the draft key file is created private, read back the same, and refused when open") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("journey-key-" + std::to_string(randombytes_random()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "draft.key";
    const auto first = load_or_create_draft_keys(path);
    REQUIRE(first.keys);
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto again = load_or_create_draft_keys(path);
    REQUIRE(again.keys);
    // The same key after a restart: a token sealed before opens after.
    const auto now = Clock::now();
    const std::string token =
        DraftSealer(first.keys->sealing).seal(sample_draft(), "d", now + std::chrono::hours(1));
    CHECK(DraftSealer(again.keys->sealing).open(token, "d", now).draft);

    ::chmod(path.c_str(), 0644);
    const auto loose = load_or_create_draft_keys(path);
    CHECK_FALSE(loose.keys);
    CHECK(loose.error.find("chmod 600") != std::string::npos);

    const auto garbage = dir / "garbage.key";
    std::ofstream(garbage) << "hello";
    ::chmod(garbage.c_str(), 0600);
    CHECK_FALSE(load_or_create_draft_keys(garbage).keys);
    std::filesystem::remove_all(dir);
}

TEST_CASE("drafts of every size and content survive sealing (compression included)") {
    const DraftSealer sealer(random_key());
    const auto now = Clock::now();
    for (int round = 0; round < 500; ++round) {
        Draft draft = new_draft();
        std::string text(randombytes_uniform(3000), 'x');
        // Mixed text: compressible runs and random bytes made printable.
        for (auto& c : text) {
            if (randombytes_uniform(3) == 0) c = static_cast<char>('a' + randombytes_uniform(26));
        }
        draft.answers["anything_else"] = {text};
        draft.current_page = std::to_string(round);
        const std::string token = sealer.seal(draft, "d", now + std::chrono::hours(1));
        const OpenedDraft opened = sealer.open(token, "d", now);
        REQUIRE(opened.draft);
        REQUIRE(opened.draft->answers == draft.answers);
    }
}

TEST_CASE("a draft with every text box of the real survey full still fits in a URL") {
    // Random words, not repeated text: prose compresses about as well as this,
    // repeated text far better, so the figure is not flattered.
    const auto loaded = safesurvey::defs::load_survey_file(
        std::filesystem::path(SAFESURVEY_SOURCE_DIR) / "survey_defs/send-not-in-school-2025.json");
    REQUIRE(loaded.ok());
    const std::vector<std::string> words = {
        "school", "support", "because",    "anxious", "plan",   "the",   "we",
        "waited", "months",  "her",        "needs",   "never",  "met",   "home",
        "tutor",  "council", "assessment", "and",     "nobody", "called"};
    Draft draft = new_draft();
    auto fill = [&](const std::string& id, std::size_t max_length) {
        std::string text;
        while (true) {
            const std::string& word =
                words[randombytes_uniform(static_cast<std::uint32_t>(words.size()))];
            if (text.size() + word.size() + 1 > max_length) break;
            text += word + " ";
        }
        draft.answers[id] = {text};
    };
    for (const auto& page : loaded.survey->pages) {
        for (const auto& question : page.questions) {
            if (question.is_free_text()) fill(question.id, question.max_length);
            for (const auto& option : question.options) {
                draft.answers[question.id].push_back(option.id);
                if (option.follow_up) fill(option.follow_up->id, option.follow_up->max_length);
            }
        }
    }
    const DraftSealer sealer(random_key());
    const std::string token = sealer.seal(draft, "d", Clock::now() + std::chrono::hours(1));
    std::size_t typed = 0;
    for (const auto& [id, values] : draft.answers) {
        for (const auto& value : values) typed += value.size();
    }
    WARN("answers " << typed << " bytes -> token " << token.size() << " characters");
    // The server's default request-header limit is 16 KB, for the whole request
    // line and headers; leave room for the browser's own headers.
    CHECK(token.size() < 12 * 1024);
}
