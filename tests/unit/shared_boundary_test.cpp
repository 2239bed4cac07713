// Billing boundaries shared by calendars of one period and anchor (engine/billing_calendar.hpp):
// computed once per pass, the same dates as each calendar's own.
#include <catch2/catch.hpp>

#include <initializer_list>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "engine/billing_calendar.hpp"

using namespace subsim;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }
BillingCalendar monthly(const char* anchor) { return BillingCalendar{d(anchor), *Duration::parse("P1M"), 1, 1}; }

}  // namespace

TEST_CASE("Calendars share their boundaries only on one anchor, period and move") {
    const BillingCalendar a = monthly("2025-01-31");
    CHECK(a.same_boundaries(monthly("2025-01-31")));
    CHECK_FALSE(a.same_boundaries(monthly("2025-01-30")));
    CHECK_FALSE(a.same_boundaries(BillingCalendar{d("2025-01-31"), *Duration::parse("P2M"), 1, 1}));
    CHECK_FALSE(a.same_boundaries(BillingCalendar{d("2025-01-31"), *Duration::parse("P30D"), 1, 1}));
    BillingCalendar paused = monthly("2025-01-31");
    paused.skip_periods(2);  // a pause moved it
    CHECK_FALSE(a.same_boundaries(paused));
    BillingCalendar aligned{d("2025-01-31"), *Duration::parse("P1M"), 1, 1, 15, true};  // billing day 15
    CHECK_FALSE(a.same_boundaries(aligned));
}

TEST_CASE("Cursors moved through a shared boundary land on each calendar's own dates") {
    const BillingCalendar a = monthly("2025-01-31"), same = monthly("2025-01-31"), other = monthly("2025-01-15");
    BillingCalendar moved = monthly("2025-01-31");
    moved.skip_periods(1);
    SharedBoundary shared;
    for (const BillingCalendar* cal : std::initializer_list<const BillingCalendar*>{&a, &same, &other, &moved, &a}) {
        BoundaryCursor cursor;
        CHECK(cursor.after(*cal, d("2025-03-31"), shared) == cal->boundary(cal->first_boundary_after(d("2025-03-31"))));
        cursor.move_to(*cal, cursor.index() + 1, shared);
        CHECK(cursor.date(*cal) == cal->boundary(cursor.index()));
    }
    BoundaryCursor first, second;
    CHECK(first.after(a, d("2025-02-27"), shared) == d("2025-02-28"));  // clamped to February's last day
    CHECK(second.after(other, d("2025-02-27"), shared) == d("2025-03-15"));
}
