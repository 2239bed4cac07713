#pragma once
// Reminders (SPEC §2.3 `reminders`), phase "reminders" of each day: `trial_ending` before a trial
// end, `renewal_reminder` before each term end the subscription still runs up to.
//
//   Reminders ["P7D"] on a monthly auto-renewing plan anchored 2025-01-15: renewal_reminder on
//   2025-02-08 (renews_on 2025-02-15), 2025-03-08, ...
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "engine/billing_calendar.hpp"

namespace subsim {

struct Earliest;
struct Simulation;
struct SubscriptionRun;

// One reminder's place among the term boundaries, carried by the lookahead from one visited day
// to the next: the term it points at and, once computed, that term's boundary and the reminder's
// date for it. The date depends on the boundary alone (`before` it), so it is computed once per
// boundary and reused while the boundary stays where it was.
struct ReminderCursor {
    long term = 0;       // the term-boundary index it points at (never before the current term end)
    Date boundary;       // the boundary `on` was computed for
    Date on;             // `before` that boundary
    bool known = false;  // boundary and on hold a computed pair
};

// The reminder slice of a subscription's run state: lookahead cursors, and each reminder's
// `before` as written in its events (worked out once per run, not once per event).
struct ReminderState {
    std::vector<ReminderCursor> wake_term;  // per lead-plan reminder (cleared when the calendar moves)
    std::vector<std::string> before_iso;    // per lead-plan reminder
    const std::vector<Duration>* before_iso_of = nullptr;  // the reminders before_iso was written for
    // Room for the calendar as a scheduled pause will move it (reminder_calendar, pause.hpp): kept
    // here so that the calls that need none (nearly all) do not set up an empty one each time.
    std::optional<BillingCalendar> moved;
};

void send_reminders(Simulation& sim, Date day);

// The calendar whose term boundaries the reminders announce (reminder_calendar, pause.hpp).
const BillingCalendar& reminder_boundaries(SubscriptionRun& run);

// The next date after `e.today` on which `before` may remind of a term end of `cal` (the
// subscription's reminder calendar, reminder_calendar in pause.hpp), from `cursor` on (bounded
// walk), considered by `e`. The date goes straight into `e`: returned as an optional it was
// written to memory in two parts and read back as one wider load, which waits for both stores.
void consider_next_reminder(Earliest& e, const SubscriptionRun& run, const BillingCalendar& cal, ReminderCursor& cursor,
                            Duration before);
// The same date, or none (tests).
std::optional<Date> next_reminder(const SubscriptionRun& run, const BillingCalendar& cal, ReminderCursor& cursor,
                                  Duration before, Date today);

}  // namespace subsim
