#pragma once
// Command-line options shared by the commands: each `take_*` removes what it recognises from
// `args` and leaves the positional arguments (the last occurrence of an option wins).
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace subsim::cli {

// `--name VALUE` or `--name=VALUE`: take_value(["a", "--junit", "r.xml"], "--junit") == "r.xml",
// leaving ["a"]. None when absent; `missing_value` is set when the option ends the line.
std::optional<std::string> take_value(std::vector<std::string>& args, std::string_view name, bool& missing_value);

// `--name` anywhere: true when present (every occurrence removed).
bool take_flag(std::vector<std::string>& args, std::string_view name);

// `--locale L`: "" when absent, which means the scenario's own locale.
std::string take_locale(std::vector<std::string>& args);

// `--today YYYY-MM-DD`: the reference date of relative dates (SPEC-v2 §8.2). Without the option,
// the machine's local date: the CLI reads the clock so that the core never does. False (after
// saying why on `err`) when the value is missing or not a date.
bool take_today(std::vector<std::string>& args, const char* command, std::ostream& err, std::optional<Date>& today);

}  // namespace subsim::cli
