#include "engine/start.hpp"

#include "engine/activation.hpp"
#include "engine/billing_day.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

long periods_in(const Duration& whole, const Duration& period) { return whole.multiple_of(period).value_or(1); }

}  // namespace

BillingCalendar calendar_of(const Plan& plan, Date anchor) {
    return BillingCalendar{anchor, plan.period, periods_in(plan.term, plan.period),
                           periods_in(plan.renewal_term, plan.period)};
}

SubscriptionRun prepare_run(const Scenario& scenario, Index index) {
    const Subscription& sub = scenario.subscriptions[index];
    const Plan& lead = scenario.catalog.plans[sub.plans.front()];
    const TrialState trial = trial_for(sub, lead);
    const Date anchor = trial.end.value_or(sub.start);
    // Every rule's slice (run_state.hpp) starts from its own defaults.
    SubscriptionRun run{index, &sub, &lead, calendar_of(lead, anchor), {}, trial, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    run.lines.reserve(sub.plans.size());  // one allocation, no line moved as the vector grows
    for (Index p : sub.plans) {
        const Plan& plan = scenario.catalog.plans[p];
        run.lines.push_back(ProductLine{plan.product, &plan, calendar_of(plan, anchor), std::nullopt, std::nullopt, std::nullopt, {}, {}, {}});
    }
    run.renewal.term_end = run.lead_calendar.next_term_index(0);
    run.activation.awaiting = sub.activation_required;
    run.bundle = bundle_for(scenario, sub, anchor);
    if (sub.bundle)
        for (ProductLine& line : run.lines)
            line.bundle_member = among_members(&scenario.catalog.bundles[*sub.bundle].products, line.product);
    align_run(scenario, run);  // SPEC-v2 §6
    return run;
}

void start_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.sub->start != day) return;
    sim.emit(day, EventType::subscription_started, run.index, std::nullopt, starting_rule(run),
             {{"anchor", run.lead_calendar.anchor()}});
    if (run.trial.end)
        sim.emit(day, EventType::trial_started, run.index, std::nullopt, Rule::trial_start, {{"ends", *run.trial.end}});
    for (ProductLine& line : run.lines) sim.change_state(line, day, starting_state(run));
}

}  // namespace subsim
