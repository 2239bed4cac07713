#pragma once
// Trials (SPEC §2.3 `trial`, §3 "Trial end"): a subscription whose lead plan has a trial starts
// trialing; on the trial end it converts (payment method on file, or not required) or expires.
//
//   Plan trial P14D, start 2025-01-01: trialing until 2025-01-15; on 01-15 trial_converted and the
//   first invoice, or trial_expired (no payment method) and state expired.
#include <optional>

#include "domain/date.hpp"

namespace subsim {

struct Plan;
struct Subscription;
struct Simulation;
struct SubscriptionRun;

// The trial slice of a subscription's run state.
struct TrialState {
    std::optional<Date> end;  // none without a trial
    bool expired = false;     // ended without conversion
};

// A third-party purchase has no trial here: its term runs from `start` (docs/semantics.md).
TrialState trial_for(const Subscription& sub, const Plan& lead);

// True on the dates before the trial end.
bool in_trial(const SubscriptionRun& run, Date day);

// Boundary step "trial end": conversion or expiry of the trialing lines.
void end_trial_if_due(Simulation& sim, SubscriptionRun& run, Date day);

}  // namespace subsim
