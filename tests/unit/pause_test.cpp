// SPEC-v2 §3, pause and resume, one TEST_CASE per rule. Numbers are worked out from the spec's text
// (§0.2 share, §3.2 dates, §3.4 calendars), never read off the engine.
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// s1 on app-monthly (price 4999 unless said, P1M) from `start`, format 2, until 2025-12-31.
json monthly(const std::string& start = "2025-01-15", json extra = json::object()) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    plan(sc, "app-monthly")["price"] = 4999;
    plan(sc, "app-monthly").update(extra);
    subscription(sc, "s1")["start"] = start;
    return sc;
}

json pause_on(const std::string& on, json extra = json::object()) {
    json a = {{"on", on}, {"do", "pause"}, {"subscription", "s1"}};
    a.update(extra);
    return a;
}

json simple(const std::string& on, const std::string& what) { return {{"on", on}, {"do", what}, {"subscription", "s1"}}; }

// The refusal rule of the only action_refused event, or "" when nothing was refused.
std::string refusal_rule(const json& sc) {
    const Events refused = Run{sc}.events("action_refused");
    return refused.empty() ? std::string() : refused.only()["rule"].get<std::string>();
}

Strings errors_of(const json& sc) {
    Strings out;
    for (const Diagnostic& d : read_scenario(sc.dump(2)).errors) out.push_back(d.pointer + ": " + d.message);
    return out;
}

}  // namespace

TEST_CASE("pause.end_of_period: cycles skip whole periods from the next boundary, and the calendar is kept",
          "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-02", {{"cycles", 2}}));
    const Run run{sc};
    const json scheduled = run.events("pause_scheduled").only();
    CHECK(scheduled["rule"] == "pause.end_of_period");
    CHECK(scheduled["details"] == json{{"by", "olivia"}, {"starts", "2025-03-15"}, {"resumes", "2025-05-15"}, {"cycles", 2}});
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-05-15", "2025-06-15", "2025-07-15", "2025-08-15",
                                           "2025-09-15", "2025-10-15", "2025-11-15", "2025-12-15"});
    const json resumed = run.events("resumed").only();
    CHECK(resumed["details"] == json{{"by", nullptr}, {"paused_from", "2025-03-15"}, {"paused_days", 61}, {"anchor", "2025-01-15"}});
}

TEST_CASE("pause.immediate: the pause starts on the request date, on a billing date that morning's period is withdrawn",
          "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-15", {{"until", "2025-04-14"}, {"starts", "immediate"}}));
    const Run run{sc};
    CHECK(run.events("pause_scheduled").only()["rule"] == "pause.immediate");
    CHECK(run.events("paused").only()["date"] == "2025-03-15");
    // 03-15's line is never provided: it comes off the invoice, which empties; `renewed` stays (§0.2).
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-04-15", "2025-05-15", "2025-06-15", "2025-07-15",
                                           "2025-08-15", "2025-09-15", "2025-10-15", "2025-11-15", "2025-12-15"});
    CHECK(run.events("renewed").on("2025-03-15").size() == 1);
    // k is 03-15's own index, a term boundary: the resume on 04-15 renews (§3.4 item 3).
    CHECK(run.events("renewed").on("2025-04-15").only()["rule"] == "renewal.auto");
}

TEST_CASE("pause.unused_credit: an immediate pause credits the rest of the current period on P", "[pause]") {
    json sc = monthly("2025-01-31");
    act(sc, pause_on("2025-03-10", {{"until", "2025-04-19"}, {"starts", "immediate"}}));
    const Run run{sc};
    const json credit = run.invoices("s1")[2];
    CHECK(credit["date"] == "2025-03-10");
    // −share(4999, [03-10, 03-31), [02-28, 03-31)) = −4999 × 21 / 31 = −3386.42 → −3386 (Example 3.B).
    CHECK(credit["lines"] == json::parse(R"([{"product": "app", "bundle": null, "plan": "app-monthly",
        "kind": "proration_credit", "from": "2025-03-10", "to": "2025-03-31", "amount": -3386}])"));
    CHECK(run.events("invoice").on("2025-03-10").only()["rule"] == "pause.unused_credit");
    CHECK(run.output()["summary"]["total_credited"] == 3386);
    // The resume on 04-20 starts a new period billed in full.
    CHECK(run.invoices("s1")[3]["date"] == "2025-04-20");
    CHECK(run.invoices("s1")[3]["amount"] == 4999);
}

