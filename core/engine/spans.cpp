#include "engine/spans.hpp"

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
        sim.result.final_states.push_back(derived_state(run));
    }
}

std::optional<State> state_on(const Result& result, std::size_t subscription, std::optional<std::size_t> product,
                              Date day) {
    StatesSeen seen{};
    for (const Span& s : result.spans)
        if (s.subscription == subscription && (!product || s.product == *product) && s.from <= day && day < s.to)
            seen[static_cast<std::size_t>(s.state)] = true;
    return liveliest_state(seen);
}

}  // namespace subsim
