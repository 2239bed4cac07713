#pragma once
// Evergreen contracts (SPEC-v2 §5.2): at the end of the first term `T1` the subscription does not
// renew but goes on, open-ended, on its plan's billing calendar (`evergreen_started`). It may end
// on the grid G = { T1 + j × evergreen_period : j ≥ 1 } with `evergreen_notice`, counted forward
// from the request (§0.1).
//
//   Plan 2999/P1M, term P24M, end_of_term, notice P1M, evergreen P1D / P1M, from 2023-04-01:
//   T1 = 2025-04-01 (`evergreen_started`); a `cancel` on 2025-06-10 takes effect 2025-07-10
//   (06-10 + 1 month), and 2025-07-01 bills [07-01, 07-10) at share(2999, 9/31) = 871 (Example 5.B).
#include <optional>

#include "domain/date.hpp"
#include "engine/cancellation_date.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// True once the evergreen phase has started (on or after T1).
bool in_evergreen(const SubscriptionRun& run);

// Emits `evergreen_started` at T1 and enters the evergreen phase: no more term boundaries,
// `renewed` or renewal reminders.
void start_evergreen(Simulation& sim, SubscriptionRun& run, Date t1);

// When a cancellation requested on `r` takes effect, when the evergreen rules decide it: any
// request in the evergreen phase (policy end_of_term on the grid; end_of_period and
// end_of_next_period on billing boundaries with evergreen_notice), and an end_of_term request
// before T1 that misses T1's deadline. None when v1.3 decides (also for `immediate`).
std::optional<CancellationDate> evergreen_cancellation_date(const SubscriptionRun& run, const Plan& plan,
                                                            const BillingCalendar& billing, Date r);

// The grid date on which an end_of_term request on `r` in the evergreen phase (or after a missed
// T1) takes effect: the first g = T1 + j × period, j ≥ 1, with g > r and r + notice ≤ g.
Date evergreen_exit(Date t1, Duration period, Duration notice, Date r);

}  // namespace subsim
