#pragma once
// One sentence per event that says what happens and why (the rule), for the CLI's timeline.
// The web page has its own phrasebook in JavaScript so that it can format with Intl.
#include <string>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

std::string narrate_event(const Scenario& scenario, const Result& result, const Event& event, Language lang);

}  // namespace subsim
