// Names in sentences are isolated for bidirectional text (issue 17.5): a right-to-left product
// name, or a U+202E (RIGHT-TO-LEFT OVERRIDE) typed into one, reorders only itself, never the
// rest of the sentence, because every name sits between U+2068 (FSI) and U+2069 (PDI).
#include <catch2/catch.hpp>

#include "narrator_test_support.hpp"

using namespace subsim;
using namespace subsim::test;

TEST_CASE("Every name in a sentence is isolated for bidirectional text", "[narrator][bidi]") {
    auto sc = base_scenario();
    sc["catalog"]["products"][0]["name"] = "\u202Eevil";
    act(sc, {{"on", "2025-03-02"}, {"do", "cancel"}, {"subscription", "s1"}, {"products", {"app"}}});
    const Told told{sc};
    for (Language lang : {Language::en, Language::fr}) {
        int named = 0;
        for (const std::string& s : narrate_events(told.scenario, told.result, lang)) {
            if (const auto at = s.find("s1"); at != std::string::npos) CHECK(s.compare(at - 3, 8, "\u2068s1\u2069") == 0);
            if (const auto at = s.find("\u202Eevil"); at != std::string::npos) {
                CHECK(s.compare(at - 3, 13, "\u2068\u202Eevil\u2069") == 0);
                ++named;
            }
            if (const auto at = s.find("olivia"); at != std::string::npos) CHECK(s.compare(at - 3, 12, "\u2068olivia\u2069") == 0);
        }
        CHECK(named > 0);
        CHECK(has(narrate_answer(told.scenario, told.result, 0, lang), "\u2068\u202Eevil\u2069"));
    }
}

TEST_CASE("The JSON result's expectation messages keep their version 1 bytes, without isolation marks", "[narrator][bidi]") {
    auto sc = base_scenario();
    sc["expect"] = json::array({{{"state", "active"}, {"subscription", "s1"}, {"on", "2025-02-01"}}});
    const Told told{sc};
    REQUIRE(told.result.expectations.size() == 1);
    CHECK(told.result.expectations[0].message.find("\u2068") == std::string::npos);
    CHECK(has(told.result.expectations[0].message, "s1"));
}
