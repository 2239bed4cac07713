// Dunning settings, the two actions, the past_due overlay and the totals (SPEC-v2 §4.1, §4.4, §0.3,
// §0.4). The payments phase is payment_attempts.cpp.
#include "engine/dunning.hpp"

#include <algorithm>

#include "engine/simulation.hpp"

namespace subsim {

Dunning dunning_settings(const Simulation& sim, const SubscriptionRun& run) {
    if (run.lead->dunning) return *run.lead->dunning;
    return sim.scenario.account.dunning.value_or(Dunning{});
}

bool checks_payment_method(const Simulation& sim, const SubscriptionRun& run) {
    return run.lead->dunning.has_value() || sim.scenario.account.dunning.has_value();
}

bool in_dunning(const SubscriptionRun& run) { return run.dunning.past_due_since.has_value(); }

Invoice* find_invoice(Result& result, std::size_t subscription, Date date) {
    auto& invoices = result.invoices;
    auto it = std::lower_bound(invoices.begin(), invoices.end(), date,
                               [](const Invoice& inv, Date d) { return inv.date < d; });
    for (; it != invoices.end() && it->date == date; ++it)
        if (it->subscription == subscription) return &*it;
    return nullptr;
}

// An invoice of the action's own date already exists (the boundaries ran): the arm is placed on it
// now, so that a payment-method update later that day clears it (§4.1, §4.3).
void payment_fails(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    Arm arm{action.on, action.failures, std::nullopt, sim.current_action};
    const Invoice* today = find_invoice(sim.result, run.index, action.on);
    const bool taken = std::any_of(run.dunning.arms.begin(), run.dunning.arms.end(),
                                   [&](const Arm& a) { return a.invoice == action.on; });
    if (today && today->amount.minor() > 0 && !taken) arm.invoice = action.on;
    run.dunning.arms.push_back(arm);
}

void payment_method_updated(Simulation& sim) {
    for (SubscriptionRun& run : sim.subs) {
        for (Arm& arm : run.dunning.arms)
            if (arm.invoice) arm.failures_left = 0;
        for (Collection& c : run.dunning.open) {
            c.updated_by = sim.current_action;
            if (c.exhausted) c.reattempt = true;
        }
    }
}

std::optional<Date> next_retry_after(const Simulation& sim, const SubscriptionRun& run, Date today) {
    if (run.dunning.open.empty()) return std::nullopt;
    const std::vector<Duration> retries = dunning_settings(sim, run).retries;
    std::optional<Date> best;
    for (const Collection& c : run.dunning.open) {
        const std::size_t i = static_cast<std::size_t>(c.attempts) - 1;
        if (c.exhausted || i >= retries.size()) continue;
        const Date d = retries[i].after(c.invoice);
        if (today < d && (!best || d < *best)) best = d;
    }
    return best;
}

namespace {

// past_due shows over every state but an end, and under paused (SPEC-v2 §0.4).
bool overlaid(State s) { return s != State::cancelled && s != State::expired && s != State::paused; }

// The state shown on `d`: the underlying one, or past_due inside a span.
State shown_on(State underlying, const std::vector<std::pair<Date, Date>>& spans, Date d) {
    if (!overlaid(underlying)) return underlying;
    for (const auto& [from, to] : spans)
        if (from <= d && d < to) return State::past_due;
    return underlying;
}

std::vector<std::pair<Date, Date>> all_spans(const DunningState& dunning, Date end) {
    std::vector<std::pair<Date, Date>> spans = dunning.past_due;
    if (dunning.past_due_since) spans.emplace_back(*dunning.past_due_since, end);
    return spans;
}

}  // namespace

std::vector<std::pair<Date, State>> shown_history(const ProductLine& line, const DunningState& dunning, Date end) {
    const std::vector<std::pair<Date, Date>> spans = all_spans(dunning, end);
    if (spans.empty() || line.history.empty()) return line.history;
    std::vector<Date> cuts;
    for (const auto& [d, s] : line.history) cuts.push_back(d);
    for (const auto& [from, to] : spans)
        for (Date d : {from, to})
            if (line.history.front().first <= d && d < end) cuts.push_back(d);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<std::pair<Date, State>> out;
    std::size_t h = 0;
    for (Date d : cuts) {
        while (h + 1 < line.history.size() && !(d < line.history[h + 1].first)) ++h;
        const State s = shown_on(line.history[h].second, spans, d);
        if (out.empty() || out.back().second != s) out.emplace_back(d, s);
    }
    return out;
}

std::optional<State> shown_state(const SubscriptionRun& run) {
    StatesSeen seen{};  // the states recorded last: a pause shows as paused (SPEC-v2 §0.4)
    for (const ProductLine& line : run.lines)
        if (!line.history.empty()) seen[static_cast<std::size_t>(line.history.back().second)] = true;
    const std::optional<State> state = liveliest_state(seen);
    if (state && overlaid(*state) && in_dunning(run)) return State::past_due;
    return state;
}

Money unpaid_total(const Result& result) {
    Money total;
    for (const Invoice& inv : result.invoices)
        if (inv.status != InvoiceStatus::paid) total += inv.amount;
    return total;
}

}  // namespace subsim
