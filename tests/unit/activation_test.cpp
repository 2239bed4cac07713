// SPEC §2.3 `activation_required` (REDHAT: a subscription bought from a third party must be
// activated first), one TEST_CASE per rule. Built on test::base_scenario(): product "app", plan
// "app-monthly" (1000 a month), s1 from 2025-01-15 (anchor: the 15th), owner olivia, billing
// contact ben; test::bought_from_third_party marks s1 activation_required with number RH-100.
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

// Exactly one action_refused for `sub`, for "activate" with `reason`, and nothing else that day.
void check_activation_refused(const Run& run, const std::string& on, const std::string& sub, const std::string& reason,
                              const std::string& rule) {
    INFO("events on " << on << ": " << json(run.events().on(on).labels()).dump());
    CHECK(run.events().on(on).labels() == Strings{"action_refused " + sub});
    const json refused = run.events("action_refused").on(on).only();
    CHECK(refused["details"]["action"] == "activate");
    CHECK(refused["details"]["reason"] == reason);
    CHECK(refused["rule"] == rule);
    CHECK(run.events("activated").on(on).empty());
}

// s1 bought from a third party; a yearly plan without auto-renewal, 30 days of grace, sold online
// (so `renew` is allowed): term [2025-01-15, 2026-01-15).
json yearly_third_party() {
    json sc = base_scenario();
    sc["until"] = "2026-03-31";
    add_plan(sc, "app-yearly", "app", 12000, "P1Y", {{"auto_renew", false}, {"renewal_grace", "P30D"}});
    subscription(sc, "s1")["plans"] = {"app-yearly"};
    bought_from_third_party(sc, "s1");
    return sc;
}

}  // namespace

TEST_CASE("activation.required: the account never invoices a third-party purchase", "[activation]") {
    SECTION("not the first period, not the automatic renewals, before or after activation") {
        json sc = base_scenario();
        bought_from_third_party(sc, "s1");
        add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");  // bought directly: invoiced
        act(sc, activate_action("2025-03-01", "s1"));
        const Run run{sc};
        CHECK(run.invoices("s1").empty());
        CHECK(run.events("invoice").of("s1").empty());
        CHECK(run.events("renewed").of("s1").size() == 11);  // 2025-02-15 .. 2025-12-15: the term still runs
        CHECK(run.invoice_dates("s2").size() == 12);
        CHECK(run.total_charged() == 12 * 1000);  // s2 only
    }
    SECTION("not a manual renewal") {
        json sc = yearly_third_party();
        act(sc, activate_action("2025-01-20", "s1"));
        act(sc, {{"on", "2025-12-01"}, {"do", "renew"}, {"subscription", "s1"}});
        const Run run{sc};
        CHECK(run.events("renewed").of("s1").dates() == Dates{"2025-12-01"});
        CHECK(run.events("expired").of("s1").empty());
        CHECK(run.invoices("s1").empty());
        CHECK(run.total_charged() == 0);
    }
    SECTION("not a bundle, whose price never shows: no price_changed when a member leaves") {
        json sc = base_scenario();
        add_product(sc, "chat");
        add_plan(sc, "chat-monthly", "chat", 500, "P1M");
        sc["catalog"]["bundles"] = {{{"id", "suite"}, {"name", "Suite"}, {"products", {"app", "chat"}}, {"price", 1200}, {"period", "P1M"}}};
        subscription(sc, "s1")["plans"] = {"app-monthly", "chat-monthly"};
        subscription(sc, "s1")["bundle"] = "suite";
        bought_from_third_party(sc, "s1");
        act(sc, activate_action("2025-01-20", "s1"));
        act(sc, {{"on", "2025-03-01"}, {"do", "cancel"}, {"subscription", "s1"}, {"products", {"chat"}}});
        const Run run{sc};
        CHECK(run.events("cancellation_effective").of("s1").dates() == Dates{"2025-03-15"});
        CHECK(run.events("price_changed").empty());
        CHECK(run.invoices("s1").empty());
        CHECK(run.total_charged() == 0);
    }
}

