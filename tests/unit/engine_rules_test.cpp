// SPEC §3 (engine semantics), one TEST_CASE per help-center rule, each on a small scenario built
// from test::base_scenario(): product "app", plan "app-monthly" (1000 a month), subscription s1
// from 2025-01-15 (anchor: the 15th), owner olivia, billing contact ben, employee emma.
#include <map>
#include <set>
#include <tuple>

#include "scenario_builder.hpp"

using namespace subsim::test;
using subsim::Date;

namespace {

json cancel(const std::string& on, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", "cancel"}, {"subscription", sub}};
    a.update(extra);
    return a;
}

json reactivate(const std::string& on, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", "reactivate"}, {"subscription", sub}};
    a.update(extra);
    return a;
}

json renew(const std::string& on, const std::string& sub) {
    return {{"on", on}, {"do", "renew"}, {"subscription", sub}};
}

// The twelve monthly dates of 2025 on the 15th, from `first_month`.
Dates fifteenths(int first_month, int last_month, int year = 2025) {
    Dates out;
    for (int m = first_month; m <= last_month; ++m) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-15", year, m);
        out.push_back(buf);
    }
    return out;
}

// Exactly one action_refused for `sub` with `reason`, and nothing else on that date.
void check_single_refusal(const Run& run, const std::string& on, const std::string& sub, const std::string& action,
                          const std::string& reason) {
    INFO("events on " << on << ": " << json(run.events().on(on).labels()).dump());
    CHECK(run.events().on(on).labels() == Strings{"action_refused " + sub});
    const json& refused = run.events("action_refused").on(on).only();
    CHECK(refused["details"]["action"] == action);
    CHECK(refused["details"]["reason"] == reason);
    CHECK(run.events("cancellation_requested").on(on).empty());
}

// A trial plan "app-trial" (14 days, then 1000 a month) for s1 starting 2025-01-01: trial
// [2025-01-01, 2025-01-15).
json trial_scenario(json trial_extra = json::object(), bool payment_method = true) {
    json sc = base_scenario();
    json trial = {{"length", "P14D"}};
    if (trial_extra.is_object()) trial.update(trial_extra);
    add_plan(sc, "app-trial", "app", 1000, "P1M", {{"trial", trial}});
    subscription(sc, "s1")["plans"] = {"app-trial"};
    subscription(sc, "s1")["start"] = "2025-01-01";
    sc["account"]["payment_method"] = payment_method;
    return sc;
}

// A yearly service contract that does not renew by itself: 12000 a year from 2025-01-15, term
// end 2026-01-15, simulated until 2026-12-31 (REDHAT / DELL-PREMIER).
json manual_renewal_scenario(json plan_extra = json::object()) {
    json sc = base_scenario();
    json extra = {{"auto_renew", false}};
    extra.update(plan_extra);
    add_plan(sc, "care-yearly", "app", 12000, "P1Y", extra);
    subscription(sc, "s1")["plans"] = {"care-yearly"};
    sc["until"] = "2026-12-31";
    return sc;
}

// A bundle "suite" of a, b and c (2000 each at list price, 5000 together), all removed with
// end_of_next_period (ZENDESK), held by s1 from 2025-01-15.
json bundle_scenario(bool members_cancellable = true) {
    json sc = base_scenario();
    for (const char* p : {"a", "b", "c"}) {
        add_product(sc, p);
        add_plan(sc, std::string(p) + "-monthly", p, 2000, "P1M", {{"cancellation", "end_of_next_period"}});
    }
    sc["catalog"]["bundles"] = json::array({{{"id", "suite"}, {"name", "Suite"}, {"products", {"a", "b", "c"}},
                                             {"price", 5000}, {"period", "P1M"},
                                             {"members_cancellable", members_cancellable}}});
    json& s1 = subscription(sc, "s1");
    s1["plans"] = {"a-monthly", "b-monthly", "c-monthly"};
    s1["bundle"] = "suite";
    return sc;
}

// ZENDESK tier-1: s1 holds support (cancels the account for accounts created before
// 2020-10-07) and guide; s2 is another subscription of the account, anchored on the 1st.
json tier1_scenario(const std::string& account_created, json cancels_account) {
    json sc = base_scenario();
    add_product(sc, "support", {{"cancels_account", cancels_account}});
    add_product(sc, "guide");
    add_plan(sc, "support-monthly", "support", 8900, "P1M");
    add_plan(sc, "guide-monthly", "guide", 3500, "P1M");
    subscription(sc, "s1")["plans"] = {"support-monthly", "guide-monthly"};
    add_subscription(sc, "s2", {"app-monthly"}, "2025-02-01");
    sc["account"]["created"] = account_created;
    act(sc, cancel("2025-03-02", "s1", {{"products", {"support"}}}));
    return sc;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// §1 Time, seen in real invoices

TEST_CASE("Monthly invoices anchored on the 31st fall on the last day of shorter months", "[calendar][invoice]") {
    json sc = base_scenario();
    subscription(sc, "s1")["start"] = "2025-01-31";
    const Run run{sc};
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
                                           "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31",
                                           "2025-11-30", "2025-12-31"});
    const json february = run.invoices("s1").at(1)["lines"].at(0);
    CHECK(february["from"] == "2025-02-28");
    CHECK(february["to"] == "2025-03-31");  // never drifts to the 28th
}

TEST_CASE("A yearly subscription anchored on 29 February renews on 28 February and on 29 February in leap years",
          "[calendar][renewal]") {
    json sc = base_scenario();
    sc["start"] = "2024-01-01";
    sc["until"] = "2028-12-31";
    sc["account"]["created"] = "2023-01-01";
    add_plan(sc, "app-yearly", "app", 12000, "P1Y");
    subscription(sc, "s1")["plans"] = {"app-yearly"};
    subscription(sc, "s1")["start"] = "2024-02-29";
    const Run run{sc};
    CHECK(run.invoice_dates("s1") == Dates{"2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"});
    CHECK(run.events("renewed").of("s1").dates() == Dates{"2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"});
}

TEST_CASE("Week periods renew by plain day arithmetic", "[calendar][renewal]") {
    json sc = base_scenario();
    add_plan(sc, "app-weekly", "app", 250, "P1W");
    subscription(sc, "s1")["plans"] = {"app-weekly"};
    subscription(sc, "s1")["start"] = "2025-01-01";
    const Run run{sc};
    const Dates dates = run.invoice_dates("s1");
    REQUIRE(dates.size() == 53);  // 2025-01-01 + 52 weeks = 2025-12-31
    CHECK(dates[1] == "2025-01-08");
    CHECK(dates[8] == "2025-02-26");
    CHECK(dates[9] == "2025-03-05");
    CHECK(dates.back() == "2025-12-31");
}

TEST_CASE("A period is half-open so access ends the day before the next boundary", "[calendar][cancellation]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-03-15");
    CHECK(scheduled["details"]["access_until"] == "2025-03-14");
    CHECK(run.state("s1", "2025-03-14") == "pending_cancellation");
    CHECK(run.state("s1", "2025-03-15") == "cancelled");
    const json last_line = run.invoices("s1").back()["lines"].at(0);
    CHECK(last_line["from"] == "2025-02-15");
    CHECK(last_line["to"] == "2025-03-15");
}

// ---------------------------------------------------------------------------------------------
// Trials

TEST_CASE("A trial without a payment method expires and charges nothing", "[trial]") {
    const Run run{trial_scenario({}, false)};
    CHECK(run.state("s1", "2025-01-14") == "trialing");
    const json& expired = run.events("trial_expired").only();
    CHECK(expired["date"] == "2025-01-15");
    CHECK(expired["rule"] == "trial.no_payment_method");
    CHECK(run.state("s1", "2025-01-15") == "expired");
    CHECK(run.state("s1", "2025-12-31") == "expired");
    CHECK(run.events("trial_converted").empty());
    CHECK(run.events("invoice").empty());
    CHECK(run.total_charged() == 0);
}

