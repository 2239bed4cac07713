#include "engine/spans.hpp"

#include <algorithm>

namespace subsim {
namespace {

void spans_of(const ProductLine& line, Index sub, Date end, std::vector<Span>& out) {
    const auto& h = line.history;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const Date to = i + 1 < h.size() ? h[i + 1].first : end;
        if (!out.empty() && out.back().subscription == sub && out.back().product == line.product &&
            out.back().state == h[i].second && out.back().to == h[i].first) {
            out.back().to = to;  // the same state again: one span
            continue;
        }
        if (h[i].first < to) out.push_back(Span{sub, line.product, h[i].second, h[i].first, to});
    }
}

}  // namespace

void build_spans(Simulation& sim) {
    const Date end = sim.scenario.until.plus_days(1);
    for (const SubscriptionRun& run : sim.subs) {
        for (const ProductLine& line : run.lines) spans_of(line, run.index, end, sim.result.spans);
        sim.result.final_states.push_back(shown_state(run));  // an overlay (paused) shows (SPEC-v2 §0.4)
    }
}

StateIndex::StateIndex(const Result& result) : result_(result), runs_by_subscription_(result.subscription_ids.size()) {
    const auto& spans = result.spans;
    for (std::size_t i = 0; i < spans.size();) {
        std::size_t j = i;
        while (j < spans.size() && spans[j].subscription == spans[i].subscription && spans[j].product == spans[i].product) ++j;
        runs_by_subscription_[spans[i].subscription].push_back(Run{spans[i].product, i, j});
        i = j;
    }
}

std::optional<State> StateIndex::state_on(std::size_t subscription, std::optional<std::size_t> product, Date day) const {
    StatesSeen seen{};
    if (subscription >= runs_by_subscription_.size()) return std::nullopt;
    for (const Run& run : runs_by_subscription_[subscription]) {
        if (product && run.product != *product) continue;
        const auto first = result_.spans.begin() + static_cast<std::ptrdiff_t>(run.begin);
        const auto last = result_.spans.begin() + static_cast<std::ptrdiff_t>(run.end);
        const auto it = std::upper_bound(first, last, day, [](Date d, const Span& s) { return d < s.to; });
        if (it != last && it->from <= day) seen[static_cast<std::size_t>(it->state)] = true;
    }
    return liveliest_state(seen);
}

std::optional<State> state_on(const Result& result, std::size_t subscription, std::optional<std::size_t> product,
                              Date day) {
    return StateIndex{result}.state_on(subscription, product, day);
}

}  // namespace subsim
