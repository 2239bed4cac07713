#pragma once
// Invoices: one per subscription and billing date, one line per billed product, or one line for
// the bundle while its price applies (SPEC §3 Renewal, §4).
#include <vector>

#include "engine/run_state.hpp"

namespace subsim {

struct Simulation;

// Bills every line whose billing boundary falls on `day` (billed in advance for the period).
void bill_due_lines(Simulation& sim, SubscriptionRun& run, Date day, Rule rule);

// SPEC-v2 §0.2: share(A, [x, y), [a, b)) = A × part / whole days, rounded to a whole minor unit,
// halves away from zero; computed exactly. share(4999, 14, 28) == 2500; share(3000, 18, 28) == 1929.
std::int64_t share(std::int64_t amount, long part_days, long whole_days);

// A line to add to an invoice, with the rule that created it (the invoice event names the rule
// of its first remaining line).
struct RuledLine {
    InvoiceLine line;
    Rule rule;
};

// Adds lines to the subscription's single invoice of `day` (SPEC-v2 §0.3), creating it (and its
// `invoice` event, with the first line's rule) when the day has none yet.
void add_lines(Simulation& sim, SubscriptionRun& run, Date day, std::vector<RuledLine> lines);

// A paid line of the subscription's invoices, with the date it was invoiced and where it is.
struct PaidLine {
    InvoiceLine line;
    Date invoiced_on;
    std::size_t invoice, index;  // sim.result.invoices[invoice].lines[index]
};
// The paid time of `product` that runs after `day`: its period and proration-charge lines not yet
// credited (the current period, and terms prepaid by hand), in invoice order. Lines of an invoice
// still in dunning, or written off, are not paid (SPEC-v2 §0.2, §4.8).
std::vector<PaidLine> paid_lines_after(const Simulation& sim, const SubscriptionRun& run, Index product, Date day);
// Marks those lines as credited, before any of them is withdrawn.
void supersede(Simulation& sim, const std::vector<PaidLine>& lines);

// The index of a catalog plan.
Index plan_index(const Simulation& sim, const Plan& plan);

// A manual renewal: the whole term [from, to) invoiced on `day`.
void bill_prepaid_term(Simulation& sim, SubscriptionRun& run, Date day, Date from, Date to);

// An immediate cancellation on a billing date: the period billed that morning is never provided,
// so its lines come off that day's invoice (SPEC §3: no invoice at or after the effective date).
void withdraw_lines_billed_on(Simulation& sim, SubscriptionRun& run, Date day, const std::vector<Index>& cancelled);

}  // namespace subsim
