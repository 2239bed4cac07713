// SPEC-v2 §6, billing-day alignment, one TEST_CASE per rule. Numbers are worked out by hand from
// the spec's text (§0.2 share, §6.2 the aligned anchor and the stub, §6.3 interactions).
#include "engine/billing_day.hpp"
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// s1 on one monthly plan `price` with `extra` keys, from `start`, format 2.
json aligned(long long price, json extra, const std::string& start) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["catalog"]["plans"] = json::array();
    add_plan(sc, "plan", "app", price, "P1M", extra);
    subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"plan"}}, {"start", start}};
    return sc;
}

Strings errors_of(const json& sc) {
    Strings out;
    for (const Diagnostic& d : read_scenario(sc.dump(2)).errors) out.push_back(d.pointer + ": " + d.message);
    return out;
}

json line(const json& invoice, std::size_t i = 0) { return invoice["lines"].at(i); }

}  // namespace

TEST_CASE("§6.2 aligned anchor: the first date on or after the base with the billing day, clamped to short months",
          "[billing-day]") {
    CHECK(aligned_anchor(date("2025-01-20"), 1) == date("2025-02-01"));
    CHECK(aligned_anchor(date("2025-02-10"), 31) == date("2025-02-28"));  // "last"
    CHECK(aligned_anchor(date("2025-02-10"), 30) == date("2025-02-28"));
    CHECK(aligned_anchor(date("2024-02-10"), 30) == date("2024-02-29"));  // leap year
    CHECK(aligned_anchor(date("2025-03-15"), 15) == date("2025-03-15"));  // already on the day: no stub
    CHECK(aligned_anchor(date("2025-03-20"), 15) == date("2025-04-15"));
}

TEST_CASE("§6.2 boundaries: the billing day, not A*'s day, is the anchor day", "[billing-day]") {
    const Run run{aligned(1000, {{"billing_day", 30}}, "2025-02-10")};
    CHECK(run.events("subscription_started").only()["details"]["anchor"] == "2025-02-28");
    CHECK(run.invoice_dates("s1") ==
          Dates{"2025-02-10", "2025-02-28", "2025-03-30", "2025-04-30", "2025-05-30", "2025-06-30", "2025-07-30",
                "2025-08-30", "2025-09-30", "2025-10-30", "2025-11-30", "2025-12-30"});
}

TEST_CASE("billing.aligned_first_period: the stub is billed on the base, prorated over the nominal span (A* - period, A*)",
          "[billing-day]") {
    const Run run{aligned(3000, {{"billing_day", 1}}, "2025-01-20")};
    const json stub = run.invoices("s1").front();
    CHECK(stub["date"] == "2025-01-20");
    CHECK(stub["amount"] == 1161);  // share(3000, 12/31) = 1161.29
    CHECK(line(stub)["from"] == "2025-01-20");
    CHECK(line(stub)["to"] == "2025-02-01");
    CHECK(line(stub)["kind"] == "period");
    CHECK(run.events("invoice").on("2025-01-20").only()["rule"] == "billing.aligned_first_period");
    // Yearly on the 15th (Example 6.C): nominal span of 365 days.
    json yearly = aligned(12000, {{"billing_day", 15}}, "2025-03-20");
    plan(yearly, "plan")["period"] = "P1Y";
    CHECK(Run{yearly}.invoices("s1").front()["amount"] == 855);  // share(12000, 26/365) = 854.79
}

TEST_CASE("§6.2 first_period free: the stub is not billed, the subscription is active in it, A* is the first paid period",
          "[billing-day]") {
    const Run run{aligned(3000, {{"billing_day", 1}, {"first_period", "free"}}, "2025-01-20")};
    CHECK(run.invoice_dates("s1").front() == "2025-02-01");
    CHECK(run.events("invoice").on("2025-02-01").only()["rule"] == "billing.first_period");
    CHECK(run.events("renewed").on("2025-02-01").empty());
    CHECK(run.events("renewed").on("2025-03-01").size() == 1);
    CHECK(run.state("s1", "2025-01-25") == "active");
}

