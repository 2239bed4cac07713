#pragma once
// State spans (SPEC §4): half-open [from, to) runs of one state per product, up to until + 1.
#include <optional>

#include "engine/simulation.hpp"

namespace subsim {

void build_spans(Simulation& sim);

// The state of a subscription (or one of its products) on a date, read back from the spans.
std::optional<State> state_on(const Result& result, std::size_t subscription, std::optional<std::size_t> product,
                              Date day);

}  // namespace subsim
