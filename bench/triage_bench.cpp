// Triage throughput: the full pipeline (normalise, spell, scan, context) in
// MB/s over realistic answers, with the real rule set and with a synthetic
// 5,000-rule set, beside a naive per-rule search measured in the same run.
//
//   triage_bench [LABELLED.jsonl] [MEGABYTES]
// Answers are the texts of LABELLED.jsonl (default /work/shared/triage/dev.jsonl)
// repeated to MEGABYTES (default 16) of input. One thread; CPU time, not wall time.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "triage/engine.hpp"
#include "triage/normalized_text.hpp"
#include "triage/rule_set.hpp"

using namespace safesurvey::triage;
namespace {

// CPU time of this thread: the machine is shared, and wall time would
// measure the neighbours' builds, not the triage.
struct Clock {
    using time_point = double;
    static time_point now() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    }
};

double seconds_since(Clock::time_point start) {
    return Clock::now() - start;
}

std::vector<std::string> read_answers(const std::string& path, std::size_t megabytes) {
    std::vector<std::string> texts;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("text") && j["text"].is_string())
            texts.push_back(j["text"]);
    }
    if (texts.empty()) return texts;
    std::vector<std::string> corpus;
    std::size_t bytes = 0;
    for (std::size_t i = 0; bytes < megabytes << 20; ++i) {
        corpus.push_back(texts[i % texts.size()]);
        bytes += corpus.back().size();
    }
    return corpus;
}

std::size_t total_bytes(const std::vector<std::string>& corpus) {
    std::size_t n = 0;
    for (const auto& t : corpus) n += t.size();
    return n;
}

// The baseline a keyword list gives: lower-case each answer, then look for
// every phrase of every rule with std::string::find and a word-boundary check.
struct NaiveMatcher {
    std::vector<std::string> phrases;
    explicit NaiveMatcher(const RuleSet& rules) {
        for (const auto& r : rules.rules) {
            for (const auto& t : r.terms) {
                if (t.starts_with("@")) continue;
                std::string p = t.ends_with("*") ? t.substr(0, t.size() - 1) : t;
                std::transform(p.begin(), p.end(), p.begin(),
                               [](unsigned char c) { return std::tolower(c); });
                phrases.push_back(p);
            }
        }
    }
    std::size_t count(const std::string& text) const {
        std::string lower = text;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        std::size_t hits = 0;
        for (const auto& p : phrases) {
            for (std::size_t at = lower.find(p); at != std::string::npos;
                 at = lower.find(p, at + 1)) {
                const bool start_ok =
                    at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
                const std::size_t end = at + p.size();
                const bool end_ok =
                    end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
                hits += start_ok && end_ok;
            }
        }
        return hits;
    }
};

std::string pseudo_word(std::mt19937& rng) {
    static const std::string consonants = "bcdfghjklmnprstvwz", vowels = "aeiou";
    std::string w;
    const int syllables = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < syllables; ++i) {
        w += consonants[rng() % consonants.size()];
        w += vowels[rng() % vowels.size()];
    }
    return w;
}

