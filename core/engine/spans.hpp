#pragma once
// State spans (SPEC §4): half-open [from, to) runs of one state per product, up to until + 1.
#include <optional>

#include "engine/simulation.hpp"

namespace subsim {

void build_spans(Simulation& sim);

// Answers "what state on this date?" from a result's spans in logarithmic time per product,
// so that many state expectations over a long history stay fast.
class StateIndex {
public:
    explicit StateIndex(const Result& result);
    std::optional<State> state_on(std::size_t subscription, std::optional<std::size_t> product, Date day) const;

private:
    struct Run {  // the spans of one product of one subscription: result.spans[begin, end)
        std::size_t product, begin, end;
    };
    const Result& result_;
    std::vector<std::vector<Run>> runs_by_subscription_;
};

// One-off query (builds an index each time).
std::optional<State> state_on(const Result& result, std::size_t subscription, std::optional<std::size_t> product,
                              Date day);

}  // namespace subsim
