// An automatic renewal or a period's invoice touches its subscription but keeps its reminder
// dates (wakeup_state.hpp, reminders_touched): the lookahead and send_reminders reuse the kept
// next_reminder on billing days. Checked here against a recomputation from scratch.
#include <catch2/catch.hpp>

#include "example_scenarios.hpp"
#include "kept_dates.hpp"

using namespace subsim;
using subsim::testing::compare_kept_dates;
using subsim::testing::each_example_scenario;

namespace {

// After each day, a subscription touched only by an automatic renewal or a period's invoice
// (reminders_touched unset) gets from its kept reminder date what a recomputation from scratch gives.
int check_kept_reminder_dates(const Scenario& scenario) {
    return compare_kept_dates(
        scenario, [](const SubscriptionRun& run) { return !run.wakeup.reminders_touched; },
        [](Simulation&, SubscriptionRun& run, const SubscriptionRun& fresh, Date) {
            REQUIRE(run.wakeup.next_reminder == fresh.wakeup.next_reminder);
            REQUIRE(run.wakeup.next == fresh.wakeup.next);
        });
}

}  // namespace

TEST_CASE("A renewal or an invoice alone leaves a subscription's reminder dates as a full recomputation gives them",
          "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += check_kept_reminder_dates(s); }) > 0);
    CHECK(compared > 100);  // billing days of subscriptions with reminders: most scenarios have some
}
