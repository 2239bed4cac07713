// SPEC-v2 §7, consumer-law profiles, one TEST_CASE per law rule. Every number is worked out by
// hand from the spec's text (Examples 7.A–7.D and the rules of §7.3–§7.6), never from a run.
#include "engine/law_eu_withdrawal.hpp"
#include "engine/law_france.hpp"
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// s1 on a plan of `price`/`period` (with `extra` keys) from `start`, format 2, under `jurisdiction`.
json under(const std::string& jurisdiction, const std::string& start, const std::string& until, long long price,
           const std::string& period, json extra) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["jurisdiction"] = jurisdiction;
    sc["start"] = start;
    sc["until"] = until;
    add_plan(sc, "p", "app", price, period, extra);
    subscription(sc, "s1") = {{"id", "s1"}, {"plans", {"p"}}, {"start", start}};
    return sc;
}

// Example 7.A: box-yearly 11988/P1Y, notice P1M, from 2024-03-01.
json box_yearly(const std::string& reminder) {
    return under("FR", "2024-03-01", "2025-06-30", 11988, "P1Y", {{"notice", "P1M"}, {"reminders", {reminder}}});
}

json act_on(const std::string& on, const std::string& what) { return {{"on", on}, {"do", what}, {"subscription", "s1"}}; }

// Example 7.B's start, with the plan's own keys.
json mobile(json extra) {
    json keys = {{"term", "P24M"}, {"cancellation", "end_of_term"}};
    keys.update(extra);
    return under("DE", "2023-04-01", "2025-06-30", 2999, "P1M", keys);
}

Strings errors_of(const json& sc) {
    Strings out;
    for (const Diagnostic& d : read_scenario(sc.dump(2)).errors) out.push_back(d.pointer + ": " + d.message);
    return out;
}

json warning_of(const Run& run, const std::string& rule) {
    return run.events("compliance_warning").where([&](const json& e) { return e["rule"] == rule; }).only();
}

}  // namespace

TEST_CASE("law.fr_reminder_window: the renewal letter must go out 3 to 1 months before the last day to refuse",
          "[law][law-fr]") {
    const Run late{box_yearly("P14D")};
    const json window = late.events("compliance_window").on("2024-11-01").only();
    CHECK(window["rule"] == "law.fr_reminder_window");
    CHECK(window["details"] == json({{"law", "FR-L215-1"}, {"article", "Code de la consommation, art. L215-1"},
                                     {"window", "renewal_reminder"}, {"about", "2025-03-01"}, {"from", "2024-11-01"},
                                     {"to", "2025-01-01"}}));
    const json warning = warning_of(late, "law.fr_reminder_window");
    CHECK(warning["date"] == "2025-01-02");
    CHECK(warning["details"]["expected"] == "2024-11-01/2025-01-01");
    CHECK(warning["details"]["actual"] == "2025-02-15");
    CHECK(warning["details"]["consequence"] == "free_termination");
    CHECK(warning["details"]["consequence_from"] == "2025-03-01");

    SECTION("a reminder inside the window: no warning, no free termination") {
        const Run on_time{box_yearly("P2M")};  // 2025-01-01, the window's last day
        CHECK(on_time.events("compliance_warning").empty());
        CHECK(on_time.events("compliance_window").where([](const json& e) { return e["rule"] == "law.fr_free_termination"; }).empty());
    }
    SECTION("no reminder at all: actual is empty") {
        json sc = box_yearly("P14D");
        plan(sc, "p").erase("reminders");
        CHECK(warning_of(Run{sc}, "law.fr_reminder_window")["details"]["actual"] == "");
    }
    SECTION("terms of one month or less are outside the article") {
        const Run monthly{under("FR", "2024-03-01", "2024-12-31", 1000, "P1M", {{"reminders", {"P3D"}}})};
        CHECK(monthly.events("compliance_window").where([](const json& e) { return e["rule"] == "law.fr_reminder_window"; }).empty());
    }
    SECTION("a cancellation already effective by T: no warning") {
        json sc = box_yearly("P14D");
        act(sc, act_on("2024-10-01", "cancel"));  // end_of_period: E = 2025-03-01 = T
        CHECK(Run{sc}.events("compliance_warning").empty());
    }
    // W from D, not from T: with notice P0D, D = T - 1 day = 2025-02-28, W = [2024-11-28, 2025-01-28].
    CHECK(fr_reminder_window(date("2024-03-01"), date("2025-03-01"), Duration::days(0))->text() == "2024-11-28/2025-01-28");
}

