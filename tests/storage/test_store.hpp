// Shared setup for the storage tests: a private temporary data folder and a
// store with one survey and one local-area link, as the service would have.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "storage/random_id.hpp"
#include "storage/store.hpp"

namespace safesurvey::storage::testing {

// A folder under /tmp removed (with everything in it) at the end of the test.
class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "ss-storage-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline std::unique_ptr<Store> open_store(const std::filesystem::path& dir,
                                         const Clock* clock = nullptr,
                                         std::size_t max_batch = 4096) {
    StoreOptions options;
    options.data_dir = dir;
    options.clock = clock;
    options.max_batch = max_batch;
    auto store = Store::open(options);
    if (!store) throw std::runtime_error("open_store: " + store.error().message);
    return std::move(*store);
}

// Registers `survey_id` with a link for "Leeds" open for all of 2020-2040.
inline std::string add_survey(Store& store, const std::string& survey_id, int years = 3) {
    if (auto s = store.register_survey(survey_id, {years}); !s)
        throw std::runtime_error(s.error().message);
    auto d = store.add_distribution(
        {survey_id, "Leeds", *parse_instant("2020-01-01"), *parse_instant("2040-01-01")});
    if (!d) throw std::runtime_error(d.error().message);
    return d->id;
}

inline Submission make_submission(const std::string& survey_id, const std::string& distribution_id,
                                  const std::string& answers, const std::string& triage = "") {
    Submission s;
    s.submission_key = random_hex_id();
    s.survey_id = survey_id;
    s.distribution_id = distribution_id;
    s.perspective = "parent_carer";
    s.answers_json = answers;
    s.triage_json = triage;
    if (!triage.empty()) {
        s.triage_severity = "high";
        s.review_status = "needs_review";
    }
    return s;
}

inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace safesurvey::storage::testing
