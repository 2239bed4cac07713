#pragma once
// Terms and renewal (SPEC §2.3 `term`, `auto_renew`, `renewal_term`, `renewal_grace`; §3 "Renewal"):
// the term end, automatic renewal with the day's period invoices, expiry and its grace, and the
// `renew` action that prepays the next term by hand (REDHAT: "recently expired").
//
//   Yearly plan without auto-renewal from 2025-03-01, grace P30D: on 2026-03-01 `expired`
//   (renewable_until 2026-03-30); a `renew` on 2026-03-10 prepays [2026-03-01, 2027-03-01).
#include <optional>

#include "domain/date.hpp"

namespace subsim {

struct Action;
struct Simulation;
struct SubscriptionRun;

// The term slice of a subscription's run state (indices on the lead plan's calendar).
struct RenewalState {
    long term_end = 0;                  // lead-calendar index of the current term's end
    std::optional<Date> prepaid_from;   // a term renewed by hand: [prepaid_from, prepaid_until)
    std::optional<Date> prepaid_until;
    std::optional<Date> expired_on;
    std::optional<Date> grace_end;      // renewals are accepted on dates < grace_end
};

// A subscription that does not renew by itself ends with its last paid term: no cancellation
// can take effect after that (docs/semantics.md). None for auto-renewing subscriptions.
std::optional<Date> renewal_cap(const SubscriptionRun& run);

// True while `day` lies in a term renewed by hand.
bool prepaid_on(const SubscriptionRun& run, Date day);

// Boundary step "term end, renewal": renews or expires at a term end, then bills the day's periods.
void renew_or_expire_if_due(Simulation& sim, SubscriptionRun& run, Date day);

// Boundary step "grace end".
void end_grace_if_due(Simulation& sim, SubscriptionRun& run, Date day);

// The `renew` action.
void renew(Simulation& sim, const Action& action);

}  // namespace subsim