TEST_CASE("pause.started: the subscription shows paused from P to U, over its kept state", "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-02", {{"cycles", 2}}));
    act(sc, pause_on("2025-09-01"));  // open-ended: still paused on `until`
    const Run run{sc};
    CHECK(run.events("paused").dates() == Dates{"2025-03-15", "2025-09-15"});
    CHECK(run.events("paused")[0]["details"]["resumes"] == "2025-05-15");
    CHECK(run.events("paused")[1]["details"]["resumes"].is_null());
    CHECK(run.state("s1", "2025-03-14") == "active");
    CHECK(run.state("s1", "2025-03-15") == "paused");
    CHECK(run.state("s1", "2025-05-15") == "active");
    CHECK(run.output()["summary"]["states"]["s1"] == "paused");
}

TEST_CASE("pause.resumed: `until` off the billing day re-anchors the calendar on U (month-end anchor)", "[pause]") {
    json sc = monthly("2025-01-31");
    sc["until"] = "2025-06-30";
    act(sc, pause_on("2025-03-10", {{"until", "2025-04-19"}}));
    const Run run{sc};
    const json resumed = run.events("resumed").only();
    CHECK(resumed["rule"] == "pause.resumed");
    CHECK(resumed["details"]["paused_days"] == 20);
    CHECK(resumed["details"]["anchor"] == "2025-04-20");
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-31", "2025-02-28", "2025-04-20", "2025-05-20", "2025-06-20"});
    CHECK(run.total_charged() == 24995);
}

TEST_CASE("pause.resumed_by_request: a resume action ends an open-ended pause and bills the new period itself",
          "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-02"));
    act(sc, {{"on", "2025-04-20"}, {"do", "resume"}, {"by", "olivia"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(run.events().of("s1").on("2025-04-20").types() == Strings{"resumed", "renewed", "invoice"});
    const json resumed = run.events("resumed").only();
    CHECK(resumed["rule"] == "pause.resumed_by_request");
    CHECK(resumed["details"] == json{{"by", "olivia"}, {"paused_from", "2025-03-15"}, {"paused_days", 36}, {"anchor", "2025-04-20"}});
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-04-20", "2025-05-20", "2025-06-20", "2025-07-20",
                                           "2025-08-20", "2025-09-20", "2025-10-20", "2025-11-20", "2025-12-20"});
}

TEST_CASE("pause.resumed with a billing day: re-anchoring aligns again at A-prime, the stub from U billed on U",
          "[pause]") {
    // billing_day 1 from 2025-01-01; until 04-19: P = 03-01 (k = 2), U = 04-20 is no boundary, so the
    // calendar is re-anchored at A' = 05-01 for index 2 (§3.4 item 1, §6.2).
    json sc = monthly("2025-01-01", {{"billing_day", 1}});
    act(sc, pause_on("2025-02-10", {{"until", "2025-04-19"}}));
    const Run run{sc};
    CHECK(run.events("resumed").only()["details"]["anchor"] == "2025-05-01");
    CHECK(run.events().of("s1").on("2025-04-20").types() == Strings{"resumed", "invoice"});
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-01", "2025-02-01", "2025-04-20", "2025-05-01", "2025-06-01", "2025-07-01",
                                           "2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01"});
    // share(4999, [04-20, 05-01), [04-01, 05-01)) = 4999 × 11 / 30 = 1832.97 → 1833, rule billing.period.
    const json stub = run.invoices("s1")[2];
    CHECK(stub["lines"].size() == 1);
    CHECK(stub["lines"][0]["from"] == "2025-04-20");
    CHECK(stub["lines"][0]["to"] == "2025-05-01");
    CHECK(stub["lines"][0]["kind"] == "period");
    CHECK(stub["amount"] == 1833);
    CHECK(run.events("invoice").on("2025-04-20").only()["rule"] == "billing.period");
    // A' is boundary(2), a term boundary: it renews, like every later first of the month.
    const json renewed = run.events("renewed").on("2025-05-01").only();
    CHECK(renewed["details"]["term_to"] == "2025-06-01");
    CHECK(run.events("invoice").on("2025-05-01").only()["rule"] == "renewal.auto");
    CHECK(run.total_charged() == 4999 * 10 + 1833);

    // billing_day "last" keeps the last day after the re-anchoring: A' = 04-30, then 05-31, 06-30.
    // Stub share(4999, [04-20, 04-30), [03-31, 04-30)) = 4999 × 10 / 30 = 1666.33 → 1666.
    json last = monthly("2025-01-31", {{"billing_day", "last"}});
    last["until"] = "2025-06-30";
    act(last, pause_on("2025-03-10", {{"until", "2025-04-19"}}));
    const Run at_end{last};
    CHECK(at_end.invoice_dates("s1") == Dates{"2025-01-31", "2025-02-28", "2025-04-20", "2025-04-30", "2025-05-31", "2025-06-30"});
    CHECK(at_end.total_charged() == 4999 * 5 + 1666);
}

