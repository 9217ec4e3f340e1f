#include "triage/normalized_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "triage/word_form.hpp"
#include "triage/word_form_cache.hpp"

namespace safesurvey::triage {

namespace {

// One code point after folding, with the original bytes it came from.
struct Unit {
    char32_t c;
    std::uint32_t start;
    std::uint32_t end;
};

bool is_zero_width(char32_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
           c == 0x180E;
}

char32_t fold_typography(char32_t c) {
    switch (c) {
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x2032:
        case 0x02BC:
        case 0x0060:
        case 0x00B4:
            return U'\'';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            return U'"';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2212:
            return U'-';
        case 0x2026:
            return U'.';
        default:
            return c;
    }
}

// Appends the NFKC-casefolded form of original[start, end) as units that all
// point back at that span. Used only for non-ASCII segments.
void fold_segment(std::string_view original, std::uint32_t start, std::uint32_t end,
                  std::vector<Unit>& units) {
    static const icu::Normalizer2* nfkc_cf = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        return U_SUCCESS(status) ? n : nullptr;
    }();
    const auto piece = icu::UnicodeString::fromUTF8(
        icu::StringPiece(original.data() + start, static_cast<int32_t>(end - start)));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_cf ? nfkc_cf->normalize(piece, status) : piece;
    if (U_FAILURE(status)) folded = piece;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
        const char32_t c = fold_typography(static_cast<char32_t>(folded.char32At(i)));
        if (!is_zero_width(c)) units.push_back({c, start, end});
    }
}