TEST_CASE("A trial with a payment method converts at its end and its first paid period is invoiced alone", "[trial]") {
    const Run run{trial_scenario()};
    CHECK(run.events("trial_started").only()["details"]["ends"] == "2025-01-15");
    CHECK(run.events("trial_converted").only()["date"] == "2025-01-15");
    CHECK(run.events().on("2025-01-15").types() == Strings{"trial_converted", "invoice"});
    CHECK(run.state("s1", "2025-01-15") == "active");
    // The anchor is the trial end: paid periods run from the 15th.
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
    CHECK(run.invoices("s1").front()["lines"][0]["to"] == "2025-02-15");
    CHECK(run.events("renewed").dates() == fifteenths(2, 12));
}

TEST_CASE("A trial that requires a payment method converts even without one on file", "[trial]") {
    const Run run{trial_scenario({{"requires_payment_method", true}}, false)};
    CHECK(run.events("trial_converted").only()["date"] == "2025-01-15");
    CHECK(run.events("trial_expired").empty());
    CHECK(run.invoice_dates("s1").front() == "2025-01-15");
}

TEST_CASE("A trial cancelled with at_trial_end stays pending until the trial end and charges nothing", "[trial][cancellation]") {
    json sc = trial_scenario({{"cancel", "at_trial_end"}});
    plan(sc, "app-trial")["notice"] = "P30D";  // trial cancellations ignore the notice
    act(sc, cancel("2025-01-05", "s1"));
    const Run run{sc};
    CHECK(run.state("s1", "2025-01-04") == "trialing");
    CHECK(run.state("s1", "2025-01-05") == "pending_cancellation");
    CHECK(run.state("s1", "2025-01-14") == "pending_cancellation");
    CHECK(run.state("s1", "2025-01-15") == "cancelled");
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-01-15");
    CHECK(scheduled["details"]["notice_deadline"] == "2025-01-15");
    CHECK(scheduled["details"]["deadline_missed"] == false);
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-01-15");
    CHECK(run.events("trial_converted").empty());
    CHECK(run.events("trial_expired").empty());
    CHECK(run.events("invoice").empty());
    CHECK(run.total_charged() == 0);
}

TEST_CASE("A trial cancelled with immediate ends on the request date", "[trial][cancellation]") {
    json sc = trial_scenario({{"cancel", "immediate"}});
    act(sc, cancel("2025-01-08", "s1"));
    const Run run{sc};
    CHECK(run.state("s1", "2025-01-07") == "trialing");
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-01-08");
    CHECK(run.state("s1", "2025-01-08") == "cancelled");
    CHECK(run.events("trial_converted").empty());
    CHECK(run.events("trial_expired").empty());
    CHECK(run.total_charged() == 0);
}

TEST_CASE("A trial whose cancel mode is contact_support refuses a self-service cancel", "[trial][refusal]") {
    json sc = trial_scenario({{"cancel", "contact_support"}});
    act(sc, cancel("2025-01-08", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-01-08", "s1", "cancel", "contact_support");
    CHECK(run.state("s1", "2025-01-08") == "trialing");
    CHECK(run.events("trial_converted").only()["date"] == "2025-01-15");
}

TEST_CASE("Adding a payment method during a trial makes it convert at its end", "[trial]") {
    json sc = trial_scenario({}, false);
    act(sc, {{"on", "2025-01-10"}, {"do", "add_payment_method"}});
    const Run run{sc};
    CHECK(run.events().on("2025-01-10").empty());  // accepted silently
    CHECK(run.events("trial_converted").only()["date"] == "2025-01-15");
    CHECK(run.events("trial_expired").empty());
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
}

// ---------------------------------------------------------------------------------------------
// Renewal and invoices

TEST_CASE("The first paid period is invoiced alone and every later boundary renews and invoices", "[renewal][invoice]") {
    const Run run{base_scenario()};
    CHECK(run.events().on("2025-01-15").types() == Strings{"subscription_started", "invoice"});
    CHECK(run.events("invoice").on("2025-01-15").only()["rule"] == "billing.first_period");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
    CHECK(run.events("renewed").dates() == fifteenths(2, 12));
    for (const std::string& day : fifteenths(2, 12))
        CHECK(run.events().on(day).types() == Strings{"renewed", "invoice"});
    const json& renewed = run.events("renewed").on("2025-02-15").only();
    CHECK(renewed["details"]["manual"] == false);
    CHECK(run.total_charged() == 12000);
}

TEST_CASE("A term longer than the period renews only at term boundaries but invoices every period", "[renewal][invoice]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["term"] = "P3M";
    const Run run{sc};
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
    CHECK(run.events("renewed").dates() == Dates{"2025-04-15", "2025-07-15", "2025-10-15"});
    CHECK(run.events("renewed").on("2025-04-15").only()["details"]["term_to"] == "2025-07-15");
}

TEST_CASE("Each billing date gives one invoice per subscription with one line per product", "[invoice]") {
    json sc = base_scenario();
    add_product(sc, "extra");
    add_plan(sc, "extra-monthly", "extra", 500, "P1M");
    subscription(sc, "s1")["plans"] = {"app-monthly", "extra-monthly"};
    const Run run{sc};
    CHECK(run.events("invoice").on("2025-02-15").size() == 1);
    const std::vector<json> invoices = run.invoices("s1");
    REQUIRE(invoices.size() == 12);
    const json& first = invoices.front();
    CHECK(first["amount"] == 1500);
    REQUIRE(first["lines"].size() == 2);
    CHECK(first["lines"][0]["product"] == "app");
    CHECK(first["lines"][0]["bundle"].is_null());
    CHECK(first["lines"][0]["amount"] == 1000);
    CHECK(first["lines"][1]["product"] == "extra");
    CHECK(first["lines"][1]["amount"] == 500);
    CHECK(run.events("invoice").on("2025-01-15").only()["details"]["amount"] == 1500);
}

// ---------------------------------------------------------------------------------------------
// Notice

TEST_CASE("A request made exactly on the notice deadline takes effect at the next boundary", "[notice][cancellation]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["notice"] = "P30D";
    act(sc, cancel("2025-03-16", "s1"));  // 2025-04-15 - 30 days = 2025-03-16
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-04-15");
    CHECK(scheduled["details"]["notice_deadline"] == "2025-03-16");
    CHECK(scheduled["details"]["deadline_missed"] == false);
    CHECK(scheduled["rule"] == "cancellation.end_of_period");
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-04-15");
}

TEST_CASE("A request that misses the notice deadline takes effect one boundary later", "[notice][cancellation]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["notice"] = "P30D";
    act(sc, cancel("2025-03-17", "s1"));  // one day after the deadline
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-05-15");
    CHECK(scheduled["details"]["access_until"] == "2025-05-14");
    CHECK(scheduled["details"]["notice_deadline"] == "2025-03-16");
    CHECK(scheduled["details"]["deadline_missed"] == true);
    CHECK(scheduled["rule"] == "notice.deadline_missed");
    // The missed deadline costs one more period.
    CHECK(run.invoice_dates("s1") == fifteenths(1, 4));
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-05-15");
}

TEST_CASE("A month notice is met when the request plus one month still reaches the boundary", "[notice][calendar]") {
    // Anchor on the 31st: 2025-02-28 + 1 month = 2025-03-28 reaches 2025-03-31; 2025-03-01 + 1 month does not.
    SECTION("on the clamped deadline") {
        json sc = base_scenario();
        subscription(sc, "s1")["start"] = "2025-01-31";
        plan(sc, "app-monthly")["notice"] = "P1M";
        act(sc, cancel("2025-02-28", "s1"));
        const json scheduled = Run{sc}.events("cancellation_scheduled").only();
        CHECK(scheduled["details"]["effective"] == "2025-03-31");
        CHECK(scheduled["details"]["notice_deadline"] == "2025-02-28");
        CHECK(scheduled["details"]["deadline_missed"] == false);
    }
    SECTION("one day later") {
        json sc = base_scenario();
        subscription(sc, "s1")["start"] = "2025-01-31";
        plan(sc, "app-monthly")["notice"] = "P1M";
        act(sc, cancel("2025-03-01", "s1"));
        const json scheduled = Run{sc}.events("cancellation_scheduled").only();
        CHECK(scheduled["details"]["effective"] == "2025-04-30");
        CHECK(scheduled["details"]["notice_deadline"] == "2025-02-28");
        CHECK(scheduled["details"]["deadline_missed"] == true);
    }
}

TEST_CASE("A notice missed before the end of a term costs a whole renewal term", "[notice][cancellation][renewal]") {
    json sc = base_scenario();
    sc["until"] = "2027-02-28";
    json& p = plan(sc, "app-monthly");
    p["term"] = "P1Y";
    p["cancellation"] = "end_of_term";
    p["notice"] = "P30D";
    act(sc, cancel("2025-12-17", "s1"));  // deadline: 2026-01-15 - 30 days = 2025-12-16
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["notice_deadline"] == "2025-12-16");
    CHECK(scheduled["details"]["deadline_missed"] == true);
    CHECK(scheduled["details"]["effective"] == "2027-01-15");
    CHECK(run.events("renewed").on("2026-01-15").size() == 1);
    CHECK(run.invoice_dates("s1").size() == 24);
    CHECK(run.invoice_dates("s1").back() == "2026-12-15");
}

// ---------------------------------------------------------------------------------------------
// The four cancellation policies

TEST_CASE("An immediate cancellation takes effect on the request date", "[cancellation]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "immediate";
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-03-02");
    CHECK(scheduled["details"]["access_until"] == "2025-03-01");
    CHECK(scheduled["details"]["notice_deadline"] == "2025-03-02");
    CHECK(scheduled["details"]["deadline_missed"] == false);
    CHECK(scheduled["rule"] == "cancellation.immediate");
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-03-02");
    CHECK(run.state("s1", "2025-03-01") == "active");
    CHECK(run.state("s1", "2025-03-02") == "cancelled");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 2));
}

