// The answer's bytes are budgeted (limits::answer_bytes, docs/limits.md): counted before they
// are produced, so a short scenario with long ids cannot make the CLI or the page build gigabytes.
#include <catch2/catch.hpp>

#include <string>

#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"
#include "engine/simulate.hpp"

namespace {

// One daily subscription for `years` years whose id is `id_length` characters long.
std::string long_id_daily(std::size_t id_length, int years) {
    return R"({"subsim": 1, "currency": "EUR", "start": "2025-01-01", "until": ")" + std::to_string(2024 + years) +
           R"(-12-31",
  "account": {"id": "a", "created": "2020-01-01", "owner": "o", "payment_method": true, "users": [{"id": "o", "role": "owner"}]},
  "catalog": {"products": [{"id": "p", "name": "P"}], "plans": [{"id": "d", "product": "p", "price": 100, "period": "P1D"}]},
  "subscriptions": [{"id": ")" + std::string(id_length, 's') + R"(", "plans": ["d"], "start": "2025-01-01"}]})";
}

}  // namespace

TEST_CASE("An answer larger than the byte budget is an error at until naming the limit", "[limits][output]") {
    const std::string text = long_id_daily(100000, 5);  // about 700 MB of answer from 100 KB
    const subsim::JsonAnswer answer = subsim::simulate_json(text);
    REQUIRE(answer.status == 2);
    CHECK(answer.json.find(R"("pointer": "/until")") != std::string::npos);
    CHECK(answer.json.find("more than the limit of 268435456 bytes") != std::string::npos);
    CHECK(answer.json.find("\"column\": 1}") == std::string::npos);  // located at until, not at the top
    CHECK(answer.json.size() < 1000);
}

TEST_CASE("The narrator's sentences are under the same byte budget", "[limits][output]") {
    const std::string text = long_id_daily(100000, 5);
    for (const char* locale : {"en", "fr"}) {
        CHECK(subsim::explain_json(text, locale).json.find("more than the limit of 268435456 bytes") != std::string::npos);
        CHECK(subsim::narration_json(text, locale).json.find("more than the limit of 268435456 bytes") != std::string::npos);
    }
}

TEST_CASE("The answer's length is counted exactly before it is written", "[limits][output]") {
    const std::string text = long_id_daily(40, 1);
    const auto reading = subsim::read_scenario(text);
    REQUIRE(reading.scenario);
    const subsim::Result result = subsim::simulate(*reading.scenario);
    const subsim::BudgetedText within = subsim::write_result_json(result, 1 << 20);
    REQUIRE(within.text);
    CHECK(within.text->size() == within.bytes);
    const subsim::BudgetedText over = subsim::write_result_json(result, within.bytes - 1);
    CHECK_FALSE(over.text);
    CHECK(over.bytes == within.bytes);
}
