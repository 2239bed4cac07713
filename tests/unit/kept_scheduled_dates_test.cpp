// An automatic renewal or a period's invoice touches its subscription but moves none of its
// scheduled dates (wakeup_state.hpp, scheduled_touched): the lookahead reuses the kept
// next_scheduled on billing days and computes only the billing boundaries again. Checked here
// against a recomputation from scratch.
#include <catch2/catch.hpp>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

// After each day, a subscription touched only by an automatic renewal or a period's invoice
// (scheduled_touched unset) gets from its kept scheduled date what a recomputation from scratch gives.
int check_kept_scheduled_dates(const Scenario& scenario) {
    int compared = 0;
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        for (SubscriptionRun& run : sim.subs) {
            if (!run.wakeup.touched || run.wakeup.scheduled_touched) continue;
            SubscriptionRun fresh = run;  // a copy: nothing kept, every cursor new
            fresh.wakeup = WakeupState{};
            fresh.reminders.wake_term.clear();
            earliest_ahead(sim, fresh, day);
            earliest_ahead(sim, run, day);
            INFO("day " << day.iso() << ", subscription " << run.index);
            REQUIRE(run.wakeup.next_scheduled == fresh.wakeup.next_scheduled);
            REQUIRE(run.wakeup.next_boundary == fresh.wakeup.next_boundary);
            REQUIRE(run.wakeup.next_boundary == earliest_boundary_by_full_scan(sim, run, day));
            ++compared;
        }
        next_day_to_visit(sim, day, agenda.next_date());
    }
    return compared;
}

}  // namespace

TEST_CASE("A renewal or an invoice alone leaves a subscription's scheduled dates as a full recomputation gives them",
          "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += check_kept_scheduled_dates(s); }) > 0);
    CHECK(compared > 100);  // billing days: every scenario that bills has some
}
