// SPEC §3 "Cancellation date" (v1.3): notice is counted forward from the request, with the
// clamped month arithmetic of §1; a late request takes effect at the first boundary its notice
// reaches and says what it costs (earliest, periods_added).
//
// Synopsis
//   - the effective date E: first boundary B (of the policy's kind) with r + notice <= B;
//   - notice_deadline: last d with d + notice <= B0, found forward for month notices;
//   - earliest E0 and periods_added: the boundaries in [E0, E) the late request pays for;
//   - the details of cancellation_scheduled, in the contract's order;
//   - laws over every anchor day 1..31 and several notices.
#include "engine/cancellation_date.hpp"
#include "scenario_builder.hpp"

using namespace subsim::test;
using subsim::BillingCalendar;
using subsim::CancellationPolicy;
using subsim::Date;
using subsim::Duration;

namespace {

json cancel_on(const std::string& on, const std::string& sub) {
    return {{"on", on}, {"do", "cancel"}, {"subscription", sub}};
}

json scheduled_of(const Run& run, const std::string& sub) {
    return run.events("cancellation_scheduled").of(sub).only();
}

// s1 on a plan `period` with `notice`, from `start` (the anchor), simulated over 2024-2026.
json notice_scenario(const std::string& period, const std::string& notice, const std::string& start) {
    json sc = base_scenario();
    sc["start"] = "2024-01-01";
    sc["until"] = "2026-12-31";
    plan(sc, "app-monthly")["period"] = period;
    plan(sc, "app-monthly")["notice"] = notice;
    subscription(sc, "s1")["start"] = start;
    return sc;
}

Duration duration(const char* iso) {
    const auto d = Duration::parse(iso);
    REQUIRE(d);
    return *d;
}

}  // namespace

TEST_CASE("A month of notice given on 30 January reaches a 28 February boundary", "[notice]") {
    json sc = notice_scenario("P1M", "P1M", "2024-10-31");  // boundaries ... 31 Jan, 28 Feb, 31 Mar
    act(sc, cancel_on("2025-01-30", "s1"));
    const Run run{sc};
    const json d = scheduled_of(run, "s1")["details"];
    CHECK(d["effective"] == "2025-02-28");
    CHECK(d["notice_deadline"] == "2024-12-31");  // the deadline of B0 = 31 Jan
    CHECK(d["deadline_missed"] == true);
    CHECK(d["earliest"] == "2025-01-31");
    CHECK(d["periods_added"] == 1);
    CHECK(run.events("cancellation_effective").only()["date"] == "2025-02-28");
    CHECK(run.invoice_dates("s1").back() == "2025-01-31");
}

TEST_CASE("The deadline of a month notice is found forward: 31 January for a 28 February boundary", "[notice]") {
    json sc = notice_scenario("P2M", "P1M", "2024-12-31");  // boundaries 28 Feb, 30 Apr
    add_subscription(sc, "s2", {"app-monthly"}, "2024-12-31");
    act(sc, cancel_on("2025-01-31", "s1"));
    act(sc, cancel_on("2025-02-01", "s2"));
    const Run run{sc};
    const json met = scheduled_of(run, "s1");
    CHECK(met["details"]["notice_deadline"] == "2025-01-31");
    CHECK(met["details"]["deadline_missed"] == false);
    CHECK(met["details"]["effective"] == "2025-02-28");
    CHECK(met["rule"] == "cancellation.end_of_period");
    const json late = scheduled_of(run, "s2");
    CHECK(late["details"]["notice_deadline"] == "2025-01-31");
    CHECK(late["details"]["deadline_missed"] == true);
    CHECK(late["details"]["effective"] == "2025-04-30");
    CHECK(late["rule"] == "notice.deadline_missed");
}

TEST_CASE("A notice longer than a period costs every boundary it passes", "[notice]") {
    json sc = notice_scenario("P1M", "P60D", "2025-01-15");
    act(sc, cancel_on("2025-03-10", "s1"));  // 10 Mar + 60 days = 9 May
    const Run run{sc};
    const json d = scheduled_of(run, "s1")["details"];
    CHECK(d["effective"] == "2025-05-15");
    CHECK(d["earliest"] == "2025-03-15");
    CHECK(d["periods_added"] == 2);
    CHECK(d["notice_deadline"] == "2025-01-14");
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-03-15", "2025-04-15"});
}

TEST_CASE("A missed end_of_term notice counts the billing periods of the extra term", "[notice][term]") {
    json sc = notice_scenario("P1M", "P30D", "2025-01-15");
    plan(sc, "app-monthly")["term"] = "P1Y";
    plan(sc, "app-monthly")["cancellation"] = "end_of_term";
    act(sc, cancel_on("2025-12-17", "s1"));  // deadline of 2026-01-15: 2025-12-16
    const json d = scheduled_of(Run{sc}, "s1")["details"];
    CHECK(d["earliest"] == "2026-01-15");
    CHECK(d["effective"] == "2027-01-15");
    CHECK(d["periods_added"] == 12);
}

