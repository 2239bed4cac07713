// SPEC §3 "Products and dependencies" (v1.3): a `cancels_account` product takes the whole
// account with it on its own effective date, pulling forward cancellations already pending
// later; a `requires` cascade does the same for dependents; a whole-subscription
// `cancellation_effective` never precedes the end of its last product.
//
// Synopsis
//   - tier-1 cascade: later pending cancellations move (a new cancellation_scheduled, no new
//     request), earlier ones keep their date, the account closes on the tier-1 date;
//   - requires cascade: a dependent pending later moves to its base's date;
//   - cascaded details: the origin's dates, periods counted on the cascaded product's calendar;
//   - the whole-subscription cancellation_effective waits for the last product.
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json action(const std::string& on, const std::string& what, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", what}, {"subscription", sub}};
    a.update(extra);
    return a;
}

json products(std::initializer_list<const char*> ids) { return {{"products", json(ids)}}; }

// s1 holds support (tier-1, any account) and app; s2 holds app from 2025-02-01; s3 app from
// 2025-01-15. Everything monthly.
json tier1_scenario() {
    json sc = base_scenario();
    add_product(sc, "support", {{"cancels_account", true}});
    add_plan(sc, "support-monthly", "support", 8900, "P1M");
    subscription(sc, "s1")["plans"] = {"support-monthly", "app-monthly"};
    add_subscription(sc, "s2", {"app-monthly"}, "2025-02-01");
    add_subscription(sc, "s3", {"app-monthly"}, "2025-01-15");
    return sc;
}

}  // namespace

TEST_CASE("A tier-1 cascade pulls later pending cancellations forward to the account's closing date",
          "[cascade][account]") {
    json sc = tier1_scenario();
    plan(sc, "app-monthly")["cancellation"] = "end_of_next_period";
    act(sc, action("2025-03-01", "cancel", "s1", products({"app"})));  // 15 Apr
    act(sc, action("2025-03-01", "cancel", "s2"));                      // first after 1 Mar is 1 Apr: 1 May
    act(sc, action("2025-03-02", "cancel", "s1", products({"support"})));  // 15 Mar
    const Run run{sc};
    const Events moved = run.events("cancellation_scheduled").on("2025-03-02");
    CHECK(moved.labels() == Strings{"cancellation_scheduled s1/support", "cancellation_scheduled s1/app",
                                    "cancellation_scheduled s2", "cancellation_scheduled s3"});
    for (const json& e : moved) CHECK(e["details"]["effective"] == "2025-03-15");
    CHECK(moved.rules() == Strings{"cancellation.end_of_period", "cancellation.account_cascade",
                                   "cancellation.account_cascade", "cancellation.account_cascade"});
    // A moved cancellation is not requested again; s3 is newly cancelled.
    CHECK(run.events("cancellation_requested").on("2025-03-02").labels() ==
          Strings{"cancellation_requested s1/support", "cancellation_requested s3"});
    CHECK(run.events("account_closed").only()["date"] == "2025-03-15");
    CHECK(run.events("cancellation_effective").on("2025-03-15").size() == 4);
    CHECK(run.events("cancellation_effective").size() == 4);
    CHECK(run.invoice_dates("s2") == Dates{"2025-02-01", "2025-03-01"});
}

TEST_CASE("A tier-1 cascade leaves a cancellation pending with an earlier date alone", "[cascade][account]") {
    json sc = tier1_scenario();
    plan(sc, "support-monthly")["cancellation"] = "end_of_next_period";
    act(sc, action("2025-03-03", "cancel", "s2"));                       // 1 Apr
    act(sc, action("2025-03-04", "cancel", "s1", products({"support"})));  // 15 Apr
    const Run run{sc};
    CHECK(run.events("cancellation_scheduled").of("s2").size() == 1);
    CHECK(run.events("cancellation_effective").of("s2").only()["date"] == "2025-04-01");
    CHECK(run.events("account_closed").only()["date"] == "2025-04-15");
}

TEST_CASE("A requires cascade pulls a dependent pending later forward to its base's date", "[cascade][requires]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "sms", {{"requires", {"crm"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "sms-monthly", "sms", 1000, "P1M", {{"cancellation", "end_of_next_period"}});
    subscription(sc, "s1")["plans"] = {"crm-monthly", "sms-monthly"};
    act(sc, action("2025-03-02", "cancel", "s1", products({"sms"})));  // 15 Apr
    act(sc, action("2025-03-03", "cancel", "s1", products({"crm"})));  // 15 Mar
    const Run run{sc};
    const json moved = run.events("cancellation_scheduled").on("2025-03-03").for_product("sms").only();
    CHECK(moved["rule"] == "cancellation.requires_cascade");
    CHECK(moved["details"]["effective"] == "2025-03-15");
    CHECK(run.events("cancellation_requested").for_product("sms").size() == 1);
    CHECK(run.events("cancellation_effective").for_product("sms").only()["date"] == "2025-03-15");
}

TEST_CASE("A cascaded cancellation reports its origin's dates and counts periods on its own calendar",
          "[cascade][notice]") {
    json sc = tier1_scenario();
    plan(sc, "support-monthly")["notice"] = "P30D";
    add_plan(sc, "app-weekly", "app", 300, "P1W");
    subscription(sc, "s2")["plans"] = {"app-weekly"};  // Saturdays from 2025-02-01
    act(sc, action("2025-03-17", "cancel", "s1", products({"support"})));  // missed: 15 May, earliest 15 Apr
    const Run run{sc};
    const json origin = run.events("cancellation_scheduled").for_product("support").only();
    CHECK(origin["details"]["periods_added"] == 1);
    const json weekly = run.events("cancellation_scheduled").of("s2").only();
    CHECK(weekly["rule"] == "cancellation.account_cascade");
    CHECK(weekly["details"]["effective"] == "2025-05-15");
    CHECK(weekly["details"]["earliest"] == "2025-04-15");
    CHECK(weekly["details"]["deadline_missed"] == true);
    CHECK(weekly["details"]["periods_added"] == 4);  // Saturdays 19 Apr, 26 Apr, 3 May, 10 May
}

TEST_CASE("A whole-subscription cancellation_effective waits for the subscription's last product",
          "[cascade][cancellation]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M", {{"cancellation", "end_of_next_period"}});
    subscription(sc, "s1")["plans"] = {"app-monthly", "crm-monthly"};
    act(sc, action("2025-03-02", "cancel", "s1", products({"crm"})));  // 15 Apr
    act(sc, action("2025-03-03", "cancel", "s1"));                      // app: 15 Mar
    const Run run{sc};
    CHECK(run.events("cancellation_effective").labels() ==
          Strings{"cancellation_effective s1/app", "cancellation_effective s1/crm", "cancellation_effective s1"});
    CHECK(run.events("cancellation_effective").dates() == Dates{"2025-03-15", "2025-04-15", "2025-04-15"});
    CHECK(run.state("s1", "2025-03-20") == "pending_cancellation");
}
