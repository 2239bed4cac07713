// Floors (bench/floors.hpp): no engine code, only civil-date arithmetic written out.
#include "floors.hpp"

#include <algorithm>
#include <cstring>

namespace bench {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

unsigned last_day(long y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// Calls visit(day number) for start + k x period, k = 1, 2, ... while on or before `until`.
template <class Visit>
void for_each_boundary(const subsim::Date start, const subsim::Duration& period, long until, Visit&& visit) {
    const long n = period.base_units();
    if (n <= 0) return;
    if (!period.is_calendar()) {
        for (long day = days_from_civil(start.year(), start.month(), start.day()) + n; day <= until; day += n) visit(day);
        return;
    }
    const long months0 = static_cast<long>(start.year()) * 12 + (start.month() - 1);
    for (long k = 1;; ++k) {
        const long months = months0 + k * n;
        const long y = months / 12;
        const unsigned m = static_cast<unsigned>(months % 12) + 1;
        const unsigned d = start.day() <= 28 ? start.day() : std::min(start.day(), last_day(y, m));
        const long day = days_from_civil(y, m, d);
        if (day > until) return;
        visit(day);
    }
}

template <class Visit>
void each_line_boundary(const subsim::Scenario& sc, Visit&& visit) {
    const long until = days_from_civil(sc.until.year(), sc.until.month(), sc.until.day());
    for (const subsim::Subscription& sub : sc.subscriptions)
        for (const subsim::Index plan : sub.plans) {
            const subsim::Plan& p = sc.catalog.plans[plan];
            for_each_boundary(sub.start, p.period, until, [&](long day) { visit(day, p.price.minor()); });
        }
}

}  // namespace

void copy_output(const std::string& from, std::string& to) {
    std::memcpy(to.data(), from.data(), from.size());
    asm volatile("" : : "r"(to.data()) : "memory");
}

std::int64_t walk_boundaries(const subsim::Scenario& sc) {
    std::int64_t sum = 0;
    each_line_boundary(sc, [&](long day, std::int64_t price) { sum += price + day; });
    return sum;
}

std::size_t count_boundaries(const subsim::Scenario& sc) {
    std::size_t n = 0;
    each_line_boundary(sc, [&](long, std::int64_t) { ++n; });
    return n;
}

}  // namespace bench
