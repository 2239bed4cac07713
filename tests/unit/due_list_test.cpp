// The boundary rules run on the subscriptions due or touched (engine/boundaries.cpp). That list is
// built once per day and again only when sim.touches moved, which relies on two things checked
// here: the count moves whenever an untouched subscription becomes touched, and no rule of a day
// clears a touch or moves a kept date (only the lookahead does, between days).
#include <catch2/catch.hpp>

#include <vector>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

void check_touch_count(const Scenario& scenario) {
    Simulation sim{scenario};
    if (sim.subs.empty()) return;
    for (SubscriptionRun& run : sim.subs) run.wakeup.touched = false;
    const std::size_t before = sim.touches;
    sim.touch(0);
    CHECK(sim.subs[0].wakeup.touched);
    CHECK(sim.touches == before + 1);
    sim.touch(0);  // already touched: the list of the day cannot grow
    CHECK(sim.touches == before + 1);
    sim.touch_all();
    CHECK(sim.touches == before + sim.subs.size());
    for (const SubscriptionRun& run : sim.subs) CHECK(run.wakeup.touched);
}

void check_days_only_add_touches(const Scenario& scenario) {
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        std::vector<WakeupState> kept_before;
        for (const SubscriptionRun& run : sim.subs) kept_before.push_back(run.wakeup);
        const std::size_t touches_before = sim.touches;
        run_day(sim, day, agenda);
        std::size_t newly_touched = 0;
        for (std::size_t i = 0; i < sim.subs.size(); ++i) {
            const WakeupState& was = kept_before[i];
            const WakeupState& is = sim.subs[i].wakeup;
            INFO("day " << day.iso() << ", subscription " << i);
            REQUIRE((!was.touched || is.touched));
            REQUIRE(was.next == is.next);
            REQUIRE(was.next_boundary == is.next_boundary);
            REQUIRE(was.next_reminder == is.next_reminder);
            if (!was.touched && is.touched) ++newly_touched;
        }
        REQUIRE(sim.touches - touches_before == newly_touched);
        next_day_to_visit(sim, day, agenda.next_date());  // the lookahead clears the touches
    }
}

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

TEST_CASE("sim.touches moves exactly when an untouched subscription becomes touched", "[engine]") {
    CHECK(each_example_scenario(check_touch_count) > 0);
}

TEST_CASE("A day's rules only add touches and never move a kept lookahead date", "[engine]") {
    CHECK(each_example_scenario(check_days_only_add_touches) > 0);
}
