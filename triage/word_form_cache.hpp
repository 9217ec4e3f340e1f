// word_form() remembered per thread. Stemming costs a few dozen suffix
// comparisons a word and answers repeat the same few thousand words
// ("he", "mum", "school"), so a small direct-mapped table of recent words
// answers most tokens with one hash and one comparison. The result is
// always exactly word_form(word): a miss just computes it and replaces the
// slot. Per thread, so engines shared between threads need no locking.
#pragma once

#include <string>
#include <string_view>

namespace safesurvey::triage {

// Sets `form` to word_form(word).
void assign_word_form(std::string_view word, std::string& form);

}  // namespace safesurvey::triage
