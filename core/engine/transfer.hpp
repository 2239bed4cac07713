#pragma once
// Transfers (SPEC §3 "Transfer"; REDHAT: to the same organization at once, to a separate legal
// entity after 10 business days). A transferred subscription leaves this account: every later
// action on it is refused `transferred`.
//
//   `transfer` on Friday 2025-03-07 to a separate entity, no holidays: transfer_requested
//   (completes_on 2025-03-21), then transfer_completed on 2025-03-21.
#include <optional>
#include <string>

#include "domain/date.hpp"

namespace subsim {

struct Action;
struct Simulation;
struct SubscriptionRun;

// The transfer slice of a subscription's run state.
struct TransferState {
    std::optional<Date> completes;  // a transfer to a separate entity in progress
    std::string to;
    bool done = false;              // transferred away
};

// Boundary step "transfer completion".
void complete_transfer_if_due(Simulation& sim, SubscriptionRun& run, Date day);

// The `transfer` action.
void transfer(Simulation& sim, const Action& action);

}  // namespace subsim
