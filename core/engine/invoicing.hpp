#pragma once
// Invoices: one per subscription and billing date, one line per billed product, or one line for
// the bundle while its price applies (SPEC §3 Renewal, §4).
#include <vector>

#include "engine/run_state.hpp"

namespace subsim {

struct Simulation;

// Bills every line whose billing boundary falls on `day` (billed in advance for the period).
void bill_due_lines(Simulation& sim, SubscriptionRun& run, Date day, Rule rule);

// A manual renewal: the whole term [from, to) invoiced on `day`.
void bill_prepaid_term(Simulation& sim, SubscriptionRun& run, Date day, Date from, Date to);

// An immediate cancellation on a billing date: the period billed that morning is never provided,
// so its lines come off that day's invoice (SPEC §3: no invoice at or after the effective date).
void withdraw_lines_billed_on(Simulation& sim, SubscriptionRun& run, Date day, const std::vector<Index>& cancelled);

}  // namespace subsim
