// California ARL (SPEC-v2 §7.6): the trial and renewal notice windows and their warnings.
#include "engine/law_california.hpp"

#include <algorithm>

#include "engine/law_germany.hpp"
#include "engine/simulation.hpp"
#include "engine/trial.hpp"

namespace subsim {
namespace {

bool california(const Simulation& sim, const SubscriptionRun& run) {
    return law_applies(sim, run) && sim.scenario.jurisdiction == Jurisdiction::us_ca;
}

// The statute applies to windows ending on or after its date.
bool in_force(const DaySpan& w) { return !(w.to < Date::from_valid_ymd(2022, 7, 1)); }

DaySpan window_before(Date about, long from_days, long to_days) {
    return DaySpan{about.plus_days(-from_days), about.plus_days(-to_days)};
}

// The trial end, when the trial lasts 31 days or more.
std::optional<Date> long_trial_end(const SubscriptionRun& run) {
    if (!run.trial.end || run.sub->start.days_until(*run.trial.end) < 31) return std::nullopt;
    return run.trial.end;
}

// Judged on the event's own day: the trial is still running and would convert.
bool would_convert(const Simulation& sim, const SubscriptionRun& run, Date day) {
    return in_trial(run, day) && !ends_by(run, *run.trial.end) &&
           (sim.account.payment_method || run.trial.settings->requires_payment_method);
}

// The renewals in scope: the first term lasted a year or more, the next term over a month.
std::vector<TacitRenewal> renewals_in_scope(const SubscriptionRun& run) {
    const FirstTerm f = law_first_term(run);  // a prorated billing-day stub counts (SPEC-v2 §6.3)
    std::vector<TacitRenewal> out;
    if (f.t1 < Duration::months(12).after(f.s)) return out;
    for (const TacitRenewal& t : renewals_ahead(run)) {
        const Date month_later = Duration::months(1).after(t.t);
        const Date next = t.evergreen ? run.lead->evergreen_period.after(t.t) : *t.next_end;
        if (next > month_later) out.push_back(t);
    }
    return out;
}

}  // namespace

void ca_windows(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!california(sim, run)) return;
    if (const auto te = long_trial_end(run)) {
        const DaySpan w = window_before(*te, 21, 3);
        if (in_force(w) && std::max(w.from, run.sub->start) == day && would_convert(sim, run, day))
            emit_window(sim, day, run, {Rule::law_ca_trial_notice, ca_law, ca_article, "trial_notice", *te, w.from, w.to});
    }
    for (const TacitRenewal& t : renewals_in_scope(run)) {
        const DaySpan w = window_before(t.t, 45, 15);
        if (in_force(w) && w.from == day)
            emit_window(sim, day, run, {Rule::law_ca_renewal_notice, ca_law, ca_article, "renewal_notice", t.t, w.from, w.to});
    }
}

void ca_warnings(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!california(sim, run)) return;
    if (const auto te = long_trial_end(run)) {
        const DaySpan w = window_before(*te, 21, 3);
        const std::vector<Date> sent = notices_before(run, *te);
        if (in_force(w) && w.to.plus_days(1) == day && would_convert(sim, run, day) && !any_in(sent, w))
            emit_warning(sim, day, run, {Rule::law_ca_trial_notice, ca_law, ca_article, "trial_notice_window", *te, w.text(),
                                         date_list(sent), "notice_breach", std::nullopt});
    }
    for (const TacitRenewal& t : renewals_in_scope(run)) {
        const DaySpan w = window_before(t.t, 45, 15);
        const std::vector<Date> sent = notices_before(run, t.t);
        if (!in_force(w) || w.to.plus_days(1) != day || any_in(sent, w) || ends_by(run, t.t)) continue;
        emit_warning(sim, day, run, {Rule::law_ca_renewal_notice, ca_law, ca_article, "renewal_notice_window", t.t, w.text(),
                                     date_list(sent), "notice_breach", std::nullopt});
    }
}

void ca_dates_ahead(const Simulation& sim, const SubscriptionRun& run, std::vector<Date>& out) {
    if (!california(sim, run)) return;
    if (const auto te = long_trial_end(run)) {
        const DaySpan w = window_before(*te, 21, 3);
        out.push_back(std::max(w.from, run.sub->start));
        out.push_back(w.to.plus_days(1));
    }
    for (const TacitRenewal& t : renewals_in_scope(run)) {
        const DaySpan w = window_before(t.t, 45, 15);
        out.push_back(w.from);
        out.push_back(w.to.plus_days(1));
    }
}

}  // namespace subsim
