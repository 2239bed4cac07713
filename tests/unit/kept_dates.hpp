#pragma once
// The day-by-day walk of the kept-dates tests (kept_reminder_dates_test.cpp,
// kept_scheduled_dates_test.cpp): after each day, every subscription touched only in a way that
// keeps some of its dates is compared with a copy of it that keeps nothing (every cursor new),
// both asked for their next dates on that day.
#include <catch2/catch.hpp>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"

namespace subsim::testing {

// `keeps(run)`: the run was touched but keeps the dates under test; `compare(sim, run, fresh, day)`
// checks them. Returns how many runs were compared.
template <class Keeps, class Compare>
int compare_kept_dates(const Scenario& scenario, Keeps keeps, Compare compare) {
    int compared = 0;
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        for (SubscriptionRun& run : sim.subs) {
            if (!run.wakeup.touched || !keeps(run)) continue;
            SubscriptionRun fresh = run;  // a copy: nothing kept, every cursor new
            fresh.wakeup = WakeupState{};
            fresh.reminders.wake_term.clear();
            earliest_ahead(sim, fresh, day);
            earliest_ahead(sim, run, day);
            INFO("day " << day.iso() << ", subscription " << run.index);
            compare(sim, run, fresh, day);
            ++compared;
        }
        next_day_to_visit(sim, day, agenda);
    }
    return compared;
}

}  // namespace subsim::testing
