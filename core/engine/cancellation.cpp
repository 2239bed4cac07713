// `cancel`: whole subscriptions and single products, with the `requires` and account cascades.
#include "engine/cancellation.hpp"

#include <algorithm>

#include "engine/account.hpp"
#include "engine/bundle.hpp"
#include "engine/evergreen.hpp"
#include "engine/law_france.hpp"
#include "engine/cancellation_date.hpp"
#include "engine/pause.hpp"
#include "engine/permissions.hpp"
#include "engine/plan_change.hpp"
#include "engine/renewal.hpp"
#include "engine/simulation.hpp"
#include "engine/trial.hpp"

namespace subsim {
namespace {

CancellationDate when_for(const SubscriptionRun& run, const Plan& plan, const BillingCalendar& calendar, Date r) {
    if (is_paused(run)) return paused_cancellation_date(r, plan.notice);  // SPEC-v2 §3.5: on r, notice ignored
    if (in_trial(run, r)) return trial_cancellation_date(r, run.trial.settings->cancel, *run.trial.end, plan.notice);
    if (auto evergreen = evergreen_cancellation_date(run, plan, calendar, r)) return *evergreen;
    return paid_cancellation_date(r, plan.cancellation, plan.notice, calendar, renewal_cap(run));
}

// A cancellation cascaded from `origin` shares its dates and notice; what the late request costs
// is counted on the cascaded product's own calendar (docs/semantics.md, "Cascades").
CancellationDate cascaded(const CancellationDate& origin, const BillingCalendar& calendar, bool keep_cycle) {
    CancellationDate when = origin;
    when.periods_added = boundaries_between(calendar, when.earliest, when.effective);
    if (!keep_cycle) when.cycle_end.reset();
    return when;
}

void schedule(Simulation& sim, ProductLine& line, Date r, const CancellationDate& when, bool whole, Rule rule,
              std::optional<Index> cascaded_from, bool account_closure) {
    line.pending = PendingCancellation{when.effective, whole, rule, cascaded_from, account_closure, *line.state,
                                       when.cycle_end};
    sim.change_state(line, r, State::pending_cancellation);
}

// A cascade pulls a cancellation already pending with a later date forward to `when`.
// Returns whether it moved.
bool pull_forward(ProductLine& line, const CancellationDate& when, Rule rule) {
    if (!line.pending || !(when.effective < line.pending->effective)) return false;
    line.pending->effective = when.effective;
    line.pending->rule = rule;
    return true;
}

enum class Announce { requested_and_scheduled, scheduled_only };

// The rule of a direct request's `cancellation_scheduled`: a missed notice deadline names itself.
Rule scheduled_rule(const CancellationDate& when) {
    return when.deadline_missed ? Rule::notice_deadline_missed : when.rule;
}

void announce(Simulation& sim, const Action& action, Index sub, std::optional<Index> product,
              const CancellationDate& when, Rule requested_rule, Rule scheduled,
              Announce what = Announce::requested_and_scheduled) {
    const Date r = action.on;
    if (what == Announce::requested_and_scheduled)
        sim.emit(r, EventType::cancellation_requested, sub, product, requested_rule, Pair{"by", actor(sim.scenario, action)});
    write_scheduled_details(sim.emit(r, EventType::cancellation_scheduled, sub, product, scheduled).details, when);
}

void confirm_by_email(Simulation& sim, Date r, std::optional<Index> sub, Date effective, Rule rule) {
    sim.emit(r, EventType::email, sub, std::nullopt, rule,
             Pair{"kind", std::string_view("cancellation_confirmation")}, Pair{"effective", effective},
             Pair{"access_until", effective.plus_days(-1)});
}

bool cancels_account(const Scenario& scenario, Index product) {
    const Product& p = scenario.catalog.products[product];
    if (!p.cancels_account) return false;
    return !p.cancels_account_if_created_before || scenario.account.created < *p.cancels_account_if_created_before;
}

// One dependent of `origin`: cancelled with it, or pulled forward to its date when already
// pending later (an add-on never outlives its base). Returns whether it now goes with `origin`.
bool cascade_to(Simulation& sim, const Action& action, SubscriptionRun& run, ProductLine& line, const Origin& origin) {
    const Rule rule = Rule::cancellation_requires_cascade;
    if (line.cancellable()) {
        const CancellationDate when = cascaded(origin.when, line.calendar, true);
        schedule(sim, line, action.on, when, false, rule, origin.root, false);
        announce(sim, action, run.index, line.product, when, rule, rule);
        return true;
    }
    // A line already pending on or before the origin's date stays as it is; only one pulled
    // forward needs its periods_added (cascaded: a search of its calendar; same effective date).
    if (!pull_forward(line, origin.when, rule)) return false;
    const CancellationDate when = cascaded(origin.when, line.calendar, true);
    line.pending->whole_subscription = false;
    line.pending->cascaded_from = origin.root;
    line.pending->cycle_end = when.cycle_end;
    announce(sim, action, run.index, line.product, when, rule, rule, Announce::scheduled_only);
    return true;
}

// The lines of every product into `lines` (CascadeScratch), each product's in (subscription,
// line) order; the index of the last action is kept while no subscription was transferred since.
void index_lines_by_product(Simulation& sim, CascadeScratch& lines) {
    const auto transferred = static_cast<std::size_t>(
        std::count_if(sim.subs.begin(), sim.subs.end(), [](const SubscriptionRun& run) { return run.transfer.done; }));
    if (lines.indexed_with_transfers == transferred) return;  // still true (CascadeScratch)
    lines.indexed_with_transfers = transferred;
    lines.first.assign(sim.scenario.catalog.products.size() + 1, 0);
    for (const SubscriptionRun& run : sim.subs)
        if (!run.transfer.done)
            for (const ProductLine& line : run.lines) ++lines.first[line.product + 1];
    for (std::size_t p = 1; p < lines.first.size(); ++p) lines.first[p] += lines.first[p - 1];
    lines.at.resize(lines.first.back());
    lines.next.assign(lines.first.begin(), lines.first.end() - 1);
    std::size_t rank = 0;
    for (SubscriptionRun& run : sim.subs) {
        if (run.transfer.done) continue;
        for (ProductLine& line : run.lines) lines.at[lines.next[line.product]++] = LineAt{rank++, &run, &line};
    }
}

// Every product that (transitively) requires a cancelled one goes with it, on the same date.
// Only the lines of the origin's dependents are visited (in subscription and line order, as a
// walk over all lines would meet them), so a cascade costs what it cancels, not lines x requires.
// `queue` grows with what is cascaded meanwhile and is given back as it came.
void cascade_requires(Simulation& sim, const Action& action, std::vector<Origin>& queue) {
    if (sim.dependents.empty()) return;
    bool any = false;
    for (const Origin& origin : queue) any = any || !sim.dependents[origin.product].empty();
    if (!any) return;  // nothing requires what is cancelled: no index to build
    CascadeScratch& lines = sim.cascade_scratch;
    index_lines_by_product(sim, lines);
    std::vector<LineAt>& candidates = lines.candidates;
    const std::size_t given = queue.size();
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const Origin origin = queue[i];
        candidates.clear();
        for (Index dependent : sim.dependents[origin.product])
            candidates.insert(candidates.end(), lines.at.begin() + static_cast<std::ptrdiff_t>(lines.first[dependent]),
                              lines.at.begin() + static_cast<std::ptrdiff_t>(lines.first[dependent + 1]));
        std::sort(candidates.begin(), candidates.end());
        for (const LineAt& at : candidates)
            if (cascade_to(sim, action, *at.run, *at.line, origin))
                queue.push_back(Origin{at.line->product, origin.when, origin.root});
    }
    queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(given), queue.end());
}

