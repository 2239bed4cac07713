#pragma once
// The readable timeline of `subsim run`: one line per event with its explaining sentence,
// then the invoices and the expectations.
#include <ostream>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim::cli {

void print_timeline(std::ostream& out, const Scenario& scenario, const Result& result, Language lang);

}  // namespace subsim::cli
