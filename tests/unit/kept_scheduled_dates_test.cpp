// An automatic renewal or a period's invoice touches its subscription but moves none of its
// scheduled dates (wakeup_state.hpp, scheduled_touched): the lookahead reuses the kept
// next_scheduled on billing days and computes only the billing boundaries again. Checked here
// against a recomputation from scratch.
#include <catch2/catch.hpp>

#include "example_scenarios.hpp"
#include "kept_dates.hpp"

using namespace subsim;
using subsim::testing::compare_kept_dates;
using subsim::testing::each_example_scenario;

namespace {

// After each day, a subscription touched only by an automatic renewal or a period's invoice
// (scheduled_touched unset) gets from its kept scheduled date what a recomputation from scratch gives.
int check_kept_scheduled_dates(const Scenario& scenario) {
    return compare_kept_dates(
        scenario, [](const SubscriptionRun& run) { return !run.wakeup.scheduled_touched; },
        [](Simulation& sim, SubscriptionRun& run, const SubscriptionRun& fresh, Date day) {
            REQUIRE(run.wakeup.next_scheduled == fresh.wakeup.next_scheduled);
            REQUIRE(run.wakeup.next_boundary == fresh.wakeup.next_boundary);
            REQUIRE(run.wakeup.next_boundary == earliest_boundary_by_full_scan(sim, run, day));
        });
}

}  // namespace

TEST_CASE("A renewal or an invoice alone leaves a subscription's scheduled dates as a full recomputation gives them",
          "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += check_kept_scheduled_dates(s); }) > 0);
    CHECK(compared > 100);  // billing days: every scenario that bills has some
}
