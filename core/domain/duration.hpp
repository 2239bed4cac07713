#pragma once
// An ISO-8601 duration with a single unit (P14D, P2W, P1M, P3M, P1Y, P0D).
// Weeks are stored as days and years as months, so there are only two kinds of arithmetic:
// plain day counting, and calendar months with end-of-month clamping.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace subsim {

class Duration {
public:
    enum class Unit { day, week, month, year };

    // Longest duration accepted, in any unit: 100 years (36,525 days, 5,218 weeks, 1,200 months).
    // It keeps every date the engine computes within a few centuries of the horizon.
    static constexpr long max_days = 36525;
    static constexpr long max_months = 1200;

    static std::optional<Duration> parse(std::string_view iso);
    static Duration days(long n) { return Duration{n, Unit::day}; }
    static Duration months(long n) { return Duration{n, Unit::month}; }

    constexpr Duration() = default;

    bool is_zero() const { return count_ == 0; }
    bool is_calendar() const { return unit_ == Unit::month || unit_ == Unit::year; }
    // The length in the base unit: days for day/week, months for month/year.
    long base_units() const {
        if (unit_ == Unit::week) return count_ * 7;
        return unit_ == Unit::year ? count_ * 12 : count_;
    }

    // anchor + k x this, computed in one step from the anchor (never chained). Inline: the
    // reminders and notices ask it on every visited day, nearly always in days.
    Date after(Date anchor, long k = 1) const {
        return is_calendar() ? anchor.plus_months(k * base_units()) : anchor.plus_days(k * base_units());
    }
    // date - this (months clamp to the end of the target month).
    Date before(Date date) const { return after(date, -1); }

    // How many times `period` fits in this duration, when it fits a whole number of times.
    std::optional<long> multiple_of(const Duration& period) const;

    std::string iso() const;  // as written, e.g. "P2W"

    friend bool operator==(const Duration&, const Duration&) = default;

private:
    constexpr Duration(long count, Unit unit) : count_(count), unit_(unit) {}
    long count_ = 0;
    Unit unit_ = Unit::day;
};

}  // namespace subsim
