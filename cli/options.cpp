#include "options.hpp"

#include <algorithm>
#include <utility>

namespace subsim::cli {

std::optional<std::string> take_value(std::vector<std::string>& args, std::string_view name, bool& missing_value) {
    std::optional<std::string> value;
    std::vector<std::string> rest;
    const std::string with_equals = std::string(name) + "=";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == name && i + 1 < args.size()) value = args[++i];
        else if (args[i] == name) missing_value = true;
        else if (args[i].rfind(with_equals, 0) == 0) value = args[i].substr(with_equals.size());
        else rest.push_back(args[i]);
    }
    args = std::move(rest);
    return value;
}

bool take_flag(std::vector<std::string>& args, std::string_view name) {
    const auto end = std::remove(args.begin(), args.end(), name);
    const bool found = end != args.end();
    args.erase(end, args.end());
    return found;
}

std::string take_locale(std::vector<std::string>& args) {
    bool ignored = false;
    return take_value(args, "--locale", ignored).value_or("");
}

}  // namespace subsim::cli
