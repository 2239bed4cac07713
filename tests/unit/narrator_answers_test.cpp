// What-if answers and expectation lines, worded by the narrator (SPEC §4.1, §2.5).
#include "narrator_test_support.hpp"

namespace subsim::test {
namespace {

TEST_CASE("the what-if amount counts only what the asked cancellation still costs") {
    auto sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "end_of_next_period";
    add_product(sc, "other");
    add_plan(sc, "other-monthly", "other", 5000, "P1M");
    add_subscription(sc, "s2", {"other-monthly"}, "2025-01-15");
    act(sc, {{"on", "2025-03-20"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Told told{sc};
    // Effective 15 May: the invoice of 15 April is still due, s2's invoices are not this action's.
    CHECK(told.answer(0) == "If olivia cancels subscription s1 on 20 March 2025: access until 14 May 2025 "
                            "inclusive; still charged €10.00.");
    CHECK(told.answer(0, Language::fr) ==
          "Si olivia résilie l’abonnement s1 le 20 mars 2025\u202f: accès jusqu’au 14 mai 2025 inclus\u202f; "
          "encore facturé 10,00\u00a0€.");
}

TEST_CASE("expectation lines say what was expected and what was found, in the scenario's language") {
    auto sc = base_scenario();
    sc["expect"] = {{{"on", "2025-03-01"}, {"subscription", "s1"}, {"state", "cancelled"}},
                    {{"event", "cancellation_effective"}, {"subscription", "s1"}, {"absent", true}},
                    {{"total_charged", 100}}};
    const Told en{sc};
    REQUIRE(en.result.expectations.size() == 3);
    CHECK(en.result.expectations[0].message == "On 1 March 2025, subscription s1 should be cancelled but is active.");
    CHECK(en.result.expectations[1].message ==
          "The event “cancellation_effective” for subscription s1 does not occur, as expected.");
    CHECK(en.result.expectations[2].message == "The total charged should be €1.00 but is €120.00.");
    sc["locale"] = "fr";
    const Told fr{sc};
    CHECK(fr.result.expectations[0].message == "Le 1er mars 2025, l’abonnement s1 devrait être résilié mais est actif.");
    CHECK(plain(narrate_expectation(fr.scenario, fr.result.expectations[2], Language::en)) == en.result.expectations[2].message);
}

TEST_CASE("explain and narration answer with the narrator's sentences") {
    auto sc = base_scenario();
    act(sc, {{"on", "2025-03-02"}, {"do", "cancel"}, {"subscription", "s1"}});
    const std::string text = sc.dump();
    const JsonAnswer explained = explain_json(text, "fr");
    REQUIRE(explained.status == 0);
    const json sentences = json::parse(explained.json);
    const Told told{sc};
    CHECK(plain(sentences.get<std::vector<std::string>>()) == told.sentences(Language::fr));
    const json narration = json::parse(narration_json(text, "en").json);
    CHECK(narration["answers"][0]["action"] == 0);
    CHECK(plain(narration["answers"][0]["sentence"].get<std::string>()) == told.answer(0));
    CHECK(explain_json("{", "en").status == 2);
    const json catalogue = json::parse(catalogue_json());
    CHECK(catalogue["rules"].size() == rule_catalogue().size());
    CHECK(catalogue["event_types"][0] == "subscription_started");
    CHECK(catalogue["actions"][0] == "cancel");
}

}  // namespace
}  // namespace subsim::test