TEST_CASE("law.fr_free_termination: after an unannounced renewal the contract ends on the request day, refunded",
          "[law][law-fr]") {
    json sc = box_yearly("P14D");
    plan(sc, "p")["termination_fee"] = 5000;
    act(sc, act_on("2025-05-10", "cancel"));
    const Run run{sc};
    const json window = run.events("compliance_window").on("2025-03-01").only();
    CHECK(window["rule"] == "law.fr_free_termination");
    CHECK(window["details"]["from"] == "2025-03-01");
    CHECK(window["details"]["to"] == "2026-02-28");
    for (const char* type : {"cancellation_requested", "cancellation_scheduled", "email", "cancellation_effective"})
        CHECK(run.events(type).only()["rule"] == "law.fr_free_termination");
    const json scheduled = run.events("cancellation_scheduled").only();
    CHECK(scheduled["details"]["effective"] == "2025-05-10");
    CHECK(scheduled["details"]["notice_deadline"] == "2025-05-10");
    CHECK(scheduled["details"]["deadline_missed"] == false);
    // [2025-05-10, 2026-03-01) is 295 of 365 days: share(11988, 295/365) = 9688.93 -> 9689; no fee.
    const json refund = run.invoices("s1").back();
    CHECK(refund["date"] == "2025-05-10");
    CHECK(refund["amount"] == -9689);
    CHECK(refund["lines"].size() == 1);
    CHECK(refund["lines"][0]["kind"] == "refund");
    CHECK(run.total_charged() == 2 * 11988 - 9689);

    SECTION("close_account inside the window ends the subscription that day too") {
        json closing = box_yearly("P14D");
        act(closing, {{"on", "2025-05-10"}, {"do", "close_account"}});
        const Run closed{closing};
        CHECK(closed.events("cancellation_effective").only()["date"] == "2025-05-10");
        CHECK(closed.events("cancellation_effective").only()["rule"] == "law.fr_free_termination");
        CHECK(closed.total_charged() == 2 * 11988 - 9689);
    }
    SECTION("before the renewal the plan's own rules apply") {
        json early = box_yearly("P14D");
        act(early, act_on("2025-02-20", "cancel"));  // misses D = 2025-02-01: E = 2026-03-01
        CHECK(Run{early}.events("cancellation_scheduled").only()["details"]["effective"] == "2026-03-01");
    }
}

TEST_CASE("law.de_initial_term: a first term binding for more than two years", "[law][law-de]") {
    const Run run{mobile({{"term", "P36M"}, {"notice", "P1M"}})};
    const json w = warning_of(run, "law.de_initial_term");
    CHECK(w["date"] == "2023-04-01");
    CHECK(w["details"]["article"] == "BGB § 309 Nr. 9 a");
    CHECK(w["details"]["expected"] == "P2Y");
    CHECK(w["details"]["actual"] == "2023-04-01/2026-03-31");
    CHECK(w["details"]["consequence"] == "term_clause_void");
    CHECK(w["details"]["consequence_from"] == "2023-04-01");
    CHECK(w["details"]["about"] == "2026-04-01");
    // Exactly two years is allowed (Example 7.B (a)).
    const Run two_years{mobile({{"notice", "P1M"}, {"renewal_term", "P1M"}})};
    CHECK(two_years.events("compliance_warning").where([](const json& e) { return e["rule"] == "law.de_initial_term"; }).empty());
}

TEST_CASE("law.de_tacit_extension: fixed renewal terms longer than a month (a year before 2022-03-01)",
          "[law][law-de]") {
    const json w = warning_of(Run{mobile({{"renewal_term", "P12M"}, {"notice", "P1M"}})}, "law.de_tacit_extension");
    CHECK(w["details"]["expected"] == "evergreen");
    CHECK(w["details"]["actual"] == "P12M");
    CHECK(w["details"]["consequence"] == "extension_not_binding");
    CHECK(w["details"]["consequence_from"] == "2025-04-01");

    SECTION("old limits: one year is allowed, two are not") {
        json old = mobile({{"renewal_term", "P12M"}, {"notice", "P1M"}});
        old["start"] = "2021-04-01";
        subscription(old, "s1")["start"] = "2021-04-01";
        CHECK(Run{old}.events("compliance_warning").empty());
        plan(old, "p")["renewal_term"] = "P24M";
        const json w_old = warning_of(Run{old}, "law.de_tacit_extension");
        CHECK(w_old["details"]["expected"] == "P1Y");
        CHECK(w_old["details"]["actual"] == "P24M");
    }
}