TEST_CASE("activation.required: pending_activation from start until activate, nothing provided", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
    act(sc, activate_action("2025-01-20", "s1"));
    const Run run{sc};
    CHECK(run.state("s1", "2025-01-14") == "none");
    CHECK(run.state("s1", "2025-01-15") == "pending_activation");
    CHECK(run.state("s1", "2025-01-19") == "pending_activation");
    CHECK(run.state("s1", "2025-01-20") == "active");
    CHECK(run.state("s1", "2025-12-31") == "active");
    CHECK(run.events("subscription_started").of("s1").rules() == Strings{"activation.required"});
    CHECK(run.events("subscription_started").of("s2").rules() == Strings{"subscription.start"});
}

TEST_CASE("activation.required: a trial does not apply to a third-party purchase, the term runs from start", "[activation]") {
    json sc = base_scenario();
    add_plan(sc, "app-trial", "app", 1000, "P1M", {{"trial", {{"length", "P14D"}}}});
    subscription(sc, "s1")["plans"] = {"app-trial"};
    bought_from_third_party(sc, "s1");
    const Run run{sc};
    CHECK(run.events("trial_started").empty());
    CHECK(run.events("trial_converted").empty());
    CHECK(run.events("subscription_started").only()["details"]["anchor"] == "2025-01-15");
    CHECK(run.events("renewed").of("s1").dates().front() == "2025-02-15");
    CHECK(run.state("s1", "2025-01-15") == "pending_activation");
}

TEST_CASE("activation.activated: an `activated` event with by and number, in that order", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    sc["permissions"] = {{"activate", {"owner", "billing_contact"}}};
    act(sc, activate_action("2025-01-20", "s1", {{"by", "ben"}, {"number", "RH-100"}}));
    const Run run{sc};
    const json activated = run.events("activated").only();
    CHECK(activated["date"] == "2025-01-20");
    CHECK(activated["subscription"] == "s1");
    CHECK(activated["product"].is_null());
    CHECK(activated["rule"] == "activation.activated");
    CHECK(activated["details"] == json{{"by", "ben"}, {"number", "RH-100"}});
    const auto& details = run.result().events.at(1).details;  // subscription_started, then activated
    REQUIRE(details.size() == 2);
    CHECK(details[0].key == "by");
    CHECK(details[1].key == "number");

    SECTION("without a number, number is null; without by, the owner acts") {
        json bare = base_scenario();
        bought_from_third_party(bare, "s1");
        act(bare, activate_action("2025-01-20", "s1"));
        const Run bare_run{bare};
        CHECK(bare_run.events("activated").only()["details"] == json{{"by", "olivia"}, {"number", nullptr}});
    }
    SECTION("a number is checked only when the subscription has one") {
        json unnumbered = base_scenario();
        bought_from_third_party(unnumbered, "s1", "");
        act(unnumbered, activate_action("2025-01-20", "s1", {{"number", "anything"}}));
        const Run unnumbered_run{unnumbered};
        CHECK(unnumbered_run.events("activated").size() == 1);
    }
}

TEST_CASE("activate refusal 1: not_permitted (owner only by default)", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    act(sc, activate_action("2025-01-20", "s1", {{"by", "ben"}, {"number", "WRONG"}}));  // wrong_number too
    const Run run{sc};
    check_activation_refused(run, "2025-01-20", "s1", "not_permitted", "permission.denied");
    CHECK(run.state("s1", "2025-01-20") == "pending_activation");
}

TEST_CASE("activate refusal 2: account_closed", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    act(sc, {{"on", "2025-02-01"}, {"do", "close_account"}});  // closes on 2025-02-15
    act(sc, activate_action("2025-02-20", "s1"));                // s1 is cancelled too: not_active comes later
    const Run run{sc};
    CHECK(run.events("account_closed").dates() == Dates{"2025-02-15"});
    check_activation_refused(run, "2025-02-20", "s1", "account_closed", "account.closed");
}

