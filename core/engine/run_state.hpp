#pragma once
// The mutable state of one simulation run: per subscription, per product line, and the account.
// It lives only inside simulate(); nothing here outlives a call.
//
// Each rule owns its slice and the functions that act on it:
//   TrialState         trial.hpp          trial end, conversion or expiry
//   RenewalState       renewal.hpp        term end, renewal, grace, terms prepaid by hand
//   PendingCancellation, CancellationState
//                      cancellation.hpp   cancel, cascades, the day it takes effect
//   ActivationState    activation.hpp     third-party purchases waiting for `activate`
//   BundleState        bundle.hpp         the bundle's price and calendar
//   TransferState      transfer.hpp       transfers to another account
//   ReminderState      reminders.hpp      reminder lookahead
//   WakeupState        wakeup_state.hpp   the day-skipping lookahead's earliest date ahead
//   AccountRun         account.hpp        payment method, closure, data deletion
//   PendingChange      plan_change.hpp    format 2: a plan change waiting for its date
//   DunningState       dunning.hpp        format 2: failed payments, retries, past_due
//   LawState           law_compliance.hpp format 2: FR warnings and free-termination windows
//   PauseState         pause.hpp          format 2: a pause scheduled or running
//   BillingDayState    billing_day.hpp    format 2: the aligned anchor and the stub before it
// Refunds and termination fees (settlement.hpp) act on the cancellation's day.
// Invoicing (invoicing.hpp) and the billing cursors of each line serve them all.
#include <optional>
#include <utility>
#include <vector>

#include "engine/account.hpp"
#include "engine/activation.hpp"
#include "engine/billing_calendar.hpp"
#include "engine/billing_day.hpp"
#include "engine/bundle.hpp"
#include "engine/cancellation.hpp"
#include "engine/dunning.hpp"
#include "engine/law_compliance.hpp"
#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/reminders.hpp"
#include "engine/renewal.hpp"
#include "engine/term_end.hpp"
#include "engine/transfer.hpp"
#include "engine/trial.hpp"
#include "engine/wakeup_state.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

// One product of one subscription, billed on its own plan's calendar.
struct ProductLine {
    Index product;
    const Plan* plan;
    BillingCalendar calendar;
    std::optional<State> state;  // none before the subscription starts
    std::optional<PendingCancellation> pending;
    std::optional<PendingChange> change;
    std::vector<std::pair<Date, State>> history;
    BoundaryCursor billing;  // the next billing boundary not yet billed
    BoundaryCursor wake;     // the same, for the day-skipping lookahead
    bool paused = false;     // format 2: shown `paused` over its state while neither cancelled nor expired (§0.4)
    // Its product is one of the subscription's bundle's members (fixed for the run, prepare_run):
    // billed through the bundle while the bundle's price applies, without a search of the members.
    bool bundle_member = false;

    bool live() const {
        return state == State::active || state == State::trialing || state == State::pending_activation ||
               state == State::pending_cancellation;
    }
    bool cancellable() const {
        return state == State::active || state == State::trialing || state == State::pending_activation;
    }
};

struct SubscriptionRun {
    Index index;
    const Subscription* sub;
    const Plan* lead;                // the first plan: governs trial, term, renewal
    BillingCalendar lead_calendar;   // term boundaries
    std::vector<ProductLine> lines;

    TrialState trial;
    RenewalState renewal;
    CancellationState cancellation;
    ActivationState activation;
    BundleState bundle;
    TransferState transfer;
    ReminderState reminders;
    TermEndState term_end;  // format 2: at_term_end (term_end.hpp, evergreen.hpp)
    DunningState dunning;   // format 2: failed payments (dunning.hpp)
    LawState law;           // format 2: consumer-law profiles (law_compliance.hpp, law_france.hpp)
    PauseState pause;       // format 2: pause and resume (pause.hpp)
    BillingDayState billing_day;  // format 2: billing_day, first_period (billing_day.hpp)
    WakeupState wakeup;     // the day-skipping lookahead (wakeup.hpp)

    ProductLine* line_for(Index product);
    const ProductLine* line_for(Index product) const;
};

// A subscription's state from its products' states (docs/semantics.md). Inline, like
// liveliest_state (result.hpp): returned from a call, the optional went through memory.
inline std::optional<State> derived_state(const SubscriptionRun& run) {
    StatesSeen seen{};
    for (const ProductLine& line : run.lines)
        if (line.state) seen[static_cast<std::size_t>(*line.state)] = true;
    return liveliest_state(seen);
}

// Records a state change; several changes on one day keep only the last. The history keeps the
// state shown (an overlay such as `paused` over the underlying state, SPEC-v2 §0.4).
void set_state(ProductLine& line, Date on, State state);

}  // namespace subsim
