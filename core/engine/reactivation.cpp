// `reactivate`: withdraw a pending cancellation before it takes effect (RESCUEASSIST, ZENDESK).
//
// Refusals, in SPEC §3 order: not_permitted, account_closed, transferred (standing_refusal), then
// already_cancelled, cycle_ended, not_pending, account_closing, requires_cancelled, contact_support.
// A whole-subscription reactivation is refused with the first reason, in that order, that any of
// its pending products has.
//
// Cost (docs/limits.md): one action costs the lines of the account plus the requires lists of the
// lines it judges (at most once each), never lines x requires: what keeps an add-on cancelled is
// counted per product once per action, and the lines each base pulled into its cancellation are
// indexed once.
#include <algorithm>
#include <array>
#include <utility>

#include "engine/reactivation.hpp"

#include "engine/permissions.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

using Lines = std::vector<const ProductLine*>;  // sorted: searched by bisection

// One reactivate action: the lines it reinstates together, and two indexes over the account's
// lines, each built at its first use and kept true as lines are withdrawn. All three live in
// the storage of the last action (ReactivationScratch), emptied here.
struct Reactivation {
    Reactivation(Simulation& s, const Action& a)
        : sim(s),
          action(a),
          reinstated(s.reactivation_scratch.reinstated),
          holding_back(s.reactivation_scratch.holding_back),
          cascaded(s.reactivation_scratch.cascaded) {
        reinstated.clear();
        holding_back.clear();
    }

    Simulation& sim;
    const Action& action;
    Lines& reinstated;
    // Per product: the subscriptions (not transferred) whose line of it is pending cancellation or
    // cancelled and is not reinstated here. An add-on never outlives its base: it stays cancelled
    // while one of the products it requires has a count above zero. Empty until a count is asked
    // for; then not_counted for each product not counted yet. The first few bases asked for are
    // counted alone (a whole-subscription reactivation usually asks one), the rest all at once.
    std::vector<std::size_t>& holding_back;
    static constexpr std::size_t not_counted = static_cast<std::size_t>(-1);
    static constexpr int counted_alone = 4;
    int counts_alone = 0;
    // Per product: the lines whose pending cancellation it pulled in through `requires`, in
    // subscription and line order; valid once cascaded_indexed.
    std::vector<std::vector<std::pair<SubscriptionRun*, ProductLine*>>>& cascaded;
    bool cascaded_indexed = false;

    bool is_reinstated(const ProductLine* line) const {
        return std::binary_search(reinstated.begin(), reinstated.end(), line);
    }
    bool holds_back(const SubscriptionRun& run, const ProductLine& line) const {
        return !run.transfer.done && (line.state == State::pending_cancellation || line.state == State::cancelled) &&
               !is_reinstated(&line);
    }
    bool counted(Index product) const { return !holding_back.empty() && holding_back[product] != not_counted; }
    // Counts are kept true from their first count on (withdraw), so counting a product later
    // gives what counting it with all the others at the first request would have left.
    void count_holding_back(Index product) {
        if (holding_back.empty()) holding_back.assign(sim.scenario.catalog.products.size(), not_counted);
        if (counts_alone++ < counted_alone) {
            std::size_t count = 0;
            for (const SubscriptionRun& run : sim.subs)
                for (const ProductLine& line : run.lines) count += line.product == product && holds_back(run, line) ? 1 : 0;
            holding_back[product] = count;
            return;
        }
        // Many bases: one pass over the account's lines for all those not counted yet (docs/limits.md).
        std::vector<std::size_t> fresh(holding_back.size(), 0);
        for (const SubscriptionRun& run : sim.subs)
            for (const ProductLine& line : run.lines) fresh[line.product] += holds_back(run, line) ? 1 : 0;
        for (std::size_t p = 0; p < holding_back.size(); ++p)
            if (holding_back[p] == not_counted) holding_back[p] = fresh[p];
    }
    bool base_stays_cancelled(Index product) {
        const std::vector<Index>& bases = sim.scenario.catalog.products[product].requires_products;
        return std::any_of(bases.begin(), bases.end(), [&](Index base) {
            if (!counted(base)) count_holding_back(base);
            return holding_back[base] > 0;
        });
    }
    void index_cascaded() {
        cascaded.resize(sim.scenario.catalog.products.size());
        for (auto& lines : cascaded) lines.clear();  // the last action's, their storage kept
        cascaded_indexed = true;
        for (SubscriptionRun& run : sim.subs)
            for (ProductLine& line : run.lines)
                if (line.pending && line.pending->cascaded_from) cascaded[*line.pending->cascaded_from].emplace_back(&run, &line);
    }
};

// `ask_requires` false: requires_cancelled is not looked for (a reason already found ranks before it).
std::optional<Refusal> line_refusal(Reactivation& re, const ProductLine& line, const Plan& policy_plan, bool ask_requires = true) {
    if (!line.pending) {
        if (line.state == State::cancelled) return Refusal{Reason::already_cancelled, Rule::reactivation_too_late};
        return Refusal{Reason::not_pending, Rule::reactivation_nothing_pending};
    }
    const PendingCancellation& p = *line.pending;
    if (p.cycle_end && !(re.action.on < *p.cycle_end)) return Refusal{Reason::cycle_ended, Rule::reactivation_cycle_ended};
    if (p.account_closure) return Refusal{Reason::account_closing, Rule::reactivation_account_closing};
    if (ask_requires && re.base_stays_cancelled(line.product))
        return Refusal{Reason::requires_cancelled, Rule::reactivation_requires_cancelled};
    if (!policy_plan.reactivation) return Refusal{Reason::contact_support, Rule::reactivation_disabled};
    return std::nullopt;
}

