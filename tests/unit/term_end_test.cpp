// SPEC-v2 §5, term-end actions and evergreen contracts, one TEST_CASE per rule. Numbers are worked
// out from the spec's text (§0.1 notice counted forward, §0.2 share).
#include "engine/evergreen.hpp"
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// s1 on `plan` (yearly 12000 from 2024-01-01 unless `extra` says otherwise), format 2.
json yearly(json extra) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["start"] = "2024-01-01";
    sc["until"] = "2027-03-31";
    add_plan(sc, "app-yearly", "app", 12000, "P1Y", extra);
    subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"app-yearly"}}, {"start", "2024-01-01"}};
    return sc;
}

// The German model: 2999/P1M, 24 months, end_of_term with one month's notice, then evergreen.
json mobile(const std::string& grid, const std::string& notice) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["start"] = "2023-04-01";
    sc["until"] = "2025-12-31";
    add_plan(sc, "mobile-24", "app", 2999, "P1M",
             {{"term", "P24M"}, {"cancellation", "end_of_term"}, {"notice", "P1M"}, {"at_term_end", "evergreen"},
              {"evergreen_period", grid}, {"evergreen_notice", notice}});
    subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"mobile-24"}}, {"start", "2023-04-01"}};
    return sc;
}

json cancel_on(const std::string& on) { return {{"on", on}, {"do", "cancel"}, {"subscription", "s1"}}; }

Strings errors_of(const json& sc) {
    Strings out;
    for (const Diagnostic& d : read_scenario(sc.dump(2)).errors) out.push_back(d.pointer + ": " + d.message);
    return out;
}

}  // namespace

TEST_CASE("term.renew_once: one automatic renewal, then the subscription ends at the end of that term",
          "[term-end]") {
    const Run run{yearly({{"at_term_end", "renew_once"}, {"reminders", {"P30D"}}})};
    CHECK(run.events("renewed").dates() == Dates{"2025-01-01"});
    CHECK(run.events("renewal_reminder").dates() == Dates{"2024-12-02", "2025-12-02"});
    CHECK(run.events("renewal_reminder")[0]["details"]["auto_renew"] == true);
    CHECK(run.events("renewal_reminder")[1]["details"]["auto_renew"] == false);
    const json end = run.events("cancellation_effective").only();
    CHECK(end["date"] == "2026-01-01");
    CHECK(end["rule"] == "term.renew_once");
    CHECK(end["product"].is_null());
    CHECK(run.state("s1", "2026-01-01") == "cancelled");
    CHECK(run.total_charged() == 24000);
}

