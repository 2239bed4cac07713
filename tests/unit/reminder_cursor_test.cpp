// Each reminder's lookahead cursor (engine/reminders.hpp) carries its term, that term's boundary
// and the reminder's date from one visited day to the next, computing the date again only when
// the boundary moved or was passed. What it gives must be what a fresh cursor, starting from the
// current term end with nothing carried, gives on the same day.
#include <catch2/catch.hpp>

#include "day_by_day.hpp"
#include "engine/pause.hpp"
#include "engine/reminders.hpp"
#include "engine/wakeup.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

namespace {

void compare_carried_with_fresh(const Scenario& scenario) {
    subsim::testing::after_each_day(scenario, [](Simulation& sim, SubscriptionRun& run, Date day) {
        earliest_ahead(sim, run, day);  // brings the carried cursors up to `day`
        const std::vector<Duration>& reminders = run.lead->reminders;
        if (run.reminders.wake_term.size() != reminders.size()) return;  // none carried yet (cleared by a move)
        std::optional<BillingCalendar> moved;
        const BillingCalendar& cal = reminder_calendar(run, moved);
        for (std::size_t i = 0; i < reminders.size(); ++i) {
            ReminderCursor carried = run.reminders.wake_term[i];  // a copy: the run's cursor stays
            ReminderCursor fresh;
            INFO("day " << day.iso() << ", subscription " << run.index << ", reminder " << i);
            REQUIRE(next_reminder(run, cal, carried, reminders[i], day) ==
                    next_reminder(run, cal, fresh, reminders[i], day));
            // A carried date is always the reminder's date for the boundary carried with it.
            if (carried.known) REQUIRE(carried.on == reminders[i].before(carried.boundary));
        }
    });
}

}  // namespace

TEST_CASE("A reminder's carried cursor gives a fresh cursor's date on every day", "[engine]") {
    CHECK(each_example_scenario(compare_carried_with_fresh) > 0);
}

TEST_CASE("A reminder cursor computes its date once per boundary and again when the boundary moves", "[engine]") {
    // Monthly from 2025-01-15, reminded 7 days before each term end.
    const BillingCalendar cal(*Date::parse("2025-01-15"), Duration::months(1), 1, 1);
    Plan plan;
    plan.period = Duration::months(1);
    plan.reminders = {Duration::days(7)};
    SubscriptionRun run{0, nullptr, &plan, cal};
    run.renewal.term_end = 1;  // 2025-02-15
    ReminderCursor cursor;
    CHECK(next_reminder(run, cal, cursor, Duration::days(7), *Date::parse("2025-01-20")) == Date::parse("2025-02-08"));
    CHECK(cursor.term == 1);
    CHECK(cursor.boundary == *Date::parse("2025-02-15"));
    // On its own day the reminder is behind: the cursor moves to the next term end.
    CHECK(next_reminder(run, cal, cursor, Duration::days(7), *Date::parse("2025-02-08")) == Date::parse("2025-03-08"));
    CHECK(cursor.term == 2);
    // The calendar moved (a pause): the same term now ends a month later, and the date follows it.
    BillingCalendar later = cal;
    later.skip_periods(1);
    CHECK(next_reminder(run, later, cursor, Duration::days(7), *Date::parse("2025-02-08")) == Date::parse("2025-04-08"));
    CHECK(cursor.boundary == *Date::parse("2025-04-15"));
}