// The position of a reason in the reactivation refusal order.
std::size_t rank(Reason reason) {
    static constexpr std::array order{Reason::already_cancelled, Reason::cycle_ended,      Reason::not_pending,
                                      Reason::account_closing,   Reason::requires_cancelled, Reason::contact_support};
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), reason) - order.begin());
}

Date withdraw(Reactivation& re, SubscriptionRun& run, ProductLine& line) {
    const bool held_back = re.counted(line.product) && re.holds_back(run, line);
    const Date effective = line.pending->effective;
    const State back = line.pending->state_before;
    line.pending.reset();
    run.cancellation.deferred_whole_effective.reset();
    re.sim.change_state(line, re.action.on, back);
    if (held_back && !re.holds_back(run, line)) --re.holding_back[line.product];
    return effective;
}

// Reactivating a base also reinstates what was cascaded from it through `requires`.
void withdraw_cascaded_from(Reactivation& re, Index base) {
    if (!re.cascaded_indexed) re.index_cascaded();
    for (auto [other, dependent] : re.cascaded[base])
        if (dependent->pending && dependent->pending->cascaded_from == base) {
            const Date e = withdraw(re, *other, *dependent);
            re.sim.emit(re.action.on, EventType::reactivated, other->index, dependent->product,
                        Rule::reactivation_requires_cascade, Pair{"withdrawn_effective", e},
                        Pair{"by", actor(re.sim.scenario, re.action)});
        }
}

void reactivate_subscription(Simulation& sim, const Action& action, SubscriptionRun& run) {
    const auto refuse_with = [&](Refusal why) { refuse(sim, action, run.index, std::nullopt, why.reason, why.rule); };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(*why);
    Reactivation re{sim, action};
    re.reinstated.reserve(run.lines.size());  // one allocation, not one per doubling
    for (const ProductLine& line : run.lines)
        if (line.pending) re.reinstated.push_back(&line);
    if (re.reinstated.empty()) {
        if (derived_state(run) == State::cancelled) return refuse_with({Reason::already_cancelled, Rule::reactivation_too_late});
        return refuse_with({Reason::not_pending, Rule::reactivation_nothing_pending});
    }
    // In line order, which is also address order (one vector holds the lines): already sorted.
    const Lines& pending = re.reinstated;
    // The first reason in the refusal order over the pending products; once one ranks at or
    // before requires_cancelled, no other line's requires list needs to be read.
    std::optional<Refusal> first;
    for (const ProductLine* line : pending) {
        const bool ask_requires = !first || rank(first->reason) > rank(Reason::requires_cancelled);
        if (auto why = line_refusal(re, *line, *run.lead, ask_requires); why && (!first || rank(why->reason) < rank(first->reason)))
            first = why;
    }
    if (first) return refuse_with(*first);
    Date latest = pending.front()->pending->effective;
    for (const ProductLine* line : pending)  // the run's own lines: withdrawn in place
        latest = std::max(latest, withdraw(re, run, run.lines[static_cast<std::size_t>(line - run.lines.data())]));
    sim.emit(action.on, EventType::reactivated, run.index, std::nullopt, Rule::reactivation_withdrawn,
             Pair{"withdrawn_effective", latest}, Pair{"by", actor(sim.scenario, action)});
    for (const ProductLine* line : pending) withdraw_cascaded_from(re, line->product);
}

// Withdrawing one product from a whole-subscription cancellation leaves the others cancelled
// product by product, so their events name them.
void split_whole_cancellation(SubscriptionRun& run) {
    for (ProductLine& line : run.lines)
        if (line.pending) line.pending->whole_subscription = false;
}

// The subscription's line of each listed product (one line per product) into `out`: a few are
// searched for directly, more through an index of the run's lines built in one pass.
void list_lines(SubscriptionRun& run, const std::vector<Index>& products, std::size_t catalog_size,
                std::vector<ProductLine*>& out) {
    out.clear();
    if (products.size() <= 4) {
        for (Index p : products) out.push_back(run.line_for(p));
        return;
    }
    std::vector<ProductLine*> by_product(catalog_size, nullptr);
    for (ProductLine& line : run.lines) by_product[line.product] = &line;
    for (Index p : products) out.push_back(by_product[p]);
}

void reactivate_products(Simulation& sim, const Action& action, SubscriptionRun& run) {
    if (auto why = standing_refusal(sim, action, run)) {
        for (Index p : action.products) refuse(sim, action, run.index, p, why->reason, why->rule);
        return;
    }
    // Products listed together are reinstated together: a base listed beside its add-on counts
    // as reinstated when the add-on is judged.
    std::vector<ProductLine*>& lines = sim.reactivation_scratch.listed;
    list_lines(run, action.products, sim.scenario.catalog.products.size(), lines);
    Reactivation re{sim, action};
    re.reinstated.reserve(lines.size());
    for (const ProductLine* line : lines)
        if (line->pending) re.reinstated.push_back(line);
    std::sort(re.reinstated.begin(), re.reinstated.end());
    bool split = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Index p = action.products[i];
        ProductLine& line = *lines[i];
        if (auto why = line_refusal(re, line, *line.plan)) {
            refuse(sim, action, run.index, p, why->reason, why->rule);
            continue;
        }
        if (!split) split_whole_cancellation(run);  // nothing becomes pending meanwhile: once is enough
        split = true;
        const Date effective = withdraw(re, run, line);
        sim.emit(action.on, EventType::reactivated, run.index, p, Rule::reactivation_withdrawn,
                 Pair{"withdrawn_effective", effective}, Pair{"by", actor(sim.scenario, action)});
        withdraw_cascaded_from(re, p);
    }
}

}  // namespace

void reactivate(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (action.products.empty())
        reactivate_subscription(sim, action, run);
    else
        reactivate_products(sim, action, run);
}

}  // namespace subsim
