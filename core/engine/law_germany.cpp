// Germany, BGB § 309 Nr. 9 (SPEC-v2 §7.4): four warnings, no change to the outcome.
#include "engine/law_germany.hpp"

#include "engine/billing_day.hpp"
#include "engine/cancellation_date.hpp"
#include "engine/evergreen.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// The checks run on the start, and on the day a plan change reset the anchor (SPEC-v2 §1.6).
bool check_day(const Simulation& sim, const SubscriptionRun& run, Date day) {
    if (run.sub->start == day) return true;
    for (auto e = sim.result.events.rbegin(); e != sim.result.events.rend() && e->date == day; ++e)
        if (e->type == EventType::plan_changed && e->subscription == run.index && run.lead_calendar.anchor() == day)
            return true;
    return false;
}

bool extends_at_t1(const Plan& p) { return p.auto_renew && p.at_term_end != AtTermEnd::cancel; }

// (b) applies to fixed renewal terms; rolling terms of one month or less are judged by (b′).
bool fixed_extension(const Plan& p, Date t1) {
    if (!p.auto_renew || (p.at_term_end != AtTermEnd::renew && p.at_term_end != AtTermEnd::renew_once)) return false;
    return p.renewal_term.after(t1) > Duration::months(1).after(t1);
}

void check_initial_term(Simulation& sim, const SubscriptionRun& run, Date day, const FirstTerm& f) {
    if (!(f.t1 > Duration::months(24).after(f.s))) return;
    emit_warning(sim, day, run, {Rule::law_de_initial_term, de_law, "BGB § 309 Nr. 9 a", "initial_term_max", f.t1, "P2Y",
                                 DaySpan{f.s, f.t1.plus_days(-1)}.text(), "term_clause_void", f.s});
}

void check_extension(Simulation& sim, const SubscriptionRun& run, Date day, const FirstTerm& f, bool new_limits) {
    const Plan& p = *run.lead;
    if (!fixed_extension(p, f.t1)) return;
    if (!new_limits && !(p.renewal_term.after(f.t1) > Duration::months(12).after(f.t1))) return;
    emit_warning(sim, day, run, {Rule::law_de_tacit_extension, de_law, "BGB § 309 Nr. 9 b", "tacit_extension", f.t1,
                                 new_limits ? "evergreen" : "P1Y", p.renewal_term.iso(), "extension_not_binding", f.t1});
}

void check_exit(Simulation& sim, const SubscriptionRun& run, Date day, const FirstTerm& f, bool new_limits) {
    const Plan& p = *run.lead;
    const bool rolling = p.at_term_end == AtTermEnd::evergreen || (p.at_term_end == AtTermEnd::renew && !fixed_extension(p, f.t1));
    if (!new_limits || !p.auto_renew || !rolling) return;
    const std::optional<DaySpan> worst = de_longest_exit(p, run.lead_calendar, f.t1);
    if (!worst) return;
    emit_warning(sim, day, run, {Rule::law_de_exit_after_initial_term, de_law, "BGB § 309 Nr. 9 b", "exit_after_initial_term",
                                 f.t1, "P1M", worst->text(), "exit_within_one_month", f.t1});
}

void check_notice(Simulation& sim, const SubscriptionRun& run, Date day, const FirstTerm& f, bool new_limits) {
    const Plan& p = *run.lead;
    if (!extends_at_t1(p)) return;
    const Duration limit = Duration::months(new_limits ? 1 : 3);
    if (!(notice_deadline(f.t1, p.notice) < notice_deadline(f.t1, limit))) return;
    emit_warning(sim, day, run, {Rule::law_de_initial_notice, de_law, "BGB § 309 Nr. 9 c", "initial_notice_max", f.t1,
                                 limit.iso(), p.notice.iso(), "notice_clause_void", f.s});
}

// E(q): the date a customer `cancel` on q takes effect under the plan's own rules after T1.
Date exit_date(const Plan& p, const BillingCalendar& calendar, Date t1, Date q) {
    if (p.at_term_end == AtTermEnd::evergreen) {
        if (p.cancellation == CancellationPolicy::end_of_term) return evergreen_exit(t1, p.evergreen_period, p.evergreen_notice, q);
        return paid_cancellation_date(q, p.cancellation, p.evergreen_notice, calendar, std::nullopt).effective;
    }
    return paid_cancellation_date(q, p.cancellation, p.notice, calendar, std::nullopt).effective;
}

}  // namespace

FirstTerm law_first_term(const SubscriptionRun& run) {
    const BillingCalendar& cal = run.lead_calendar;
    // A prorated stub counts (§6.3). A one-period stub term is measured with the term after it
    // (docs/semantics.md): a 12-day stub does not make a yearly contract's first term 12 days.
    // The stub is counted while the calendar is the start's (a pause's skip keeps it, a re-anchoring
    // does not), and moves with boundary 0 like a first term without a stub (docs/semantics.md).
    const StubTerm stub = run.billing_day.stub;
    const std::optional<Date>& from = run.billing_day.stub_from;
    long stub_days = 0;
    if (from && run.billing_day.day && (stub == StubTerm::own_term || stub == StubTerm::in_first_term) &&
        aligned_anchor(*from, *run.billing_day.day) == cal.anchor())
        stub_days = from->days_until(cal.anchor());
    return FirstTerm{cal.boundary(0).plus_days(-stub_days), cal.boundary(cal.next_term_index(0))};
}

bool de_new_limits(Date concluded) { return !(concluded < Date::from_valid_ymd(2022, 3, 1)); }

std::optional<DaySpan> de_longest_exit(const Plan& lead, const BillingCalendar& calendar, Date t1) {
    std::optional<DaySpan> worst;
    long worst_excess = 0;
    const Date end = Duration::months(12).after(t1);
    for (Date q = t1; q < end; q = q.plus_days(1)) {  // at most 366 evaluations (docs/limits.md)
        const Date last = exit_date(lead, calendar, t1, q).plus_days(-1);
        const long excess = Duration::months(1).after(q).days_until(last);
        if (excess > worst_excess) {
            worst_excess = excess;
            worst = DaySpan{q, last};
        }
    }
    return worst;
}

void de_warnings(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!law_applies(sim, run) || sim.scenario.jurisdiction != Jurisdiction::de || !check_day(sim, run, day)) return;
    const FirstTerm f = law_first_term(run);
    const bool new_limits = de_new_limits(run.sub->start);
    check_initial_term(sim, run, day, f);
    check_extension(sim, run, day, f, new_limits);
    check_exit(sim, run, day, f, new_limits);
    check_notice(sim, run, day, f, new_limits);
}

}  // namespace subsim
