#pragma once
// Days on which nothing can happen are skipped: the next day worth visiting is the earliest
// boundary, action, reminder or deadline still ahead. Visiting a quiet day changes nothing, so
// a candidate too early is harmless; tests compare against a day-by-day run.
#include <optional>

#include "engine/day.hpp"
#include "engine/simulation.hpp"

namespace subsim {

// The earliest date after `today` on which something can happen to `run` (laws aside): kept in
// run.wakeup and computed again only when the run was touched or that date arrived.
std::optional<Date> earliest_ahead(Simulation& sim, SubscriptionRun& run, Date today);
// The same, computed from every boundary, line and reminder without the kept date (tests compare).
std::optional<Date> earliest_ahead_by_full_scan(Simulation& sim, SubscriptionRun& run, Date today);
// The earliest date after `today` a boundary rule can act on (reminders left out), by a full
// scan: what earliest_ahead keeps in run.wakeup.next_boundary (tests compare).
std::optional<Date> earliest_boundary_by_full_scan(Simulation& sim, SubscriptionRun& run, Date today);
// The earliest billing boundary after `today` (term end, bundle, live lines) by a full scan: what
// bill_due_lines keeps in run.wakeup.next_billing (tests compare).
std::optional<Date> earliest_billing_by_full_scan(SubscriptionRun& run, Date today);

// Moves the lookahead cursors of `sim` forward; results do not depend on them. The agenda gives the
// next action's date (read here: an optional<Date> built by the caller and passed would be read
// back in one wider load that waits for its two stores, in the WebAssembly build).
Date next_day_to_visit(Simulation& sim, Date today, const ActionAgenda& agenda);

}  // namespace subsim
