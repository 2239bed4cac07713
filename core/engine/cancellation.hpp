#pragma once
// Cancellation (SPEC §3 "Cancellation"): the `cancel` action for whole subscriptions and single
// products, its `requires` and account cascades, the pending cancellation each line carries, and
// the day it takes effect. When it takes effect is cancellation_date.hpp.
//
//   Monthly plan anchored on the 15th, end_of_period, `cancel` on 2025-03-02: requested,
//   scheduled (effective 2025-03-15), email; on 2025-03-15 cancellation_effective, state cancelled.
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "engine/cancellation_date.hpp"
#include "model/result.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// The cancellation slice of a product line: the cancellation waiting to take effect.
struct PendingCancellation {
    Date effective;
    bool whole_subscription = false;  // events carry product: null
    Rule rule;            // rule of the cancellation_effective event
    std::optional<Index> cascaded_from;  // product whose cancellation pulled this one in
    bool account_closure = false;     // part of closing the whole account
    State state_before = State::active;
    // end_of_next_period (and what it cascaded through `requires`): B0, the end of the billing
    // cycle the cancellation was requested in; a reactivation on or after it is refused cycle_ended.
    std::optional<Date> cycle_end;
    // False for an end no customer asked for (a dunning cascade, SPEC-v2 §4.3): no refund, no fee.
    bool customer = true;
};

// The cancellation slice of a subscription's run state.
struct CancellationState {
    // A whole-subscription cancellation whose products ended while another product lived on:
    // its `cancellation_effective` (product null) waits for the last product (docs/semantics.md).
    std::optional<Rule> deferred_whole_effective;
};

struct ProductLine;

// A product line of the account, with its rank in (subscription, line) order.
struct LineAt {
    std::size_t rank;
    SubscriptionRun* run;
    ProductLine* line;
    bool operator<(const LineAt& other) const { return rank < other.rank; }
};

// Storage the `requires` cascade of one action reuses from the last (Simulation::cascade_scratch):
// the lines of every product, each product's in (subscription, line) order (`at` sorted by
// product, `first[p]` .. `first[p + 1]` the range of product p), and one origin's candidates.
// A cancellation the `requires` cascade follows: a product, its dates, and the product the
// customer asked to cancel.
struct Origin {
    Index product;
    CancellationDate when;
    Index root;
};

struct CascadeScratch {
    // The origins of one `cancel` and the lines it accepted (a run of cancels allocates them once).
    std::vector<Origin> origins;
    std::vector<ProductLine*> accepted;
    std::vector<LineAt> at;
    std::vector<std::size_t> first;
    std::vector<std::size_t> next;
    std::vector<LineAt> candidates;
    // The index above was built while this many subscriptions were transferred. The runs' lines
    // and their products are fixed once prepared (start.cpp) and only a transfer takes a run's
    // lines out: with the same count, the index of the last action still holds.
    std::optional<std::size_t> indexed_with_transfers;
};

// The `cancel` action.
void cancel(Simulation& sim, const Action& action);

// SPEC-v2 §7.5: ends the whole subscription on `when.effective` (the action's day) by a law's
// own rule: requested, scheduled, e-mail, effective, all with `when.rule`; a pending cancellation
// is superseded; `requires` cascades apply, `cancels_account` does not.
struct CancellationDate;
void end_now_by_law(Simulation& sim, const Action& action, SubscriptionRun& run, const CancellationDate& when);

// Boundary step "cancellation effective" (also run by actions for immediate ones): the
// cancellations of `run` that take effect on `day`.
void take_effect(Simulation& sim, SubscriptionRun& run, Date day);

// An end the engine decides (a term end, the end of dunning) reaches every product of another
// subscription that requires an ended one (and what requires those): each ends on `day` with only its
// cancellation_effective (rule cancellation.requires_cascade). `customer`: whether those ends count
// as customer cancellations for refunds and fees (SPEC-v2 §5.5, §4.3).
void cascade_ends_through_requires(Simulation& sim, Index origin, Date day, std::vector<Index> ended, bool customer);

}  // namespace subsim
