#pragma once
// The timeline picture of timeline_svg.hpp as PNG bytes: the same layout (timeline_layout.hpp)
// rasterized with rectangles, small marker shapes and the 5x7 bitmap font (bitmap_font.hpp), then
// encoded by png_encoder.hpp. No library, no font file: the CLI stays self-contained.
#include <string>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

std::string timeline_png(const Scenario& scenario, const Result& result, Language lang);

}  // namespace subsim