TEST_CASE("term.cancel_at_term_end: the subscription ends at T1, and a renew after it is refused already_cancelled",
          "[term-end]") {
    json sc = yearly({{"at_term_end", "cancel"}});
    act(sc, {{"on", "2025-01-10"}, {"do", "renew"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(run.events("cancellation_effective").only()["rule"] == "term.cancel_at_term_end");
    CHECK(run.events("renewed").empty());
    CHECK(run.events("action_refused").only()["details"]["reason"] == "already_cancelled");
    CHECK(run.total_charged() == 12000);
}

TEST_CASE("The last term behaves as without auto-renewal: a renew during it prepays one more term, then it ends",
          "[term-end]") {
    json sc = yearly({{"at_term_end", "cancel"}, {"reminders", {"P30D"}}});
    act(sc, {{"on", "2024-06-01"}, {"do", "renew"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(run.events("renewed").only()["rule"] == "renewal.manual");
    CHECK(run.events("renewal_reminder").dates() == Dates{"2025-12-02"});  // none before the prepaid term
    CHECK(run.events("cancellation_effective").only()["date"] == "2026-01-01");
    CHECK(run.events("cancellation_effective").only()["rule"] == "term.cancel_at_term_end");
    CHECK(run.total_charged() == 24000);
}

TEST_CASE("at_term_end and the evergreen keys are checked: auto_renew, evergreen only, no renewal_term",
          "[term-end]") {
    CHECK(errors_of(yearly({{"at_term_end", "cancel"}, {"auto_renew", false}})).size() == 1);
    CHECK(errors_of(yearly({{"evergreen_notice", "P1M"}})).size() == 1);
    CHECK(errors_of(yearly({{"at_term_end", "evergreen"}, {"renewal_term", "P1Y"}})).size() == 1);
    json v1 = yearly({{"at_term_end", "renew_once"}});
    v1["subsim"] = 1;
    const Strings e = errors_of(v1);
    REQUIRE(e.size() == 1);
    CHECK(e[0].find("needs \"subsim\": 2") != std::string::npos);
}

TEST_CASE("term.evergreen: at T1 evergreen_started and the period invoiced with billing.period, no renewed after",
          "[term-end]") {
    const Run run{mobile("P1D", "P1M")};
    const json started = run.events("evergreen_started").only();
    CHECK(started["date"] == "2025-04-01");
    CHECK(started["details"] == json({{"period", "P1D"}, {"notice", "P1M"}}));
    CHECK(run.events("renewed").empty());
    CHECK(run.events("invoice").on("2025-04-01").only()["rule"] == "billing.period");
}

TEST_CASE("cancellation.evergreen on a P1D grid: the request plus the notice, nothing missed (Example 5.B)",
          "[term-end]") {
    json sc = mobile("P1D", "P1M");
    act(sc, cancel_on("2025-06-10"));
    const Run run{sc};
    const json s = run.events("cancellation_scheduled").only();
    CHECK(s["rule"] == "cancellation.evergreen");
    CHECK(s["details"] == json({{"effective", "2025-07-10"}, {"access_until", "2025-07-09"}, {"notice", "P1M"},
                                {"notice_deadline", "2025-06-10"}, {"deadline_missed", false},
                                {"earliest", "2025-07-10"}, {"periods_added", 0}}));
    CHECK(run.events("cancellation_effective").only()["rule"] == "cancellation.evergreen");
    CHECK(run.events("email").only()["rule"] == "cancellation.evergreen");
}

TEST_CASE("billing.partial_last_period: a period invoiced while the cancellation is pending stops at E",
          "[term-end]") {
    json sc = mobile("P1D", "P1M");
    act(sc, cancel_on("2025-06-10"));
    const Run run{sc};
    const json inv = run.invoices("s1").back();
    CHECK(inv["date"] == "2025-07-01");
    CHECK(inv["amount"] == 871);  // 2999 x 9 / 31 = 870.68
    CHECK(inv["lines"][0]["to"] == "2025-07-10");
    CHECK(run.events("invoice").on("2025-07-01").only()["rule"] == "billing.partial_last_period");
    CHECK(run.total_charged() == 27 * 2999 + 871);
}

TEST_CASE("billing.partial_last_period: a period already invoiced in full is refunded from E", "[term-end]") {
    json sc = mobile("P1D", "P7D");
    act(sc, cancel_on("2025-06-10"));  // E = 06-17, inside [06-01, 07-01) billed on 06-01
    const Run run{sc};
    const json inv = run.invoices("s1").back();
    CHECK(inv["date"] == "2025-06-17");
    CHECK(inv["lines"][0]["kind"] == "refund");
    CHECK(inv["lines"][0]["from"] == "2025-06-17");
    CHECK(inv["lines"][0]["to"] == "2025-07-01");
    CHECK(inv["amount"] == -1400);  // 2999 x 14 / 30 = 1399.53
    CHECK(run.events("invoice").on("2025-06-17").only()["rule"] == "billing.partial_last_period");
}

TEST_CASE("cancellation.evergreen on a monthly grid: the first grid date the notice reaches, deadline missed",
          "[term-end]") {
    json sc = mobile("P1M", "P1M");
    act(sc, cancel_on("2025-05-20"));  // grid 05-01, 06-01, 07-01...; 05-20 + 1 month = 06-20
    const Run run{sc};
    const json s = run.events("cancellation_scheduled").only();
    CHECK(s["rule"] == "notice.deadline_missed");
    CHECK(s["details"]["effective"] == "2025-07-01");
    CHECK(s["details"]["notice_deadline"] == "2025-05-01");
    CHECK(s["details"]["earliest"] == "2025-06-01");
    CHECK(s["details"]["periods_added"] == 1);
    CHECK(run.events("cancellation_requested").only()["rule"] == "cancellation.evergreen");
}

TEST_CASE("A request before T1 that misses T1's deadline ends on the first grid date, not a term later",
          "[term-end]") {
    json sc = mobile("P1D", "P1M");
    act(sc, cancel_on("2025-03-15"));  // T1 = 04-01, its deadline 03-01
    const Run run{sc};
    const json s = run.events("cancellation_scheduled").only();
    CHECK(s["details"]["effective"] == "2025-04-15");
    CHECK(s["details"]["notice_deadline"] == "2025-03-01");
    CHECK(s["details"]["deadline_missed"] == true);
    CHECK(s["details"]["earliest"] == "2025-04-01");
    CHECK(s["details"]["periods_added"] == 1);
    CHECK(run.events("evergreen_started").only()["date"] == "2025-04-01");
    CHECK(run.events("invoice").on("2025-04-01").only()["details"]["amount"] == 1400);  // 2999 x 14 / 30
}

TEST_CASE("evergreen_exit: the first grid date after the request that the notice reaches", "[term-end]") {
    CHECK(evergreen_exit(date("2025-04-01"), Duration::days(1), Duration::months(1), date("2025-06-10")) ==
          date("2025-07-10"));
    CHECK(evergreen_exit(date("2025-04-01"), Duration::days(1), Duration::days(0), date("2025-06-10")) ==
          date("2025-06-11"));
    CHECK(evergreen_exit(date("2025-01-31"), Duration::months(1), Duration::days(0), date("2025-02-28")) ==
          date("2025-03-31"));
}

TEST_CASE("The termination fee never applies in the evergreen phase", "[term-end]") {
    json sc = mobile("P1D", "P1M");
    plan(sc, "mobile-24")["termination_fee"] = 5000;
    act(sc, cancel_on("2025-06-10"));
    const Run run{sc};
    for (const json& inv : run.invoices("s1"))
        for (const json& l : inv["lines"]) CHECK(l["kind"] != "termination_fee");
}

TEST_CASE("The what-if answer of an evergreen cancellation gives the exit date under the evergreen notice",
          "[term-end]") {
    json sc = mobile("P1D", "P1M");
    act(sc, cancel_on("2025-06-10"));
    const Run run{sc};
    CHECK(test::plain(narrate_answer(run.scenario(), run.result(), 0, Language::en)) ==
          "If olivia cancels subscription s1 on 10 June 2025: past its minimum term, it ends on 10 July 2025, the first "
          "date its 1-month notice allows, so access until 9 July 2025 inclusive; still charged €8.71.");
    CHECK(narrate_answer(run.scenario(), run.result(), 0, Language::fr).find("la fin tombe le 10 juillet 2025") !=
          std::string::npos);
}

TEST_CASE("An account closure in the evergreen phase ends on the grid, with the evergreen notice", "[term-end]") {
    json sc = mobile("P1D", "P1M");
    act(sc, {{"on", "2025-06-10"}, {"do", "close_account"}});
    const Run run{sc};
    CHECK(run.events("cancellation_effective").whole_subscription().dates() == Dates{"2025-07-10"});
    CHECK(run.total_charged() == 27 * 2999 + 871);
}

TEST_CASE("billing.partial_last_period for a suite: its line is cut at E, or refunded from E, when its last member ends",
          "[term-end]") {
    auto suite = [](const std::string& notice) {
        json sc = mobile("P1D", notice);
        add_product(sc, "chat");
        add_plan(sc, "chat-24", "chat", 1000, "P1M",
                 {{"term", "P24M"}, {"cancellation", "end_of_term"}, {"notice", "P1M"}, {"at_term_end", "evergreen"},
                  {"evergreen_period", "P1D"}, {"evergreen_notice", notice}});
        sc["catalog"]["bundles"] = {{{"id", "suite"}, {"name", "Suite"}, {"products", {"app", "chat"}}, {"price", 3600}, {"period", "P1M"}}};
        subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"mobile-24", "chat-24"}}, {"start", "2023-04-01"}, {"bundle", "suite"}};
        act(sc, cancel_on("2025-06-10"));
        return sc;
    };
    const Run pending{suite("P1M")};  // E = 2025-07-10, inside the suite's July period
    const json cut = pending.invoices("s1").back();
    CHECK(cut["date"] == "2025-07-01");
    CHECK(cut["lines"][0]["bundle"] == "suite");
    CHECK(cut["lines"][0]["to"] == "2025-07-10");
    CHECK(cut["amount"] == 1045);  // share(3600, 9/31) = 1045.16
    const Run paid{suite("P0D")};  // E = 2025-06-11, June already invoiced in full
    const json refund = paid.invoices("s1").back();
    CHECK(refund["date"] == "2025-06-11");
    CHECK(refund["lines"][0]["kind"] == "refund");
    CHECK(refund["amount"] == -2400);  // share(3600, 20/30)
    CHECK(paid.events("invoice").on("2025-06-11").only()["rule"] == "billing.partial_last_period");
}

TEST_CASE("No renewal reminder in the evergreen phase, other policies use evergreen_notice on billing boundaries",
          "[term-end]") {
    json sc = yearly({{"at_term_end", "evergreen"}, {"reminders", {"P7D"}}, {"cancellation", "end_of_period"},
                      {"evergreen_notice", "P1M"}});
    plan(sc, "app-yearly")["period"] = "P1M";
    plan(sc, "app-yearly")["price"] = 1000;
    plan(sc, "app-yearly")["term"] = "P12M";
    act(sc, cancel_on("2025-03-10"));
    const Run run{sc};
    CHECK(run.events("renewal_reminder").dates() == Dates{"2024-12-25"});
    const json scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-05-01");  // 03-10 + 1 month = 04-10 misses 04-01
    CHECK(scheduled["details"]["deadline_missed"] == true);
    CHECK(scheduled["rule"] == "notice.deadline_missed");
}
