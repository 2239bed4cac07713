#pragma once
// Internal to the pause rule (pause.cpp, pause_days.cpp, pause_money.cpp): the steps that the
// action and the boundary steps share.
#include "engine/pause.hpp"
#include "model/result.hpp"

namespace subsim {

// The pause starts on P: `paused`, the unused paid time credited, the calendars moved when U is
// known, every product shown paused (SPEC-v2 §3.3).
void start_pause(Simulation& sim, SubscriptionRun& run, Date p);

// The pause ends on U: the calendars moved for U (§3.4 item 1), `resumed`, the products shown in
// their own state again. The caller bills the period starting on U.
void resume_on(Simulation& sim, SubscriptionRun& run, Date u, Rule rule, DetailValue by);

// SPEC-v2 §3.3 Credit: every paid line running past P has its unused part credited on P
// (kind proration_credit, rule pause.unused_credit); a line invoiced that morning for a period
// starting on P is withdrawn instead.
void credit_unused(Simulation& sim, SubscriptionRun& run, Date p);

// `cal` as a resume on `u` leaves it, k being the first period not served (§3.4 item 1): kept and
// moved c periods when u is boundary(k + c), otherwise re-anchored at u for index k; with a billing
// `day`, at the first aligned date A′ on or after u (§6.2), the stub [u, A′) billed on u.
BillingCalendar resumed_calendar(BillingCalendar cal, long k, Date u, std::optional<unsigned> day);

}  // namespace subsim
