// SPEC-v2 §1, plan change, one TEST_CASE per rule. The base scenario: product "app" on
// "app-monthly" (1000/P1M) for s1 from 2025-01-15, so the line of 1 March is [02-15, 03-15), 28 days.
#include "engine/invoicing.hpp"
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

json v2_scenario() {
    json sc = base_scenario();
    sc["subsim"] = 2;
    add_plan(sc, "app-pro", "app", 3000, "P1M");
    return sc;
}

json change(const std::string& on, const std::string& to, json extra = json::object()) {
    json a = {{"on", on}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", to}};
    a.update(extra);
    return a;
}

// "amount kind plan from to" for each line of s1's invoice of `date`.
Strings lines_of(const Run& run, const std::string& date) {
    Strings out;
    for (const json& inv : run.invoices("s1"))
        if (inv["date"] == date)
            for (const json& l : inv["lines"])
                out.push_back(std::to_string(l["amount"].get<long long>()) + " " + l["kind"].get<std::string>() + " " +
                              l["plan"].get<std::string>() + " " + l["from"].get<std::string>() + " " +
                              l["to"].get<std::string>());
    return out;
}

std::string refusal(const Run& run) {
    const json e = run.events("action_refused").only();
    return e["details"]["reason"].get<std::string>() + " " + e["rule"].get<std::string>();
}

}  // namespace

TEST_CASE("share: money over part of a period, halves rounded away from zero (SPEC-v2 §0.2)", "[plan-change]") {
    CHECK(share(4999, 14, 28) == 2500);  // 2499.5
    CHECK(share(9999, 14, 28) == 5000);  // 4999.5
    CHECK(share(3000, 18, 28) == 1929);  // 1928.57
    CHECK(share(4999, 11, 28) == 1964);  // 1963.89
    CHECK(share(-4999, 14, 28) == -2500);  // a credit is rounded on its magnitude
    CHECK(share(1000, 0, 28) == 0);
    CHECK(share(1000, 28, 28) == 1000);
}

TEST_CASE("change.immediate: an upgrade credits the unused days of the old plan and charges the new one for them",
          "[plan-change]") {
    json sc = v2_scenario();
    act(sc, change("2025-03-01", "app-pro"));
    const Run run{sc};
    CHECK(lines_of(run, "2025-03-01") == Strings{"-500 proration_credit app-monthly 2025-03-01 2025-03-15",
                                                 "1500 proration_charge app-pro 2025-03-01 2025-03-15"});
    CHECK(run.events().on("2025-03-01").types() ==
          Strings{"plan_change_requested", "plan_change_scheduled", "plan_changed", "invoice"});
    const json changed = run.events("plan_changed").only();
    CHECK(changed["details"]["credited"] == 500);
    CHECK(changed["details"]["charged"] == 1500);
    CHECK(run.events("plan_change_scheduled").only()["details"]["direction"] == "upgrade");
    CHECK(lines_of(run, "2025-03-15") == Strings{"3000 period app-pro 2025-03-15 2025-04-15"});
    CHECK(run.output()["summary"]["total_credited"] == 500);
}

TEST_CASE("proration.full_credit: the whole current line is credited and re-billed at the new price", "[plan-change]") {
    json sc = v2_scenario();
    act(sc, change("2025-03-01", "app-pro", {{"proration", "full_credit"}}));
    const Run run{sc};
    CHECK(lines_of(run, "2025-03-01") == Strings{"-1000 proration_credit app-monthly 2025-02-15 2025-03-15",
                                                 "3000 proration_charge app-pro 2025-02-15 2025-03-15"});
    CHECK(run.events("invoice").on("2025-03-01").only()["rule"] == "proration.full_credit");
}

TEST_CASE("A change on a billing date withdraws the morning's line instead of crediting it (SPEC-v2 §1.5)",
          "[plan-change]") {
    json sc = v2_scenario();
    act(sc, change("2025-03-15", "app-pro"));
    const Run run{sc};
    CHECK(lines_of(run, "2025-03-15") == Strings{"3000 period app-pro 2025-03-15 2025-04-15"});
    CHECK(run.events().on("2025-03-15").types() ==
          Strings{"renewed", "plan_change_requested", "plan_change_scheduled", "plan_changed", "invoice"});
    CHECK(run.events("plan_changed").only()["details"]["charged"] == 3000);
}

