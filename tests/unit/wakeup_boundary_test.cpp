// The lookahead keeps two dates per subscription (engine/wakeup_state.hpp): the earliest date
// anything can happen, and the earliest a boundary rule can act on (reminders left out). The
// boundary rules pass a subscription over on days before the second; both must be a full scan's.
#include <catch2/catch.hpp>

#include "day_by_day.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

void compare_kept_boundary_with_full_scan(const Scenario& scenario) {
    subsim::testing::after_each_day(scenario, [](Simulation& sim, SubscriptionRun& run, Date day) {
        earliest_ahead(sim, run, day);  // brings the kept dates up to `day`
        INFO("day " << day.iso() << ", subscription " << run.index);
        REQUIRE(run.wakeup.next_boundary == earliest_boundary_by_full_scan(sim, run, day));
        // The boundary date is one of the dates ahead: never earlier than the earliest of all.
        if (run.wakeup.next_boundary) REQUIRE((run.wakeup.next && *run.wakeup.next <= *run.wakeup.next_boundary));
    });
}

}  // namespace

TEST_CASE("The kept boundary date of each subscription equals a full scan on every day", "[engine]") {
    CHECK(each_example_scenario(compare_kept_boundary_with_full_scan) > 0);
}

TEST_CASE("A subscription woken only by a reminder has no boundary rule due that day", "[engine]") {
    WakeupState kept;
    kept.next = *Date::parse("2025-03-08");           // a reminder, 7 days before the boundary
    kept.next_boundary = *Date::parse("2025-03-15");  // the boundary
    kept.touched = false;
    CHECK(!kept.idle_on(*Date::parse("2025-03-08")));
    CHECK(kept.boundaries_idle_on(*Date::parse("2025-03-08")));
    CHECK(!kept.boundaries_idle_on(*Date::parse("2025-03-15")));
    kept.touched = true;  // something happened to it: every rule runs
    CHECK(!kept.boundaries_idle_on(*Date::parse("2025-03-08")));
}
