#pragma once
// Days on which nothing can happen are skipped: the next day worth visiting is the earliest
// boundary, action, reminder or deadline still ahead. Visiting a quiet day changes nothing, so
// a candidate too early is harmless; tests compare against a day-by-day run.
#include <optional>

#include "engine/simulation.hpp"

namespace subsim {

// Moves the lookahead cursors of `sim` forward; results do not depend on them.
Date next_day_to_visit(Simulation& sim, Date today, std::optional<Date> next_action);

}  // namespace subsim
