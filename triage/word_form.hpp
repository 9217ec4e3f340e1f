// The form a word is matched in, so that a rule written once matches the
// ways people inflect it: "cut herself" also finds "cuts herself" and
// "cutting herself"; "saving up tablets" also finds "saved up his tablets".
//
// Two steps, applied alike to answers and to rule terms:
//  * inflection: the inflectional steps of the Porter2 (Snowball English)
//    stemmer — plurals, -ed, -ing, final -e — and none of its derivational
//    steps, which conflate too much for safeguarding ("sexuality" would
//    become "sexual"). Porter2's short-syllable test keeps "scared" apart
//    from "scar" and "cutting" together with "cut".
//  * fillers: articles and unambiguous possessives ("the", "a", "his", "my")
//    are left out of the matching text, so "took the tablets" and "took his
//    tablets" are both "took tablets". "her" is not a filler: it is as often
//    the object of a verb ("hit her") as a possessive.
//
// Context triggers and figurative masks are still matched on the exact words
// ("killing me" must not become "killed me"): see compiled_rules.hpp.
#pragma once

#include <string>
#include <string_view>

namespace safesurvey::triage {

// `word` is lower-case ASCII letters and digits, with its repeated letters
// NOT yet squashed ("cutting"); returns the matching form, squashed ("cut").
// Other input (non-ASCII, digits only) comes back squashed but unstemmed.
std::string word_form(std::string_view word);

// Whether a canonical word is left out of the matching text.
bool is_filler_word(std::string_view canonical);

// Collapses every run of one letter to a single letter ("sooo" -> "so").
std::string squash_repeats(std::string_view word);

}  // namespace safesurvey::triage
