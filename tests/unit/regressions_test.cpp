// Inputs that once crashed, hung or exhausted memory (found by the fuzzer, tests/regressions/)
// must end as ordinary answers: a result, a failed expectation, or positioned errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/json_api.hpp"

TEST_CASE("No input that once crashed or hung the engine does so again", "[robustness]") {
    int replayed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SUBSIM_SOURCE_DIR "/tests/regressions")) {
        if (!entry.is_regular_file()) continue;  // share-links/: the share-link fuzz target replays those
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        INFO(entry.path().filename().string());
        const subsim::JsonAnswer answer = subsim::simulate_json(text.str());
        CHECK((answer.status == 0 || answer.status == 1 || answer.status == 2));
        if (answer.status == 2) CHECK(answer.json.find("\"line\": ") != std::string::npos);
        ++replayed;
    }
    CHECK(replayed > 0);
}