TEST_CASE("law.de_exit_after_initial_term: after T1 the consumer must be able to leave within a month",
          "[law][law-de]") {
    // Example 7.B variant: evergreen on a monthly grid. Cancelled on 2025-04-02, 05-01 is missed
    // (04-02 + 1M = 05-02), so it runs until 2025-05-31: 29 days beyond 05-02.
    const Run grid{mobile({{"notice", "P1M"}, {"at_term_end", "evergreen"}, {"evergreen_period", "P1M"}, {"evergreen_notice", "P1M"}})};
    const json w = warning_of(grid, "law.de_exit_after_initial_term");
    CHECK(w["details"]["expected"] == "P1M");
    CHECK(w["details"]["actual"] == "2025-04-02/2025-05-31");
    CHECK(w["details"]["consequence"] == "exit_within_one_month");
    CHECK(grid.events("compliance_warning").size() == 1);
    // Example 5.B, any day with one month's notice: compliant.
    CHECK(Run{mobile({{"notice", "P1M"}, {"at_term_end", "evergreen"}, {"evergreen_period", "P1D"}, {"evergreen_notice", "P1M"}})}
              .events("compliance_warning")
              .empty());
}

TEST_CASE("law.de_initial_notice: a notice longer than one month before T1 (three before 2022-03-01)", "[law][law-de]") {
    const json w = warning_of(Run{mobile({{"renewal_term", "P1M"}, {"notice", "P3M"}})}, "law.de_initial_notice");
    CHECK(w["details"]["expected"] == "P1M");
    CHECK(w["details"]["actual"] == "P3M");
    CHECK(w["details"]["consequence_from"] == "2023-04-01");
    json old = mobile({{"renewal_term", "P1M"}, {"notice", "P3M"}});
    old["start"] = "2021-04-01";
    subscription(old, "s1")["start"] = "2021-04-01";
    CHECK(Run{old}.events("compliance_warning").empty());
    // No extension at T1, nothing to give notice for.
    CHECK(Run{mobile({{"notice", "P3M"}, {"at_term_end", "cancel"}})}.events("compliance_warning").empty());
}

