#pragma once
// The physical floors printed beside subsim (bench/README.md): what the same work costs when
// nothing but the unavoidable is done.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/scenario.hpp"

namespace bench {

// Copies `bytes` bytes from `from` to `to` (the least any printer of that answer must do).
void copy_output(const std::string& from, std::string& to);

// Every billing boundary of every product line of `scenario` between its start and `until`, in a
// hand-rolled loop over days-from-civil arithmetic (month periods clamp the day like the engine):
// the least any engine must compute. Returns a checksum (the boundaries' prices) so the loop runs.
std::int64_t walk_boundaries(const subsim::Scenario& scenario);

// How many boundaries walk_boundaries visits.
std::size_t count_boundaries(const subsim::Scenario& scenario);

}  // namespace bench
