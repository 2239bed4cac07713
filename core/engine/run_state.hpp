#pragma once
// The mutable state of one simulation run: per subscription, per product line, and the account.
// It lives only inside simulate(); nothing here outlives a call.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/billing_calendar.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

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
};

// One product of one subscription, billed on its own plan's calendar.
struct ProductLine {
    Index product;
    const Plan* plan;
    BillingCalendar calendar;
    std::optional<State> state;  // none before the subscription starts
    std::optional<PendingCancellation> pending;
    std::vector<std::pair<Date, State>> history;
    BoundaryCursor billing;  // the next billing boundary not yet billed
    BoundaryCursor wake;     // the same, for the day-skipping lookahead

    bool live() const { return state == State::active || state == State::trialing || state == State::pending_cancellation; }
    bool cancellable() const { return state == State::active || state == State::trialing; }
};

struct SubscriptionRun {
    Index index;
    const Subscription* sub;
    const Plan* lead;                // the first plan: governs trial, term, renewal
    BillingCalendar lead_calendar;   // term boundaries
    std::optional<Date> trial_end;
    std::vector<ProductLine> lines;

    long term_end = 0;                   // lead-calendar index of the current term's end
    std::optional<Date> prepaid_from;    // a term renewed by hand: [prepaid_from, prepaid_until)
    std::optional<Date> prepaid_until;
    bool trial_expired = false;
    std::optional<Date> expired_on;
    std::optional<Date> grace_end;       // renewals are accepted on dates < grace_end
    bool bundle_priced = false;
    std::optional<BillingCalendar> bundle_calendar;
    BoundaryCursor bundle_billing;
    BoundaryCursor bundle_wake;
    std::vector<long> reminder_wake_term;  // per lead-plan reminder: the term index it points at

    std::optional<Date> transfer_completes;
    std::string transfer_to;
    bool transferred = false;
    // A whole-subscription cancellation whose products ended while another product lived on:
    // its `cancellation_effective` (product null) waits for the last product (docs/semantics.md).
    std::optional<Rule> deferred_whole_effective;

    ProductLine* line_for(Index product);
    const ProductLine* line_for(Index product) const;
};

struct AccountRun {
    bool payment_method = false;
    std::optional<Date> closing_on;
    bool closed = false;
    std::optional<Date> data_deleted_on;
};

// A subscription that does not renew by itself ends with its last paid term: no cancellation
// can take effect after that (docs/semantics.md). None for auto-renewing subscriptions.
std::optional<Date> renewal_cap(const SubscriptionRun& run);

// A subscription's state from its products' states (docs/semantics.md).
std::optional<State> derived_state(const SubscriptionRun& run);

// Records a state change; several changes on one day keep only the last.
void set_state(ProductLine& line, Date on, State state);

}  // namespace subsim
