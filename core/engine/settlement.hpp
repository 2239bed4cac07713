#pragma once
// Refunds and the termination fee of a customer cancellation (SPEC-v2 §2), settled on the day it
// takes effect: refund lines first, then fee lines, on the subscription's invoice of that day.
//
//   Plan 3000/P1M, immediate, refund prorated; line [02-10, 03-10), `cancel` on 02-20: 18 of 28
//   days unused, refund −1929 on [02-20, 03-10) (Example 2.A).
//   Plan 2000/P1M, term P1Y, fee 5000, from 2025-01-01; cancellation effective 2025-05-01, before
//   the term end 2026-01-01: fee 5000 on [2025-05-01, 2026-01-01) (Example 2.B).
#include <vector>

#include "domain/date.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// A product line whose cancellation took effect today.
struct EndedLine {
    Index product;
    const Plan* plan;   // the line's plan when it ended
    bool whole;         // part of a whole-subscription cancellation: the lead plan decides
    bool customer;      // not a trial cancellation (SPEC-v2 §2.2)
    // A law-based end (FR free termination, EU withdrawal, SPEC-v2 §7): its rule. It refunds
    // every paid line prorated and never charges a fee; `customer` is then false.
    std::optional<Rule> law = std::nullopt;
};

void settle_cancellation(Simulation& sim, SubscriptionRun& run, Date day, const std::vector<EndedLine>& ended);

}  // namespace subsim