TEST_CASE("activate refusal 3: transferred", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    act(sc, {{"on", "2025-01-20"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "globex"}});
    act(sc, activate_action("2025-01-21", "s1", {{"number", "WRONG"}}));  // wrong_number too
    const Run run{sc};
    check_activation_refused(run, "2025-01-21", "s1", "transferred", "transfer.completed");
}

TEST_CASE("activate refusal 4: not_active (not started, expired, cancelled)", "[activation]") {
    SECTION("before the subscription starts") {
        json sc = base_scenario();
        bought_from_third_party(sc, "s1");
        act(sc, activate_action("2025-01-10", "s1"));
        const Run run{sc};
        check_activation_refused(run, "2025-01-10", "s1", "not_active", "activation.not_active");
    }
    SECTION("after the term ended, even for a subscription that never required activation") {
        json sc = yearly_third_party();
        subscription(sc, "s1")["activation_required"] = false;  // already_active would apply too
        act(sc, activate_action("2026-01-20", "s1"));
        const Run run{sc};
        check_activation_refused(run, "2026-01-20", "s1", "not_active", "activation.not_active");
    }
    SECTION("after a cancellation took effect") {
        json sc = base_scenario();
        bought_from_third_party(sc, "s1");
        act(sc, {{"on", "2025-02-01"}, {"do", "cancel"}, {"subscription", "s1"}});
        act(sc, activate_action("2025-02-20", "s1"));
        const Run run{sc};
        check_activation_refused(run, "2025-02-20", "s1", "not_active", "activation.not_active");
    }
}

TEST_CASE("activate refusal 5: already_active", "[activation]") {
    SECTION("activated twice; a wrong number on the second try does not matter") {
        json sc = base_scenario();
        bought_from_third_party(sc, "s1");
        act(sc, activate_action("2025-01-20", "s1"));
        act(sc, activate_action("2025-01-21", "s1", {{"number", "WRONG"}}));
        const Run run{sc};
        CHECK(run.events("activated").dates() == Dates{"2025-01-20"});
        check_activation_refused(run, "2025-01-21", "s1", "already_active", "activation.already_active");
    }
    SECTION("a subscription bought directly never needs activating") {
        json sc = base_scenario();
        act(sc, activate_action("2025-01-20", "s1"));
        const Run run{sc};
        check_activation_refused(run, "2025-01-20", "s1", "already_active", "activation.already_active");
    }
}

TEST_CASE("activate refusal 6: wrong_number, then the right one is accepted", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    act(sc, activate_action("2025-01-20", "s1", {{"number", "RH-010"}}));
    act(sc, activate_action("2025-01-22", "s1", {{"number", "RH-100"}}));
    const Run run{sc};
    check_activation_refused(run, "2025-01-20", "s1", "wrong_number", "activation.wrong_number");
    CHECK(run.state("s1", "2025-01-21") == "pending_activation");
    CHECK(run.events("activated").dates() == Dates{"2025-01-22"});
}

TEST_CASE("activation.required: pending_activation carries over renewals until activate", "[activation]") {
    SECTION("automatic renewals") {
        json sc = base_scenario();
        bought_from_third_party(sc, "s1");
        act(sc, activate_action("2025-06-20", "s1"));
        const Run run{sc};
        CHECK(run.events("renewed").of("s1").on("2025-06-15").size() == 1);
        CHECK(run.state("s1", "2025-06-19") == "pending_activation");
        CHECK(run.state("s1", "2025-06-20") == "active");
        CHECK(run.events("activated").dates() == Dates{"2025-06-20"});
    }
    SECTION("a renewal by hand inside the grace returns to pending_activation, not active") {
        json sc = yearly_third_party();
        act(sc, {{"on", "2026-01-20"}, {"do", "renew"}, {"subscription", "s1"}});
        act(sc, activate_action("2026-02-01", "s1"));
        const Run run{sc};
        CHECK(run.state("s1", "2026-01-19") == "expired");
        CHECK(run.state("s1", "2026-01-20") == "pending_activation");
        CHECK(run.state("s1", "2026-02-01") == "active");
        CHECK(run.total_charged() == 0);
    }
}

