#include "server/cli/arguments.hpp"

namespace safesurvey::cli {

std::optional<Arguments> Arguments::parse(std::span<const std::string> args,
                                          const ArgumentSpec& spec, std::string& error) {
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            out.positional_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (spec.switches.contains(name) && !inline_value) {
            out.switches_.insert(name);
        } else if (spec.options.contains(name)) {
            if (inline_value) {
                out.values_[name] = *inline_value;
            } else if (i + 1 < args.size()) {
                out.values_[name] = args[++i];
            } else {
                error = "--" + name + " needs a value";
                return std::nullopt;
            }
        } else {
            error = "unknown option --" + name + " (see --help)";
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

bool Arguments::has(const std::string& name) const {
    return switches_.contains(name) || values_.contains(name);
}

ArgumentSpec with_data_options(ArgumentSpec spec) {
    spec.options.insert("config");
    spec.options.insert("data-dir");
    spec.switches.insert("help");
    return spec;
}

}  // namespace safesurvey::cli
