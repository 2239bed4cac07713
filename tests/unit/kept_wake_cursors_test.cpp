// A billing pass moves the lookahead's cursors (ProductLine::wake, BundleState::wake) along with
// the billing cursors (bill_due_lines): the lookahead then finds each line's next boundary
// without walking to it. A cursor may give an earlier date than the calendar's next boundary (it
// lags behind and is walked forward, or a pause moved the calendar under its kept date: a day
// visited for nothing) but never a later one: the lookahead would skip that boundary. Checked
// here after every day against the boundary the calendar gives from scratch, for subscriptions
// never paused (a pause moves the boundaries of indices already passed: from scratch, the
// calendar's first boundary after the day is then one the line never bills).
#include <catch2/catch.hpp>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

// The first boundary of `cal` after `day`, from scratch.
Date first_after(const BillingCalendar& cal, Date day) { return cal.boundary(cal.first_boundary_after(day)); }

// The date a copy of `cursor` walks to after `day` (the cursor itself stays where it is).
Date walked(BoundaryCursor cursor, const BillingCalendar& cal, Date day) { return cursor.after(cal, day); }

int check_wake_cursors(const Scenario& scenario) {
    int compared = 0;
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        next_day_to_visit(sim, day, agenda);  // the lookahead, as a skipping run asks it
        for (SubscriptionRun& run : sim.subs) {
            if (run.pause.started || run.pause.last_resume) continue;
            INFO("day " << day.iso() << ", subscription " << run.index);
            for (const ProductLine& line : run.lines) {
                if (!line.live()) continue;
                REQUIRE(walked(line.wake, line.calendar, day) <= first_after(line.calendar, day));
                ++compared;
            }
            if (run.bundle.calendar)
                REQUIRE(walked(run.bundle.wake, *run.bundle.calendar, day) <= first_after(*run.bundle.calendar, day));
        }
    }
    return compared;
}

}  // namespace

TEST_CASE("The lookahead's line and bundle cursors never give a date past the first boundary after the day", "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += check_wake_cursors(s); }) > 0);
    CHECK(compared > 1000);
}
