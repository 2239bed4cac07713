// France, L215-1 (SPEC-v2 §7.3): windows, warning and free termination.
#include "engine/law_france.hpp"

#include <algorithm>

#include "engine/evergreen.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

bool france(const Simulation& sim, const SubscriptionRun& run) {
    return law_applies(sim, run) && sim.scenario.jurisdiction == Jurisdiction::fr;
}

// The window's event date: never before the subscription starts.
Date window_day(const SubscriptionRun& run, const DaySpan& w) { return std::max(w.from, run.sub->start); }
Date warning_day(const SubscriptionRun& run, const DaySpan& w) { return std::max(w.to.plus_days(1), run.sub->start); }

std::optional<DaySpan> window_of(const SubscriptionRun& run, const TacitRenewal& t) {
    return fr_reminder_window(t.t0, t.t, run.lead->notice);
}

// On a renewal day T after a warning: [T, the day before the next term boundary], open-ended in
// the evergreen phase.
void open_free_termination(Simulation& sim, SubscriptionRun& run, Date day) {
    std::vector<Date>& warned = run.law.fr_warned;
    const auto it = std::find(warned.begin(), warned.end(), day);
    if (it == warned.end()) return;
    warned.erase(it);
    if (ends_by(run, day)) return;  // the renewal did not happen
    std::optional<Date> to;
    if (!in_evergreen(run)) to = run.lead_calendar.boundary(run.renewal.term_end).plus_days(-1);
    run.law.free_termination.push_back({day, to});
    emit_window(sim, day, run, {Rule::law_fr_free_termination, fr_law, fr_article, "free_termination", day, day, to});
}

}  // namespace

std::optional<DaySpan> fr_reminder_window(Date t0, Date t, Duration notice) {
    if (!(Duration::months(1).after(t0) < t)) return std::nullopt;
    const Date d = notice.is_zero() ? t.plus_days(-1) : notice_deadline(t, notice);
    return DaySpan{Duration::months(3).before(d), Duration::months(1).before(d)};
}

void fr_windows(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!france(sim, run)) return;
    for (const TacitRenewal& t : renewals_ahead(run))
        if (auto w = window_of(run, t); w && window_day(run, *w) == day)
            emit_window(sim, day, run, {Rule::law_fr_reminder_window, fr_law, fr_article, "renewal_reminder", t.t, w->from, w->to});
    open_free_termination(sim, run, day);
}

void fr_warnings(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!france(sim, run)) return;
    for (const TacitRenewal& t : renewals_ahead(run)) {
        const std::optional<DaySpan> w = window_of(run, t);
        if (!w || warning_day(run, *w) != day) continue;
        const std::vector<Date> sent = notices_before(run, t.t);
        if (any_in(sent, *w) || ends_by(run, t.t)) continue;
        emit_warning(sim, day, run,
                     {Rule::law_fr_reminder_window, fr_law, fr_article, "renewal_reminder_window", t.t, w->text(),
                      date_list(sent), "free_termination", t.t});
        run.law.fr_warned.push_back(t.t);
    }
}

void fr_dates_ahead(const Simulation& sim, const SubscriptionRun& run, std::vector<Date>& out) {
    if (!france(sim, run)) return;
    for (const TacitRenewal& t : renewals_ahead(run))
        if (auto w = window_of(run, t)) {
            out.push_back(window_day(run, *w));
            out.push_back(warning_day(run, *w));
        }
}

std::optional<CancellationDate> free_termination_date(const SubscriptionRun& run, Date r) {
    const auto inside = [r](const LawState::Window& w) { return w.from <= r && (!w.to || r <= *w.to); };
    if (std::none_of(run.law.free_termination.begin(), run.law.free_termination.end(), inside)) return std::nullopt;
    CancellationDate when;
    when.effective = when.notice_deadline = when.earliest = r;
    when.notice = in_evergreen(run) ? run.lead->evergreen_notice : run.lead->notice;  // as written
    when.rule = Rule::law_fr_free_termination;
    return when;
}

}  // namespace subsim
