// The narrator (SPEC §4.1): one TEST_CASE per sentence family, in both languages.
#include "narrator_test_support.hpp"
#include "narrate/phrasebook.hpp"
#include "narrate/rules_doc.hpp"
#include "model/rules.hpp"

namespace subsim::test {
namespace {

constexpr const char* nnbsp = "\u202f";

TEST_CASE("dates and amounts follow each language's typography") {
    CHECK(format_date(date("2025-03-01"), Language::fr) == "1er mars 2025");
    CHECK(format_date(date("2025-03-02"), Language::fr) == "2 mars 2025");
    CHECK(format_date(date("2025-03-01"), Language::en) == "1 March 2025");
    CHECK(format_money(4900, "EUR", Language::fr) == "49,00\u00a0€");
    CHECK(format_money(123456789, "EUR", Language::fr) == "1\u202f234\u202f567,89\u00a0€");
    CHECK(format_money(4900, "EUR", Language::en) == "€49.00");
    CHECK(format_money(123456789, "USD", Language::en) == "$1,234,567.89");
    CHECK(language_of("fr-CA") == Language::fr);
    CHECK(language_of("de") == Language::en);  // unknown locales fall back to English
    for (std::size_t i = 0; i < phrase_count; ++i) {
        const std::string fr{phrase(static_cast<Phrase>(i), Language::fr)};
        INFO(phrase_id(static_cast<Phrase>(i)) << ": " << fr);
        CHECK_FALSE(has(fr, "'"));   // typographic apostrophes only
        CHECK_FALSE(has(fr, " :"));  // narrow no-break space before « : ; ! ? »
        CHECK_FALSE(has(fr, " ;"));
        CHECK_FALSE(has(fr, "\""));
    }
}

TEST_CASE("a missed notice says what was due when, the new date and what it costs") {
    auto sc = base_scenario();
    Told told{sc};
    const Event met = scheduled(0, "2025-03-10", "2025-04-15", "P1M", "2025-03-15", false, "2025-04-15", 0,
                                Rule::cancellation_end_of_period);
    const std::string s_met = plain(narrate_event(told.scenario, told.result, met, Language::en));
    CHECK(s_met == "The cancellation of subscription s1 takes effect on 15 April 2025: access until 14 April 2025 "
                   "inclusive. The 1-month notice is met: it was due by 15 March 2025.");
    const Event late = scheduled(0, "2025-03-20", "2025-05-15", "P1M", "2025-03-15", true, "2025-04-15", 1,
                                 Rule::notice_deadline_missed);
    CHECK(has(plain(narrate_event(told.scenario, told.result, late, Language::en)),
              "To end on 15 April 2025, the 1-month notice had to be given by 15 March 2025; given too late, it "
              "moves the cancellation to 15 May 2025 and costs one more invoice: €10.00."));
    const Event later = scheduled(0, "2025-03-20", "2025-06-15", "P2M", "2025-02-15", true, "2025-04-15", 2,
                                  Rule::notice_deadline_missed);
    const std::string fr = plain(narrate_event(told.scenario, told.result, later, Language::fr));
    CHECK(has(fr, "le préavis de 2 mois devait être donné au plus tard le 15 février 2025"));
    CHECK(has(fr, std::string("coûte 2 factures de plus\u202f: 20,00\u00a0€ au total.")));
    // Invoices after the horizon (31 December 2025) are not in the result: only those found are summed.
    const Event past_horizon = scheduled(0, "2025-10-20", "2026-02-15", "P1M", "2025-10-15", true, "2025-11-15", 3,
                                         Rule::notice_deadline_missed);
    CHECK(has(plain(narrate_event(told.scenario, told.result, past_horizon, Language::en)),
              "costs 3 more invoices; the 2 issued by 31 December 2025 come to €20.00."));
    const Event none_billed = scheduled(0, "2025-12-20", "2026-03-15", "P1M", "2025-12-15", true, "2026-01-15", 2,
                                        Rule::notice_deadline_missed);
    CHECK(has(plain(narrate_event(told.scenario, told.result, none_billed, Language::en)),
              "moves the cancellation to 15 March 2026, 2 billing periods later."));
}

TEST_CASE("no notice deadline is named for a plan without notice") {
    auto sc = base_scenario();
    Told told{sc};
    const Event e = scheduled(0, "2025-03-10", "2025-03-15", "P0D", "2025-03-15", false, "2025-03-15", 0,
                              Rule::cancellation_end_of_period);
    for (Language lang : {Language::en, Language::fr}) {
        const std::string s = plain(narrate_event(told.scenario, told.result, e, lang));
        CHECK_FALSE(has(s, "notice"));
        CHECK_FALSE(has(s, "préavis"));
        CHECK(has(s, lang == Language::en ? "access until 14 March 2025 inclusive" : "accès jusqu’au 14 mars 2025 inclus"));
    }
}

TEST_CASE("a cascaded cancellation says why") {
    auto sc = base_scenario();
    Told told{sc};
    Event e = scheduled(0, "2025-03-10", "2025-04-15", "P0D", "2025-04-15", false, "2025-04-15", 0,
                        Rule::cancellation_requires_cascade);
    CHECK(has(plain(narrate_event(told.scenario, told.result, e, Language::en)), "It requires a product being cancelled"));
    e.rule = Rule::cancellation_account_cascade;
    CHECK(has(plain(narrate_event(told.scenario, told.result, e, Language::fr)), "Résilier un produit de niveau 1 résilie tout le compte"));
}

TEST_CASE("a refusal says why and who may do it instead") {
    auto sc = base_scenario();
    sc["permissions"] = {{"cancel", {"owner", "billing_admin"}}};
    act(sc, {{"on", "2025-03-02"}, {"do", "cancel"}, {"by", "ben"}, {"subscription", "s1"}});
    const Told told{sc};
    CHECK(told.sentence(EventType::action_refused) ==
          "Refused: ben cannot cancel subscription s1, because only the account owner or a billing administrator may do it.");
    CHECK(told.sentence(EventType::action_refused, Language::fr) ==
          std::string("Refusé") + nnbsp + ": ben ne peut pas résilier l’abonnement s1, car c’est au propriétaire du compte "
          "ou à un administrateur de la facturation de le faire.");
    CHECK(told.answer(0) == "If ben tries to cancel subscription s1 on 2 March 2025: refused, because only the account owner "
                            "or a billing administrator may do it.");
}

TEST_CASE("a reactivated trial goes on as a trial") {
    auto sc = base_scenario();
    plan(sc, "app-monthly")["trial"] = {{"length", "P30D"}};
    act(sc, {{"on", "2025-01-20"}, {"do", "cancel"}, {"subscription", "s1"}});
    act(sc, {{"on", "2025-01-25"}, {"do", "reactivate"}, {"subscription", "s1"}});
    const Told told{sc};
    const std::string s = told.sentence(EventType::reactivated);
    CHECK(has(s, "its trial goes on"));
    CHECK_FALSE(has(s, "active"));
    CHECK(has(told.sentence(EventType::reactivated, Language::fr), "son essai continue"));
    CHECK(told.sentence(EventType::trial_started) == "Free trial of subscription s1 through 13 February 2025 inclusive.");
}

TEST_CASE("things are named as a customer names them") {
    auto sc = base_scenario();
    subscription(sc, "s1")["number"] = "RA-2025-00417";
    product(sc, "app")["name"] = "RescueAssist";
    act(sc, {{"on", "2025-03-02"}, {"do", "cancel"}, {"by", "ben"}, {"subscription", "s1"}});
    act(sc, {{"on", "2025-03-03"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Told told{sc};
    // A user id starts the sentence as written, never capitalised (an action without "by" is the
    // owner's: olivia).
    CHECK(has(told.sentences()[0], "Subscription RA-2025-00417 starts"));
    bool owner_named = false, ben_named = false;
    for (const std::string& s : told.sentences()) {
        CHECK_FALSE(has(s, "s1"));
        CHECK_FALSE(has(s, "Ben"));
        owner_named = owner_named || s == "olivia asks to cancel subscription RA-2025-00417.";
        ben_named = ben_named || s.rfind("Refused: ben cannot cancel subscription RA-2025-00417", 0) == 0;
    }
    CHECK(owner_named);
    CHECK(ben_named);
}

TEST_CASE("French elides and contracts where a name meets the template") {
    auto sc = base_scenario();
    product(sc, "app")["name"] = "Explore";
    Told told{sc};
    Event e = scheduled(0, "2025-03-10", "2025-04-15", "P0D", "2025-04-15", false, "2025-04-15", 0,
                        Rule::cancellation_end_of_period);
    e.product = 0;
    CHECK(plain(narrate_event(told.scenario, told.result, e, Language::fr)).rfind("La résiliation d’Explore (abonnement s1) prend effet", 0) == 0);
    e.subscription.reset();
    e.product.reset();
    CHECK(plain(narrate_event(told.scenario, told.result, e, Language::fr)).rfind("La résiliation du compte prend effet", 0) == 0);
}

}  // namespace
}  // namespace subsim::test

TEST_CASE("every rule of the catalogue shows at least one sentence in docs/rules.md") {
    // rules_doc.cpp maps each rule to the phrases the narrator uses for it, by hand: a rule added
    // to core/model/rules.hpp without its phrases would leave an empty table.
    const std::string doc = subsim::rules_markdown();
    for (const subsim::RuleInfo& info : subsim::rule_catalogue()) {
        INFO(info.id);
        const std::size_t at = doc.find("\n## `" + std::string(info.id) + "`\n");
        REQUIRE(at != std::string::npos);
        const std::size_t next = doc.find("\n## ", at + 1);
        CHECK(doc.substr(at, next == std::string::npos ? std::string::npos : next - at).find("\n| `") != std::string::npos);
    }
}
