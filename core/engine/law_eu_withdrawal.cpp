// EU withdrawal (SPEC-v2 §7.5): the period's window and the `withdraw` action.
#include "engine/law_eu_withdrawal.hpp"

#include "engine/business_days.hpp"
#include "engine/cancellation.hpp"
#include "engine/cancellation_date.hpp"
#include "engine/permissions.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

bool eu_rules(const Scenario& sc) {
    return sc.jurisdiction == Jurisdiction::eu || sc.jurisdiction == Jurisdiction::fr || sc.jurisdiction == Jurisdiction::de;
}

// Contracts concluded after 2014-06-13, the Directive's date of application.
bool in_scope(const Simulation& sim, const SubscriptionRun& run) {
    return sim.scenario.version >= 2 && eu_rules(sim.scenario) && sim.scenario.account.consumer &&
           Date::from_valid_ymd(2014, 6, 13) < run.sub->start;
}

// The refusals of `withdraw`, in the order of §7.5.
std::optional<Refusal> withdraw_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run) {
    if (auto why = standing_refusal(sim, action, run)) return why;
    if (!in_scope(sim, run)) return Refusal{Reason::no_withdrawal_right, Rule::withdrawal_no_right};
    const std::optional<State> state = derived_state(run);
    if (state == State::cancelled) return Refusal{Reason::already_cancelled, Rule::withdrawal_already_cancelled};
    if (!state || state == State::expired) return Refusal{Reason::not_active, Rule::withdrawal_not_active};
    if (withdrawal_period_end(run.sub->start, sim.scenario.holidays) < action.on)
        return Refusal{Reason::withdrawal_period_over, Rule::withdrawal_period_over};
    return std::nullopt;
}

}  // namespace

Date withdrawal_period_end(Date start, const std::vector<Date>& holidays) {
    // The first business day on or after start + 14 days.
    return nth_business_day_after(start.plus_days(13), 1, holidays);
}

void eu_windows(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.sub->start != day || !law_applies(sim, run) || !in_scope(sim, run)) return;
    emit_window(sim, day, run, {Rule::law_eu_withdrawal_period, eu_law, eu_article, "withdrawal", day, day,
                                withdrawal_period_end(day, sim.scenario.holidays)});
}

void withdraw(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (auto why = withdraw_refusal(sim, action, run))
        return refuse(sim, action, run.index, std::nullopt, why->reason, why->rule);
    CancellationDate when;
    when.effective = when.notice_deadline = when.earliest = action.on;
    when.notice = run.lead->notice;
    when.rule = Rule::law_eu_withdrawal;
    end_now_by_law(sim, action, run, when);
}

}  // namespace subsim
