// SPEC §3 "Reactivation" (v1.3): a pending cancellation is withdrawn while r < E; a ZENDESK
// product removal (end_of_next_period) only while r < B0, the end of the cycle it was requested
// in; an add-on never outlives its base.
//
// Synopsis
//   - cycle_ended: reinstated on B0 - 1, refused on B0 (rule reactivation.cycle_ended);
//   - requires_cancelled: an add-on alone while its base stays pending, in any subscription;
//   - reactivating the base brings back what was cascaded from it; base and add-on together;
//   - refusals in SPEC order: already_cancelled, cycle_ended, not_pending, account_closing,
//     requires_cancelled, contact_support (after not_permitted, account_closed, transferred).
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json action(const std::string& on, const std::string& what, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", what}, {"subscription", sub}};
    a.update(extra);
    return a;
}

json products(std::initializer_list<const char*> ids) { return {{"products", json(ids)}}; }

// The one refusal on `on`: its reason and rule.
std::pair<std::string, std::string> refusal_on(const Run& run, const std::string& on) {
    const json e = run.events("action_refused").on(on).only();
    return {e["details"]["reason"].get<std::string>(), e["rule"].get<std::string>()};
}

// s1 holds crm (base) and sms (requires crm), both monthly from 2025-01-15.
json addon_scenario() {
    json sc = base_scenario();
    add_product(sc, "crm");
    add_product(sc, "sms", {{"requires", {"crm"}}});
    add_plan(sc, "crm-monthly", "crm", 3000, "P1M");
    add_plan(sc, "sms-monthly", "sms", 1000, "P1M");
    subscription(sc, "s1")["plans"] = {"crm-monthly", "sms-monthly"};
    return sc;
}

}  // namespace

TEST_CASE("A product removal can be reinstated only before the end of the cycle it was requested in",
          "[reactivation][cycle_ended]") {
    json sc = base_scenario();
    plan(sc, "app-monthly")["cancellation"] = "end_of_next_period";
    add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
    act(sc, action("2025-03-02", "cancel", "s1"));  // B0 = 15 Mar, E = 15 Apr
    act(sc, action("2025-03-02", "cancel", "s2"));
    act(sc, action("2025-03-14", "reactivate", "s1"));
    act(sc, action("2025-03-15", "reactivate", "s2"));
    const Run run{sc};
    CHECK(run.events("reactivated").of("s1").only()["date"] == "2025-03-14");
    CHECK(refusal_on(run, "2025-03-15") == std::pair<std::string, std::string>{"cycle_ended", "reactivation.cycle_ended"});
    CHECK(run.events("cancellation_effective").of("s2").only()["date"] == "2025-04-15");
    CHECK(run.state("s2", "2025-04-14") == "pending_cancellation");
    CHECK(run.invoice_dates("s2").back() == "2025-03-15");
}

TEST_CASE("An add-on is not reactivated alone while its base stays pending or cancelled",
          "[reactivation][requires_cancelled]") {
    json sc = addon_scenario();
    act(sc, action("2025-03-02", "cancel", "s1", products({"crm"})));
    act(sc, action("2025-03-05", "reactivate", "s1", products({"sms"})));
    act(sc, action("2025-03-20", "reactivate", "s1", products({"sms"})));
    const Run run{sc};
    CHECK(refusal_on(run, "2025-03-05") ==
          std::pair<std::string, std::string>{"requires_cancelled", "reactivation.requires_cancelled"});
    // After the effective date the add-on is cancelled itself: already_cancelled comes first.
    CHECK(refusal_on(run, "2025-03-20").first == "already_cancelled");
    CHECK(run.events("reactivated").empty());
}

TEST_CASE("An add-on in another subscription waits for its base there too", "[reactivation][requires_cancelled]") {
    json sc = addon_scenario();
    subscription(sc, "s1")["plans"] = {"crm-monthly"};
    add_subscription(sc, "s2", {"sms-monthly"}, "2025-02-01");
    act(sc, action("2025-03-02", "cancel", "s1"));
    act(sc, action("2025-03-05", "reactivate", "s2"));
    act(sc, action("2025-03-06", "reactivate", "s1"));
    const Run run{sc};
    CHECK(refusal_on(run, "2025-03-05").first == "requires_cancelled");
    CHECK(run.events("reactivated").labels() == Strings{"reactivated s1", "reactivated s2/sms"});
    CHECK(run.events("reactivated").of("s2").only()["rule"] == "reactivation.requires_cascade");
    CHECK(run.events("cancellation_effective").empty());
}

TEST_CASE("A base and its add-on listed together are reinstated together", "[reactivation][requires_cancelled]") {
    json sc = addon_scenario();
    act(sc, action("2025-03-02", "cancel", "s1", products({"sms"})));
    act(sc, action("2025-03-03", "cancel", "s1", products({"crm"})));
    act(sc, action("2025-03-05", "reactivate", "s1", products({"sms", "crm"})));
    const Run run{sc};
    CHECK(run.events("reactivated").labels() == Strings{"reactivated s1/sms", "reactivated s1/crm"});
    CHECK(run.events("action_refused").empty());
    CHECK(run.state("s1", "2025-03-20") == "active");
}

TEST_CASE("Reactivation refusals come in the SPEC's order", "[reactivation][refusal]") {
    SECTION("cycle_ended before account_closing") {
        json sc = base_scenario();
        add_product(sc, "support", {{"cancels_account", true}});
        add_plan(sc, "support-monthly", "support", 8900, "P1M", {{"cancellation", "end_of_next_period"}});
        subscription(sc, "s1")["plans"] = {"support-monthly"};
        act(sc, action("2025-03-02", "cancel", "s1", products({"support"})));
        act(sc, action("2025-03-10", "reactivate", "s1", products({"support"})));
        act(sc, action("2025-03-20", "reactivate", "s1", products({"support"})));
        const Run run{sc};
        CHECK(refusal_on(run, "2025-03-10").first == "account_closing");
        CHECK(refusal_on(run, "2025-03-20").first == "cycle_ended");
    }
    SECTION("account_closing before requires_cancelled, and that before contact_support") {
        json sc = addon_scenario();
        plan(sc, "sms-monthly")["reactivation"] = false;
        add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
        act(sc, action("2025-03-02", "cancel", "s1", products({"crm"})));
        act(sc, action("2025-03-03", "reactivate", "s1", products({"sms"})));
        act(sc, {{"on", "2025-03-04"}, {"do", "close_account"}});
        act(sc, action("2025-03-05", "reactivate", "s2"));
        const Run run{sc};
        CHECK(refusal_on(run, "2025-03-03").first == "requires_cancelled");
        CHECK(refusal_on(run, "2025-03-05").first == "account_closing");
    }
    SECTION("not_pending before account_closing; not_permitted first of all") {
        json sc = base_scenario();
        act(sc, action("2025-03-02", "reactivate", "s1"));
        act(sc, action("2025-03-03", "reactivate", "s1", {{"by", "emma"}}));
        const Run run{sc};
        CHECK(refusal_on(run, "2025-03-02").first == "not_pending");
        CHECK(refusal_on(run, "2025-03-03").first == "not_permitted");
    }
}
