#include "engine/billing_calendar.hpp"

namespace subsim {

BillingCalendar::BillingCalendar(Date anchor, Duration period, long periods_per_term,
                                 long periods_per_renewal)
    : anchor_(anchor),
      anchor_year_(anchor.year()),
      anchor_month_(anchor.month()),
      anchor_day_(anchor.day()),
      period_(period),
      term_(periods_per_term),
      renewal_(periods_per_renewal),
      step_(period.base_units()),
      months_(period.is_calendar()) {
    set_key();
}

BillingCalendar::BillingCalendar(Date anchor, Duration period, long periods_per_term, long periods_per_renewal,
                                 unsigned day, bool anchor_is_term_boundary)
    : BillingCalendar(anchor, period, periods_per_term, periods_per_renewal) {
    anchor_day_ = day;
    aligned_ = true;
    zero_is_term_ = anchor_is_term_boundary;
    set_key();
}

void BillingCalendar::set_key() {
    // Exact, not a hash: the day count fits 32 bits (years stay near Date::max_year), the day of
    // the month 6, the unit 1, and the step 25 (at most 100 years: 36,525 days or 1,200 months).
    const auto days = static_cast<std::uint32_t>(Date{}.days_until(anchor_));
    key_ = days | static_cast<std::uint64_t>(anchor_day_) << 32 | static_cast<std::uint64_t>(months_) << 38 |
           static_cast<std::uint64_t>(step_) << 39;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

unsigned days_in_month(long y, unsigned m) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : lengths[m - 1];
}

}  // namespace

Date BillingCalendar::keep(long k) const {
    Kept& kept = kept_[static_cast<unsigned long>(k) & 3];
    kept = Kept{k, compute(k)};
    return kept.date;
}

void BillingCalendar::skip_periods(long periods) { shift_ += periods; }

void BillingCalendar::reanchor(Date at, long k) {
    anchor_ = at;
    anchor_year_ = at.year();
    anchor_month_ = at.month();
    if (!aligned_) anchor_day_ = at.day();
    set_key();
    shift_ = -k;
    for (Kept& kept : kept_) kept = Kept{};
}

Date BillingCalendar::compute(long k) const {
    // Same arithmetic as Date::plus_months, without converting the anchor back each time.
    const long months = static_cast<long>(anchor_month_) - 1 + k * step_;
    const long year_shift = months >= 0 ? months / 12 : -((11 - months) / 12);
    const long year = anchor_year_ + year_shift;
    const unsigned month = static_cast<unsigned>(months - year_shift * 12) + 1;
    const unsigned last = days_in_month(year, month);
    return Date{}.plus_days(days_from_civil(year, month, anchor_day_ < last ? anchor_day_ : last));
}

long BillingCalendar::first_boundary_after(Date date) const {
    if (shift_ == 0 ? date < anchor_ : date < boundary(0)) return 0;
    // An estimate from the day count (a month is 30.436875 days on average), within a step or
    // two of the answer for any horizon the limits allow; the loops below settle it.
    const long days = anchor_.days_until(date);
    const long j = months_ ? static_cast<long>(static_cast<double>(days) / (30.436875 * static_cast<double>(step_))) : days / step_;
    long k = j - shift_ > 0 ? j - shift_ : 0;
    // The estimate is within one step of the answer; boundaries strictly increase with k.
    while (k > 0 && boundary(k - 1) > date) --k;
    while (boundary(k) <= date) ++k;
    return k;
}

bool BillingCalendar::is_term_boundary(long k) const {
    return (k == 0 && zero_is_term_) || (k >= term_ && (k - term_) % renewal_ == 0);
}

long BillingCalendar::first_term_boundary_after(Date date) const {
    const long k = first_boundary_after(date);
    return is_term_boundary(k) ? k : next_term_index(k);
}

}  // namespace subsim