TEST_CASE("change.end_of_period: a downgrade waits for the next billing boundary, and the renewal bills the new price",
          "[plan-change]") {
    json sc = v2_scenario();
    subscription(sc, "s1")["plans"] = Strings{"app-pro"};
    act(sc, change("2025-04-20", "app-monthly", {{"timing", "end_of_period"}}));
    const Run run{sc};
    CHECK(run.events("plan_changed").dates() == Dates{"2025-05-15"});
    CHECK(run.events("plan_changed").only()["rule"] == "change.end_of_period");
    CHECK(lines_of(run, "2025-05-15") == Strings{"1000 period app-monthly 2025-05-15 2025-06-15"});
    CHECK(run.invoice_dates("s1").size() == 12);
}

TEST_CASE("change.end_of_term: the change waits for the next term boundary", "[plan-change]") {
    json sc = v2_scenario();
    plan(sc, "app-monthly")["term"] = "P6M";
    act(sc, change("2025-03-01", "app-pro", {{"timing", "end_of_term"}}));
    const Run run{sc};
    CHECK(run.events("plan_changed").dates() == Dates{"2025-07-15"});
    CHECK(lines_of(run, "2025-07-15") == Strings{"3000 period app-pro 2025-07-15 2025-08-15"});
}

TEST_CASE("change.trial: during a trial the change is immediate, moves no money, and the conversion bills the new plan",
          "[plan-change]") {
    json sc = v2_scenario();
    plan(sc, "app-monthly")["trial"] = {{"length", "P14D"}};
    plan(sc, "app-pro")["trial"] = {{"length", "P14D"}};
    act(sc, change("2025-01-20", "app-pro", {{"timing", "end_of_term"}}));
    const Run run{sc};
    const json scheduled = run.events("plan_change_scheduled").only();
    CHECK(scheduled["rule"] == "change.trial");
    CHECK(scheduled["details"]["timing"] == "immediate");
    CHECK(scheduled["details"]["effective"] == "2025-01-20");
    CHECK(run.events("invoice").dates().front() == "2025-01-29");
    CHECK(lines_of(run, "2025-01-29") == Strings{"3000 period app-pro 2025-01-29 2025-02-28"});
}

TEST_CASE("change.withdrawn: changing back withdraws the pending change, a cancellation withdraws it too",
          "[plan-change]") {
    json sc = v2_scenario();
    add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
    act(sc, change("2025-03-01", "app-pro", {{"timing", "end_of_period"}}));
    act(sc, change("2025-03-05", "app-monthly"));
    act(sc, {{"on", "2025-03-01"}, {"do", "change_plan"}, {"subscription", "s2"}, {"to", "app-pro"}, {"timing", "end_of_period"}});
    act(sc, {{"on", "2025-03-02"}, {"do", "cancel"}, {"subscription", "s2"}});
    act(sc, {{"on", "2025-03-03"}, {"do", "reactivate"}, {"subscription", "s2"}});
    const Run run{sc};
    const Events withdrawn = run.events("plan_change_withdrawn");
    REQUIRE(withdrawn.size() == 2);
    CHECK(withdrawn.of("s1").only()["details"]["reason"] == "changed_back");
    CHECK(withdrawn.of("s2").only()["details"]["reason"] == "cancellation");
    CHECK(run.events().of("s2").on("2025-03-02").types() ==
          Strings{"cancellation_requested", "cancellation_scheduled", "email", "plan_change_withdrawn"});
    CHECK(run.events("plan_changed").empty());  // the reactivation does not restore the change
    CHECK(run.events("plan_change_requested").of("s1").on("2025-03-05").only()["rule"] == "change.withdrawn");
}

TEST_CASE("A new change replaces a pending one, and plan_change_scheduled names what it replaces", "[plan-change]") {
    json sc = v2_scenario();
    add_plan(sc, "app-max", "app", 5000, "P1M");
    act(sc, change("2025-03-01", "app-pro", {{"timing", "end_of_period"}}));
    act(sc, change("2025-03-02", "app-max", {{"timing", "end_of_period"}}));
    const Run run{sc};
    CHECK(run.events("plan_change_scheduled").on("2025-03-02").only()["details"]["replaces"] == "app-pro");
    CHECK(run.events("plan_changed").only()["details"]["to"] == "app-max");
}

TEST_CASE("change.reset_anchor: another period forces a reset, the new period is billed from the change",
          "[plan-change]") {
    json sc = v2_scenario();
    add_plan(sc, "app-yearly", "app", 10000, "P1Y");
    act(sc, change("2025-03-01", "app-yearly"));
    const Run run{sc};
    CHECK(lines_of(run, "2025-03-01") == Strings{"-500 proration_credit app-monthly 2025-03-01 2025-03-15",
                                                 "10000 period app-yearly 2025-03-01 2026-03-01"});
    CHECK(run.events("plan_changed").only()["details"]["anchor"] == "2025-03-01");
    CHECK(run.events("plan_change_scheduled").only()["details"]["reset_anchor"] == true);
    CHECK(run.invoice_dates("s1").back() == "2025-03-01");
}

