#pragma once
// Command-line options shared by the commands: each `take_*` removes what it recognises from
// `args` and leaves the positional arguments (the last occurrence of an option wins).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsim::cli {

// `--name VALUE` or `--name=VALUE`: take_value(["a", "--junit", "r.xml"], "--junit") == "r.xml",
// leaving ["a"]. None when absent; `missing_value` is set when the option ends the line.
std::optional<std::string> take_value(std::vector<std::string>& args, std::string_view name, bool& missing_value);

// `--name` anywhere: true when present (every occurrence removed).
bool take_flag(std::vector<std::string>& args, std::string_view name);

// `--locale L`: "" when absent, which means the scenario's own locale.
std::string take_locale(std::vector<std::string>& args);

}  // namespace subsim::cli