TEST_CASE("pause.max_reached: an open-ended pause resumes by itself at P + max", "[pause]") {
    json sc = monthly("2025-01-15", {{"pause", {{"max", "P2M"}}}});
    act(sc, pause_on("2025-03-02"));
    const Run run{sc};
    CHECK(run.events("pause_scheduled").only()["details"]["resumes"] == "2025-05-15");
    const json resumed = run.events("resumed").only();
    CHECK(resumed["date"] == "2025-05-15");
    CHECK(resumed["rule"] == "pause.max_reached");
}

TEST_CASE("pause.withdrawn: a resume or a whole cancellation before P calls the scheduled pause off", "[pause]") {
    json sc = monthly();
    add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
    act(sc, pause_on("2025-03-02", {{"cycles", 2}}));
    act(sc, simple("2025-03-05", "resume"));
    act(sc, {{"on", "2025-03-02"}, {"do", "pause"}, {"subscription", "s2"}});
    act(sc, {{"on", "2025-03-06"}, {"do", "cancel"}, {"subscription", "s2"}});
    const Run run{sc};
    const Events withdrawn = run.events("pause_withdrawn");
    REQUIRE(withdrawn.size() == 2);
    CHECK(withdrawn[0]["details"] == json{{"by", "olivia"}, {"starts", "2025-03-15"}, {"reason", "resumed"}});
    CHECK(withdrawn[1]["details"]["reason"] == "cancellation");
    CHECK(run.events().of("s2").on("2025-03-06").types() ==
          Strings{"cancellation_requested", "cancellation_scheduled", "email", "pause_withdrawn"});
    CHECK(run.events("paused").empty());
    CHECK(run.invoice_dates("s1").size() == 12);  // 01-15 .. 12-15, as if never paused
    CHECK(run.events("cancellation_effective").of("s2").only()["date"] == "2025-03-15");
}

TEST_CASE("pause.cancelled_while_paused: takes effect on r, notice ignored, a fee when P was inside a term",
          "[pause]") {
    json sc = monthly("2025-01-01", {{"price", 2000}, {"term", "P1Y"}, {"termination_fee", 5000}, {"notice", "P1M"},
                                     {"cancellation", "end_of_term"}});
    act(sc, pause_on("2025-03-05"));
    act(sc, simple("2025-05-10", "cancel"));
    const Run run{sc};
    const json scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["rule"] == "pause.cancelled_while_paused");
    CHECK(scheduled["details"] == json{{"effective", "2025-05-10"}, {"access_until", "2025-05-09"}, {"notice", "P1M"},
                                       {"notice_deadline", "2025-05-10"}, {"deadline_missed", false},
                                       {"earliest", "2025-05-10"}, {"periods_added", 0}});
    CHECK(run.events("email").only()["rule"] == "pause.cancelled_while_paused");
    CHECK(run.events("cancellation_effective").only()["rule"] == "pause.cancelled_while_paused");
    CHECK(run.events("resumed").empty());
    // P = 04-01 (index 3) is inside the term; resumed on 05-10 the term (index 12) would end 9 periods later.
    const json fee = run.invoices("s1").back();
    CHECK(fee["lines"][0]["kind"] == "termination_fee");
    CHECK(fee["lines"][0]["from"] == "2025-05-10");
    CHECK(fee["lines"][0]["to"] == "2026-02-10");
    CHECK(run.total_charged() == 3 * 2000 + 5000);
    CHECK(run.state("s1", "2025-05-10") == "cancelled");
}