TEST_CASE("activation.required: a cancellation while pending_activation follows the plan's policy", "[activation]") {
    json sc = base_scenario();
    bought_from_third_party(sc, "s1");
    SECTION("end_of_period: effective at the next boundary, then cancelled") {
        act(sc, {{"on", "2025-02-01"}, {"do", "cancel"}, {"subscription", "s1"}});
        const Run run{sc};
        CHECK(run.events("cancellation_scheduled").only()["details"]["effective"] == "2025-02-15");
        CHECK(run.state("s1", "2025-02-01") == "pending_cancellation");
        CHECK(run.state("s1", "2025-02-15") == "cancelled");
        CHECK(run.events("activated").empty());
    }
    SECTION("reactivating goes back to pending_activation") {
        act(sc, {{"on", "2025-02-01"}, {"do", "cancel"}, {"subscription", "s1"}});
        act(sc, {{"on", "2025-02-05"}, {"do", "reactivate"}, {"subscription", "s1"}});
        const Run run{sc};
        CHECK(run.state("s1", "2025-02-05") == "pending_activation");
        CHECK(run.state("s1", "2025-03-01") == "pending_activation");
    }
    SECTION("activating while the cancellation is pending: provided until it takes effect; reactivating then gives active") {
        act(sc, {{"on", "2025-02-01"}, {"do", "cancel"}, {"subscription", "s1"}});
        act(sc, activate_action("2025-02-03", "s1"));
        act(sc, {{"on", "2025-02-05"}, {"do", "reactivate"}, {"subscription", "s1"}});
        const Run run{sc};
        CHECK(run.events("activated").dates() == Dates{"2025-02-03"});
        CHECK(run.state("s1", "2025-02-03") == "pending_cancellation");
        CHECK(run.state("s1", "2025-02-05") == "active");
        CHECK(run.invoices("s1").empty());
    }
}

TEST_CASE("activation.required: never activated and not auto-renewing, it expires at the term end", "[activation]") {
    json sc = yearly_third_party();
    plan(sc, "app-yearly")["reminders"] = {"P7D"};
    const Run run{sc};
    CHECK(run.events("renewal_reminder").of("s1").dates() == Dates{"2026-01-08"});  // the term runs: so do reminders
    CHECK(run.state("s1", "2026-01-14") == "pending_activation");
    CHECK(run.events("expired").of("s1").dates() == Dates{"2026-01-15"});
    CHECK(run.events("grace_ended").of("s1").dates() == Dates{"2026-02-14"});
    CHECK(run.state("s1", "2026-01-15") == "expired");
    CHECK(run.events("invoice").empty());
}

TEST_CASE("activation.required: skipping quiet days gives the same result while pending_activation", "[activation][engine]") {
    std::vector<json> scenarios;
    json monthly = base_scenario();
    bought_from_third_party(monthly, "s1");
    scenarios.push_back(monthly);                            // never activated, renewing monthly
    act(monthly, activate_action("2025-06-20", "s1"));
    scenarios.push_back(monthly);
    json yearly = yearly_third_party();
    plan(yearly, "app-yearly")["reminders"] = {"P7D", "P1M"};
    scenarios.push_back(yearly);                             // expires unactivated, grace ends
    act(yearly, {{"on", "2026-01-20"}, {"do", "renew"}, {"subscription", "s1"}});
    scenarios.push_back(yearly);
    json cancelled = base_scenario();
    bought_from_third_party(cancelled, "s1");
    act(cancelled, {{"on", "2025-02-01"}, {"do", "cancel"}, {"subscription", "s1"}});
    scenarios.push_back(cancelled);
    for (const json& sc : scenarios) {
        const subsim::ScenarioReading reading = subsim::read_scenario(sc.dump());
        REQUIRE(reading.scenario);
        INFO(sc.value("actions", json::array()).dump());
        CHECK(subsim::write_result_json(subsim::simulate(*reading.scenario, subsim::Stepping::skip_quiet_days)) ==
              subsim::write_result_json(subsim::simulate(*reading.scenario, subsim::Stepping::every_day)));
    }
}