Date latest_pending_effective(const Simulation& sim, Date fallback) {
    Date latest = fallback;
    for (const SubscriptionRun& run : sim.subs)
        if (!run.transfer.done)
            for (const ProductLine& line : run.lines)
                if (line.pending && line.pending->effective > latest) latest = line.pending->effective;
    return latest;
}

// One subscription swept by a tier-1 cascade. Anchored on the 15th, a tier-1 product cancelled
// on 2025-03-02 (E = 15 Mar) pulls another product pending until 15 May forward to 15 Mar.
void cascade_account_into(Simulation& sim, const Action& action, SubscriptionRun& run, Index origin_sub,
                          const CancellationDate& origin) {
    const Rule rule = Rule::cancellation_account_cascade;
    const bool whole = run.index != origin_sub;
    const CancellationDate for_sub = cascaded(origin, run.lead_calendar, false);
    bool scheduled_whole = false;
    bool moved_whole = false;
    for (ProductLine& line : run.lines) {
        if (line.pending) line.pending->account_closure = true;
        const CancellationDate when = cascaded(origin, line.calendar, false);
        if (pull_forward(line, when, rule)) {
            if (line.pending->whole_subscription) moved_whole = true;
            else announce(sim, action, run.index, line.product, when, rule, rule, Announce::scheduled_only);
        } else if (line.cancellable()) {
            schedule(sim, line, action.on, when, whole, rule, std::nullopt, true);
            if (whole) scheduled_whole = true;
            else announce(sim, action, run.index, line.product, when, rule, rule);
        }
    }
    if (scheduled_whole || moved_whole)
        announce(sim, action, run.index, std::nullopt, for_sub, rule, rule,
                 scheduled_whole ? Announce::requested_and_scheduled : Announce::scheduled_only);
}

// A tier-1 product (SPEC: cancels_account) takes every other product and subscription with it,
// on its own effective date; the account closes on that date.
void cascade_account(Simulation& sim, const Action& action, Index origin_sub, const CancellationDate& origin) {
    for (SubscriptionRun& run : sim.subs)
        if (!run.transfer.done) cascade_account_into(sim, action, run, origin_sub, origin);
    sim.account.closing_on = latest_pending_effective(sim, origin.effective);
}

