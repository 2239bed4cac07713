#pragma once
// `reactivate` (SPEC §3 "Reactivation"): withdraw a pending cancellation before it takes effect
// (RESCUEASSIST, ZENDESK). Its state is the cancellation's: ProductLine::pending.
#include <cstddef>
#include <utility>
#include <vector>

#include "model/scenario.hpp"

namespace subsim {

struct ProductLine;
struct Simulation;
struct SubscriptionRun;

// Storage a `reactivate` reuses from the last (Simulation::reactivation_scratch): a run of them
// allocates its lists once, not a few times per action (reactivation.cpp says what each holds).
struct ReactivationScratch {
    std::vector<const ProductLine*> reinstated;
    std::vector<ProductLine*> listed;
    std::vector<std::size_t> holding_back;
    std::vector<std::vector<std::pair<SubscriptionRun*, ProductLine*>>> cascaded;
};

void reactivate(Simulation& sim, const Action& action);

}  // namespace subsim
