#pragma once
// Failed payments and dunning (SPEC-v2 §4): the payments phase of each date (§0.5 step 3), the
// retries counted from the invoice date, the end of dunning (`on_exhausted`), and the `past_due`
// overlay state (§0.4, §4.4).
//
// Vocabulary
//   Arm         one `payment_fails`: the next invoice of its subscription dated on or after `on`
//               (amount > 0) takes it, and its next `failures` attempts are declined.
//   Collection  one invoice whose collection failed at least once and is not settled yet.
//   DunningState the subscription's slice: its arms, its collections, its past_due spans.
//
//   Plan 4999/P1M from 2025-01-15, defaults (retries P3D, P5D, P7D), `payment_fails` on 03-15:
//   03-15 payment_failed (next_retry 03-18), past_due from 03-15; `update_payment_method` on 03-19;
//   03-20 payment_retry (attempt 3, succeeded), payment_succeeded (payment_method_update), active
//   again; the invoice of 03-15 is paid on 03-20 (Example 4.A).
//   Retries ["P2D", "P4D"], no payment method, invoice of 01-15: retried 01-17 and 01-19; the
//   failure on 01-19 exhausts dunning (attempts 3) and cancels the subscription (Example 4.B).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;
struct ProductLine;

struct Arm {
    Date from;                                  // the action's date
    std::optional<std::int64_t> failures_left;  // none: every attempt fails
    std::optional<Date> invoice;                // the armed invoice's date, once placed
    std::optional<std::size_t> action;          // the payment_fails action (what-if answers follow it)
};

struct Collection {
    Date invoice;             // the invoice's date (one invoice per subscription per date)
    int attempts = 0;         // made so far
    bool exhausted = false;   // keep_past_due: no retry left, waits for a payment-method update
    bool reattempt = false;   // keep_past_due: an update asked for one more attempt today
    std::optional<std::size_t> updated_by;  // the update action since the last attempt, if any
};

// The dunning slice of a subscription's run state.
struct DunningState {
    std::vector<Arm> arms;
    std::vector<Collection> open;  // in the order they failed
    std::optional<Date> past_due_since;
    std::vector<std::pair<Date, Date>> past_due;  // past spans [from, to)
    bool expired = false;  // ended by `on_exhausted: expire`: `renew` is refused not_active
    std::optional<Date> first_attempt_on;  // the last date an invoice of the subscription had attempt 1
};

// The subscription's dunning settings: the lead plan's, else the account's, else the defaults.
Dunning dunning_settings(const Simulation& sim, const SubscriptionRun& run);

// Payment-method checking is on: the lead plan or the account has a `dunning` key (§4.2).
bool checks_payment_method(const Simulation& sim, const SubscriptionRun& run);

// §4.4: the subscription is in dunning (shown `past_due` unless it ended).
bool in_dunning(const SubscriptionRun& run);

// The `payment_fails` action: never refused, no event.
void payment_fails(Simulation& sim, const Action& action);

// After an accepted `add_payment_method` or `update_payment_method`: armed failures are cleared,
// the next retry of each open invoice succeeds, and exhausted `keep_past_due` invoices get one
// more attempt in today's payments phase.
void payment_method_updated(Simulation& sim);

// Step 3 of each date: the attempts due, oldest invoice first, each with its consequences.
void collect_payments(Simulation& sim, Date day);

// The next date a retry is due after `today`, for the day-skipping lookahead.
std::optional<Date> next_retry_after(const Simulation& sim, const SubscriptionRun& run, Date today);

// §0.4: a line's history as shown, with the subscription's past_due spans laid over every state
// but cancelled and expired.
std::vector<std::pair<Date, State>> shown_history(const ProductLine& line, const DunningState& dunning, Date end);

// The subscription's shown state on `until` (summary.states).
std::optional<State> shown_state(const SubscriptionRun& run);

// §4.3: the last failed attempt of `c` (dunning_exhausted, then on_exhausted).
void exhaust(Simulation& sim, SubscriptionRun& run, Collection& c, const Invoice& inv, Date day);

// The subscription's invoice of `date`, if any (invoices are kept in date order).
Invoice* find_invoice(Result& result, std::size_t subscription, Date date);

// After the run: total_unpaid, the sum of the open and uncollectible invoices (§0.3).
Money unpaid_total(const Result& result);

}  // namespace subsim