TEST_CASE("An end_of_period cancellation takes effect at the next billing boundary", "[cancellation]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    CHECK(run.events("cancellation_scheduled").only()["rule"] == "cancellation.end_of_period");
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-03-15");
    CHECK(run.events("cancellation_effective").only()["rule"] == "cancellation.end_of_period");
    CHECK(run.state("s1", "2025-03-02") == "pending_cancellation");
    CHECK(run.state("s1", "2025-03-01") == "active");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 2));
}

TEST_CASE("An end_of_next_period cancellation takes effect one boundary after the next", "[cancellation]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "end_of_next_period";
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-04-15");
    CHECK(scheduled["rule"] == "cancellation.end_of_next_period");
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-04-15");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 3));
}

TEST_CASE("An end_of_term cancellation takes effect at the next term boundary", "[cancellation]") {
    json sc = base_scenario();
    sc["until"] = "2026-03-31";
    plan(sc, "app-monthly")["term"] = "P1Y";
    plan(sc, "app-monthly")["cancellation"] = "end_of_term";
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2026-01-15");
    CHECK(scheduled["details"]["notice_deadline"] == "2026-01-15");
    CHECK(scheduled["rule"] == "cancellation.end_of_term");
    CHECK(run.state("s1", "2025-12-31") == "pending_cancellation");
    CHECK(run.state("s1", "2026-01-15") == "cancelled");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
}

TEST_CASE("A subscription pending cancellation still renews and is invoiced before its effective date", "[cancellation][renewal]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "end_of_next_period";
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    CHECK(run.state("s1", "2025-03-15") == "pending_cancellation");
    CHECK(run.events().of("s1").on("2025-03-15").types() == Strings{"renewed", "invoice"});
    CHECK(run.state("s1", "2025-04-14") == "pending_cancellation");
}

TEST_CASE("No invoice is issued on or after the effective date of a cancellation", "[cancellation][invoice]") {
    for (const char* policy : {"immediate", "end_of_period", "end_of_next_period"}) {
        json sc = base_scenario();
        plan(sc, "app-monthly")["cancellation"] = policy;
        plan(sc, "app-monthly")["notice"] = "P20D";
        act(sc, cancel("2025-06-01", "s1"));
        const Run run{sc};
        const std::string effective = run.events("cancellation_effective").only()["date"];
        INFO(policy << " effective " << effective);
        for (const std::string& day : run.invoice_dates("s1")) CHECK(day < effective);
        CHECK_FALSE(run.events("renewed").on(effective).size());
        CHECK(run.state("s1", "2025-12-31") == "cancelled");
    }
}

// Suspected engine bug: on a billing boundary the day's renewal is invoiced first (boundaries
// run before actions), then the immediate cancellation takes effect that same day, leaving an
// invoice on E for a period that is never provided, against SPEC §3 "No invoice is issued at or
// after E". Either the boundary invoice should be withdrawn or E should fall after it.
TEST_CASE("An immediate cancellation on a billing boundary leaves no invoice on its effective date",
          "[cancellation][invoice]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "immediate";
    act(sc, cancel("2025-03-15", "s1"));
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-03-15");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 2));
}

TEST_CASE("An accepted cancellation is requested then scheduled then confirmed by e-mail with the expiry date", "[cancellation]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1", {{"by", "olivia"}}));
    const Run run{sc};
    CHECK(run.events().on("2025-03-02").labels() ==
          Strings{"cancellation_requested s1", "cancellation_scheduled s1", "email s1"});
    for (const json& e : run.events().on("2025-03-02")) CHECK(e["product"].is_null());
    CHECK(run.events("cancellation_requested").only()["details"]["by"] == "olivia");
    const json& email = run.events("email").only();
    CHECK(email["details"]["kind"] == "cancellation_confirmation");
    CHECK(email["details"]["effective"] == "2025-03-15");
    CHECK(email["details"]["access_until"] == "2025-03-14");
    const json& effective = run.events("cancellation_effective").only();
    CHECK(effective["date"] == "2025-03-15");
    CHECK(effective["product"].is_null());
}

// ---------------------------------------------------------------------------------------------
// Refusals

TEST_CASE("A user whose role may not cancel is refused not_permitted and nothing else happens", "[refusal][permissions]") {
    json sc = base_scenario();
    sc["permissions"] = {{"cancel", {"owner", "billing_contact"}}};
    act(sc, cancel("2025-03-02", "s1", {{"by", "emma"}}));
    const Run run{sc};
    check_single_refusal(run, "2025-03-02", "s1", "cancel", "not_permitted");
    CHECK(run.events("action_refused").only()["rule"] == "permission.denied");
    CHECK(run.events("action_refused").only()["details"]["by"] == "emma");
    CHECK(run.state("s1", "2025-03-02") == "active");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
}

