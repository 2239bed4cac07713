// The engine skips days on which nothing can happen; that must never change a result. The
// lookahead keeps each subscription's earliest date ahead and computes it again only when
// something happened to it (engine/wakeup_state.hpp): that kept date must be a full scan's.
#include <catch2/catch.hpp>

#include "day_by_day.hpp"
#include "engine/simulate.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

// Runs `scenario` day by day, comparing each subscription's kept wake-up date with a full scan.
void compare_kept_with_full_scan(const Scenario& scenario) {
    subsim::testing::after_each_day(scenario, [](Simulation& sim, SubscriptionRun& run, Date day) {
        const std::optional<Date> full = earliest_ahead_by_full_scan(sim, run, day);
        INFO("day " << day.iso() << ", subscription " << run.index);
        REQUIRE(earliest_ahead(sim, run, day) == full);
    });
}

}  // namespace

TEST_CASE("Skipping quiet days gives the same result as visiting every day", "[engine]") {
    const int compared = each_example_scenario([](const Scenario& scenario) {
        CHECK(write_result_json(simulate(scenario, Stepping::skip_quiet_days)) ==
              write_result_json(simulate(scenario, Stepping::every_day)));
    });
    CHECK(compared > 0);
}

TEST_CASE("The kept wake-up date of each subscription equals a full scan on every day", "[engine]") {
    CHECK(each_example_scenario(compare_kept_with_full_scan) > 0);
}
