#pragma once
// Plan change (SPEC-v2 §1): one product of a subscription moves to another plan of the same
// product, now or at the next billing or term boundary, with the money of the unused time.
//
//   Basic 4999/P1M from 2025-01-15; `change_plan` to Pro 9999/P1M on 2025-03-01 (an upgrade,
//   immediate, prorated): the line [02-15, 03-15) has 14 of 28 days unused, so the invoice of
//   03-01 is −2500 (Basic credited) + 5000 (Pro for the same 14 days) = 2500 (Example 1.A).
#include <optional>

#include "domain/date.hpp"
#include "model/result.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

enum class Direction { upgrade, downgrade, lateral };
const char* to_string(Direction d);

// The plan-change slice of a product line: a change accepted but not yet in effect.
struct PendingChange {
    const Plan* to;
    Date effective;
    Proration proration;
    bool reset_anchor;
    Rule rule;  // change.immediate, change.end_of_period, change.end_of_term or change.trial
};

// The `change_plan` action.
void change_plan(Simulation& sim, const Action& action);

// Boundary step 5 "plan change taking effect": the pending changes of `run` due on `day`.
void apply_changes_due(Simulation& sim, SubscriptionRun& run, Date day);

// A request that cancels a line withdraws its pending change (SPEC-v2 §1.7, reason
// `cancellation`): every line of `run` pending cancellation or cancelled loses its change.
void withdraw_changes_of_cancelled(Simulation& sim, SubscriptionRun& run, Date day);

}  // namespace subsim