TEST_CASE("Cancelling a subscription already pending cancellation is refused already_cancelled", "[refusal]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    act(sc, cancel("2025-03-05", "s1"));
    act(sc, cancel("2025-03-20", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-03-05", "s1", "cancel", "already_cancelled");
    check_single_refusal(run, "2025-03-20", "s1", "cancel", "already_cancelled");
    CHECK(run.events("cancellation_scheduled").only()["details"]["effective"] == "2025-03-15");
}

TEST_CASE("Cancelling an expired subscription or one not started yet is refused not_active", "[refusal]") {
    json sc = trial_scenario({}, false);  // the trial expires on 2025-01-15
    add_subscription(sc, "s2", {"app-monthly"}, "2025-06-01");
    act(sc, cancel("2025-02-02", "s1"));
    act(sc, cancel("2025-03-02", "s2"));
    const Run run{sc};
    check_single_refusal(run, "2025-02-02", "s1", "cancel", "not_active");
    check_single_refusal(run, "2025-03-02", "s2", "cancel", "not_active");
}

TEST_CASE("A plan without self service refuses a cancel with contact_support", "[refusal]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["self_service"] = false;
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-03-02", "s1", "cancel", "contact_support");
    CHECK(run.events("action_refused").only()["rule"] == "self_service.disabled");
    CHECK(run.state("s1", "2025-12-31") == "active");
}

TEST_CASE("Cancel refusals are checked in the order not_permitted then already_cancelled then not_active then contact_support",
          "[refusal]") {
    SECTION("not_permitted comes before contact_support") {
        json sc = base_scenario();
        plan(sc, "app-monthly")["self_service"] = false;
        act(sc, cancel("2025-03-02", "s1", {{"by", "emma"}}));
        check_single_refusal(Run{sc}, "2025-03-02", "s1", "cancel", "not_permitted");
    }
    SECTION("not_permitted comes before already_cancelled") {
        json sc = base_scenario();
        act(sc, cancel("2025-03-02", "s1"));
        act(sc, cancel("2025-03-05", "s1", {{"by", "ben"}}));
        check_single_refusal(Run{sc}, "2025-03-05", "s1", "cancel", "not_permitted");
    }
    SECTION("already_cancelled comes before contact_support") {
        // Pending through an account closure, then a self-service cancel.
        json sc = base_scenario();
        plan(sc, "app-monthly")["self_service"] = false;
        act(sc, {{"on", "2025-03-02"}, {"do", "close_account"}});
        act(sc, cancel("2025-03-05", "s1"));
        check_single_refusal(Run{sc}, "2025-03-05", "s1", "cancel", "already_cancelled");
    }
    SECTION("not_active comes before contact_support") {
        json sc = manual_renewal_scenario({{"self_service", false}});
        act(sc, cancel("2026-02-02", "s1"));  // expired on 2026-01-15
        check_single_refusal(Run{sc}, "2026-02-02", "s1", "cancel", "not_active");
    }
}

// ---------------------------------------------------------------------------------------------
// Reactivation

TEST_CASE("Reactivating before the effective date withdraws the cancellation and charges nothing", "[reactivation]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    act(sc, reactivate("2025-03-10", "s1"));
    const Run run{sc};
    const json& reactivated = run.events("reactivated").only();
    CHECK(reactivated["date"] == "2025-03-10");
    CHECK(reactivated["details"]["withdrawn_effective"] == "2025-03-15");
    CHECK(run.events().on("2025-03-10").types() == Strings{"reactivated"});
    CHECK(run.state("s1", "2025-03-09") == "pending_cancellation");
    CHECK(run.state("s1", "2025-03-10") == "active");
    CHECK(run.events("cancellation_effective").empty());
    CHECK(run.invoice_dates("s1") == fifteenths(1, 12));
    CHECK(run.total_charged() == 12000);
}

TEST_CASE("Reactivating on or after the effective date is refused already_cancelled", "[reactivation][refusal]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    act(sc, reactivate("2025-03-15", "s1"));
    act(sc, reactivate("2025-04-02", "s1"));
    const Run run{sc};
    CHECK(run.events().on("2025-03-15").types() == Strings{"cancellation_effective", "action_refused"});
    CHECK(run.events("action_refused").on("2025-03-15").only()["details"]["reason"] == "already_cancelled");
    check_single_refusal(run, "2025-04-02", "s1", "reactivate", "already_cancelled");
    CHECK(run.state("s1", "2025-12-31") == "cancelled");
}

TEST_CASE("Reactivating with nothing pending is refused not_pending", "[reactivation][refusal]") {
    json sc = base_scenario();
    act(sc, reactivate("2025-03-02", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-03-02", "s1", "reactivate", "not_pending");
}

TEST_CASE("Reactivating a plan that forbids it is refused contact_support", "[reactivation][refusal]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["reactivation"] = false;
    act(sc, cancel("2025-03-02", "s1"));
    act(sc, reactivate("2025-03-05", "s1"));
    act(sc, reactivate("2025-03-06", "s1", {{"by", "emma"}}));
    const Run run{sc};
    check_single_refusal(run, "2025-03-05", "s1", "reactivate", "contact_support");
    check_single_refusal(run, "2025-03-06", "s1", "reactivate", "not_permitted");  // checked first
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-03-15");
}

// ---------------------------------------------------------------------------------------------
// Products: requires and cancels_account

TEST_CASE("Cancelling a product also cancels the products that require it on the same date", "[products][cancellation]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "crm-ai", {{"requires", {"crm"}}});
    add_product(sc, "crm-voice", {{"requires", {"crm-ai"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "crm-ai-monthly", "crm-ai", 1500, "P1M");
    add_plan(sc, "crm-voice-monthly", "crm-voice", 700, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly", "crm-ai-monthly", "crm-voice-monthly", "app-monthly"};
    act(sc, cancel("2025-03-02", "s1", {{"products", {"crm"}}}));
    const Run run{sc};
    CHECK(run.events().on("2025-03-02").labels() ==
          Strings{"cancellation_requested s1/crm", "cancellation_scheduled s1/crm", "cancellation_requested s1/crm-ai",
                  "cancellation_scheduled s1/crm-ai", "cancellation_requested s1/crm-voice",
                  "cancellation_scheduled s1/crm-voice", "email s1"});
    CHECK(run.events("cancellation_scheduled").for_product("crm-ai").only()["rule"] == "cancellation.requires_cascade");
    CHECK(run.events("cancellation_effective").on("2025-03-15").labels() ==
          Strings{"cancellation_effective s1/crm", "cancellation_effective s1/crm-ai",
                  "cancellation_effective s1/crm-voice"});
    CHECK(run.state("s1", "2025-03-15", "crm-voice") == "cancelled");
    CHECK(run.state("s1", "2025-03-15", "app") == "active");
    CHECK(run.state("s1", "2025-03-15") == "active");
    CHECK(run.invoices("s1").at(3)["lines"].size() == 1);  // 2025-04-15: app only
}

TEST_CASE("The requires cascade reaches dependent products in other subscriptions of the account", "[products][cancellation]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "crm-ai", {{"requires", {"crm"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "crm-ai-monthly", "crm-ai", 1500, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly"};
    add_subscription(sc, "s2", {"crm-ai-monthly"}, "2025-02-01");
    act(sc, cancel("2025-03-02", "s1", {{"products", {"crm"}}}));
    const Run run{sc};
    const json& cascaded = run.events("cancellation_scheduled").of("s2").only();
    CHECK(cascaded["product"] == "crm-ai");
    CHECK(cascaded["details"]["effective"] == "2025-03-15");
    CHECK(run.events("cancellation_effective").of("s2").only()["date"] == "2025-03-15");
}

TEST_CASE("Reinstating a product also withdraws the cancellations cascaded from it", "[products][reactivation]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "crm-ai", {{"requires", {"crm"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "crm-ai-monthly", "crm-ai", 1500, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly", "crm-ai-monthly"};
    act(sc, cancel("2025-03-02", "s1", {{"products", {"crm"}}}));
    act(sc, reactivate("2025-03-10", "s1", {{"products", {"crm"}}}));
    const Run run{sc};
    CHECK(run.events("reactivated").labels() == Strings{"reactivated s1/crm", "reactivated s1/crm-ai"});
    CHECK(run.events("cancellation_effective").empty());
    CHECK(run.state("s1", "2025-03-10", "crm-ai") == "active");
}

TEST_CASE("A refused product cancellation gives one action_refused per listed product", "[products][refusal]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly", "app-monthly"};
    act(sc, cancel("2025-03-02", "s1", {{"products", {"crm", "app"}}, {"by", "emma"}}));
    const Run run{sc};
    CHECK(run.events().on("2025-03-02").labels() == Strings{"action_refused s1/crm", "action_refused s1/app"});
    for (const json& e : run.events("action_refused")) CHECK(e["details"]["reason"] == "not_permitted");
}

TEST_CASE("Cancelling a product that others do not require leaves its base product alone", "[products][cancellation]") {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "crm-ai", {{"requires", {"crm"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "crm-ai-monthly", "crm-ai", 1500, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly", "crm-ai-monthly"};
    act(sc, cancel("2025-03-02", "s1", {{"products", {"crm-ai"}}}));
    const Run run{sc};
    CHECK(run.events("cancellation_effective").labels() == Strings{"cancellation_effective s1/crm-ai"});
    CHECK(run.state("s1", "2025-06-01", "crm") == "active");
}

TEST_CASE("Cancelling a tier-1 product cancels the whole account when the account predates the cut-off",
          "[products][account]") {
    const Run run{tier1_scenario("2020-10-06", {{"if_account_created_before", "2020-10-07"}})};
    CHECK(run.events().on("2025-03-02").labels() ==
          Strings{"cancellation_requested s1/support", "cancellation_scheduled s1/support",
                  "cancellation_requested s1/guide", "cancellation_scheduled s1/guide", "cancellation_requested s2",
                  "cancellation_scheduled s2", "email s1"});
    CHECK(run.events("cancellation_scheduled").for_product("guide").only()["rule"] == "cancellation.account_cascade");
    CHECK(run.events("cancellation_scheduled").of("s2").only()["rule"] == "cancellation.account_cascade");
    for (const json& e : run.events("cancellation_scheduled")) CHECK(e["details"]["effective"] == "2025-03-15");
    CHECK(run.events().on("2025-03-15").labels() ==
          Strings{"cancellation_effective s1/support", "cancellation_effective s1/guide", "cancellation_effective s2",
                  "account_closed -"});
    CHECK(run.events("data_deleted").only()["date"] == "2025-04-14");
    CHECK(run.events("data_deleted").only()["subscription"].is_null());
    CHECK(run.state("s2", "2025-03-15") == "cancelled");
    CHECK(run.invoice_dates("s1") == fifteenths(1, 2));
    CHECK(run.invoice_dates("s2") == Dates{"2025-02-01", "2025-03-01"});
    CHECK(run.output()["summary"]["account"] == "closed");
}

TEST_CASE("Cancelling a tier-1 product of an account created on the cut-off cancels only that product",
          "[products][account]") {
    const Run run{tier1_scenario("2020-10-07", {{"if_account_created_before", "2020-10-07"}})};
    CHECK(run.events("cancellation_effective").labels() == Strings{"cancellation_effective s1/support"});
    CHECK(run.events("account_closed").empty());
    CHECK(run.state("s1", "2025-06-01", "guide") == "active");
    CHECK(run.state("s2", "2025-06-01") == "active");
    CHECK(run.output()["summary"]["account"] == "open");
}

TEST_CASE("A product that always cancels the account does so whatever the account's age", "[products][account]") {
    const Run run{tier1_scenario("2024-06-01", true)};
    CHECK(run.events("account_closed").only()["date"] == "2025-03-15");
    CHECK(run.state("s2", "2025-03-15") == "cancelled");
}

// ---------------------------------------------------------------------------------------------
// Bundles

TEST_CASE("A bundle keeps its price until a removed member's effective date and then bills list prices",
          "[bundle][invoice]") {
    json sc = bundle_scenario();
    act(sc, cancel("2025-02-20", "s1", {{"products", {"c"}}}));  // end_of_next_period: 2025-04-15
    const Run run{sc};
    const std::vector<json> invoices = run.invoices("s1");
    REQUIRE(invoices.size() == 12);
    for (int i = 0; i < 3; ++i) {  // 15 Jan, 15 Feb and 15 Mar (c still provided): the bundle price
        INFO(invoices[i].dump());
        CHECK(invoices[i]["amount"] == 5000);
        REQUIRE(invoices[i]["lines"].size() == 1);
        CHECK(invoices[i]["lines"][0]["product"].is_null());
        CHECK(invoices[i]["lines"][0]["bundle"] == "suite");
    }
    CHECK(run.state("s1", "2025-03-20", "c") == "pending_cancellation");
    CHECK(run.events("price_changed").on("2025-03-15").empty());
    const json& changed = run.events("price_changed").only();
    CHECK(changed["date"] == "2025-04-15");
    CHECK(changed["details"]["old_amount"] == 5000);
    CHECK(changed["details"]["new_amount"] == 4000);
    CHECK(run.events().on("2025-04-15").types() ==
          Strings{"cancellation_effective", "price_changed", "renewed", "invoice"});
    const json& april = invoices[3];
    CHECK(april["date"] == "2025-04-15");
    CHECK(april["amount"] == 4000);
    REQUIRE(april["lines"].size() == 2);
    CHECK(april["lines"][0]["product"] == "a");
    CHECK(april["lines"][0]["bundle"].is_null());
    CHECK(april["lines"][1]["product"] == "b");
    CHECK(run.total_charged() == 3 * 5000 + 9 * 4000);
}

TEST_CASE("Removing one member of a bundle whose members are not cancellable is refused contact_support",
          "[bundle][refusal]") {
    json sc = bundle_scenario(false);
    act(sc, cancel("2025-02-20", "s1", {{"products", {"c"}}}));
    act(sc, cancel("2025-03-02", "s1"));  // the whole subscription may go
    const Run run{sc};
    CHECK(run.events().on("2025-02-20").labels() == Strings{"action_refused s1/c"});
    const json& refused = run.events("action_refused").only();
    CHECK(refused["details"]["reason"] == "contact_support");
    CHECK(refused["details"]["action"] == "cancel");
    CHECK(run.events("cancellation_scheduled").whole_subscription().only()["date"] == "2025-03-02");
    CHECK(run.events("price_changed").empty());
}

TEST_CASE("Removing every member of a locked bundle together is allowed", "[bundle]") {
    json sc = bundle_scenario(false);
    act(sc, cancel("2025-02-20", "s1", {{"products", {"a", "b", "c"}}}));
    const Run run{sc};
    CHECK(run.events("action_refused").empty());
    CHECK(run.events("cancellation_effective").on("2025-04-15").size() == 3);
    CHECK(run.events("price_changed").empty());  // nothing left to bill at list price
    CHECK(run.invoice_dates("s1") == fifteenths(1, 3));
}

TEST_CASE("Cancelling a whole bundled subscription keeps the bundle price to the end", "[bundle][cancellation]") {
    json sc = bundle_scenario();
    act(sc, cancel("2025-02-20", "s1"));  // policy of the first plan: end_of_next_period
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-04-15");
    CHECK(run.events("price_changed").empty());
    for (const json& inv : run.invoices("s1")) CHECK(inv["amount"] == 5000);
    CHECK(run.invoice_dates("s1") == fifteenths(1, 3));
}

// ---------------------------------------------------------------------------------------------
// Permissions

TEST_CASE("An action missing from the permissions is allowed to the owner only", "[permissions]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1", {{"by", "ben"}}));
    act(sc, cancel("2025-03-03", "s1", {{"by", "olivia"}}));
    const Run run{sc};
    check_single_refusal(run, "2025-03-02", "s1", "cancel", "not_permitted");
    CHECK(run.events("cancellation_requested").only()["date"] == "2025-03-03");
}

TEST_CASE("A role listed in the permissions may do the action", "[permissions]") {
    json sc = base_scenario();
    sc["permissions"] = {{"cancel", {"billing_contact"}}, {"reactivate", {"billing_contact"}}};
    act(sc, cancel("2025-03-02", "s1", {{"by", "ben"}}));
    act(sc, reactivate("2025-03-03", "s1", {{"by", "ben"}}));
    act(sc, cancel("2025-03-04", "s1", {{"by", "emma"}}));
    const Run run{sc};
    CHECK(run.events("cancellation_requested").only()["details"]["by"] == "ben");
    CHECK(run.events("reactivated").only()["date"] == "2025-03-03");
    check_single_refusal(run, "2025-03-04", "s1", "cancel", "not_permitted");
}

TEST_CASE("The account owner has the owner role even when not listed among the users", "[permissions]") {
    json sc = base_scenario();
    sc["account"]["owner"] = "zoe";  // not in users
    sc["permissions"] = {{"cancel", {"owner"}}};
    act(sc, cancel("2025-03-02", "s1", {{"by", "zoe"}}));
    const Run run{sc};
    CHECK(run.events("action_refused").empty());
    CHECK(run.events("cancellation_requested").only()["details"]["by"] == "zoe");
}

TEST_CASE("An action without a user is done by the owner", "[permissions]") {
    json sc = base_scenario();
    sc["permissions"] = {{"cancel", {"owner"}}};
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    CHECK(run.events("action_refused").empty());
    CHECK(run.events("cancellation_requested").only()["details"]["by"] == "olivia");
}

TEST_CASE("A user with the owner role may do an action whose permissions list owner", "[permissions]") {
    json sc = base_scenario();
    sc["account"].erase("owner");
    sc["account"]["users"].push_back({{"id", "noah"}, {"role", "owner"}});
    sc["permissions"] = {{"cancel", {"owner"}}};
    act(sc, cancel("2025-03-02", "s1", {{"by", "noah"}}));
    const Run run{sc};
    CHECK(run.events("action_refused").empty());
    CHECK(run.events("cancellation_requested").size() == 1);
}

// Suspected engine bug: with no permissions entry the engine only accepts the user named in
// account.owner, although SPEC §2.2 says an unlisted action is allowed to the role "owner" (and
// listing ["owner"] explicitly does accept this user).
TEST_CASE("A user whose own role is owner counts as an owner", "[permissions]") {
    json sc = base_scenario();
    sc["account"].erase("owner");
    sc["account"]["users"].push_back({{"id", "noah"}, {"role", "owner"}});
    act(sc, cancel("2025-03-02", "s1", {{"by", "noah"}}));
    const Run run{sc};
    INFO(run.events().on("2025-03-02").labels().front());
    CHECK(run.events("action_refused").empty());
    CHECK(run.events("cancellation_requested").size() == 1);
}

// ---------------------------------------------------------------------------------------------
// Manual renewal, grace and channel (REDHAT, DELL-PREMIER)

TEST_CASE("A subscription that does not auto-renew expires at its term end", "[renewal]") {
    const Run run{manual_renewal_scenario()};
    const json& expired = run.events("expired").only();
    CHECK(expired["date"] == "2026-01-15");
    CHECK(expired["details"]["renewable_until"].is_null());
    CHECK(run.state("s1", "2026-01-14") == "active");
    CHECK(run.state("s1", "2026-01-15") == "expired");
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15"});
    CHECK(run.events("renewed").empty());
    CHECK(run.events("grace_ended").empty());
}

TEST_CASE("Renewing a non-auto-renewing subscription invoices the next term now and it starts at the term end",
          "[renewal]") {
    json sc = manual_renewal_scenario();
    act(sc, renew("2025-12-01", "s1"));
    const Run run{sc};
    const json& renewed = run.events("renewed").only();
    CHECK(renewed["date"] == "2025-12-01");
    CHECK(renewed["details"]["manual"] == true);
    CHECK(renewed["details"]["term_from"] == "2026-01-15");
    CHECK(renewed["details"]["term_to"] == "2027-01-15");
    CHECK(run.events().on("2025-12-01").types() == Strings{"renewed", "invoice"});
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-12-01"});
    const json line = run.invoices("s1").back()["lines"].at(0);
    CHECK(line["from"] == "2026-01-15");
    CHECK(line["to"] == "2027-01-15");
    CHECK(line["amount"] == 12000);
    CHECK(run.events().on("2026-01-15").empty());
    CHECK(run.events("expired").empty());
    CHECK(run.state("s1", "2026-12-31") == "active");
}

TEST_CASE("A manual renewal of a term billed monthly invoices the whole term at once", "[renewal][invoice]") {
    json sc = base_scenario();
    sc["until"] = "2026-12-31";
    plan(sc, "app-monthly")["term"] = "P1Y";
    plan(sc, "app-monthly")["auto_renew"] = false;
    act(sc, renew("2025-12-01", "s1"));
    const Run run{sc};
    Dates expected = fifteenths(1, 12);
    expected.push_back("2025-12-01");
    std::sort(expected.begin(), expected.end());
    CHECK(run.invoice_dates("s1") == expected);
    CHECK(run.invoices("s1").at(11)["amount"] == 12 * 1000);
    CHECK(run.total_charged() == 24000);
}

TEST_CASE("Renewing within the grace restarts the term at the old term end without rewriting history", "[renewal][grace]") {
    json sc = manual_renewal_scenario({{"renewal_grace", "P30D"}});
    sc["until"] = "2027-03-31";
    act(sc, renew("2026-02-01", "s1"));
    const Run run{sc};
    CHECK(run.events("expired").dates() == Dates{"2026-01-15", "2027-01-15"});
    CHECK(run.events("expired").on("2026-01-15").only()["details"]["renewable_until"] == "2026-02-13");
    const json& renewed = run.events("renewed").only();
    CHECK(renewed["date"] == "2026-02-01");
    CHECK(renewed["details"]["manual"] == true);
    CHECK(renewed["details"]["term_from"] == "2026-01-15");
    CHECK(renewed["details"]["term_to"] == "2027-01-15");  // still on the original anchor
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2026-02-01"});
    CHECK(run.state("s1", "2026-01-15") == "expired");
    CHECK(run.state("s1", "2026-01-31") == "expired");
    CHECK(run.state("s1", "2026-02-01") == "active");
    CHECK(run.events("grace_ended").dates() == Dates{"2027-02-14"});
    std::vector<std::tuple<std::string, std::string, std::string>> spans;
    for (const json& s : run.output()["spans"]) spans.emplace_back(s["state"], s["from"], s["to"]);
    CHECK(spans == decltype(spans){{"active", "2025-01-15", "2026-01-15"},
                                   {"expired", "2026-01-15", "2026-02-01"},
                                   {"active", "2026-02-01", "2027-01-15"},
                                   {"expired", "2027-01-15", "2027-04-01"}});
}

TEST_CASE("A renewal after the grace has ended is refused grace_ended", "[renewal][grace][refusal]") {
    SECTION("the last day of the grace is still accepted") {
        json sc = manual_renewal_scenario({{"renewal_grace", "P30D"}});
        act(sc, renew("2026-02-13", "s1"));
        const Run run{sc};
        CHECK(run.events("renewed").only()["date"] == "2026-02-13");
        CHECK(run.events("grace_ended").empty());
    }
    SECTION("the day the grace ends is refused") {
        json sc = manual_renewal_scenario({{"renewal_grace", "P30D"}});
        act(sc, renew("2026-02-14", "s1"));
        const Run run{sc};
        CHECK(run.events().on("2026-02-14").labels() == Strings{"grace_ended s1", "action_refused s1"});
        CHECK(run.events("action_refused").only()["details"]["reason"] == "grace_ended");
        CHECK(run.events("action_refused").only()["details"]["action"] == "renew");
        CHECK(run.events("renewed").empty());
        CHECK(run.state("s1", "2026-12-31") == "expired");
    }
    SECTION("without a grace a renewal on the term end is refused and no grace_ended is announced") {
        json sc = manual_renewal_scenario();
        act(sc, renew("2026-01-15", "s1"));
        const Run run{sc};
        CHECK(run.events().on("2026-01-15").labels() == Strings{"expired s1", "action_refused s1"});
        CHECK(run.events("action_refused").only()["details"]["reason"] == "grace_ended");
        CHECK(run.events("grace_ended").empty());
    }
}

TEST_CASE("A subscription bought from a reseller cannot be renewed online", "[renewal][refusal]") {
    json sc = manual_renewal_scenario({{"channel", "reseller"}});
    act(sc, renew("2025-12-01", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-12-01", "s1", "renew", "renew_through_reseller");
    CHECK(run.events("action_refused").only()["rule"] == "renewal.reseller_channel");
    CHECK(run.events("expired").only()["date"] == "2026-01-15");
}

TEST_CASE("Only the permitted role may renew online", "[renewal][permissions]") {
    json sc = manual_renewal_scenario();
    sc["permissions"] = {{"renew", {"org_admin"}}};
    sc["account"]["users"].push_back({{"id", "ivan"}, {"role", "org_admin"}});
    act(sc, renew("2025-11-01", "s1"));  // by the owner, who is not an org_admin
    json by_admin = renew("2025-12-01", "s1");
    by_admin["by"] = "ivan";
    act(sc, by_admin);
    const Run run{sc};
    check_single_refusal(run, "2025-11-01", "s1", "renew", "not_permitted");
    CHECK(run.events("renewed").only()["date"] == "2025-12-01");
}

TEST_CASE("Renewing an auto-renewing subscription by hand is refused auto_renewing", "[renewal][refusal]") {
    json sc = base_scenario();
    act(sc, renew("2025-03-02", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-03-02", "s1", "renew", "auto_renewing");
}

TEST_CASE("Renewing a term already renewed by hand is refused already_renewed", "[renewal][refusal]") {
    json sc = manual_renewal_scenario();
    act(sc, renew("2025-11-01", "s1"));
    act(sc, renew("2025-12-01", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-12-01", "s1", "renew", "already_renewed");
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-11-01"});
}

TEST_CASE("A cancellation of a subscription that does not auto-renew never outlives its paid term", "[renewal][cancellation]") {
    json sc = manual_renewal_scenario({{"cancellation", "end_of_next_period"}});
    act(sc, cancel("2025-06-02", "s1"));
    const Run run{sc};
    CHECK(run.events("cancellation_scheduled").only()["details"]["effective"] == "2026-01-15");
    CHECK(run.events("cancellation_effective").only()["date"] == "2026-01-15");
    CHECK(run.state("s1", "2026-01-15") == "cancelled");
    CHECK(run.events("expired").empty());
}

TEST_CASE("A renewal reminder before the end of a manual term is sent unless it was already renewed", "[reminders][renewal]") {
    SECTION("not renewed") {
        json sc = manual_renewal_scenario({{"reminders", {"P60D"}}});
        const Run run{sc};
        const json& reminder = run.events("renewal_reminder").only();
        CHECK(reminder["date"] == "2025-11-16");
        CHECK(reminder["details"]["renews_on"] == "2026-01-15");
        CHECK(reminder["details"]["auto_renew"] == false);
    }
    SECTION("renewed by hand before the reminder") {
        json sc = manual_renewal_scenario({{"reminders", {"P60D"}}});
        act(sc, renew("2025-11-01", "s1"));
        const Run run{sc};
        // Only the reminder before the end of the renewed term (2027-01-15).
        CHECK(run.events("renewal_reminder").dates() == Dates{"2026-11-16"});
        CHECK(run.events("renewal_reminder").only()["details"]["renews_on"] == "2027-01-15");
    }
}

// ---------------------------------------------------------------------------------------------
// Account closure

TEST_CASE("Closing the account ends every subscription at its term end and closes the account when the last one ends",
          "[account]") {
    json sc = base_scenario();
    sc["until"] = "2026-04-30";
    add_plan(sc, "app-yearly", "app", 12000, "P1Y");
    add_subscription(sc, "s2", {"app-yearly"}, "2025-03-01");
    act(sc, {{"on", "2025-04-02"}, {"do", "close_account"}});
    const Run run{sc};
    CHECK(run.events().on("2025-04-02").labels() ==
          Strings{"cancellation_requested s1", "cancellation_scheduled s1", "cancellation_requested s2",
                  "cancellation_scheduled s2", "email -"});
    CHECK(run.events("cancellation_scheduled").of("s1").only()["details"]["effective"] == "2025-04-15");
    CHECK(run.events("cancellation_scheduled").of("s2").only()["details"]["effective"] == "2026-03-01");
    CHECK(run.events("email").only()["details"]["effective"] == "2026-03-01");
    CHECK(run.state("s1", "2025-04-15") == "cancelled");
    CHECK(run.state("s2", "2025-04-15") == "pending_cancellation");
    const json& closed = run.events("account_closed").only();
    CHECK(closed["date"] == "2026-03-01");
    CHECK(closed["subscription"].is_null());
    const json& deleted = run.events("data_deleted").only();
    CHECK(deleted["date"] == "2026-03-31");  // data_retention defaults to P30D
    CHECK(deleted["subscription"].is_null());
    CHECK(run.invoice_dates("s1") == fifteenths(1, 3));
    CHECK(run.invoice_dates("s2") == Dates{"2025-03-01"});
    CHECK(run.output()["summary"]["account"] == "closed");
    CHECK(run.output()["summary"]["states"]["s2"] == "cancelled");
}

TEST_CASE("Account data is deleted once the data retention has passed after the closure", "[account]") {
    json sc = base_scenario();
    sc["account"]["data_retention"] = "P90D";
    act(sc, {{"on", "2025-03-02"}, {"do", "close_account"}});
    const Run run{sc};
    CHECK(run.events("account_closed").only()["date"] == "2025-03-15");
    CHECK(run.events("data_deleted").only()["date"] == "2025-06-13");
}

TEST_CASE("The account stays open while a subscription is still running", "[account]") {
    json sc = base_scenario();
    act(sc, cancel("2025-03-02", "s1"));
    const Run run{sc};
    CHECK(run.events("account_closed").empty());
    CHECK(run.output()["summary"]["account"] == "open");
}

TEST_CASE("Closing the account during a trial ends the trial subscription at the trial end without charge", "[account][trial]") {
    json sc = trial_scenario();
    act(sc, {{"on", "2025-01-05"}, {"do", "close_account"}});
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-01-15");
    CHECK(run.events("account_closed").only()["date"] == "2025-01-15");
    CHECK(run.events("trial_converted").empty());
    CHECK(run.total_charged() == 0);
}

TEST_CASE("Closing the account honours each plan's notice", "[account][notice]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["notice"] = "P30D";
    act(sc, {{"on", "2025-03-20"}, {"do", "close_account"}});  // 2025-04-15 needs notice by 2025-03-16
    const Run run{sc};
    const json& scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-05-15");
    CHECK(scheduled["details"]["deadline_missed"] == true);
    CHECK(run.events("account_closed").only()["date"] == "2025-05-15");
}

TEST_CASE("Actions after the account is closed are refused account_closed", "[account][refusal]") {
    json sc = base_scenario();
    act(sc, {{"on", "2025-03-02"}, {"do", "close_account"}});
    act(sc, reactivate("2025-04-02", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-04-02", "s1", "reactivate", "account_closed");
}

// ---------------------------------------------------------------------------------------------
// Transfer (REDHAT)

TEST_CASE("A transfer to a separate entity completes on the tenth business day skipping weekends and holidays",
          "[transfer]") {
    json sc = base_scenario();
    sc["until"] = "2026-01-31";
    SECTION("with the year-end holidays") {
        sc["holidays"] = {"2025-12-24", "2025-12-25", "2025-12-26", "2026-01-01"};
        act(sc, {{"on", "2025-12-15"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "globex"},
                 {"separate_entity", true}});  // a Monday
        const Run run{sc};
        const json& requested = run.events("transfer_requested").only();
        CHECK(requested["date"] == "2025-12-15");
        CHECK(requested["details"]["completes_on"] == "2026-01-02");
        CHECK(requested["rule"] == "transfer.separate_entity");
        const json& completed = run.events("transfer_completed").only();
        CHECK(completed["date"] == "2026-01-02");
        CHECK(completed["details"]["to"] == "globex");
    }
    SECTION("without holidays") {
        act(sc, {{"on", "2025-12-15"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "globex"},
                 {"separate_entity", true}});
        const Run run{sc};
        CHECK(run.events("transfer_completed").only()["date"] == "2025-12-29");
    }
}

TEST_CASE("A transfer within the same organization completes the same day", "[transfer]") {
    json sc = base_scenario();
    act(sc, {{"on", "2025-06-03"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "acme-emea"}});
    const Run run{sc};
    CHECK(run.events().on("2025-06-03").types() == Strings{"transfer_requested", "transfer_completed"});
    CHECK(run.events("transfer_completed").only()["rule"] == "transfer.same_organization");
    CHECK(run.events("transfer_requested").only()["details"]["completes_on"] == "2025-06-03");
}

TEST_CASE("Actions on a subscription transferred away are refused transferred", "[transfer][refusal]") {
    json sc = base_scenario();
    act(sc, {{"on", "2025-06-03"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "acme-emea"}});
    act(sc, cancel("2025-06-10", "s1"));
    const Run run{sc};
    check_single_refusal(run, "2025-06-10", "s1", "cancel", "transferred");
}

// ---------------------------------------------------------------------------------------------
// Reminders

TEST_CASE("A renewal reminder is sent the given time before each renewal", "[reminders]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["reminders"] = {"P7D"};
    const Run run{sc};
    Dates expected;
    for (int m = 2; m <= 12; ++m) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "2025-%02d-08", m);
        expected.push_back(buf);
    }
    CHECK(run.events("renewal_reminder").dates() == expected);
    const json& first = run.events("renewal_reminder").on("2025-02-08").only();
    CHECK(first["details"]["renews_on"] == "2025-02-15");
    CHECK(first["details"]["before"] == "P7D");
    CHECK(first["rule"] == "reminder.renewal");
}

TEST_CASE("No renewal reminder is sent before a boundary where a cancellation takes effect", "[reminders][cancellation]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["reminders"] = {"P7D"};
    act(sc, cancel("2025-04-01", "s1"));  // effective 2025-04-15
    const Run run{sc};
    CHECK(run.events("renewal_reminder").dates() == Dates{"2025-02-08", "2025-03-08"});
}

TEST_CASE("A trial ending reminder is sent before the trial ends", "[reminders][trial]") {
    json sc = trial_scenario();
    plan(sc, "app-trial")["reminders"] = {"P3D"};
    const Run run{sc};
    const json& ending = run.events("trial_ending").only();
    CHECK(ending["date"] == "2025-01-12");
    CHECK(ending["details"]["ends"] == "2025-01-15");
    CHECK(run.events("renewal_reminder").dates().front() == "2025-02-12");
}

// ---------------------------------------------------------------------------------------------
// Ordering within a day

TEST_CASE("On one date boundaries come first then actions in file order then reminders", "[ordering]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["reminders"] = {"P1M"};
    add_plan(sc, "plain-monthly", "app", 1000, "P1M");
    add_subscription(sc, "s2", {"plain-monthly"}, "2025-01-15");
    act(sc, cancel("2025-02-15", "s2"));
    const Run run{sc};
    CHECK(run.events().on("2025-02-15").labels() ==
          Strings{"renewed s1", "invoice s1", "renewed s2", "invoice s2", "cancellation_requested s2",
                  "cancellation_scheduled s2", "email s2", "renewal_reminder s1"});
}

TEST_CASE("Actions on the same date run in file order", "[ordering]") {
    json sc = base_scenario();
    add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
    act(sc, cancel("2025-03-02", "s2"));
    act(sc, cancel("2025-03-02", "s1"));
    act(sc, reactivate("2025-03-02", "s2"));
    const Run run{sc};
    CHECK(run.events().on("2025-03-02").labels() ==
          Strings{"cancellation_requested s2", "cancellation_scheduled s2", "email s2", "cancellation_requested s1",
                  "cancellation_scheduled s1", "email s1", "reactivated s2"});
}

TEST_CASE("A subscription starts with subscription_started and trial_started on its start date", "[ordering][trial]") {
    const Run run{trial_scenario()};
    CHECK(run.events().on("2025-01-01").types() == Strings{"subscription_started", "trial_started"});
}

// ---------------------------------------------------------------------------------------------
// Properties of every bundled scenario

namespace {

struct BundledRun {
    std::string name;
    json scenario;
    subsim::Result result;
    nlohmann::ordered_json output;
};

std::vector<BundledRun> run_bundled_scenarios() {
    std::vector<BundledRun> runs;
    for (const auto& [name, text] : bundled_scenarios()) {
        subsim::ScenarioReading reading = subsim::read_scenario(text);
        INFO(name);
        REQUIRE(reading.scenario);
        subsim::Result result = subsim::simulate(*reading.scenario);
        nlohmann::ordered_json output = nlohmann::ordered_json::parse(subsim::write_result_json(result));
        runs.push_back(BundledRun{name, json::parse(text), std::move(result), std::move(output)});
    }
    REQUIRE(runs.size() >= 20);
    return runs;
}

}  // namespace

TEST_CASE("Every event of every bundled scenario has a rule and exactly the six keys in order", "[events][scenarios]") {
    const std::set<std::string> types = {
        "subscription_started", "trial_started", "trial_ending", "trial_converted", "trial_expired", "invoice",
        "renewed", "renewal_reminder", "cancellation_requested", "cancellation_scheduled", "cancellation_effective",
        "reactivated", "action_refused", "email", "expired", "grace_ended", "price_changed", "account_closed",
        "data_deleted", "transfer_requested", "transfer_completed"};
    for (const BundledRun& run : run_bundled_scenarios()) {
        INFO(run.name);
        std::string previous_date;
        for (const auto& e : run.output["events"]) {
            INFO(e.dump());
            std::vector<std::string> keys;
            for (auto it = e.begin(); it != e.end(); ++it) keys.push_back(it.key());
            CHECK(keys == Strings{"date", "type", "subscription", "product", "details", "rule"});
            CHECK(types.count(e["type"].get<std::string>()) == 1);
            REQUIRE(e["rule"].is_string());
            CHECK_FALSE(e["rule"].get<std::string>().empty());
            CHECK(e["details"].is_object());
            CHECK(e["date"].get<std::string>() >= previous_date);  // sorted by date
            previous_date = e["date"].get<std::string>();
        }
    }
}

TEST_CASE("Spans cover every product of every bundled scenario from its start to the day after until without gaps or overlaps",
          "[spans][scenarios]") {
    for (const BundledRun& run : run_bundled_scenarios()) {
        INFO(run.name);
        const Date until_plus_one = date(run.scenario["until"].get<std::string>()).plus_days(1);
        std::map<std::string, std::string> product_of_plan;
        for (const json& p : run.scenario["catalog"]["plans"])
            product_of_plan[p["id"].get<std::string>()] = p["product"].get<std::string>();
        std::map<std::pair<std::string, std::string>, std::vector<nlohmann::ordered_json>> by_line;
        for (const auto& s : run.output["spans"])
            by_line[{s["subscription"].get<std::string>(), s["product"].get<std::string>()}].push_back(s);
        std::size_t lines = 0;
        for (const json& sub : run.scenario["subscriptions"]) {
            for (const json& plan_id : sub["plans"]) {
                ++lines;
                const std::pair<std::string, std::string> key{sub["id"].get<std::string>(),
                                                              product_of_plan.at(plan_id.get<std::string>())};
                INFO(key.first << "/" << key.second);
                const auto found = by_line.find(key);
                REQUIRE(found != by_line.end());
                const auto& spans = found->second;
                CHECK(spans.front()["from"] == sub["start"]);
                CHECK(spans.back()["to"] == until_plus_one.iso());
                for (std::size_t i = 0; i < spans.size(); ++i) {
                    INFO(spans[i].dump());
                    CHECK(spans[i]["from"].get<std::string>() < spans[i]["to"].get<std::string>());
                    if (i > 0) {
                        CHECK(spans[i - 1]["to"] == spans[i]["from"]);          // no gap, no overlap
                        CHECK(spans[i - 1]["state"] != spans[i]["state"]);      // one run per state
                    }
                }
            }
        }
        CHECK(by_line.size() == lines);  // nothing else has spans
    }
}

TEST_CASE("Every billing date of every bundled scenario gives one invoice event and one invoice per subscription",
          "[invoice][scenarios]") {
    for (const BundledRun& run : run_bundled_scenarios()) {
        INFO(run.name);
        std::map<std::pair<std::string, std::string>, long long> invoice_events;
        for (const auto& e : run.output["events"])
            if (e["type"] == "invoice") {
                auto& count = invoice_events[{e["subscription"].get<std::string>(), e["date"].get<std::string>()}];
                CHECK(count == 0);
                count = e["details"]["amount"].get<long long>();
            }
        std::set<std::pair<std::string, std::string>> seen;
        long long total = 0;
        for (const auto& inv : run.output["invoices"]) {
            const std::pair<std::string, std::string> key{inv["subscription"].get<std::string>(),
                                                          inv["date"].get<std::string>()};
            INFO(inv.dump());
            CHECK(seen.insert(key).second);
            REQUIRE(invoice_events.count(key) == 1);
            CHECK(invoice_events[key] == inv["amount"].get<long long>());
            long long sum = 0;
            for (const auto& line : inv["lines"]) {
                CHECK(line["product"].is_null() != line["bundle"].is_null());
                sum += line["amount"].get<long long>();
            }
            CHECK(sum == inv["amount"].get<long long>());
            total += sum;
        }
        CHECK(seen.size() == invoice_events.size());
        CHECK(run.output["summary"]["total_charged"].get<long long>() == total);
    }
}

TEST_CASE("Every bundled scenario passes its own expectations", "[scenarios]") {
    for (const BundledRun& run : run_bundled_scenarios()) {
        INFO(run.name);
        for (const auto& e : run.output["expectations"]) {
            INFO(e.dump());
            CHECK(e["passed"] == true);
        }
    }
}
