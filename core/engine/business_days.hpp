#pragma once
// Business days are Monday to Friday, minus the scenario's holidays (SPEC §1).
#include <vector>

#include "domain/date.hpp"

namespace subsim {

// The n-th business day strictly after `from` (n >= 1). `holidays` is sorted.
Date nth_business_day_after(Date from, int n, const std::vector<Date>& holidays);

}  // namespace subsim
