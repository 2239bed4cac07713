// The engine skips days on which nothing can happen; that must never change a result.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/simulate.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"

using namespace subsim;

TEST_CASE("Skipping quiet days gives the same result as visiting every day", "[engine]") {
    int compared = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SUBSIM_SOURCE_DIR "/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const ScenarioReading reading = read_scenario(text.str(), Date::parse("2026-03-31"));  // relative dates: SPEC-v2 §8
        REQUIRE(reading.scenario);
        INFO(entry.path().filename().string());
        CHECK(write_result_json(simulate(*reading.scenario, Stepping::skip_quiet_days)) ==
              write_result_json(simulate(*reading.scenario, Stepping::every_day)));
        ++compared;
    }
    CHECK(compared > 0);
}
