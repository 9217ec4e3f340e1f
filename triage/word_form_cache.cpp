#include "triage/word_form_cache.hpp"

#include <cstdint>
#include <vector>

#include "triage/word_form.hpp"

namespace safesurvey::triage {

namespace {

constexpr std::size_t kSlots = 4096;      // 4,096 words, ~256 KB a thread
constexpr std::size_t kLongestWord = 24;  // longer words are rare: compute them

struct Slot {
    std::string word;
    std::string form;
    bool used = false;
};

std::size_t slot_of(std::string_view word) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : word) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 29)) & (kSlots - 1);
}

}  // namespace

void assign_word_form(std::string_view word, std::string& form) {
    if (word.size() > kLongestWord) {
        form = word_form(word);
        return;
    }
    thread_local std::vector<Slot> slots(kSlots);
    Slot& slot = slots[slot_of(word)];
    if (!slot.used || slot.word != word) {
        slot.word.assign(word);
        slot.form = word_form(word);
        slot.used = true;
    }
    form.assign(slot.form);
}

}  // namespace safesurvey::triage
