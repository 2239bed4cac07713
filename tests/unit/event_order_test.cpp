// A result's events are in date order (a day's events are told together, day after day): the
// expectations count a date's events by binary search over them (engine/expectations.cpp), and
// the page and the narrator read them as a history. Checked on every bundled scenario, and an
// expectation on a date counts what a plain scan of that day counts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/simulate.hpp"
#include "example_scenarios.hpp"

using namespace subsim;
using subsim::testing::each_example_scenario;

TEST_CASE("A result's events are in date order", "[expectations]") {
    const int scenarios = each_example_scenario([](const Scenario& scenario) {
        const Result result = simulate(scenario);
        CHECK(std::is_sorted(result.events.begin(), result.events.end(),
                             [](const Event& a, const Event& b) { return a.date < b.date; }));
    });
    CHECK(scenarios > 30);
}

TEST_CASE("An expectation on a date counts that day's events of its type and subscription", "[expectations]") {
    int dated = 0;
    each_example_scenario([&](const Scenario& scenario) {
        const Result result = simulate(scenario);
        for (const ExpectationOutcome& o : result.expectations) {
            const auto* e = std::get_if<EventExpectation>(&scenario.expectations[o.index]);
            if (!e || !e->on || e->rule) continue;
            const auto n = std::count_if(result.events.begin(), result.events.end(), [&](const Event& ev) {
                return ev.date == *e->on && to_string(ev.type) == e->type &&
                       (!e->subscription || ev.subscription == e->subscription) && (!e->product_given || ev.product == e->product);
            });
            CHECK(o.count == n);
            ++dated;
        }
    });
    CHECK(dated > 0);
}
