// The days of a pause (SPEC-v2 §3.3, §3.4): the start P (boundary step 4, or the action of an
// immediate pause), the resume U (boundary step 3, or a `resume` action), and the calendars the
// resume moves, as reminders and fees see them ahead of time.
#include <algorithm>

#include "engine/billing_day.hpp"
#include "engine/evergreen.hpp"
#include "engine/pause_internal.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// Every line (and the bundle) takes its calendar as a resume on `u` leaves it; the next boundary
// to bill is the first period not served, k (§0.7: all re-anchored together).
void move_calendars(SubscriptionRun& run, Date u) {
    const PauseState& p = run.pause;
    const long k = p.first_unserved;
    for (std::size_t i = 0; i < run.lines.size() && i < p.at_start.size(); ++i) {
        ProductLine& line = run.lines[i];
        line.calendar = resumed_calendar(p.at_start[i], k, u, run.billing_day.day);
        line.billing.move_to(line.calendar, k);
        line.wake.move_to(line.calendar, k);
    }
    run.lead_calendar = run.lines.front().calendar;
    if (p.bundle_at_start && run.bundle.calendar) {
        run.bundle.calendar = resumed_calendar(*p.bundle_at_start, k, u, run.billing_day.day);
        run.bundle.billing.move_to(*run.bundle.calendar, k);
        run.bundle.wake.move_to(*run.bundle.calendar, k);
    }
    run.reminders.wake_term.clear();
}

// An immediate pause on a billing day: that morning's period is never served (§3.4, k is P's own
// index), so a term renewed that morning starts again on U: the term end goes back to k.
void undo_morning_renewal(SubscriptionRun& run, Date p) {
    const BillingCalendar& cal = run.lead_calendar;
    const long k = run.pause.first_unserved;
    if (k == 0 || cal.boundary(k) != p || !cal.is_term_boundary(k) || run.renewal.term_end <= k || in_evergreen(run)) return;
    if (run.renewal.term_end != cal.next_term_index(k)) return;
    run.renewal.term_end = k;
    if (run.lead->at_term_end == AtTermEnd::renew_once && run.term_end.automatic_renewals > 0)
        --run.term_end.automatic_renewals;
}

// A term prepaid by hand and credited on P (§3.3) stays the current term, billed period by period
// after the resume: the engine stops treating its days as prepaid.
void release_prepaid_term(SubscriptionRun& run, Date p) {
    RenewalState& r = run.renewal;
    if (!r.prepaid_until || !(*r.prepaid_until > p)) return;
    if (*r.prepaid_from > p) r.term_end = run.lead_calendar.next_term_index(r.term_end);
    r.prepaid_from.reset();
    r.prepaid_until.reset();
}

}  // namespace

BillingCalendar resumed_calendar(BillingCalendar cal, long k, Date u, std::optional<unsigned> day) {
    const long j = cal.first_boundary_after(u.plus_days(-1));  // the first boundary on or after u
    if (j >= k && cal.boundary(j) == u) cal.skip_periods(j - k);
    else cal.reanchor(day ? aligned_anchor(u, *day) : u, k);  // §1.6's re-alignment with a billing day (§6.2)
    return cal;
}

void start_pause(Simulation& sim, SubscriptionRun& run, Date p) {
    PauseState& s = run.pause;
    s.scheduled = false;
    s.started = true;
    sim.emit(p, EventType::paused, run.index, std::nullopt, Rule::pause_started,
             {{"resumes", s.resumes ? DetailValue{*s.resumes} : DetailValue{nullptr}}});
    credit_unused(sim, run, p);
    undo_morning_renewal(run, p);
    release_prepaid_term(run, p);
    s.at_start.clear();
    for (const ProductLine& line : run.lines) s.at_start.push_back(line.calendar);
    s.bundle_at_start = run.bundle.calendar;
    if (s.resumes) move_calendars(run, *s.resumes);
    for (ProductLine& line : run.lines)
        if (line.state && line.state != State::cancelled && line.state != State::expired) {
            line.paused = true;
            sim.change_state(line, p, *line.state);
        }
}

void resume_on(Simulation& sim, SubscriptionRun& run, Date u, Rule rule, DetailValue by) {
    PauseState& s = run.pause;
    if (s.resumes != u) move_calendars(run, u);  // open-ended, or resumed before the date it had
    s.started = false;
    s.resumes = u;
    s.last_resume = u;
    const Date anchor = run.lead_calendar.boundary(s.first_unserved);
    s.resume_anchor = u < anchor ? std::optional<Date>(anchor) : std::nullopt;
    run.billing_day.realigned_from = u < anchor ? std::optional<Date>(u) : std::nullopt;  // the stub [U, A′) (§6.2)
    if (in_evergreen(run)) run.term_end.evergreen_since = u;  // the grid restarts at U (§3.4 item 2)
    sim.emit(u, EventType::resumed, run.index, std::nullopt, rule,
             {{"by", std::move(by)},
              {"paused_from", s.start},
              {"paused_days", static_cast<std::int64_t>(s.start.days_until(u))},
              {"anchor", run.lead_calendar.anchor()}});
    for (ProductLine& line : run.lines) {
        if (!line.paused) continue;
        line.paused = false;
        if (line.state != State::cancelled && line.state != State::expired) sim.change_state(line, u, *line.state);
    }
}

void start_pause_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!run.pause.scheduled || run.pause.start != day) return;
    if (std::none_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.live(); })) {
        run.pause.scheduled = false;  // everything ended before P
        return;
    }
    start_pause(sim, run, day);
}

void resume_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    PauseState& s = run.pause;
    if (!s.started || s.resumes != day) return;
    if (!is_paused(run)) {  // every product ended during the pause: it ends with them, no `resumed` (§3.5)
        s.started = false;
        for (ProductLine& line : run.lines) line.paused = false;
        return;
    }
    resume_on(sim, run, day, s.resume_rule, nullptr);
}

Date term_end_as_if_resumed(const SubscriptionRun& run, const ProductLine& line, Date e) {
    const PauseState& s = run.pause;
    const std::size_t i = static_cast<std::size_t>(&line - run.lines.data());
    const long k = s.first_unserved;
    const BillingCalendar cal = resumed_calendar(i < s.at_start.size() ? s.at_start[i] : line.calendar, k, e, run.billing_day.day);
    return cal.is_term_boundary(k) ? e : cal.boundary(cal.next_term_index(k));  // no stub owed on a billing day
}

const BillingCalendar& reminder_calendar(const SubscriptionRun& run, std::optional<BillingCalendar>& scratch) {
    const PauseState& s = run.pause;
    if (!pause_moves_reminder_calendar(s)) return run.lead_calendar;
    scratch = resumed_calendar(run.lead_calendar, s.first_unserved, *s.resumes, run.billing_day.day);
    return *scratch;
}

}  // namespace subsim