TEST_CASE("pause.already_cancelled: a pending cancellation refuses the pause", "[pause]") {
    json sc = monthly();
    act(sc, simple("2025-03-01", "cancel"));
    act(sc, pause_on("2025-03-02"));
    CHECK(refusal_rule(sc) == "pause.already_cancelled");
}

TEST_CASE("pause.not_active: a subscription not started yet cannot be paused", "[pause]") {
    json sc = monthly("2025-03-01");
    act(sc, pause_on("2025-02-01"));
    CHECK(refusal_rule(sc) == "pause.not_active");
}

TEST_CASE("pause.trialing: a trial cannot be paused", "[pause]") {
    json sc = monthly("2025-01-15", {{"trial", {{"length", "P14D"}}}});
    act(sc, pause_on("2025-01-20"));
    CHECK(refusal_rule(sc) == "pause.trialing");
}

TEST_CASE("pause.already_paused: a second pause while one is scheduled or running", "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-02", {{"cycles", 2}}));
    act(sc, pause_on("2025-04-02"));
    CHECK(refusal_rule(sc) == "pause.already_paused");
}

TEST_CASE("pause.change_pending: a pending plan change refuses the pause, and each refuses the other", "[pause]") {
    json sc = monthly();
    add_plan(sc, "app-pro", "app", 9999, "P1M");
    act(sc, {{"on", "2025-03-01"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "app-pro"}, {"timing", "end_of_period"}});
    act(sc, pause_on("2025-03-02"));
    CHECK(refusal_rule(sc) == "pause.change_pending");
}

TEST_CASE("pause.ends_first: a subscription that ends on or before P cannot be paused", "[pause]") {
    json sc = monthly("2025-01-15", {{"auto_renew", false}});
    act(sc, pause_on("2025-02-01"));
    CHECK(refusal_rule(sc) == "pause.ends_first");
}

TEST_CASE("pause.mixed_periods: plans billed over different periods cannot skip whole periods", "[pause]") {
    json sc = monthly();
    add_product(sc, "backup");
    add_plan(sc, "backup-yearly", "backup", 12000, "P1Y");
    subscription(sc, "s1")["plans"] = {"app-monthly", "backup-yearly"};
    act(sc, pause_on("2025-03-02"));
    CHECK(refusal_rule(sc) == "pause.mixed_periods");
}

TEST_CASE("pause.not_allowed: the lead plan refuses every pause (checked before the dates)", "[pause]") {
    json sc = monthly("2025-01-15", {{"pause", {{"allowed", false}}}});
    act(sc, pause_on("2025-03-02", {{"until", "2025-03-10"}}));  // ends before P as well: not_allowed comes first
    CHECK(refusal_rule(sc) == "pause.not_allowed");
}

TEST_CASE("pause.ends_before_start: `until` before P", "[pause]") {
    json sc = monthly();
    act(sc, pause_on("2025-03-02", {{"until", "2025-03-10"}}));  // P = 03-15
    CHECK(refusal_rule(sc) == "pause.ends_before_start");
}

