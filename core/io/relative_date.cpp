#include "io/relative_date.hpp"

#include <cctype>

namespace subsim {

bool looks_relative(std::string_view text) {
    static constexpr std::string_view word = "today";
    std::size_t matched = 0;
    for (const char c : text) {
        if (c == ' ') continue;
        if (std::tolower(static_cast<unsigned char>(c)) != word[matched]) return false;
        if (++matched == word.size()) return true;
    }
    return false;
}

std::optional<RelativeDate> parse_relative_date(std::string_view text) {
    static constexpr std::string_view word = "today";
    if (text.substr(0, word.size()) != word) return std::nullopt;
    const std::string_view rest = text.substr(word.size());
    if (rest.empty()) return RelativeDate{Duration::days(0), false};
    if (rest[0] != '+' && rest[0] != '-') return std::nullopt;
    const std::optional<Duration> offset = Duration::parse(rest.substr(1));
    if (!offset) return std::nullopt;
    return RelativeDate{*offset, rest[0] == '-'};
}

std::optional<Date> resolve(const RelativeDate& relative, Date today) {
    const Date d = relative.before ? relative.offset.before(today) : relative.offset.after(today);
    if (d.year() < Date::min_year || d.year() > Date::max_year) return std::nullopt;
    return d;
}

std::optional<Date> parse_reference_date(std::string_view text) { return Date::parse(text); }

}  // namespace subsim
