// The answer's bytes are budgeted (limits::answer_bytes, docs/limits.md): counted before they
// are produced, so a short scenario with long ids cannot make the CLI or the page build gigabytes.
#include <catch2/catch.hpp>

#include <string>

#include "calendar_export/icalendar.hpp"
#include "example_scenarios.hpp"
#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"
#include "engine/simulate.hpp"
#include "narrate/narrator.hpp"
#include "render/output_text_api.hpp"
#include "render/sentence_table_html.hpp"

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
    const subsim::BudgetedText exact = subsim::write_result_json(result, within.bytes);
    REQUIRE(exact.text);
    CHECK(*exact.text == *within.text);
}

TEST_CASE("A result longer than its writer guessed is written whole, or counted exactly when over", "[limits][output]") {
    const auto reading = subsim::read_scenario(long_id_daily(4, 1));
    REQUIRE(reading.scenario);
    subsim::Result result = subsim::simulate(*reading.scenario);
    REQUIRE_FALSE(result.events.empty());
    const std::string long_note(100000, 'n');  // details are no part of the guess
    result.events.front().details = subsim::Details{{"note", long_note}};
    const subsim::BudgetedText within = subsim::write_result_json(result, 1 << 20);
    REQUIRE(within.text);
    CHECK(within.bytes == within.text->size());
    CHECK(within.text->find(long_note) != std::string::npos);
    for (std::size_t budget : {std::size_t{1000}, within.bytes / 2, within.bytes - 1}) {
        const subsim::BudgetedText over = subsim::write_result_json(result, budget);
        CHECK_FALSE(over.text);
        CHECK(over.bytes == within.bytes);
    }
    CHECK(subsim::write_result_json(result, within.bytes).text == within.text);
}

TEST_CASE("An event's sentence holds at least the names the budget counts for it", "[limits][output][narrator]") {
    std::size_t events = 0;
    const int scenarios = subsim::testing::each_example_scenario([&](const subsim::Scenario& scenario) {
        const subsim::Result result = subsim::simulate(scenario);
        for (const subsim::Event& event : result.events) {
            const std::size_t at_least = subsim::event_sentence_bytes_at_least(scenario, event);
            for (const subsim::Language lang : {subsim::Language::en, subsim::Language::fr}) {
                INFO(subsim::to_string(event.type) << " on " << event.date.iso());
                CHECK(subsim::narrate_event(scenario, result, event, lang).size() >= at_least);
            }
            events += at_least > 0;
        }
    });
    CHECK(scenarios > 30);
    CHECK(events > 1000);  // the bound is not 0 everywhere
}

TEST_CASE("Sentences whose names alone pass the budget are refused before one is built", "[limits][output][narrator]") {
    const auto reading = subsim::read_scenario(long_id_daily(1000, 1));
    REQUIRE(reading.scenario);
    const subsim::Result result = subsim::simulate(*reading.scenario);
    std::size_t names = 0;
    for (const subsim::Event& event : result.events) names += subsim::event_sentence_bytes_at_least(*reading.scenario, event);
    REQUIRE(names > 365 * 1000);
    CHECK(subsim::narrate_events(*reading.scenario, result, subsim::Language::en, names - 1).empty());
    CHECK(subsim::narrate_events(*reading.scenario, result, subsim::Language::en).size() == result.events.size());
}

TEST_CASE("The HTML fragment and the iCalendar file are under the answer's byte budget", "[limits][output]") {
    const std::string text = long_id_daily(100000, 5);  // 1,826 daily dates naming a 100 KB id
    for (const char* locale : {"en", "fr"}) {
        for (const subsim::JsonAnswer& answer : {subsim::sentence_table_html_text(text, locale, ""),
                                                 subsim::calendar_ics_text(text, locale)}) {
            CHECK(answer.status == 2);
            CHECK(answer.json.find(R"("pointer": "/until")") != std::string::npos);
            CHECK(answer.json.find("more than the limit of 268435456 bytes") != std::string::npos);
        }
    }
}

TEST_CASE("An export stops at the budget it is given, and fits it when it is given enough", "[limits][output]") {
    const auto reading = subsim::read_scenario(long_id_daily(40, 1));
    REQUIRE(reading.scenario);
    const subsim::Result result = subsim::simulate(*reading.scenario);
    const auto html = subsim::sentence_table_html(*reading.scenario, result, subsim::Language::en, "");
    const auto ics = subsim::calendar_ics(*reading.scenario, result, subsim::Language::en);
    REQUIRE(html);
    REQUIRE(ics);
    CHECK(subsim::sentence_table_html(*reading.scenario, result, subsim::Language::en, "", html->size()) == html);
    CHECK_FALSE(subsim::sentence_table_html(*reading.scenario, result, subsim::Language::en, "", html->size() - 1));
    CHECK(subsim::calendar_ics(*reading.scenario, result, subsim::Language::en, ics->size()) == ics);
    CHECK_FALSE(subsim::calendar_ics(*reading.scenario, result, subsim::Language::en, ics->size() - 1));
}
