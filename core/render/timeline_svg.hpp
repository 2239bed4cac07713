#pragma once
// The timeline as a self-contained SVG document (docs/outputs.md): no script, no style sheet,
// no external reference; text as <text> in a generic font family, so a reader can select it and
// a screen reader reads the <title>. Every bar carries a <title> naming its state and dates.
#include <string>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

std::string timeline_svg(const Scenario& scenario, const Result& result, Language lang);

}  // namespace subsim
