// `cancel`: whole subscriptions and single products, with the `requires` and account cascades.
#include <algorithm>

#include "engine/actions.hpp"
#include "engine/boundaries.hpp"
#include "engine/cancellation_date.hpp"

namespace subsim {
namespace {


bool in_trial(const SubscriptionRun& run, Date day) { return run.trial_end && day < *run.trial_end; }

CancellationDate when_for(const SubscriptionRun& run, const Plan& plan, const BillingCalendar& calendar, Date r) {
    if (in_trial(run, r)) return trial_cancellation_date(r, run.lead->trial->cancel, *run.trial_end);
    return paid_cancellation_date(r, plan.cancellation, plan.notice, calendar, renewal_cap(run));
}

void schedule(Simulation& sim, ProductLine& line, Date r, Date effective, bool whole, Rule rule,
              std::optional<Index> cascaded_from, bool account_closure) {
    line.pending = PendingCancellation{effective, whole, rule, cascaded_from, account_closure, *line.state};
    sim.change_state(line, r, State::pending_cancellation);
}

void announce(Simulation& sim, const Action& action, Index sub, std::optional<Index> product,
              const CancellationDate& when, Rule rule) {
    const Date r = action.on;
    sim.emit(r, EventType::cancellation_requested, sub, product, rule, {{"by", actor(sim.scenario, action)}});
    sim.emit(r, EventType::cancellation_scheduled, sub, product, when.deadline_missed ? Rule::notice_deadline_missed : rule,
             {{"effective", when.effective},
              {"access_until", when.effective.plus_days(-1)},
              {"notice_deadline", when.notice_deadline},
              {"deadline_missed", when.deadline_missed}});
}

void confirm_by_email(Simulation& sim, Date r, std::optional<Index> sub, Date effective) {
    sim.emit(r, EventType::email, sub, std::nullopt, Rule::cancellation_confirmation,
             {{"kind", std::string("cancellation_confirmation")},
              {"effective", effective},
              {"access_until", effective.plus_days(-1)}});
}

bool cancels_account(const Scenario& scenario, Index product) {
    const Product& p = scenario.catalog.products[product];
    if (!p.cancels_account) return false;
    return !p.cancels_account_if_created_before || scenario.account.created < *p.cancels_account_if_created_before;
}

bool requires_product(const Scenario& scenario, Index dependent, Index base) {
    const auto& req = scenario.catalog.products[dependent].requires_products;
    return std::find(req.begin(), req.end(), base) != req.end();
}

struct Origin {
    Index product;
    CancellationDate when;
    Index root;  // the product the customer asked to cancel
};

// Every product that (transitively) requires a cancelled one goes with it, on the same date.
void cascade_requires(Simulation& sim, const Action& action, std::vector<Origin> queue) {
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const Origin origin = queue[i];
        for (SubscriptionRun& run : sim.subs) {
            if (run.transferred) continue;
            for (ProductLine& line : run.lines) {
                if (!line.cancellable() || !requires_product(sim.scenario, line.product, origin.product)) continue;
                schedule(sim, line, action.on, origin.when.effective, false, Rule::cancellation_requires_cascade,
                         origin.root, false);
                CancellationDate when = origin.when;
                when.deadline_missed = false;
                announce(sim, action, run.index, line.product, when, Rule::cancellation_requires_cascade);
                queue.push_back(Origin{line.product, origin.when, origin.root});
            }
        }
    }
}

Date latest_pending_effective(const Simulation& sim, Date fallback) {
    Date latest = fallback;
    for (const SubscriptionRun& run : sim.subs)
        if (!run.transferred)
            for (const ProductLine& line : run.lines)
                if (line.pending && line.pending->effective > latest) latest = line.pending->effective;
    return latest;
}

// A tier-1 product (SPEC: cancels_account) takes every other product and subscription with it.
void cascade_account(Simulation& sim, const Action& action, Index origin_sub, const CancellationDate& origin) {
    CancellationDate when = origin;
    when.deadline_missed = false;
    for (SubscriptionRun& run : sim.subs) {
        if (run.transferred) continue;
        for (ProductLine& line : run.lines)
            if (line.pending) line.pending->account_closure = true;
        const bool whole = run.index != origin_sub;
        bool any = false;
        for (ProductLine& line : run.lines) {
            if (!line.cancellable()) continue;
            schedule(sim, line, action.on, when.effective, whole, Rule::cancellation_account_cascade, std::nullopt, true);
            if (!whole) announce(sim, action, run.index, line.product, when, Rule::cancellation_account_cascade);
            any = true;
        }
        if (whole && any) announce(sim, action, run.index, std::nullopt, when, Rule::cancellation_account_cascade);
    }
    sim.account.closing_on = latest_pending_effective(sim, when.effective);
}

void apply_cascades_and_effects(Simulation& sim, const Action& action, SubscriptionRun& origin_run,
                                const std::vector<Origin>& origins) {
    if (origins.empty()) return;
    cascade_requires(sim, action, origins);
    for (const Origin& o : origins)
        if (cancels_account(sim.scenario, o.product)) {
            cascade_account(sim, action, origin_run.index, o.when);
            break;
        }
    Date latest = origins.front().when.effective;
    for (const Origin& o : origins) latest = std::max(latest, o.when.effective);
    confirm_by_email(sim, action.on, origin_run.index, latest);
    for (SubscriptionRun& run : sim.subs) take_effect(sim, run, action.on);
    close_account_if_due(sim, action.on);
}

void cancel_subscription(Simulation& sim, const Action& action, SubscriptionRun& run) {
    const auto refuse_with = [&](Reason reason, Rule rule) {
        refuse(sim, action, run.index, std::nullopt, reason, rule);
    };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(why->reason, why->rule);
    const std::optional<State> state = derived_state(run);
    if (state == State::pending_cancellation || state == State::cancelled)
        return refuse_with(Reason::already_cancelled, Rule::cancellation_already_cancelled);
    if (!state || state == State::expired) return refuse_with(Reason::not_active, Rule::cancellation_not_active);
    if (in_trial(run, action.on) && run.lead->trial->cancel == TrialCancel::contact_support)
        return refuse_with(Reason::contact_support, Rule::trial_contact_support);
    if (!run.lead->self_service) return refuse_with(Reason::contact_support, Rule::self_service_disabled);

    const CancellationDate when = when_for(run, *run.lead, run.lead_calendar, action.on);
    std::vector<Origin> origins;
    for (ProductLine& line : run.lines)
        if (line.cancellable()) {
            schedule(sim, line, action.on, when.effective, true, when.rule, std::nullopt, false);
            origins.push_back(Origin{line.product, when, line.product});
        }
    announce(sim, action, run.index, std::nullopt, when, when.rule);
    apply_cascades_and_effects(sim, action, run, origins);
}

// ZENDESK SPP: members of a bundle sold as one cannot leave it one by one.
bool splits_locked_bundle(const Simulation& sim, const SubscriptionRun& run, const Action& action, Index product) {
    if (!run.bundle_priced) return false;
    const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
    const auto& members = bundle.products;
    if (bundle.members_cancellable || std::find(members.begin(), members.end(), product) == members.end()) return false;
    for (Index m : members) {
        const ProductLine* line = run.line_for(m);
        const bool listed = std::find(action.products.begin(), action.products.end(), m) != action.products.end();
        if (line && line->cancellable() && !listed) return true;
    }
    return false;
}

std::optional<Refusal> product_refusal(const Simulation& sim, const Action& action,
                                                                            SubscriptionRun& run, const ProductLine& line) {
    if (line.state == State::pending_cancellation || line.state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::cancellation_already_cancelled};
    if (!line.state || line.state == State::expired) return Refusal{Reason::not_active, Rule::cancellation_not_active};
    if (in_trial(run, action.on) && run.lead->trial->cancel == TrialCancel::contact_support)
        return Refusal{Reason::contact_support, Rule::trial_contact_support};
    if (!line.plan->self_service) return Refusal{Reason::contact_support, Rule::self_service_disabled};
    if (splits_locked_bundle(sim, run, action, line.product))
        return Refusal{Reason::contact_support, Rule::bundle_members_not_cancellable};
    return std::nullopt;
}

void cancel_products(Simulation& sim, const Action& action, SubscriptionRun& run) {
    if (auto why = standing_refusal(sim, action, run)) {
        for (Index p : action.products) refuse(sim, action, run.index, p, why->reason, why->rule);
        return;
    }
    std::vector<ProductLine*> accepted;
    for (Index p : action.products) {
        ProductLine* line = run.line_for(p);
        if (auto why = product_refusal(sim, action, run, *line))
            refuse(sim, action, run.index, p, why->reason, why->rule);
        else
            accepted.push_back(line);
    }
    std::vector<Origin> origins;
    for (ProductLine* line : accepted) {
        const CancellationDate when = when_for(run, *line->plan, line->calendar, action.on);
        schedule(sim, *line, action.on, when.effective, false, when.rule, std::nullopt, false);
        announce(sim, action, run.index, line->product, when, when.rule);
        origins.push_back(Origin{line->product, when, line->product});
    }
    apply_cascades_and_effects(sim, action, run, origins);
}

}  // namespace

void cancel(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (action.products.empty())
        cancel_subscription(sim, action, run);
    else
        cancel_products(sim, action, run);
}

}  // namespace subsim
