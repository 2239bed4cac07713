#pragma once
// Invoices: one per subscription and billing date, one line per billed product, or one line for
// the bundle while its price applies (SPEC §3 Renewal, §4).
#include <string_view>

#include "engine/simulation.hpp"

namespace subsim {

// Bills every line whose billing boundary falls on `day` (billed in advance for the period).
void bill_due_lines(Simulation& sim, SubscriptionRun& run, Date day, std::string_view rule);

// A manual renewal: the whole term [from, to) invoiced on `day`.
void bill_prepaid_term(Simulation& sim, SubscriptionRun& run, Date day, Date from, Date to);

}  // namespace subsim
