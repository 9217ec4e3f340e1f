#include "triage/spelling_index.hpp"

#include <algorithm>
#include <atomic>

namespace safesurvey::triage {

namespace {

std::atomic<std::uint64_t> next_serial{1};

// One thread's remembered answers: direct-mapped, a slot per token hash.
struct Remembered {
    std::uint64_t serial = 0;  // 0: empty
    std::string token;
    std::optional<std::string> word;
};
constexpr std::size_t kSlots = 1024;

std::size_t slot_of(std::string_view token) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : token) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 29)) & (kSlots - 1);
}

}  // namespace

SpellingIndex::SpellingIndex(const std::set<std::string>& words,
                             const std::vector<std::string>& exceptions)
    : serial_(next_serial.fetch_add(1)) {
    for (const std::string& word : words) {
        known_.insert(word);
        if (word.size() < kMinWordLength) continue;
        const auto id = static_cast<std::uint32_t>(words_.size());
        words_.push_back(word);
        deletions_[word].push_back(id);
        for (std::size_t i = 0; i < word.size(); ++i) {
            std::string shorter = word;
            shorter.erase(i, 1);
            auto& ids = deletions_[shorter];
            if (ids.empty() || ids.back() != id) ids.push_back(id);
        }
    }
    for (const std::string& word : exceptions) known_.insert(word);
    for (const auto& [form, ids] : deletions_) {
        if (form.size() >= 2) {
            openings_[static_cast<unsigned char>(form[0]) * 256 +
                      static_cast<unsigned char>(form[1])] = true;
        }
    }
}

bool SpellingIndex::may_match(std::string_view t) const {
    // A probe is the token or the token less one letter, so it opens with
    // t0 t1, t1 t2 or t0 t2.
    const auto at = [&](std::size_t a, std::size_t b) {
        return openings_[static_cast<unsigned char>(t[a]) * 256 + static_cast<unsigned char>(t[b])];
    };
    return at(0, 1) || at(1, 2) || at(0, 2);
}

std::optional<std::string> SpellingIndex::correct(std::string_view token) const {
    if (words_.empty() || token.size() + 1 < kMinWordLength || token.size() > 40)
        return std::nullopt;
    thread_local std::vector<Remembered> remembered(kSlots);
    Remembered& slot = remembered[slot_of(token)];
    if (slot.serial != serial_ || slot.token != token) {
        slot.word = look_up(token);
        slot.token.assign(token);
        slot.serial = serial_;
    }
    return slot.word;
}

std::optional<std::string> SpellingIndex::look_up(std::string_view token) const {
    // Most tokens open with letters no indexed form opens with: no probe
    // could find anything, so skip the hashing.
    if (!may_match(token)) return std::nullopt;
    std::string key(token);
    if (known_.contains(key)) return std::nullopt;
    std::optional<std::uint32_t> best;
    const auto consider = [&](const std::string& probe) {
        const auto it = deletions_.find(probe);
        if (it == deletions_.end()) return;
        for (std::uint32_t id : it->second) {
            if ((!best || id < *best) && within_one_edit(words_[id], token)) best = id;
        }
    };
    consider(key);
    for (std::size_t i = 0; i < token.size(); ++i) {
        std::string shorter = key;
        shorter.erase(i, 1);
        consider(shorter);
    }
    if (!best) return std::nullopt;
    return words_[*best];
}

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() != b.size()) return a.substr(i) == b.substr(i + 1);  // one insertion
    if (a.substr(i + 1) == b.substr(i + 1)) return true;              // one substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // two neighbours swapped
}

}  // namespace safesurvey::triage
