#pragma once
// Pause and resume (SPEC-v2 §3): a whole subscription stops being served and billed from the pause
// start P to the resume date U; the billing calendar then restarts on U and the term is frozen.
//
// Vocabulary
//   P   the pause start: the first billing boundary after the request (end_of_period), or the
//       request date (immediate).
//   U   the resume date: `until` + 1 day, boundary(k + cycles), r + cycles × period, P + max, or
//       the date of a `resume` action. None while an open-ended pause waits for one.
//   k   the index of the first billing period not served: the first boundary on or after P.
//
//   Plan 4999/P1M from 2025-01-15; `pause` on 2025-03-02 with cycles 2: P = 2025-03-15 (k = 2),
//   U = boundary(4) = 2025-05-15. The calendar is kept and moves two periods: the invoices are
//   01-15, 02-15, 05-15, 06-15 (Example 3.A).
//   The same plan from 2025-01-31, `until` 2025-04-19: U = 04-20 is no boundary, so the calendar is
//   re-anchored at 04-20 for index 2: 04-20, 05-20, 06-20 (Example 3.B). With billing_day 1 it is
//   re-anchored at A′ = 05-01 for index 2 instead, the stub [04-20, 05-01) billed on 04-20 (§6.2).
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "engine/billing_calendar.hpp"
#include "engine/cancellation_date.hpp"
#include "model/rules.hpp"

namespace subsim {

struct Action;
struct ProductLine;
struct Simulation;
struct SubscriptionRun;

// The pause slice of a subscription's run state.
struct PauseState {
    bool scheduled = false;            // accepted, P still ahead
    bool started = false;              // P reached, not resumed yet
    bool immediate = false;
    Date start;                        // P
    std::optional<Date> resumes;       // U, when known
    Rule resume_rule = Rule::pause_resumed;
    long first_unserved = 0;           // k, on the calendars as they stood on P
    std::vector<BillingCalendar> at_start;        // each line's calendar on P, before any move
    std::optional<BillingCalendar> bundle_at_start;
    std::optional<Date> last_resume;   // the day the last pause ended by a resume
    std::optional<Date> resume_anchor; // A′, when that resume re-aligned the calendar on a billing day
};

// The `pause` and `resume` actions.
void pause(Simulation& sim, const Action& action);
void resume(Simulation& sim, const Action& action);

// Boundary step 3 "scheduled resume" and step 4 "pause start".
void resume_if_due(Simulation& sim, SubscriptionRun& run, Date day);
void start_pause_if_due(Simulation& sim, SubscriptionRun& run, Date day);

// Paused now: the pause has started and a product is still alive.
bool is_paused(const SubscriptionRun& run);
// Paused, or a pause scheduled: plan changes and manual renewals are refused (§1.9, §3.7).
bool pause_ahead_or_running(const SubscriptionRun& run);
// A pause with no known end is running: nothing renews, expires or is billed until a `resume`.
bool billing_suspended(const SubscriptionRun& run);
// The day's period was opened by a resume, or follows its stub (its invoice is no first period).
bool resumed_on(const SubscriptionRun& run, Date day);

// SPEC-v2 §3.5: a cancellation requested while paused takes effect on r, notice ignored.
CancellationDate paused_cancellation_date(Date r, Duration notice);
// SPEC-v2 §2.4 condition 2 for a cancellation on E during the pause: the first term boundary on or
// after E as if the subscription had resumed on E (E itself when P was a term boundary: no fee).
Date term_end_as_if_resumed(const SubscriptionRun& run, const ProductLine& line, Date e);

// A request that cancels the whole subscription withdraws its scheduled pause (reason cancellation).
void withdraw_pause_of_cancelled(Simulation& sim, SubscriptionRun& run, Date day);

// Reminders see the boundaries as they will be (SPEC-v2 §3.8): with a pause scheduled whose U is
// known, the lead calendar as the resume will move it (`scratch` holds it); otherwise the lead calendar.
const BillingCalendar& reminder_calendar(const SubscriptionRun& run, std::optional<BillingCalendar>& scratch);
// Only a scheduled pause with a known resume moves the reminders' calendar off the lead plan's
// (reminder_calendar). Inline: the reminders and their lookahead ask for that calendar on every
// visited day, and without such a pause (nearly always) take the lead one without calling it.
inline bool pause_moves_reminder_calendar(const PauseState& pause) { return pause.scheduled && pause.resumes; }
// A pause with no known end hides the term boundary at lead index k (and every later one).
// Inline, on the run's PauseState: the reminders' walk asks it on every step.
inline bool pause_hides_boundary(const PauseState& pause, long k) {
    return (pause.scheduled || pause.started) && !pause.resumes && k >= pause.first_unserved;
}
// The next pause start or scheduled resume, for the day-skipping lookahead.
std::optional<Date> next_pause_date(const SubscriptionRun& run);

}  // namespace subsim