TEST_CASE("Refusals of change_plan come in SPEC-v2 §1.9 order", "[plan-change]") {
    SECTION("same_plan") {
        json sc = v2_scenario();
        act(sc, change("2025-03-01", "app-monthly"));
        CHECK(refusal(Run{sc}) == "same_plan change.same_plan");
    }
    SECTION("not_current_plan comes before same_plan") {
        json sc = v2_scenario();
        act(sc, change("2025-03-01", "app-monthly", {{"from", "app-pro"}}));
        CHECK(refusal(Run{sc}) == "not_current_plan change.not_current_plan");
    }
    SECTION("not_permitted comes first") {
        json sc = v2_scenario();
        act(sc, change("2025-03-01", "app-monthly", {{"by", "emma"}, {"from", "app-pro"}}));
        CHECK(refusal(Run{sc}) == "not_permitted permission.denied");
    }
    SECTION("already_cancelled") {
        json sc = v2_scenario();
        act(sc, {{"on", "2025-03-01"}, {"do", "cancel"}, {"subscription", "s1"}});
        act(sc, change("2025-03-02", "app-pro"));
        CHECK(refusal(Run{sc}) == "already_cancelled change.already_cancelled");
    }
    SECTION("upgrade_not_allowed, whatever the timing asked") {
        json sc = v2_scenario();
        plan(sc, "app-monthly")["change"] = {{"upgrade", "refused"}};
        act(sc, change("2025-03-01", "app-pro", {{"timing", "end_of_period"}}));
        CHECK(refusal(Run{sc}) == "upgrade_not_allowed change.upgrade_refused");
    }
    SECTION("multiple_plans for a reset on a subscription with several plans") {
        json sc = v2_scenario();
        add_product(sc, "addon");
        add_plan(sc, "addon-monthly", "addon", 500, "P1M");
        subscription(sc, "s1")["plans"] = Strings{"app-monthly", "addon-monthly"};
        act(sc, change("2025-03-01", "app-pro", {{"reset_anchor", true}}));
        CHECK(refusal(Run{sc}) == "multiple_plans change.multiple_plans");
    }
    SECTION("ends_first when the subscription ends before the change") {
        json sc = v2_scenario();
        plan(sc, "app-monthly")["auto_renew"] = false;
        act(sc, change("2025-01-20", "app-pro", {{"timing", "end_of_period"}}));
        CHECK(refusal(Run{sc}) == "ends_first change.ends_first");
    }
}

TEST_CASE("The what-if answer to change_plan says when, and the money in customer words", "[plan-change]") {
    json sc = v2_scenario();
    act(sc, change("2025-03-01", "app-pro"));
    act(sc, change("2025-03-02", "app-monthly", {{"timing", "end_of_period"}}));
    const Run run{sc};
    CHECK(test::plain(narrate_answers(run.scenario(), run.result(), Language::en)) ==
          Strings{"If olivia moves App (subscription s1) to app-pro on 1 March 2025: it changes at once; invoiced €10.00 "
                  "(14 unused days of app-monthly credited: −€5.00; app-pro for the same 14 days: €15.00).",
                  "If olivia moves App (subscription s1) to app-monthly on 2 March 2025: it changes on 15 March 2025, with "
                  "nothing charged before."});
}

TEST_CASE("Changing back and forth in one period credits each paid line once", "[plan-change]") {
    json sc = v2_scenario();
    for (int day = 16; day < 26; ++day)
        act(sc, change("2025-02-" + std::to_string(day), day % 2 == 0 ? "app-pro" : "app-monthly"));
    const Run run{sc};
    long credits = 0;
    for (const json& inv : run.invoices("s1"))
        for (const json& l : inv["lines"]) credits += l["kind"] == "proration_credit";
    CHECK(credits == 10);
    // On 24 Feb Pro was charged for [02-24, 03-15): share(3000, 19/28) = 2035.7 -> 2036. On 25 Feb
    // that charge line is the paid time: 18 of its 19 days are credited, share(2036, 18/19) =
    // 1928.8 -> 1929, and Monthly charged for them, share(1000, 18/28) = 642.9 -> 643.
    CHECK(lines_of(run, "2025-02-25") == Strings{"-1929 proration_credit app-pro 2025-02-25 2025-03-15",
                                                 "643 proration_charge app-monthly 2025-02-25 2025-03-15"});
}
