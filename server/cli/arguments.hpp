// Command-line arguments of one subcommand: `--name value` options, `--flag`
// switches and positional words. Parsing is strict so that a typo in a flag is
// an error a person sees, not a silently ignored setting.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace safesurvey::cli {

struct ArgumentSpec {
    std::set<std::string> options;   // take a value: --config FILE
    std::set<std::string> switches;  // stand alone: --dry-run
};

class Arguments {
public:
    // On failure returns nullopt and sets `error` to a message naming the argument.
    static std::optional<Arguments> parse(std::span<const std::string> args,
                                          const ArgumentSpec& spec, std::string& error);

    std::optional<std::string> value(const std::string& name) const;
    bool has(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> switches_;
    std::vector<std::string> positional_;
};

// The options every data-touching subcommand shares: --config FILE, --data-dir DIR.
ArgumentSpec with_data_options(ArgumentSpec spec);

}  // namespace safesurvey::cli
