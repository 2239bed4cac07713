#pragma once
// Runs a scenario one day at a time, as the engine would without skipping quiet days, and calls
// `check(sim, run, day)` for every subscription after each day: for tests that compare what the
// engine keeps between days (its lookahead) with a full scan.
#include "engine/day.hpp"
#include "engine/simulation.hpp"

namespace subsim::testing {

template <class Check>
void after_each_day(const Scenario& scenario, Check&& check) {
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        for (SubscriptionRun& run : sim.subs) check(sim, run, day);
    }
}

}  // namespace subsim::testing
