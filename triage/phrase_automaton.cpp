#include "triage/phrase_automaton.hpp"

#include <array>
#include <deque>

namespace safesurvey::triage {

namespace {
constexpr std::array<std::int8_t, 256> make_symbols() {
    std::array<std::int8_t, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = PhraseAutomaton::kAlphabet - 1;
    for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<std::int8_t>(c - 'a');
    for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<std::int8_t>(26 + c - '0');
    table[' '] = 36;
    return table;
}
constexpr auto kSymbols = make_symbols();
}  // namespace

int PhraseAutomaton::symbol(unsigned char c) {
    return kSymbols[c];
}

PhraseAutomaton::PhraseAutomaton(const std::vector<std::string>& phrases) {
    const auto add_state = [this] {
        next_.insert(next_.end(), kAlphabet, -1);
        output_.push_back(-1);
        more_.push_back(-1);
        duplicates_.emplace_back();
        return static_cast<std::int32_t>(output_.size() - 1);
    };
    add_state();
    // 1. The trie.
    for (std::uint32_t id = 0; id < phrases.size(); ++id) {
        std::int32_t state = 0;
        for (unsigned char c : phrases[id]) {
            const int s = kSymbols[c];
            if (next_[state * kAlphabet + s] < 0) {
                const std::int32_t created = add_state();
                next_[state * kAlphabet + s] = created;
            }
            state = next_[state * kAlphabet + s];
        }
        if (state == 0) continue;  // an empty phrase never matches
        if (output_[state] < 0) {
            output_[state] = static_cast<std::int32_t>(id);
        } else {
            duplicates_[state].push_back(id);
        }
    }
    // 2. Failure links folded into a full transition table (breadth first),
    //    and the chain of suffix states that carry output.
    std::vector<std::int32_t> fail(output_.size(), 0);
    std::deque<std::int32_t> queue;
    for (int s = 0; s < kAlphabet; ++s) {
        std::int32_t& child = next_[s];
        if (child < 0) {
            child = 0;
        } else {
            queue.push_back(child);
        }
    }
    // The catch-all symbol always returns to the root: no phrase contains it.
    std::vector<std::int32_t> order{0};  // breadth-first order, for renumbering
    while (!queue.empty()) {
        const std::int32_t state = queue.front();
        queue.pop_front();
        order.push_back(state);
        const std::int32_t f = fail[state];
        more_[state] = output_[f] >= 0 ? f : more_[f];
        for (int s = 0; s < kAlphabet; ++s) {
            std::int32_t& child = next_[state * kAlphabet + s];
            if (child < 0) {
                child = next_[f * kAlphabet + s];
            } else {
                fail[child] = next_[f * kAlphabet + s];
                queue.push_back(child);
            }
        }
    }
    renumber_breadth_first(order);
    emits_.resize(output_.size());
    for (std::size_t s = 0; s < output_.size(); ++s) emits_[s] = output_[s] >= 0 || more_[s] > 0;
}

// Text spends most of its bytes in shallow states; numbering them first keeps
// their rows of the transition table together in cache.
void PhraseAutomaton::renumber_breadth_first(const std::vector<std::int32_t>& order) {
    std::vector<std::int32_t> new_id(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) new_id[order[i]] = static_cast<std::int32_t>(i);
    std::vector<std::int32_t> next(next_.size());
    std::vector<std::int32_t> output(output_.size()), more(more_.size());
    std::vector<std::vector<std::uint32_t>> duplicates(duplicates_.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::int32_t old = order[i];
        for (int s = 0; s < kAlphabet; ++s)
            next[i * kAlphabet + s] = new_id[next_[old * kAlphabet + s]];
        output[i] = output_[old];
        more[i] = more_[old] > 0 ? new_id[more_[old]] : more_[old];
        duplicates[i] = std::move(duplicates_[old]);
    }
    next_ = std::move(next);
    output_ = std::move(output);
    more_ = std::move(more);
    duplicates_ = std::move(duplicates);
}

void PhraseAutomaton::scan(std::string_view text, std::vector<Hit>& hits) const {
    std::int32_t state = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        state = next_[state * kAlphabet + kSymbols[data[i]]];
        if (!emits_[state]) continue;
        for (std::int32_t s = output_[state] >= 0 ? state : more_[state]; s > 0; s = more_[s]) {
            hits.push_back({static_cast<std::uint32_t>(output_[s]), i + 1});
            for (std::uint32_t extra : duplicates_[s]) hits.push_back({extra, i + 1});
        }
    }
}

}  // namespace safesurvey::triage
