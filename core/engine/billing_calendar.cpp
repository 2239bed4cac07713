#include "engine/billing_calendar.hpp"

namespace subsim {

BillingCalendar::BillingCalendar(Date anchor, Duration period, long periods_per_term,
                                 long periods_per_renewal)
    : anchor_(anchor), period_(period), term_(periods_per_term), renewal_(periods_per_renewal) {}

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
