#pragma once
// The readable timeline of `subsim run`: one line per event with its explaining sentence,
// then the invoices and the expectations.
#include <optional>
#include <ostream>
#include <string>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim::cli {

// Prints the timeline, or nothing and returns why when it would take more than the answer
// budget (limits::answer_bytes), counted before a byte is printed.
std::optional<std::string> print_timeline(std::ostream& out, const Scenario& scenario, const Result& result, Language lang);

}  // namespace subsim::cli