// 5,000 rules of three phrases each (one to three words drawn from real
// English answer vocabulary and invented words, so the automaton is big and
// real text still hits some), half with a proximity condition.
std::string synthetic_category(const std::vector<std::string>& corpus) {
    std::mt19937 rng(20261123);
    std::vector<std::string> vocabulary;
    for (std::size_t i = 0; i < 60 && i < corpus.size(); ++i) {
        for (const auto& t : normalize(corpus[i]).tokens) {
            if (t.kind == TokenKind::word && t.text.size() > 3) vocabulary.push_back(t.text);
        }
    }
    nlohmann::json rules = nlohmann::json::array();
    for (int r = 0; r < 5000; ++r) {
        nlohmann::json terms = nlohmann::json::array();
        for (int t = 0; t < 3; ++t) {
            std::string phrase;
            const int words = 1 + static_cast<int>(rng() % 3);
            for (int w = 0; w < words; ++w) {
                if (w) phrase += ' ';
                phrase += (rng() % 4 == 0 && !vocabulary.empty())
                              ? vocabulary[rng() % vocabulary.size()]
                              : pseudo_word(rng);
            }
            terms.push_back(phrase);
        }
        nlohmann::json rule = {{"id", "synthetic." + std::to_string(r)},
                               {"severity", r % 7 == 0 ? "high" : "medium"},
                               {"explanation", "synthetic"},
                               {"terms", terms}};
        if (r % 2) rule["near"] = {{"terms", {"@child"}}, {"within", 6}};
        rules.push_back(rule);
    }
    return nlohmann::json{{"schema_version", 1},     {"version", "2026.11.1"}, {"kind", "category"},
                          {"category", "synthetic"}, {"title", "Synthetic"},   {"rules", rules}}
        .dump();
}

std::vector<std::pair<std::string, std::string>> real_support_files() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* name : {"context.json", "lexicon.json"}) {
        std::ifstream in(std::string(SAFESURVEY_SOURCE_DIR "/triage/rules/") + name);
        files.emplace_back(name, std::string(std::istreambuf_iterator<char>(in), {}));
    }
    return files;
}

void measure(const char* label, const RuleSet& rules, const std::vector<std::string>& corpus,
             std::size_t naive_answers) {
    auto start = Clock::now();
    const Engine engine(rules);
    const double compile = seconds_since(start);
    const double megabytes = static_cast<double>(total_bytes(corpus)) / (1 << 20);
    start = Clock::now();
    std::size_t flagged = 0;
    for (const auto& text : corpus) flagged += engine.assess_text(text).flag();
    const double pipeline = seconds_since(start);

    const NaiveMatcher naive(rules);
    const std::vector<std::string> sample(corpus.begin(),
                                          corpus.begin() + std::min(naive_answers, corpus.size()));
    start = Clock::now();
    std::size_t hits = 0;
    for (const auto& text : sample) hits += naive.count(text);
    const double naive_seconds = seconds_since(start);
    const double naive_mb = static_cast<double>(total_bytes(sample)) / (1 << 20);

    std::printf(
        "%-16s rules %5zu  phrases %6zu  compile %.3f s  pipeline %7.1f MB/s  "
        "naive per-rule find %7.2f MB/s  (%zu of %zu answers flagged; naive hits %zu)\n",
        label, rules.rules.size(), engine.phrase_count(), compile, megabytes / pipeline,
        naive_mb / naive_seconds, flagged, corpus.size(), hits);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "/work/shared/triage/dev.jsonl";
    const std::size_t megabytes = argc > 2 ? std::stoul(argv[2]) : 16;
    const auto corpus = read_answers(path, megabytes);
    if (corpus.empty()) {
        std::cerr << "triage_bench: no answers in " << path << "\n";
        return 2;
    }
    std::printf("corpus: %zu answers, %.1f MB, mean %.0f bytes (from %s)\n", corpus.size(),
                static_cast<double>(total_bytes(corpus)) / (1 << 20),
                static_cast<double>(total_bytes(corpus)) / corpus.size(), path.c_str());

    auto real = load_rule_set(SAFESURVEY_SOURCE_DIR "/triage/rules");
    if (!real.rules) {
        for (const auto& p : real.problems) std::cerr << to_string(p) << "\n";
        return 2;
    }
    measure("real rules", *real.rules, corpus, corpus.size() / 8);

    auto files = real_support_files();
    files.emplace_back("synthetic.json", synthetic_category(corpus));
    auto synthetic = parse_rule_set(files);
    if (!synthetic.rules) {
        for (const auto& p : synthetic.problems) std::cerr << to_string(p) << "\n";
        return 2;
    }
    measure("synthetic 5,000", *synthetic.rules, corpus, corpus.size() / 64);
    return 0;
}
