#pragma once
// Reminders (SPEC §2.3 `reminders`), phase "reminders" of each day: `trial_ending` before a trial
// end, `renewal_reminder` before each term end the subscription still runs up to.
//
//   Reminders ["P7D"] on a monthly auto-renewing plan anchored 2025-01-15: renewal_reminder on
//   2025-02-08 (renews_on 2025-02-15), 2025-03-08, ...
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "domain/duration.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// The reminder slice of a subscription's run state: lookahead cursors only.
struct ReminderState {
    std::vector<long> wake_term;  // per lead-plan reminder: the term index it points at
};

void send_reminders(Simulation& sim, Date day);

// The next date after `today` on which `before` may remind of a term end (bounded walk).
std::optional<Date> next_reminder(const SubscriptionRun& run, long& cursor, Duration before, Date today);

}  // namespace subsim
