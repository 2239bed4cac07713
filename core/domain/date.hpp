#pragma once
// A civil date (no time zone, no time of day), built on the C++20 chrono calendar.
// Arithmetic never chains month additions: callers add k months to an anchor in one step,
// so a boundary is always anchor + k x period and day-of-month clamping never drifts.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace subsim {

class Date {
public:
    // Years outside [1900, 9999] are rejected by parse(); arithmetic may step a little past them.
    static constexpr int min_year = 1900;
    static constexpr int max_year = 9999;

    static std::optional<Date> parse(std::string_view iso);  // strict YYYY-MM-DD
    static std::optional<Date> from_ymd(int y, unsigned m, unsigned d);
    // For callers that computed a valid civil date themselves (no range check on the year).
    static Date from_valid_ymd(int y, unsigned m, unsigned d);
    static unsigned days_in_month(int y, unsigned m);

    constexpr Date() = default;

    int year() const;
    unsigned month() const;
    unsigned day() const;
    unsigned weekday() const;  // 0 = Sunday ... 6 = Saturday
    bool is_weekend() const;

    Date plus_days(long days) const { return Date{days_ + std::chrono::days{days}}; }
    // Adds whole months, clamping the day to the last day of the target month.
    Date plus_months(long months) const;
    long days_until(Date later) const { return (later.days_ - days_).count(); }  // later - *this, in days

    std::string iso() const;

    // Compared through the day count: the libc++ of Emscripten 3.1.6 has no <=> for chrono types.
    friend constexpr auto operator<=>(Date a, Date b) { return a.days_.time_since_epoch().count() <=> b.days_.time_since_epoch().count(); }
    friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }

private:
    explicit constexpr Date(std::chrono::sys_days d) : days_(d) {}
    std::chrono::sys_days days_{};
};

}  // namespace subsim
