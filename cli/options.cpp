#include "options.hpp"

#include <algorithm>
#include <ctime>
#include <utility>

#include "io/relative_date.hpp"

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

namespace {

// The machine's calendar date in its own time zone.
Date local_date() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date::from_valid_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

}  // namespace

bool take_today(std::vector<std::string>& args, const char* command, std::ostream& err, std::optional<Date>& today) {
    bool missing = false;
    const std::optional<std::string> value = take_value(args, "--today", missing);
    if (!value && !missing) {
        today = local_date();
        return true;
    }
    today = value ? parse_reference_date(*value) : std::nullopt;
    if (today) return true;
    err << "subsim " << command << ": --today takes a date written YYYY-MM-DD between 1900-01-01 and 9999-12-31"
        << (value ? ", not \"" + *value + "\"" : std::string()) << '\n';
    return false;
}

}  // namespace subsim::cli
