// `renew`: manual renewal of a term that does not renew by itself, or of an expired one inside
// its grace (REDHAT: "recently expired").
#include "engine/actions.hpp"
#include "engine/activation.hpp"
#include "engine/invoicing.hpp"

namespace subsim {
namespace {

std::optional<Refusal> renewal_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run) {
    if (auto standing = standing_refusal(sim, action, run)) return standing;
    if (run.lead->channel == Channel::reseller) return Refusal{Reason::renew_through_reseller, Rule::renewal_reseller_channel};
    const std::optional<State> state = derived_state(run);
    if (state == State::pending_cancellation || state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::renewal_already_cancelled};
    if (!state || state == State::trialing || run.trial_expired) return Refusal{Reason::not_active, Rule::renewal_not_active};
    if (state == State::active || state == State::pending_activation) {
        if (run.lead->auto_renew) return Refusal{Reason::auto_renewing, Rule::renewal_auto_renewing};
        if (run.prepaid_until && *run.prepaid_until > run.lead_calendar.boundary(run.term_end))
            return Refusal{Reason::already_renewed, Rule::renewal_already_renewed};
    }
    if (state == State::expired && !(action.on < *run.grace_end)) return Refusal{Reason::grace_ended, Rule::renewal_grace_ended};
    return std::nullopt;
}

}  // namespace

void renew(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (auto why = renewal_refusal(sim, action, run))
        return refuse(sim, action, run.index, std::nullopt, why->reason, why->rule);

    const bool was_expired = derived_state(run) == State::expired;
    const long next = run.lead_calendar.next_term_index(run.term_end);
    // The new term continues the calendar: it starts at the old term end, whatever the date.
    const Date from = run.lead_calendar.boundary(run.term_end);
    const Date to = run.lead_calendar.boundary(next);
    run.prepaid_from = from;
    run.prepaid_until = to;
    if (was_expired) {
        run.term_end = next;
        run.expired_on.reset();
        run.grace_end.reset();
        for (ProductLine& line : run.lines)
            if (line.state == State::expired) sim.change_state(line, action.on, renewed_state(run));
    }
    sim.emit(action.on, EventType::renewed, run.index, std::nullopt, Rule::renewal_manual,
             {{"manual", true}, {"term_from", from}, {"term_to", to}, {"by", actor(sim.scenario, action)}});
    bill_prepaid_term(sim, run, action.on, from, to);
}

}  // namespace subsim