// Decodes UTF-8, folding ASCII directly and other segments (a code point and
// the combining marks after it) through ICU.
const std::vector<Unit>& fold_units(std::string_view s) {
    // Reused per thread: an answer is folded without allocating.
    thread_local std::vector<Unit> units;
    units.clear();
    units.reserve(s.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < length) {
        if (bytes[i] < 0x80) {
            char32_t c = bytes[i];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            units.push_back({c, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)});
            ++i;
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {  // invalid byte: a separator, never a letter
            units.push_back(
                {U' ', static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
            continue;
        }
        // Take the combining marks that follow, so NFKC sees the whole character.
        while (i < length && bytes[i] >= 0x80) {
            int32_t next = i;
            UChar32 mark;
            U8_NEXT(bytes, next, length, mark);
            if (mark < 0 || u_getCombiningClass(mark) == 0) break;
            i = next;
        }
        const char32_t typographic = fold_typography(static_cast<char32_t>(c));
        if (is_zero_width(typographic)) continue;
        if (typographic < 0x80) {
            units.push_back(
                {typographic, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
        } else {
            fold_segment(s, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i),
                         units);
        }
    }
    return units;
}

bool is_letter(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
bool is_leet_symbol(char32_t c) {
    return c == '@' || c == '$' || c == '!' || c == '+';
}

char leet_letter(char32_t c) {
    switch (c) {
        case '0':
            return 'o';
        case '1':
        case '!':
            return 'i';
        case '3':
            return 'e';
        case '4':
        case '@':
            return 'a';
        case '5':
        case '$':
            return 's';
        case '7':
        case '+':
            return 't';
        case '8':
            return 'b';
        default:
            return 0;
    }
}

void append_utf8(std::string& out, char32_t c) {
    char buffer[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, static_cast<UChar32>(c));
    out.append(buffer, static_cast<std::size_t>(n));
}

// Builds tokens from folded units. A word collects letters, digits, in-word
// apostrophes (dropped: "don't" -> "dont") and leet symbols between letters.
class Tokenizer {
  public:
    // Writes into `tokens`, which is cleared first: a reused vector keeps
    // its capacity, so a caller that holds one per thread does not allocate.
    Tokenizer(const std::vector<Unit>& units, std::vector<Token>& tokens)
        : units_(units), tokens_(tokens) {
        tokens_.clear();
        word_.clear();
    }

    void run() {
        for (std::size_t i = 0; i < units_.size(); ++i) step(i);
        finish_word();
    }

  private:
    char32_t at(std::size_t i) const { return i < units_.size() ? units_[i].c : U' '; }

    void step(std::size_t i) {
        const char32_t c = units_[i].c;
        const bool in_word = !word_.empty();
        if (is_letter(c) || is_digit(c)) {
            add_to_word(i, c);
        } else if (c == '\'' && in_word && is_letter(at(i + 1))) {
            extend_word(i);  // elision: keep the span, drop the apostrophe
        } else if (is_leet_symbol(c) && (in_word || is_letter(at(i + 1)) || is_digit(at(i + 1))) &&
                   (is_letter(at(i + 1)) || is_digit(at(i + 1)) || (in_word && c == '$'))) {
            add_to_word(i, c);
        } else {
            finish_word();
            separator(i, c);
        }
    }

    void add_to_word(std::size_t i, char32_t c) {
        if (word_.empty()) word_start_ = units_[i].start;
        word_end_ = units_[i].end;
        word_.push_back(c);
    }
    void extend_word(std::size_t i) { word_end_ = units_[i].end; }

    void separator(std::size_t i, char32_t c) {
        // Quotes are no pause: "he said "plays games" with her" is one phrase.
        if (c == ' ' || c == '\t' || c == '\r' || c == '-' || c == '/' || c == '\'' || c == '"' ||
            c == '\n' || (c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c)))) {
            if (c != '\n' && c != 0x2029 && c != 0x2028) return;
        }
        const bool stop =
            c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == 0x2029 || c == 0x2028;
        const TokenKind kind = stop ? TokenKind::stop : TokenKind::pause;
        if (!tokens_.empty() && tokens_.back().kind != TokenKind::word) {
            // Fold runs of punctuation into one; a stop wins over a pause.
            Token& last = tokens_.back();
            if (kind == TokenKind::stop) {
                last.kind = TokenKind::stop;
                last.text.assign(1, '.');
            }
            last.end = units_[i].end;
            return;
        }
        std::string mark(1, stop ? '.' : ',');
        Token token{mark, mark, units_[i].start, units_[i].end, kind, false};
        tokens_.push_back(std::move(token));
    }

    void finish_word() {
        if (word_.empty()) return;
        bool has_letter = false, has_other = false;
        for (char32_t c : word_) {
            has_letter |= is_letter(c);
            has_other |= is_digit(c) || is_leet_symbol(c);
        }
        const bool leet = has_letter && has_other;
        Token token{{}, {}, word_start_, word_end_, TokenKind::word, false};
        // `unsquashed` keeps doubled letters for the inflection step, which
        // needs them ("cutting" -> "cut", not "cuting" -> "cute").
        std::string unsquashed;
        bool ascii = true;
        char32_t previous = 0;
        for (char32_t c : word_) {
            if (leet && leet_letter(c))
                c = static_cast<char32_t>(leet_letter(c)), token.leet = true;
            if (is_leet_symbol(c)) continue;
            if (c < 0x80) unsquashed.push_back(static_cast<char>(c));
            ascii = ascii && c < 0x80;
            if (c == previous && is_letter(c)) continue;  // "sooo" -> "so"
            previous = c;
            if (c < 0x80) {
                token.text.push_back(static_cast<char>(c));
            } else {
                append_utf8(token.text, c);
            }
        }
        word_.clear();
        if (token.text.empty()) return;
        if (ascii) {
            assign_word_form(unsquashed, token.form);
        } else {
            token.form = token.text;
        }
        tokens_.push_back(std::move(token));
    }

    const std::vector<Unit>& units_;
    std::vector<Token>& tokens_;
    std::u32string& word_ = word_buffer();  // the word being collected

    static std::u32string& word_buffer() {
        thread_local std::u32string buffer;
        return buffer;
    }
    std::uint32_t word_start_ = 0;
    std::uint32_t word_end_ = 0;
};

}  // namespace

void rebuild_matching(NormalizedText& out) {
    out.matching.clear();
    out.token_at.clear();
    for (std::uint32_t t = 0; t < out.tokens.size(); ++t) {
        const Token& token = out.tokens[t];
        if (token.kind == TokenKind::word && is_filler_word(token.text)) continue;
        if (!out.matching.empty()) {
            out.matching.push_back(' ');
            out.token_at.push_back(t);
        }
        out.matching += token.form;
        out.token_at.resize(out.matching.size(), t);
    }
}

void normalize(std::string_view original, NormalizedText& out) {
    Tokenizer(fold_units(original), out.tokens).run();
    out.matching.reserve(original.size() + 8);
    out.token_at.reserve(original.size() + 8);
    rebuild_matching(out);
}

NormalizedText normalize(std::string_view original) {
    NormalizedText out;
    normalize(original, out);
    return out;
}

std::string normalize_phrase(std::string_view phrase) {
    std::string out;
    for (const Token& token : normalize(phrase).tokens) {
        if (token.kind != TokenKind::word) continue;
        if (!out.empty()) out.push_back(' ');
        out += token.text;
    }
    return out;
}

PhraseWords phrase_words(std::string_view phrase) {
    PhraseWords out;
    for (Token& token : normalize(phrase).tokens) {
        if (token.kind != TokenKind::word) continue;
        if (!is_filler_word(token.text)) {
            if (!out.matching.empty()) out.matching.push_back(' ');
            out.matching += token.form;
        }
        out.words.push_back(std::move(token.text));
        out.forms.push_back(std::move(token.form));
    }
    return out;
}

}  // namespace safesurvey::triage
