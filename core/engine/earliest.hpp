#pragma once
// The earliest of some dates after a given day: the lookahead's search (wakeup.cpp) and the billing
// rule's own next date (invoicing.cpp, WakeupState::next_billing) gather dates with it.
#include <optional>

#include "domain/date.hpp"

namespace subsim {

// Later than any date a run reaches (years stay within a few of Date::max_year): "none yet".
constexpr long none_days = 100'000'000;

// The earliest of the dates considered that lie after `today`. Kept as a plain date, `none`
// standing for no date, so that each date considered costs two comparisons.
struct Earliest {
    explicit Earliest(Date t) : today(t) {}
    Date today;
    Date none = Date{}.plus_days(none_days);
    Date best = none;
    void consider(Date d) {
        if (d > today && d < best) best = d;
    }
    void consider(const std::optional<Date>& d) {
        if (d) consider(*d);
    }
    std::optional<Date> found() const { return best == none ? std::nullopt : std::optional<Date>{best}; }
    // The same, stored into `to` part by part. Assigning found() built the optional in memory in two
    // stores and copied it with one wider load, which waits for both stores to retire (no store
    // forwarding): 7 % of simulate() on the 10-year bench scenario, in the lookahead alone.
    void found_into(std::optional<Date>& to) const {
        if (best == none) to.reset();
        else to = best;
    }
};

}  // namespace subsim
