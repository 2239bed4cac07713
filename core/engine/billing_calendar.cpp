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
      renewal_(periods_per_renewal) {}

Date BillingCalendar::boundary(long k) const {
    if (!period_.is_calendar()) return anchor_.plus_days(k * period_.base_units());
    // Same arithmetic as Date::plus_months, without converting the anchor back each time.
    const long months = static_cast<long>(anchor_month_) - 1 + k * period_.base_units();
    const long year_shift = months >= 0 ? months / 12 : -((11 - months) / 12);
    const int year = anchor_year_ + static_cast<int>(year_shift);
    const unsigned month = static_cast<unsigned>(months - year_shift * 12) + 1;
    const unsigned last = Date::days_in_month(year, month);
    return Date::from_valid_ymd(year, month, anchor_day_ < last ? anchor_day_ : last);
}

long BillingCalendar::first_boundary_after(Date date) const {
    if (date < anchor_) return 0;
    const long step = period_.base_units();
    long k = 0;
    if (period_.is_calendar()) {
        const long months = (date.year() - anchor_.year()) * 12L +
                            (static_cast<long>(date.month()) - static_cast<long>(anchor_.month()));
        k = months / step;
    } else {
        k = anchor_.days_until(date) / step;
    }
    // The estimate is within one step of the answer; boundaries strictly increase with k.
    while (k > 0 && boundary(k - 1) > date) --k;
    while (boundary(k) <= date) ++k;
    return k;
}

bool BillingCalendar::is_term_boundary(long k) const {
    return k == 0 || (k >= term_ && (k - term_) % renewal_ == 0);
}

long BillingCalendar::next_term_index(long k) const {
    if (k < term_) return term_;
    return term_ + ((k - term_) / renewal_ + 1) * renewal_;
}

long BillingCalendar::first_term_boundary_after(Date date) const {
    const long k = first_boundary_after(date);
    return is_term_boundary(k) ? k : next_term_index(k);
}

}  // namespace subsim