void apply_cascades_and_effects(Simulation& sim, const Action& action, SubscriptionRun& origin_run,
                                std::vector<Origin>& origins) {
    if (origins.empty()) return;
    cascade_requires(sim, action, origins);
    for (const Origin& o : origins)
        if (cancels_account(sim.scenario, o.product)) {
            cascade_account(sim, action, origin_run.index, o.when);
            break;
        }
    // The e-mail gives the latest date of what was asked, after any cascade pulled it forward.
    std::optional<Date> latest;
    for (const Origin& o : origins) {
        const ProductLine* line = origin_run.line_for(o.product);
        const Date e = line && line->pending ? line->pending->effective : o.when.effective;
        latest = std::max(latest.value_or(e), e);
    }
    // An evergreen end_of_term cancellation names its rule on the e-mail too (SPEC-v2 §5.4), and so
    // do a French free termination (SPEC-v2 §7.3) and a cancellation while paused (SPEC-v2 §3.5).
    const Rule first = origins.front().when.rule;
    const bool own_rule = first == Rule::cancellation_evergreen || first == Rule::law_fr_free_termination ||
                          first == Rule::pause_cancelled_while_paused;
    confirm_by_email(sim, action.on, origin_run.index, *latest, own_rule ? first : Rule::cancellation_confirmation);
    for (SubscriptionRun& run : sim.subs) take_effect(sim, run, action.on);
    for (SubscriptionRun& run : sim.subs) withdraw_changes_of_cancelled(sim, run, action.on);
    for (SubscriptionRun& run : sim.subs) withdraw_pause_of_cancelled(sim, run, action.on);
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
    if (in_trial(run, action.on) && run.trial.settings->cancel == TrialCancel::contact_support)
        return refuse_with(Reason::contact_support, Rule::trial_contact_support);
    if (!run.lead->self_service) return refuse_with(Reason::contact_support, Rule::self_service_disabled);

    // SPEC-v2 §7.3: inside an FR free-termination window the contract ends on the request day.
    const std::optional<CancellationDate> free = free_termination_date(run, action.on);
    const CancellationDate when = free ? *free : when_for(run, *run.lead, run.lead_calendar, action.on);
    std::vector<Origin>& origins = sim.cascade_scratch.origins;  // the last cancel's storage
    origins.clear();
    for (ProductLine& line : run.lines)
        if (line.cancellable()) {
            schedule(sim, line, action.on, when, true, when.rule, std::nullopt, false);
            origins.push_back(Origin{line.product, when, line.product});
        }
    announce(sim, action, run.index, std::nullopt, when, when.rule, scheduled_rule(when));
    apply_cascades_and_effects(sim, action, run, origins);
}

std::optional<Refusal> product_refusal(const Simulation& sim, const Action& action, SubscriptionRun& run,
                                      const ProductLine& line) {
    if (line.state == State::pending_cancellation || line.state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::cancellation_already_cancelled};
    if (!line.state || line.state == State::expired) return Refusal{Reason::not_active, Rule::cancellation_not_active};
    if (in_trial(run, action.on) && run.trial.settings->cancel == TrialCancel::contact_support)
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
    std::vector<ProductLine*>& accepted = sim.cascade_scratch.accepted;  // the last cancel's storage
    accepted.clear();
    for (Index p : action.products) {
        ProductLine* line = run.line_for(p);
        if (auto why = product_refusal(sim, action, run, *line))
            refuse(sim, action, run.index, p, why->reason, why->rule);
        else
            accepted.push_back(line);
    }
    std::vector<Origin>& origins = sim.cascade_scratch.origins;
    origins.clear();
    for (ProductLine* line : accepted) {
        const CancellationDate when = when_for(run, *line->plan, line->calendar, action.on);
        schedule(sim, *line, action.on, when, false, when.rule, std::nullopt, false);
        announce(sim, action, run.index, line->product, when, when.rule, scheduled_rule(when));
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

// SPEC-v2 §7.5: a withdrawal ends the whole subscription on its day, superseding a pending
// cancellation; `requires` cascades follow, `cancels_account` does not.
void end_now_by_law(Simulation& sim, const Action& action, SubscriptionRun& run, const CancellationDate& when) {
    std::vector<Origin> origins;
    for (ProductLine& line : run.lines) {
        if (line.pending) {
            line.pending->effective = when.effective;
            line.pending->rule = when.rule;
            line.pending->whole_subscription = true;
            line.pending->cascaded_from.reset();
        } else if (line.cancellable()) {
            schedule(sim, line, action.on, when, true, when.rule, std::nullopt, false);
        } else {
            continue;
        }
        origins.push_back(Origin{line.product, when, line.product});
    }
    announce(sim, action, run.index, std::nullopt, when, when.rule, when.rule);
    if (!origins.empty()) cascade_requires(sim, action, origins);
    confirm_by_email(sim, action.on, run.index, when.effective, when.rule);
    for (SubscriptionRun& each : sim.subs) take_effect(sim, each, action.on);
    for (SubscriptionRun& each : sim.subs) withdraw_changes_of_cancelled(sim, each, action.on);
}

}  // namespace subsim
