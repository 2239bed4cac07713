// bill_due_lines schedules its own next date (WakeupState::next_billing): the earliest of the term
// end, the bundle's and the lines' boundaries after the day it billed, as it moved them. While kept,
// the lookahead takes it instead of scanning every line again. It must be exactly the first
// billing boundary a full scan finds: a later date would skip a billing day, an earlier one would
// only cost a quiet visit but shows the cursors were read wrong.
#include <catch2/catch.hpp>

#include "day_by_day.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

// After each day, every subscription whose billing date is kept: compared with a full scan.
int compare_kept_billing_with_full_scan(const Scenario& scenario) {
    int compared = 0;
    subsim::testing::after_each_day(scenario, [&](Simulation&, SubscriptionRun& run, Date day) {
        if (!run.wakeup.billing_kept_after(day)) return;
        INFO("day " << day.iso() << ", subscription " << run.index);
        const std::optional<Date> full = earliest_billing_by_full_scan(run, day);
        REQUIRE(full);
        REQUIRE(run.wakeup.next_billing == *full);
        ++compared;
    });
    return compared;
}

}  // namespace

TEST_CASE("The billing date bill_due_lines keeps is the first billing boundary a full scan finds", "[engine]") {
    int compared = 0;
    CHECK(each_example_scenario([&](const Scenario& s) { compared += compare_kept_billing_with_full_scan(s); }) > 0);
    CHECK(compared > 1000);  // every day between a subscription's invoice and its next boundary
}

TEST_CASE("A kept billing date holds only after the day it was computed and until it arrives", "[engine]") {
    WakeupState kept;
    CHECK(!kept.billing_kept_after(*Date::parse("2025-03-15")));  // nothing kept yet
    kept.next_billing = *Date::parse("2025-04-15");
    kept.billing_kept = true;
    CHECK(kept.billing_kept_after(*Date::parse("2025-03-15")));
    CHECK(kept.billing_kept_after(*Date::parse("2025-04-14")));
    CHECK(!kept.billing_kept_after(*Date::parse("2025-04-15")));  // the boundary arrived: scanned again
}