TEST_CASE("§6.2 terms: a one-period term makes the stub a short term of its own, so A* renews", "[billing-day]") {
    const Run run{aligned(3000, {{"billing_day", 1}}, "2025-01-20")};
    const json renewed = run.events("renewed").on("2025-02-01").only();
    CHECK(renewed["rule"] == "renewal.auto");
    CHECK(renewed["details"]["term_from"] == "2025-02-01");
    CHECK(renewed["details"]["term_to"] == "2025-03-01");
    CHECK(run.events("invoice").on("2025-02-01").only()["rule"] == "renewal.auto");
}

TEST_CASE("§6.2 terms: with a longer term the stub belongs to the first term, which runs (base, A* + term)",
          "[billing-day]") {
    json sc = aligned(2000, {{"billing_day", 1}, {"term", "P1Y"}, {"cancellation", "end_of_term"}}, "2025-01-20");
    sc["until"] = "2026-03-31";
    act(sc, {{"on", "2025-01-25"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(run.invoices("s1").front()["amount"] == 774);  // share(2000, 12/31) = 774.19
    CHECK(run.events("invoice").on("2025-02-01").only()["rule"] == "billing.period");
    CHECK(run.events("renewed").empty());
    CHECK(run.events("cancellation_effective").only()["date"] == "2026-02-01");
    CHECK(run.total_charged() == 774 + 12 * 2000);
}

TEST_CASE("§6.3 trials: the base is the trial end, the stub invoice has rule trial.converted", "[billing-day]") {
    json sc = aligned(3000, {{"billing_day", "last"}, {"trial", {{"length", "P14D"}}}}, "2025-02-10");
    const Run run{sc};
    const json converted = run.events("invoice").on("2025-02-24").only();
    CHECK(converted["rule"] == "trial.converted");
    CHECK(converted["details"]["amount"] == 429);  // share(3000, 4/28) = 428.57
    CHECK(run.events("renewed").dates().front() == "2025-02-28");
    subscription(sc, "s1")["first_period"] = "free";
    const Run free{sc};
    CHECK(free.events("trial_converted").dates() == Dates{"2025-02-24"});
    CHECK(free.events("invoice").on("2025-02-24").empty());
    CHECK(free.events("invoice").on("2025-02-28").only()["rule"] == "billing.first_period");
}

TEST_CASE("§6.3 cancellation during the stub: end_of_period and end_of_term end at A* for a one-period term",
          "[billing-day]") {
    for (const char* policy : {"end_of_period", "end_of_term"}) {
        json sc = aligned(3100, {{"billing_day", 1}, {"cancellation", policy}}, "2025-03-10");
        act(sc, {{"on", "2025-03-15"}, {"do", "cancel"}, {"subscription", "s1"}});
        const Run run{sc};
        INFO(policy);
        CHECK(run.events("cancellation_effective").only()["date"] == "2025-04-01");
        CHECK(run.total_charged() == 2200);  // share(3100, 22/31)
    }
}

TEST_CASE("§6.3 immediate cancellation in a prorated stub: refund of the stub line per §2, fee inside the first term",
          "[billing-day]") {
    json sc = aligned(3100,
                      {{"billing_day", 1}, {"term", "P6M"}, {"cancellation", "immediate"}, {"refund_on_immediate_cancel", "prorated"},
                       {"termination_fee", 5000}},
                      "2025-03-10");
    act(sc, {{"on", "2025-03-25"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    const json settled = run.invoices("s1").back();
    CHECK(settled["date"] == "2025-03-25");
    CHECK(line(settled, 0)["kind"] == "refund");
    CHECK(line(settled, 0)["amount"] == -700);  // share(2200, 7/22)
    CHECK(line(settled, 1)["kind"] == "termination_fee");
    CHECK(line(settled, 1)["to"] == "2025-10-01");  // the first term's end, A* + P6M
}

TEST_CASE("§6.3 a free stub is outside every term: an immediate cancellation in it owes no fee", "[billing-day]") {
    json sc = aligned(3100, {{"billing_day", 1}, {"first_period", "free"}, {"term", "P6M"}, {"cancellation", "immediate"},
                             {"termination_fee", 5000}},
                      "2025-03-10");
    act(sc, {{"on", "2025-03-25"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-03-25");
    CHECK(run.invoices("s1").empty());
    CHECK(run.total_charged() == 0);
}

TEST_CASE("§6.3 plan change during the stub: the charge is prorated over the nominal span (A* - period, A*)",
          "[billing-day]") {
    json sc = aligned(3100, {{"billing_day", 1}}, "2025-03-10");
    add_plan(sc, "plan-pro", "app", 6200, "P1M");
    act(sc, {{"on", "2025-03-20"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "plan-pro"}});
    const Run run{sc};
    const json change = run.invoices("s1").at(1);
    CHECK(change["date"] == "2025-03-20");
    CHECK(line(change, 0)["amount"] == -1200);  // share(2200, 12/22): the stub line's own span
    CHECK(line(change, 1)["amount"] == 2400);   // share(6200, 12/31): the nominal span
    CHECK(run.invoice_dates("s1").at(2) == "2025-04-01");
}

TEST_CASE("§1.6 with a billing day: a reset re-aligns on the first billing day after E and bills that stub prorated",
          "[billing-day]") {
    json sc = aligned(3100, json::object(), "2025-03-01");
    subscription(sc, "s1")["billing_day"] = 1;
    add_plan(sc, "plan-yearly", "app", 36500, "P1Y");
    act(sc, {{"on", "2025-04-10"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "plan-yearly"}});
    const Run run{sc};
    const json change = run.invoices("s1").at(2);
    CHECK(change["date"] == "2025-04-10");
    CHECK(line(change, 0)["amount"] == -2170);  // share(3100, 21/30), the unused part of April
    CHECK(line(change, 1)["from"] == "2025-04-10");
    CHECK(line(change, 1)["to"] == "2025-05-01");
    CHECK(line(change, 1)["amount"] == 2100);  // share(36500, 21/365)
    CHECK(run.events("plan_changed").only()["details"]["anchor"] == "2025-05-01");
    CHECK(run.events("renewed").on("2025-05-01").size() == 1);
    CHECK(run.events("invoice").on("2025-05-01").only()["details"]["amount"] == 36500);
}

TEST_CASE("§6.2 bundles: the bundle line of the stub is prorated the same way", "[billing-day]") {
    json sc = aligned(3000, json::object(), "2025-03-10");
    add_product(sc, "chat");
    add_plan(sc, "chat-monthly", "chat", 2000, "P1M");
    sc["catalog"]["bundles"] = {{{"id", "suite"}, {"name", "Suite"}, {"products", {"app", "chat"}}, {"price", 5000}, {"period", "P1M"}}};
    subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"plan", "chat-monthly"}}, {"start", "2025-03-10"}, {"bundle", "suite"},
                              {"billing_day", 1}};
    const Run run{sc};
    const json stub = run.invoices("s1").front();
    REQUIRE(stub["lines"].size() == 1);
    CHECK(line(stub)["bundle"] == "suite");
    CHECK(line(stub)["amount"] == 3548);  // share(5000, 22/31) = 3548.39
    CHECK(run.invoice_dates("s1").at(1) == "2025-04-01");
}

TEST_CASE("§6.1 keys: the subscription's value wins, plans that set them must agree, month- or year-based periods only",
          "[billing-day]") {
    json sc = aligned(1000, {{"billing_day", 1}}, "2025-03-10");
    add_plan(sc, "other", "app", 1000, "P1M", {{"billing_day", 15}});
    add_product(sc, "chat");
    add_plan(sc, "chat-15", "chat", 500, "P1M", {{"billing_day", 15}});
    subscription(sc, "s1")["plans"] = {"plan", "chat-15"};
    CHECK(errors_of(sc) == Strings{"/subscriptions/0/plans/1: the plans of this subscription set different billing days (1 "
                                   "and 15); set \"billing_day\" on the subscription to choose one"});
    subscription(sc, "s1")["billing_day"] = "last";
    CHECK(errors_of(sc).empty());
    CHECK(Run{sc}.events("subscription_started").only()["details"]["anchor"] == "2025-03-31");
    json days = aligned(1000, {{"billing_day", 1}}, "2025-03-10");
    plan(days, "plan")["period"] = "P30D";
    CHECK(errors_of(days) == Strings{"/subscriptions/0/plans/0: a billing day needs month- or year-based periods; plan "
                                     "\"plan\" is billed every P30D"});
    json bad = aligned(1000, {{"billing_day", 32}}, "2025-03-10");
    CHECK(errors_of(bad) == Strings{"/catalog/plans/0/billing_day: expected a day of the month from 1 to 31, or \"last\"; got 32"});
    json orphan = aligned(1000, json::object(), "2025-03-10");
    subscription(orphan, "s1")["first_period"] = "free";
    CHECK(errors_of(orphan) == Strings{"/subscriptions/0/first_period: \"first_period\" needs a \"billing_day\""});
    json v1 = aligned(1000, {{"billing_day", 1}}, "2025-03-10");
    v1["subsim"] = 1;
    REQUIRE(errors_of(v1).size() == 1);
    CHECK(errors_of(v1)[0].find("needs \"subsim\": 2") != std::string::npos);
}

TEST_CASE("§6 sentences: the stub invoice names its days and the first billing day, in English and in French",
          "[billing-day]") {
    const Run run{aligned(3000, {{"billing_day", 1}}, "2025-01-20")};
    const std::size_t stub = 1;  // subscription_started, then the stub's invoice
    REQUIRE(run.result().events.at(stub).rule == Rule::billing_aligned_first_period);
    CHECK(test::plain(narrate_event(run.scenario(), run.result(), run.result().events.at(stub), Language::en)) ==
          "First invoice for subscription s1: €11.61 for the days from 20 January 2025 through 31 January 2025 only, "
          "prorated up to its first billing day, 1 February 2025.");
    CHECK(test::plain(narrate_event(run.scenario(), run.result(), run.result().events.at(stub), Language::fr)) ==
          "Première facture de l’abonnement s1\u202f: 11,61\u00a0€, pour les seuls jours du 20 janvier 2025 au 31 janvier 2025 "
          "inclus, calculés au prorata jusqu’à son premier jour de facturation, le 1er février 2025.");
}

TEST_CASE("§6.3 account closure during the stub ends like an end_of_term cancellation, at the first term's end",
          "[billing-day]") {
    json sc = aligned(3100, {{"billing_day", 1}, {"term", "P6M"}}, "2025-03-10");
    act(sc, {{"on", "2025-03-15"}, {"do", "close_account"}});
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-10-01");
    CHECK(run.total_charged() == 2200 + 6 * 3100);
}

TEST_CASE("A one-period term that does not renew by itself keeps the stub inside its only term (docs/semantics.md)",
          "[billing-day]") {
    json sc = aligned(3100, {{"billing_day", 1}, {"auto_renew", false}}, "2025-03-10");
    const Run run{sc};
    CHECK(run.events("expired").only()["date"] == "2025-05-01");  // [2025-03-10, A* + 1 month)
    CHECK(run.invoice_dates("s1") == Dates{"2025-03-10", "2025-04-01"});
    CHECK(run.events("invoice").on("2025-04-01").only()["rule"] == "billing.period");
}
