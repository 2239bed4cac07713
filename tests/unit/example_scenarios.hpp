#pragma once
// The bundled example scenarios (scenarios/, v2 ones included), read as the CLI's `check` reads
// them: relative dates against 2026-03-31, the date `check scenarios/v2 --today` uses (SPEC-v2 §8).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/scenario_reader.hpp"

namespace subsim::testing {

// Calls `check` with every bundled example scenario; returns how many there were.
template <class Check>
int each_example_scenario(Check&& check) {
    int count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SUBSIM_SOURCE_DIR "/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const ScenarioReading reading = read_scenario(text.str(), Date::parse("2026-03-31"));
        REQUIRE(reading.scenario);
        INFO(entry.path().filename().string());
        check(*reading.scenario);
        ++count;
    }
    return count;
}

}  // namespace subsim::testing