TEST_CASE("pause.too_long: U after P + max", "[pause]") {
    json sc = monthly("2025-01-15", {{"pause", {{"max", "P1M"}}}});
    act(sc, pause_on("2025-03-02", {{"cycles", 2}}));  // U = 05-15 > 04-15
    CHECK(refusal_rule(sc) == "pause.too_long");
    json ok = monthly("2025-01-15", {{"pause", {{"max", "P2M"}}}});
    act(ok, pause_on("2025-03-02", {{"cycles", 2}}));
    CHECK(refusal_rule(ok).empty());
}

TEST_CASE("resume.not_paused: nothing to resume", "[pause]") {
    json sc = monthly();
    act(sc, simple("2025-03-02", "resume"));
    CHECK(refusal_rule(sc) == "resume.not_paused");
}

TEST_CASE("renewal.paused: no manual renewal while a pause is scheduled or running", "[pause]") {
    json sc = monthly("2025-01-15", {{"auto_renew", false}, {"term", "P12M"}});
    act(sc, pause_on("2025-03-02", {{"cycles", 1}}));
    act(sc, simple("2025-03-05", "renew"));
    CHECK(refusal_rule(sc) == "renewal.paused");
}

TEST_CASE("change.paused: no plan change while paused, after the resume a change keeps the moved calendar",
          "[pause]") {
    json sc = monthly("2025-01-31", {{"price", 1000}});
    add_plan(sc, "app-pro", "app", 2000, "P1M");
    act(sc, pause_on("2025-03-10", {{"until", "2025-04-19"}}));
    act(sc, {{"on", "2025-04-01"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "app-pro"}});
    act(sc, {{"on", "2025-05-01"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "app-pro"}});
    const Run run{sc};
    CHECK(refusal_rule(sc) == "change.paused");
    // Re-anchored on 04-20: [04-20, 05-20) has 19 of 30 days unused on 05-01: −633 + 1267 = 634, and the
    // billing dates stay on the 20th at the new price.
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-31", "2025-02-28", "2025-04-20", "2025-05-01", "2025-05-20",
                                           "2025-06-20", "2025-07-20", "2025-08-20", "2025-09-20", "2025-10-20",
                                           "2025-11-20", "2025-12-20"});
    CHECK(run.invoices("s1")[3]["amount"] == 634);
    CHECK(run.invoices("s1")[4]["amount"] == 2000);
}

TEST_CASE("reminder.renewal during a pause: before the moved boundaries, none while the end is unknown",
          "[pause]") {
    json known = monthly("2025-01-15", {{"reminders", {"P7D"}}});
    known["until"] = "2025-06-30";
    act(known, pause_on("2025-03-02", {{"cycles", 2}}));
    // As known on each reminder's date: not 03-08 (no renewal on 03-15), but 05-08 inside the pause.
    CHECK(Run{known}.events("renewal_reminder").dates() == Dates{"2025-02-08", "2025-05-08", "2025-06-08"});
    json open = monthly("2025-01-15", {{"reminders", {"P7D"}}});
    open["until"] = "2025-06-30";
    act(open, pause_on("2025-03-02"));
    act(open, simple("2025-05-02", "resume"));
    // Re-anchored on 05-02: the next renewal is 06-02, reminded on 05-26; nothing while the end was unknown.
    CHECK(Run{open}.events("renewal_reminder").dates() == Dates{"2025-02-08", "2025-05-26", "2025-06-25"});
}

TEST_CASE("pause keys are read with positions: v2 only, until or cycles, until not before on", "[pause]") {
    json v1 = base_scenario();
    act(v1, pause_on("2025-03-02"));
    CHECK(errors_of(v1) == Strings{"/actions/0/do: \"do\": \"pause\" is not an action of a version 1 file: it needs \"subsim\": 2"});
    json both = monthly();
    act(both, pause_on("2025-03-02", {{"until", "2025-03-01"}, {"cycles", 0}}));
    const Strings errors = errors_of(both);
    CHECK(errors.size() == 3);
    CHECK(std::count_if(errors.begin(), errors.end(), [](const std::string& e) { return e.rfind("/actions/0/cycles", 0) == 0; }) == 2);
    CHECK(std::count_if(errors.begin(), errors.end(), [](const std::string& e) { return e.rfind("/actions/0/until", 0) == 0; }) == 1);
}
