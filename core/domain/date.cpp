#include "domain/date.hpp"


namespace subsim {
namespace {

using namespace std::chrono;

year_month_day ymd_of(sys_days d) { return year_month_day{d}; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

void append_padded(std::string& out, int value, std::size_t width) {
    std::string s = std::to_string(value);
    if (s.size() < width) out.append(width - s.size(), '0');
    out += s;
}

}  // namespace

std::optional<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
    if (y < min_year || y > max_year) return std::nullopt;
    const year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return Date{sys_days{ymd}};
}

Date Date::from_valid_ymd(int y, unsigned m, unsigned d) {
    return Date{sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}};
}

unsigned Date::days_in_month(int y, unsigned m) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && std::chrono::year{y}.is_leap()) return 29;
    return lengths[m - 1];
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(s[i])) return std::nullopt;
    return from_ymd(digits(s.substr(0, 4)), static_cast<unsigned>(digits(s.substr(5, 2))),
                    static_cast<unsigned>(digits(s.substr(8, 2))));
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(days_).day()); }
unsigned Date::weekday() const { return std::chrono::weekday{days_}.c_encoding(); }
bool Date::is_weekend() const { return weekday() == 0 || weekday() == 6; }

Date Date::plus_months(long n) const {
    const year_month_day ymd = ymd_of(days_);
    const year_month target = year_month{ymd.year(), ymd.month()} + std::chrono::months{n};
    const std::chrono::day last = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
    const std::chrono::day clamped = ymd.day() < last ? ymd.day() : last;
    return Date{sys_days{target / clamped}};
}

std::string Date::iso() const {
    const year_month_day ymd = ymd_of(days_);
    std::string out;
    append_padded(out, static_cast<int>(ymd.year()), 4);
    out += '-';
    append_padded(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
    out += '-';
    append_padded(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
    return out;
}

}  // namespace subsim
