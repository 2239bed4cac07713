// Issue 17, round 2: what-if answers and expectation lines under the answer's byte budget, the
// module's combined answer under one budget, plan ids isolated for bidirectional text.
#include <catch2/catch.hpp>

#include <string>

#include "io/json_api.hpp"
#include "io/limits.hpp"
#include "narrator_test_support.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// `count` refused reactivations (nothing is pending) of a product named with `name_length` letters,
// and as many state expectations naming it.
json named_many_times(std::size_t name_length, std::size_t count) {
    json sc = base_scenario();
    sc["catalog"]["products"][0]["name"] = std::string(name_length, 'n');
    sc["actions"] = json::array();
    sc["expect"] = json::array();
    for (std::size_t i = 0; i < count; ++i) {
        sc["actions"].push_back({{"on", "2025-03-02"}, {"do", "reactivate"}, {"subscription", "s1"}, {"products", {"app"}}});
        sc["expect"].push_back({{"state", "active"}, {"subscription", "s1"}, {"product", "app"}, {"on", "2025-03-03"}});
    }
    return sc;
}

std::size_t total_bytes(const std::vector<std::string>& lines) {
    std::size_t n = 0;
    for (const std::string& s : lines) n += s.size();
    return n;
}

}  // namespace

TEST_CASE("What-if answers stop once they pass the byte budget given", "[limits][output]") {
    const Told told{named_many_times(1000, 50)};
    const std::vector<std::string> all = narrate_answers(told.scenario, told.result, Language::en);
    REQUIRE(all.size() == 50);
    const std::vector<std::string> some = narrate_answers(told.scenario, told.result, Language::en, 10 * all[0].size());
    CHECK(some.size() == 11);  // the budget plus one answer, never more
    CHECK(total_bytes(some) > 10 * all[0].size());
}

TEST_CASE("Expectation lines stop once they pass the byte budget given", "[limits][output]") {
    const Told told{named_many_times(1000, 50)};
    const std::vector<std::string> all = narrate_expectations(told.scenario, told.result.expectations, Language::fr);
    REQUIRE(all.size() == 50);
    CHECK(all[3] == narrate_expectation(told.scenario, told.result.expectations[3], Language::fr));
    CHECK(narrate_expectations(told.scenario, told.result.expectations, Language::fr, 5 * all[0].size()).size() == 6);
}

TEST_CASE("The page's answer, result and narration together, is one answer under one budget", "[limits][output]") {
    // Sentences, answers and lines that name a 20,000-letter product 6,000 times each: 120 MB of
    // refusals, 120 MB of what-if answers and 120 MB of expectation lines from 0.9 MB of file.
    // The result alone (the v1 messages name the product too) fits, the whole does not.
    const std::string text = named_many_times(20000, 6000).dump();
    REQUIRE(text.size() < limits::file_bytes);
    CHECK(simulate_json(text).status == 0);
    const JsonAnswer page = answer_json(text, "en");
    REQUIRE(page.status == 2);
    CHECK(page.json.find("more than the limit of 268435456 bytes") != std::string::npos);
    CHECK(page.json.find(R"("pointer": "/until")") != std::string::npos);
    CHECK(page.json.size() < 2000);
    const JsonAnswer narration = narration_json(text, "fr");
    CHECK(narration.status == 2);
    CHECK(narration.json.find("more than the limit of 268435456 bytes") != std::string::npos);
}

TEST_CASE("Under the budget the page's answer is the result and the narration, byte for byte", "[limits][output]") {
    const std::string text = named_many_times(10, 3).dump();
    const JsonAnswer page = answer_json(text, "fr");
    const std::string expected = "{\"locale\": \"fr\", \"result\": " + simulate_json(text).json +
                                 ", \"narration\": " + narration_json(text, "fr").json + "}\n";
    CHECK(page.json == expected);
}

TEST_CASE("A file's size error names its real size", "[limits][input]") {
    CHECK(limits::file_too_large(5 << 20) == "the file is larger than 1 MiB (5242880 bytes)");
    const std::string big(limits::file_bytes + 7, ' ');
    CHECK(validate_json(big).json.find("the file is larger than 1 MiB (1048583 bytes)") != std::string::npos);
}

TEST_CASE("Plan ids in sentences and answers are isolated for bidirectional text", "[narrator][bidi]") {
    std::string text = read_text_file(SUBSIM_SOURCE_DIR "/scenarios/v2/change-immediate-upgrade-full-credit.json");
    for (const auto& [from, to] : {std::pair{"\"rescue-basic\"", "\"\u202EplanA\""}, std::pair{"\"rescue-pro\"", "\"\u202EplanB\""}})
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, std::string(from).size(), to);
    const ScenarioReading reading = read_scenario(text);
    REQUIRE(reading.scenario);
    const Result result = simulate(*reading.scenario);
    for (Language lang : {Language::en, Language::fr}) {
        std::vector<std::string> said = narrate_events(*reading.scenario, result, lang);
        said.push_back(narrate_answer(*reading.scenario, result, 0, lang));
        int named = 0;
        for (const std::string& s : said)
            for (const char* plan : {"\u202EplanA", "\u202EplanB"})
                for (std::size_t at = s.find(plan); at != std::string::npos; at = s.find(plan, at + 1)) {
                    INFO(s);
                    CHECK(at >= 3);
                    CHECK(s.compare(at - 3, 3, "\u2068") == 0);
                    CHECK(s.compare(at + std::string(plan).size(), 3, "\u2069") == 0);
                    ++named;
                }
        CHECK(named >= 3);
    }
}
