#pragma once
// Billing-day alignment (SPEC-v2 §6): boundaries fall on a day of the month (`billing_day`, 1–31
// or "last"). The first date on or after the base (the start, or the trial end) with that day is
// the aligned anchor A*; the days before it, the stub [base, A*), are billed prorated on the base
// over the nominal span [A* − period, A*), or not at all (`first_period: free`).
//
//   Plan 3000/P1M, billing_day 1, from 2025-01-20: A* = 2025-02-01; 2025-01-20 bills
//   [01-20, 02-01) at share(3000, 12/31) = 1161 (billing.aligned_first_period); 02-01 `renewed`
//   and 3000, since a one-period term makes the stub a short term of its own (Example 6.A).
//   With term P1Y the stub belongs to the first term [2025-01-20, 2026-02-01) instead.
#include <cstdint>
#include <optional>

#include "domain/date.hpp"
#include "engine/billing_calendar.hpp"
#include "model/rules.hpp"

namespace subsim {

struct Plan;
struct Scenario;
struct Simulation;
struct SubscriptionRun;

// Where the stub stands with respect to terms (SPEC-v2 §6.2 "Terms").
enum class StubTerm {
    none,           // no stub: the base is already on the billing day
    own_term,       // prorated, one-period term: [base, A*) is a short term, A* renews
    in_first_term,  // prorated, longer term (or a term that does not renew): the first term is [base, A* + term)
    outside,        // free: outside every term, like a trial; the first term starts at A*
};

// The billing-day slice of a subscription's run state.
struct BillingDayState {
    std::optional<unsigned> day;   // none: v1.3 anchors (1-31; 31 is also "last")
    std::optional<Date> stub_from; // the stub [stub_from, anchor), when there is one
    StubTerm stub = StubTerm::none;
    bool stub_due = false;          // a prorated stub not yet billed on stub_from
    std::optional<Date> realigned_from;  // a resume's stub [U, A′) not yet billed on U (SPEC-v2 §3.4, §6.2)
};

// The first date on or after `base` whose day of month is min(day, days in that month).
Date aligned_anchor(Date base, unsigned day);

// Aligns a prepared run when its subscription has a billing day: calendars of the lead plan,
// every line and the bundle on A*, and the current term's end.
void align_run(const Scenario& scenario, SubscriptionRun& run);

// A plan's calendar for this run on `anchor`: aligned on the billing day when there is one.
BillingCalendar calendar_for(const SubscriptionRun& run, const Plan& plan, Date anchor);

// The rule of the invoice on the anchor: billing.first_period or trial.converted (v1.3); with a
// stub before it, billing.period (the stub began the first term) or billing.first_period (free
// stub). A one-period stub term renews at A*, and the caller's `renewed` gives renewal.auto.
Rule anchor_invoice_rule(const SubscriptionRun& run);

// Boundary step 8 on the base: bills the stub (unless free). True when `day` is the stub's start.
// On a resume's day U, bills the stub [U, A′) of a re-aligned calendar instead (rule billing.period).
bool bill_stub_if_due(Simulation& sim, SubscriptionRun& run, Date day);

// True on the days of a free stub, which lies outside every term (no termination fee, §6.3).
bool in_free_stub(const SubscriptionRun& run, Date day);

// SPEC-v2 §1.6 with a billing day: a reset on `e` re-anchors at A′, the first aligned date on or
// after `e`; the stub [e, A′) is always prorated and joins the new first term as at the start.
// Returns the new anchor (`e` itself without a billing day).
Date reset_anchor(SubscriptionRun& run, const Plan& to, Date e);
// The first term's end index on the lead calendar as it now stands (0 for a one-period stub term).
long first_term_end(const SubscriptionRun& run);
// The line a reset bills on `e`: the stub [e, A′) prorated, or the first whole period from `e`.
// `next` is what the line's billing cursor must bill next (0: A′ itself, 1: the period after e).
struct ResetLine {
    Date to;
    std::int64_t amount;
    std::optional<Date> nominal_from;
    long next;
};
ResetLine reset_first_line(const SubscriptionRun& run, const BillingCalendar& calendar, const Plan& plan, Date e);

}  // namespace subsim
