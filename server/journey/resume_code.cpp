#include "server/journey/resume_code.hpp"

#include <sodium.h>

namespace safesurvey::journey {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static_assert(kAlphabet.size() == 32);

// The symbol a typed character stands for, or '\0' when it stands for none.
char canonical_symbol(char typed) {
    if (typed >= 'a' && typed <= 'z') typed = static_cast<char>(typed - 'a' + 'A');
    if (typed == 'O') return '0';
    if (typed == 'I' || typed == 'L') return '1';
    return kAlphabet.find(typed) == std::string_view::npos ? '\0' : typed;
}

}  // namespace

std::string new_resume_code() {
    std::string code;
    code.reserve(kResumeCodeLength);
    for (std::size_t i = 0; i < kResumeCodeLength; ++i) {
        code.push_back(
            kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
    }
    return code;
}

std::string display_resume_code(std::string_view canonical) {
    const std::size_t half = canonical.size() / 2;
    return std::string(canonical.substr(0, half)) + "-" + std::string(canonical.substr(half));
}

std::optional<std::string> normalise_resume_code(std::string_view typed) {
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        const char symbol = canonical_symbol(c);
        if (symbol == '\0' || code.size() == kResumeCodeLength) return std::nullopt;
        code.push_back(symbol);
    }
    if (code.size() != kResumeCodeLength) return std::nullopt;
    return code;
}

}  // namespace safesurvey::journey
