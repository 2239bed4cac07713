// The day-skipping lookahead keeps each subscription's earliest date ahead and computes it again
// only when something happened to it (wakeup_state.hpp): on every day of every example scenario,
// the kept date must be the one a full scan of its boundaries, lines and reminders finds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/day.hpp"
#include "engine/simulation.hpp"
#include "engine/wakeup.hpp"
#include "io/scenario_reader.hpp"

using namespace subsim;

namespace {

// Runs `scenario` day by day; returns the number of (day, subscription) pairs compared.
long compare_kept_with_full_scan(const Scenario& scenario) {
    Simulation sim{scenario};
    ActionAgenda agenda{scenario};
    long compared = 0;
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped(); day = day.plus_days(1)) {
        run_day(sim, day, agenda);
        for (SubscriptionRun& run : sim.subs) {
            const std::optional<Date> full = earliest_ahead_by_full_scan(sim, run, day);
            INFO("day " << day.iso() << ", subscription " << run.index);
            REQUIRE(earliest_ahead(sim, run, day) == full);
            ++compared;
        }
    }
    return compared;
}

}  // namespace

TEST_CASE("The kept wake-up date of each subscription equals a full scan on every day", "[engine]") {
    long compared = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SUBSIM_SOURCE_DIR "/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const ScenarioReading reading = read_scenario(text.str(), Date::parse("2026-03-31"));  // relative dates: SPEC-v2 §8
        REQUIRE(reading.scenario);
        INFO(entry.path().filename().string());
        compared += compare_kept_with_full_scan(*reading.scenario);
    }
    CHECK(compared > 0);
}
