// An automatic renewal or a period's invoice touches its subscription but keeps its reminder
// dates (wakeup_state.hpp, reminders_touched): the lookahead and send_reminders reuse the kept
// next_reminder on billing days. Checked here against a recomputation from scratch.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

// After each day, a subscription touched only by an automatic renewal or a period's invoice
// (reminders_touched unset) gets from its kept reminder date what a recomputation from scratch gives.
int check_kept_reminder_dates(const Scenario& scenario) {
    int compared = 0;
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        for (SubscriptionRun& run : sim.subs) {
            if (!run.wakeup.touched || run.wakeup.reminders_touched) continue;
            SubscriptionRun fresh = run;  // a copy: nothing kept, every cursor new
            fresh.wakeup = WakeupState{};
            fresh.reminders.wake_term.clear();
            earliest_ahead(sim, fresh, day);
            earliest_ahead(sim, run, day);
            INFO("day " << day.iso() << ", subscription " << run.index);
            REQUIRE(run.wakeup.next_reminder == fresh.wakeup.next_reminder);
            REQUIRE(run.wakeup.next == fresh.wakeup.next);
            ++compared;
        }
        next_day_to_visit(sim, day, agenda.next_date());
    }
    return compared;
}

}  // namespace

TEST_CASE("A renewal or an invoice alone leaves a subscription's reminder dates as a full recomputation gives them",
          "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += check_kept_reminder_dates(s); }) > 0);
    CHECK(compared > 100);  // billing days of subscriptions with reminders: most scenarios have some
}
