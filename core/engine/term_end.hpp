#pragma once
// Term-end actions (SPEC-v2 §5.1, §5.2): `at_term_end` `renew_once` and `cancel` end the
// subscription at the end of its last term; `evergreen` turns it into an open-ended contract at the
// end of the first term (evergreen.hpp); `renew` is v1.3.
//
//   Yearly plan 12000, renew_once, from 2024-01-01: 2025-01-01 `renewed` and 12000 (the one
//   automatic renewal), 2026-01-01 `cancellation_effective` (product null, rule term.renew_once).
//   The reminder before 2026-01-01 says auto_renew false: that term is the last one.
#include <optional>

#include "domain/date.hpp"
#include "model/rules.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;
struct ProductLine;

// The term-end slice of a subscription's run state.
struct TermEndState {
    int automatic_renewals = 0;           // renewals made at a term end by the engine
    std::optional<Date> evergreen_since;  // T1, once the evergreen phase has started
};

// True when the current term is the last one: `cancel`, or `renew_once` after its one renewal.
// During it the subscription behaves as without auto-renewal (cap, reminders, manual `renew`).
bool in_last_term(const SubscriptionRun& run);

// The subscription renews by itself at the end of its current term.
bool renews_by_itself(const SubscriptionRun& run);

// Whether the term ending at lead-calendar index k renews by itself, as things stand: what a
// renewal reminder for it says. Only the current term's end counts for a last term or evergreen.
bool renews_at(const SubscriptionRun& run, long k);

// What the term-end step did at a term boundary.
enum class TermEndStep {
    v1,         // nothing special: v1.3 renewal or expiry follows
    renewed,    // the automatic renewal was counted (renew_once); v1.3 renewal follows
    ended,      // the subscription ended (cancellation_effective, term.cancel_at_term_end/renew_once)
    evergreen,  // evergreen_started: bill the day's periods with rule billing.period
};
// Boundary step 8 at a term end `day` (the caller checks it is one, and that no term was prepaid
// by hand from `day`).
TermEndStep apply_term_end(Simulation& sim, SubscriptionRun& run, Date day);

// SPEC-v2 §5.3: where the period line of `line` billed on `day` ends, its next boundary being
// `next`: E when a cancellation is pending that takes effect at E strictly inside (day, next) on an
// evergreen plan (the last period, cut short), `next` otherwise (and in a version 1 file).
// A date, not an optional: a returned optional went through memory in two parts and was read back
// as one wider load, which waits for both stores (no store forwarding), on every billing day.
Date period_line_end(const Simulation& sim, const ProductLine& line, Date day, Date next);

// The same for the subscription's bundle line: E when every member still billed has a cancellation
// pending that ends strictly inside (day, next) (the latest such E), on an evergreen lead plan.
Date bundle_line_end(const Simulation& sim, const SubscriptionRun& run, Date day, Date next);

// Boundary step 6 for format 2: the cancellations of the day take effect, then each paid period
// running past the day that a scheduled (not immediate) cancellation cut short gets its unused part
// refunded: −share(L, [E, B′), [B, B′)), kind refund, rule billing.partial_last_period (§5.3).
void take_effect_with_partial_refunds(Simulation& sim, SubscriptionRun& run, Date day);

}  // namespace subsim