TEST_CASE("cancellation_scheduled details come in the contract's order with the plan's notice as written",
          "[notice][events]") {
    SECTION("a plan without notice says P0D") {
        json sc = base_scenario();
        act(sc, cancel_on("2025-03-02", "s1"));
        const json d = scheduled_of(Run{sc}, "s1")["details"];
        CHECK(d["notice"] == "P0D");
        CHECK(d["notice_deadline"] == "2025-03-15");
        CHECK(d["earliest"] == "2025-03-15");
        CHECK(d["periods_added"] == 0);
        CHECK(d.size() == 7);
    }
    SECTION("the order in the output text") {
        json sc = base_scenario();
        plan(sc, "app-monthly")["notice"] = "P2W";
        act(sc, cancel_on("2025-03-02", "s1"));
        const Run run{sc};
        const std::string text = subsim::write_result_json(run.result());
        CHECK(text.find(R"("details": {"effective": "2025-04-15", "access_until": "2025-04-14", "notice": "P2W", )"
                        R"("notice_deadline": "2025-03-01", "deadline_missed": true, "earliest": "2025-03-15", )"
                        R"("periods_added": 1})") != std::string::npos);
    }
}

TEST_CASE("Immediate and trial cancellations report their own date and no notice cost", "[notice][trial]") {
    SECTION("immediate") {
        json sc = base_scenario();
        plan(sc, "app-monthly")["cancellation"] = "immediate";
        plan(sc, "app-monthly")["notice"] = "P30D";
        act(sc, cancel_on("2025-03-02", "s1"));
        const json d = scheduled_of(Run{sc}, "s1")["details"];
        CHECK(d["effective"] == "2025-03-02");
        CHECK(d["notice_deadline"] == "2025-03-02");
        CHECK(d["deadline_missed"] == false);
        CHECK(d["earliest"] == "2025-03-02");
        CHECK(d["periods_added"] == 0);
    }
    SECTION("trial, at its end") {
        json sc = base_scenario();
        add_plan(sc, "app-trial", "app", 1000, "P1M", {{"trial", {{"length", "P14D"}}}, {"notice", "P30D"}});
        subscription(sc, "s1")["plans"] = {"app-trial"};
        subscription(sc, "s1")["start"] = "2025-01-01";
        act(sc, cancel_on("2025-01-10", "s1"));
        const json d = scheduled_of(Run{sc}, "s1")["details"];
        CHECK(d["effective"] == "2025-01-15");
        CHECK(d["notice_deadline"] == "2025-01-15");
        CHECK(d["deadline_missed"] == false);
        CHECK(d["earliest"] == "2025-01-15");
        CHECK(d["periods_added"] == 0);
        CHECK(d["notice"] == "P30D");  // the plan's notice as written, though a trial ignores it
    }
}

TEST_CASE("Notice laws hold for every anchor day and every request over a year", "[notice][law]") {
    for (const char* notice_iso : {"P0D", "P1W", "P30D", "P1M", "P2M"}) {
        const Duration notice = duration(notice_iso);
        for (unsigned day = 1; day <= 31; ++day) {
            const Date anchor = *Date::from_ymd(2023, 12, day);
            const BillingCalendar cal{anchor, Duration::months(1), 1, 1};
            for (long offset = 0; offset < 400; ++offset) {
                const Date r = anchor.plus_days(offset);
                const auto when = subsim::paid_cancellation_date(r, CancellationPolicy::end_of_period, notice, cal, {});
                INFO(notice_iso << " anchor " << anchor.iso() << " request " << r.iso());
                long k = 0;  // brute force: the first boundary after r that r + notice reaches
                while (!(cal.boundary(k) > r && notice.after(r) <= cal.boundary(k))) ++k;
                REQUIRE(when.effective == cal.boundary(k));
                REQUIRE(when.deadline_missed == (when.effective > when.earliest));
                REQUIRE(when.deadline_missed == (r > when.notice_deadline));
                const Date b0 = cal.boundary(cal.first_boundary_after(r));
                REQUIRE(notice.after(when.notice_deadline) <= b0);
                REQUIRE(notice.after(when.notice_deadline.plus_days(1)) > b0);
                long added = 0;
                for (long j = 0; cal.boundary(j) < when.effective; ++j) added += cal.boundary(j) >= when.earliest;
                REQUIRE(when.periods_added == added);
                // end_of_next_period: one billing boundary later, reinstated until B0.
                const auto next = subsim::paid_cancellation_date(r, CancellationPolicy::end_of_next_period, notice, cal, {});
                REQUIRE(next.effective == cal.boundary(k + 1));
                REQUIRE(next.cycle_end == b0);
                REQUIRE(next.deadline_missed == when.deadline_missed);
                REQUIRE(next.notice_deadline == when.notice_deadline);
            }
        }
    }
}

TEST_CASE("Notice laws hold for end_of_term on a yearly term billed monthly", "[notice][law][term]") {
    for (const char* notice_iso : {"P0D", "P30D", "P1M", "P3M", "P13M"}) {
        const Duration notice = duration(notice_iso);
        for (unsigned day : {1u, 15u, 28u, 29u, 30u, 31u}) {
            const Date anchor = *Date::from_ymd(2024, 1, day);
            const BillingCalendar cal{anchor, Duration::months(1), 12, 12};
            for (long offset = 0; offset < 800; offset += 3) {
                const Date r = anchor.plus_days(offset);
                const auto when = subsim::paid_cancellation_date(r, CancellationPolicy::end_of_term, notice, cal, {});
                INFO(notice_iso << " anchor " << anchor.iso() << " request " << r.iso());
                long k = 12;  // term boundaries: 12, 24, 36...
                while (!(cal.boundary(k) > r && notice.after(r) <= cal.boundary(k))) k += 12;
                REQUIRE(when.effective == cal.boundary(k));
                REQUIRE(when.deadline_missed == (r > when.notice_deadline));
                REQUIRE(when.deadline_missed == (when.effective > when.earliest));
                REQUIRE(when.periods_added == subsim::boundaries_between(cal, when.earliest, when.effective));
                REQUIRE(when.periods_added % 12 == 0);
            }
        }
    }
}
