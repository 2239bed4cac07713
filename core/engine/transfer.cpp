#include "engine/transfer.hpp"

#include "engine/business_days.hpp"
#include "engine/permissions.hpp"
#include "engine/simulation.hpp"

namespace subsim {

namespace {

// Out of line: complete_transfer_if_due is asked on every billing day of every subscription and
// answers no on nearly all, without setting up the event's details first.
[[gnu::noinline]] void complete_transfer(Simulation& sim, SubscriptionRun& run, Date day) {
    run.transfer.completes.reset();
    run.transfer.done = true;
    sim.emit(day, EventType::transfer_completed, run.index, std::nullopt, Rule::transfer_separate_entity,
             {{"to", run.transfer.to}});
}

}  // namespace

void complete_transfer_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.transfer.completes == day) complete_transfer(sim, run, day);
}

void transfer(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    const auto refuse_with = [&](Reason reason, Rule rule) {
        refuse(sim, action, run.index, std::nullopt, reason, rule);
    };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(why->reason, why->rule);
    const std::optional<State> state = derived_state(run);
    if (!state || state == State::cancelled || state == State::expired) return refuse_with(Reason::not_active, Rule::transfer_not_active);
    if (run.transfer.completes) return refuse_with(Reason::transfer_pending, Rule::transfer_pending);

    const Date completes = action.separate_entity ? nth_business_day_after(action.on, 10, sim.scenario.holidays) : action.on;
    const Rule rule = action.separate_entity ? Rule::transfer_separate_entity : Rule::transfer_same_organization;
    sim.emit(action.on, EventType::transfer_requested, run.index, std::nullopt, rule,
             {{"to", action.transfer_to}, {"separate_entity", action.separate_entity}, {"completes_on", completes},
              {"by", actor(sim.scenario, action)}});
    if (action.separate_entity) {
        run.transfer.completes = completes;
        run.transfer.to = action.transfer_to;
        return;
    }
    run.transfer.done = true;
    sim.emit(action.on, EventType::transfer_completed, run.index, std::nullopt, rule, {{"to", action.transfer_to}});
}

}  // namespace subsim
