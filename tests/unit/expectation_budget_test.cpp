// The messages of the expectations are part of the answer, under its byte budget
// (limits::answer_bytes, docs/limits.md): the names they repeat are added up before a line is
// written, so a long product name in thousands of expectations is refused at once instead of
// making the engine write gigabytes of lines first.
#include <catch2/catch.hpp>

#include <string>

#include "engine/simulate.hpp"
#include "io/json_api.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/narrator.hpp"

namespace {

// One subscription to a product named by `name_length` characters, and `count` expectations that
// each name that product (the state of the subscription's product on its first day).
std::string long_name_expected(std::size_t name_length, std::size_t count) {
    std::string expect;
    for (std::size_t i = 0; i < count; ++i)
        expect += std::string(i ? ", " : "") + R"({"on": "2025-01-01", "subscription": "s", "product": "p", "state": "active"})";
    return R"({"subsim": 1, "currency": "EUR", "start": "2025-01-01", "until": "2025-03-31",
  "account": {"id": "a", "created": "2020-01-01", "owner": "o", "payment_method": true, "users": [{"id": "o", "role": "owner"}]},
  "catalog": {"products": [{"id": "p", "name": ")" + std::string(name_length, 'N') + R"("}],
              "plans": [{"id": "m", "product": "p", "price": 100, "period": "P1M"}]},
  "subscriptions": [{"id": "s", "plans": ["m"], "start": "2025-01-01"}],
  "expect": [)" + expect + "]}";
}

subsim::Result simulated(const std::string& text) {
    const subsim::ScenarioReading reading = subsim::read_scenario(text);
    REQUIRE(reading.scenario);
    return subsim::simulate(*reading.scenario);
}

}  // namespace

TEST_CASE("Expectation lines whose names alone pass the answer's budget are refused before any is written",
          "[limits][output][expectations]") {
    // 2,000 lines each repeating a 200,000-byte name: 400 MB of lines from a 360 KB file.
    const std::string text = long_name_expected(200000, 2000);
    REQUIRE(text.size() < subsim::limits::file_bytes);
    const subsim::Result result = simulated(text);
    REQUIRE(result.limit_exceeded);
    CHECK(result.limit_exceeded->find("more than the limit of 268435456 bytes") != std::string::npos);
    REQUIRE(result.expectations.size() == 2000);  // every expectation is still checked …
    CHECK(result.expectations.front().passed);
    for (const subsim::ExpectationOutcome& o : result.expectations) CHECK(o.message.empty());  // … none is worded

    const subsim::JsonAnswer answer = subsim::simulate_json(text);
    CHECK(answer.status == 2);
    CHECK(answer.json.find(R"("pointer": "/until")") != std::string::npos);
    CHECK(answer.json.find("more than the limit of 268435456 bytes") != std::string::npos);
}

TEST_CASE("Expectation lines within the answer's budget are all written", "[limits][output][expectations]") {
    const subsim::Result result = simulated(long_name_expected(1000, 20));
    CHECK_FALSE(result.limit_exceeded);
    REQUIRE(result.expectations.size() == 20);
    for (const subsim::ExpectationOutcome& o : result.expectations)
        CHECK(o.message.find(std::string(1000, 'N')) != std::string::npos);
}

TEST_CASE("The bytes counted before writing an expectation line are at most the line's", "[limits][expectations]") {
    const std::string text = long_name_expected(300, 1);
    const subsim::ScenarioReading reading = subsim::read_scenario(text);
    REQUIRE(reading.scenario);
    const subsim::Result result = subsim::simulate(*reading.scenario);
    const std::size_t at_least = subsim::expectation_line_bytes_at_least(*reading.scenario, reading.scenario->expectations[0]);
    CHECK(at_least >= 300);  // the product's name is in the line
    for (const subsim::Language lang : {subsim::Language::en, subsim::Language::fr})
        CHECK(at_least <= subsim::narrate_expectation(*reading.scenario, result.expectations[0], lang).size());
}