TEST_CASE("law.eu_withdrawal_period: 14 days from the start, moved to the next business day", "[law][law-eu]") {
    CHECK(withdrawal_period_end(date("2025-01-15"), {}) == date("2025-01-29"));
    CHECK(withdrawal_period_end(date("2023-04-01"), {}) == date("2023-04-17"));  // 04-15 is a Saturday
    CHECK(withdrawal_period_end(date("2025-01-15"), {date("2025-01-29")}) == date("2025-01-30"));
    const Run run{under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", json::object())};
    const json w = run.events("compliance_window").only();
    CHECK(w["date"] == "2025-01-15");
    CHECK(w["rule"] == "law.eu_withdrawal_period");
    CHECK(w["details"]["law"] == "EU-CRD");
    CHECK(w["details"]["to"] == "2025-01-29");
    // US-CA has no EU rules; a contract concluded on or before 2014-06-13 has no window.
    CHECK(Run{under("US-CA", "2025-01-15", "2025-03-31", 4900, "P1M", json::object())}.events("compliance_window").empty());
    CHECK(Run{under("DE", "2014-06-13", "2014-08-31", 4900, "P1M", json::object())}.events("compliance_window").empty());
}

TEST_CASE("law.eu_withdrawal: a withdraw ends the subscription that day, refunding what was not provided",
          "[law][law-eu]") {
    json sc = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", {{"termination_fee", 1000}});
    act(sc, act_on("2025-01-20", "withdraw"));
    const Run run{sc};
    for (const char* type : {"cancellation_requested", "cancellation_scheduled", "email", "cancellation_effective"})
        CHECK(run.events(type).only()["rule"] == "law.eu_withdrawal");
    // [2025-01-20, 2025-02-15): 26 of 31 days, share(4900, 26/31) = 4109.68 -> 4110; no fee.
    CHECK(run.invoices("s1").back()["amount"] == -4110);
    CHECK(run.total_charged() == 790);
    CHECK(run.state("s1", "2025-01-20") == "cancelled");
}

TEST_CASE("withdrawal.no_right: no EU rules, a business account, or a contract from before 2014-06-13",
          "[law][law-eu]") {
    json ca = under("US-CA", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    act(ca, act_on("2025-01-20", "withdraw"));
    CHECK(Run{ca}.events("action_refused").only()["details"]["reason"] == "no_withdrawal_right");
    json business = under("FR", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    business["account"]["consumer"] = false;
    act(business, act_on("2025-01-20", "withdraw"));
    const Run b{business};
    CHECK(b.events("action_refused").only()["rule"] == "withdrawal.no_right");
    CHECK(b.events("compliance_window").empty());
}

TEST_CASE("withdrawal.already_cancelled: a cancelled subscription, while a pending cancellation does not prevent it",
          "[law][law-eu]") {
    json sc = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", {{"cancellation", "immediate"}});
    act(sc, act_on("2025-01-16", "cancel"));
    act(sc, act_on("2025-01-20", "withdraw"));
    CHECK(Run{sc}.events("action_refused").only()["rule"] == "withdrawal.already_cancelled");
    json pending = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    act(pending, act_on("2025-01-16", "cancel"));
    act(pending, act_on("2025-01-20", "withdraw"));
    const Run p{pending};
    CHECK(p.events("action_refused").empty());
    CHECK(p.events("cancellation_effective").only()["date"] == "2025-01-20");
}

TEST_CASE("withdrawal.not_active: not started yet", "[law][law-eu]") {
    json sc = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    subscription(sc, "s1")["start"] = "2025-02-01";
    act(sc, act_on("2025-01-20", "withdraw"));
    CHECK(Run{sc}.events("action_refused").only()["rule"] == "withdrawal.not_active");
}

TEST_CASE("withdrawal.period_over: after L", "[law][law-eu]") {
    json sc = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    act(sc, act_on("2025-01-29", "withdraw"));  // L itself: accepted
    CHECK(Run{sc}.events("action_refused").empty());
    json late = under("EU", "2025-01-15", "2025-03-31", 4900, "P1M", json::object());
    act(late, act_on("2025-01-30", "withdraw"));
    CHECK(Run{late}.events("action_refused").only()["rule"] == "withdrawal.period_over");
}

TEST_CASE("law.ca_trial_notice: a trial of 31 days or more needs a notice 21 to 3 days before its end",
          "[law][law-ca]") {
    // Example 7.D: TE = 2025-03-02, W = [02-09, 02-27], the notice of 01-31 is outside.
    const Run run{under("US-CA", "2025-01-01", "2025-03-31", 9900, "P1Y", {{"trial", {{"length", "P60D"}}}, {"reminders", {"P30D"}}})};
    CHECK(run.events("compliance_window").only()["date"] == "2025-02-09");
    const json w = warning_of(run, "law.ca_trial_notice");
    CHECK(w["date"] == "2025-02-28");
    CHECK(w["details"]["expected"] == "2025-02-09/2025-02-27");
    CHECK(w["details"]["actual"] == "2025-01-31");
    CHECK(w["details"]["consequence"] == "notice_breach");
    CHECK(w["details"]["consequence_from"].is_null());
    // A notice 7 days before is inside; a 30-day trial is out of scope.
    CHECK(Run{under("US-CA", "2025-01-01", "2025-03-31", 9900, "P1Y", {{"trial", {{"length", "P60D"}}}, {"reminders", {"P7D"}}})}
              .events("compliance_warning")
              .empty());
    CHECK(Run{under("US-CA", "2025-01-01", "2025-03-31", 9900, "P1Y", {{"trial", {{"length", "P30D"}}}})}.events("compliance_window").empty());
}

TEST_CASE("law.ca_renewal_notice: a yearly contract renewing for more than a month needs a notice 45 to 15 days before",
          "[law][law-ca]") {
    const Run run{under("US-CA", "2025-01-01", "2026-01-31", 9900, "P1Y", {{"reminders", {"P10D"}}})};
    const json window = run.events("compliance_window").only();
    CHECK(window["date"] == "2025-11-17");  // 2026-01-01 - 45 days
    CHECK(window["details"]["to"] == "2025-12-17");
    const json w = warning_of(run, "law.ca_renewal_notice");
    CHECK(w["date"] == "2025-12-18");
    CHECK(w["details"]["actual"] == "2025-12-22");
    // A monthly contract is out of scope.
    CHECK(Run{under("US-CA", "2025-01-01", "2026-01-31", 990, "P1M", json::object())}.events("compliance_window").empty());
}

TEST_CASE("law keys need format 2 and known values, and a business account gets no law event", "[law]") {
    json v1 = box_yearly("P14D");
    v1["subsim"] = 1;
    CHECK(has(errors_of(v1).at(0), "needs \"subsim\": 2"));
    json bad = box_yearly("P14D");
    bad["jurisdiction"] = "UK";
    CHECK(has(errors_of(bad).at(0), "/jurisdiction"));
    json business = box_yearly("P14D");
    business["account"]["consumer"] = false;
    CHECK(Run{business}.events("compliance_window").empty());
    json none = box_yearly("P14D");
    none.erase("jurisdiction");
    CHECK(Run{none}.events("compliance_warning").empty());
}

TEST_CASE("law sentences name the article and what the customer may do, in English and French", "[law][narrator]") {
    json sc = box_yearly("P14D");
    act(sc, act_on("2025-05-10", "cancel"));
    const Told told{sc};
    const std::string en = told.sentence(EventType::compliance_warning);
    CHECK(has(en, "Code de la consommation, art. L215-1"));
    CHECK(has(en, "1 November 2024"));
    CHECK(has(en, "may end the contract at any time, free of charge"));
    const std::string fr = told.sentence(EventType::compliance_warning, Language::fr);
    CHECK(has(fr, "art. L215-1"));
    CHECK(has(fr, "1er novembre 2024"));
    CHECK(has(fr, "mettre fin au contrat à tout moment, sans frais"));
    CHECK(has(told.answer(0), "ends that same day"));
    CHECK(has(told.answer(0), "96.89"));
    CHECK(has(told.answer(0, Language::fr), "le jour même"));
}

TEST_CASE("law.de_initial_term with a billing day: a prorated stub belongs to the first term, a free stub does not",
          "[law][law-de]") {
    // SPEC-v2 §6.3, §7.4: 2000/P1M, term P24M, billing_day 1, from 2025-01-20: A* = 2025-02-01, the
    // prorated stub joins the first term [2025-01-20, 2027-02-01), longer than P2Y from S = 2025-01-20.
    json sc = under("DE", "2025-01-20", "2025-03-31", 2000, "P1M",
                    {{"term", "P24M"}, {"billing_day", 1}, {"cancellation", "end_of_term"}, {"notice", "P1M"},
                     {"at_term_end", "evergreen"}, {"evergreen_period", "P1D"}, {"evergreen_notice", "P1M"}});
    const Run run{sc};
    const json w = warning_of(run, "law.de_initial_term");
    CHECK(w["date"] == "2025-01-20");
    CHECK(w["details"]["actual"] == "2025-01-20/2027-01-31");
    CHECK(w["details"]["about"] == "2027-02-01");
    CHECK(w["details"]["consequence_from"] == "2025-01-20");
    CHECK(run.events("compliance_warning").size() == 1);
    // A free stub is outside every term: S = A* = 2025-02-01 and T1 = S + P2Y exactly.
    subscription(sc, "s1")["first_period"] = "free";
    CHECK(Run{sc}.events("compliance_warning").empty());
}

TEST_CASE("law.ca_renewal_notice with a billing day: a prorated stub counts toward the first year", "[law][law-ca]") {
    // 9900/P1M, term P12M, billing_day 1, from 2025-01-20: A* = 2025-02-01; the stub joins the first
    // term [2025-01-20, 2026-02-01), over a year, and the renewal on 2026-02-01 for 12 months needs a
    // notice in [2025-12-18, 2026-01-17]; the P10D notice (2026-01-22) is late. With term P11M the
    // first term [2025-01-20, 2026-01-01) stays under a year: a stub is shorter than a period.
    json year = under("US-CA", "2025-01-20", "2026-02-28", 9900, "P1M",
                      {{"term", "P12M"}, {"billing_day", 1}, {"reminders", {"P10D"}}});
    const Run run{year};
    const json window = run.events("compliance_window").where([](const json& e) { return e["rule"] == "law.ca_renewal_notice"; }).only();
    CHECK(window["date"] == "2025-12-18");
    CHECK(window["details"]["about"] == "2026-02-01");
    CHECK(window["details"]["to"] == "2026-01-17");
    const json w = warning_of(run, "law.ca_renewal_notice");
    CHECK(w["date"] == "2026-01-18");
    CHECK(w["details"]["actual"] == "2026-01-22");
    // A term of 11 months plus a 12-day stub stays under a year: out of scope.
    const Run short_term{under("US-CA", "2025-01-20", "2026-02-28", 9900, "P1M",
                               {{"term", "P11M"}, {"billing_day", 1}, {"reminders", {"P10D"}}})};
    CHECK(short_term.events("compliance_window").where([](const json& e) { return e["rule"] == "law.ca_renewal_notice"; }).empty());
}

TEST_CASE("law.fr_reminder_window after a pause: the windows follow the moved renewal, the withdrawal period does not",
          "[law][law-fr][pause]") {
    // SPEC-v2 §3.8, §7.8: 1000/P1M, term P1Y, notice P1M, reminder P14D, from 2025-01-01. A pause of
    // 3 cycles from 2025-04-01 moves the first term end from 2026-01-01 to T = 2026-04-01 (Example 3.C):
    // D = 2026-03-01, W = [2025-12-01, 2026-02-01]; the reminder 2026-03-18 is late.
    json sc = under("FR", "2025-01-01", "2026-05-31", 1000, "P1M",
                    {{"term", "P1Y"}, {"cancellation", "end_of_term"}, {"notice", "P1M"}, {"reminders", {"P14D"}}});
    act(sc, {{"on", "2025-03-05"}, {"do", "pause"}, {"subscription", "s1"}, {"cycles", 3}});
    act(sc, act_on("2026-05-10", "cancel"));
    const Run run{sc};
    const json eu = run.events("compliance_window").where([](const json& e) { return e["rule"] == "law.eu_withdrawal_period"; }).only();
    CHECK(eu["details"]["to"] == "2025-01-15");
    const json window = run.events("compliance_window").where([](const json& e) { return e["rule"] == "law.fr_reminder_window"; }).only();
    CHECK(window["date"] == "2025-12-01");
    CHECK(window["details"]["about"] == "2026-04-01");
    CHECK(window["details"]["to"] == "2026-02-01");
    const json w = warning_of(run, "law.fr_reminder_window");
    CHECK(w["date"] == "2026-02-02");
    CHECK(w["details"]["actual"] == "2026-03-18");
    CHECK(w["details"]["consequence_from"] == "2026-04-01");
    // The free termination opens on the moved renewal: the cancel of 2026-05-10 ends that day,
    // refunding [05-10, 06-01) of May: -share(1000, 22/31) = -709.68 -> -710.
    CHECK(run.events("cancellation_effective").only()["date"] == "2026-05-10");
    CHECK(run.events("invoice").on("2026-05-10").only()["details"]["amount"] == -710);
}

TEST_CASE("law.ca_renewal_notice after a pause: the window follows the moved renewal", "[law][law-ca][pause]") {
    // Same contract under US-CA: T = 2026-04-01, W = [T - 45D, T - 15D] = [2026-02-15, 2026-03-17];
    // the P14D notice (03-18) is late. Without the pause W would be [2025-11-17, 2025-12-17].
    json sc = under("US-CA", "2025-01-01", "2026-04-30", 1000, "P1M", {{"term", "P1Y"}, {"reminders", {"P14D"}}});
    act(sc, {{"on", "2025-03-05"}, {"do", "pause"}, {"subscription", "s1"}, {"cycles", 3}});
    const Run run{sc};
    const json window = run.events("compliance_window").only();
    CHECK(window["date"] == "2026-02-15");
    CHECK(window["details"]["about"] == "2026-04-01");
    CHECK(warning_of(run, "law.ca_renewal_notice")["date"] == "2026-03-18");
}
