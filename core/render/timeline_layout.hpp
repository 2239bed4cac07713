#pragma once
// The geometry of the static timeline picture (docs/outputs.md, "Render"), computed once and
// drawn twice: as SVG text (timeline_svg.hpp) and as PNG pixels (timeline_png.hpp), so both show
// the same lanes, spans, markers, axis and legend.
//
// Vocabulary
//   lane    one row per (subscription, product) that has a state span, in subscription then
//           catalogue order, labelled like the narrator names it ("RescueAssist (subscription s1)");
//   bar     a state span, colored by state (the page's colors, web/timeline.css);
//   marker  an invoice (a dot) or a cancellation request (a triangle) on its subscription's lane;
//   tick    a date on the axis, at whole months (or years), at most ~8 of them, written YYYY-MM-DD.
// Coordinates are pixels from the top-left corner; x grows with dates, one column per day's share
// of the plot width.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim::render {

struct Rgb {
    std::uint8_t r, g, b;
};

enum class Marker { invoice, cancellation };

struct Lane { std::string label; int y; };
struct Bar { int x, y, w, h; State state; };
struct Dot { int x, y; Marker kind; };
struct Tick { int x; std::string label; };
struct LegendItem { int x, y; std::string label; std::optional<State> state; std::optional<Marker> marker; };

struct TimelineLayout {
    int width = 0, height = 0;
    std::string title;         // "Timeline: …" in the reader's language
    int plot_left = 0, plot_right = 0, plot_top = 0, plot_bottom = 0;
    std::vector<Lane> lanes;
    std::vector<Bar> bars;
    std::vector<Dot> markers;
    std::vector<Tick> ticks;
    std::vector<LegendItem> legend;
};

inline constexpr int lane_height = 26;
inline constexpr int bar_height = 16;
inline constexpr int picture_width = 1000;

// The color of each state's bar and each marker, and ink on white.
Rgb state_color(State s);
Rgb marker_color(Marker m);
inline constexpr Rgb ink{0x25, 0x30, 0x3c};
inline constexpr Rgb grid{0xd9, 0xde, 0xe5};
inline constexpr Rgb paper{0xff, 0xff, 0xff};
std::string hex(Rgb c);  // "#2f7d4f"

TimelineLayout timeline_layout(const Scenario& scenario, const Result& result, Language lang);

}  // namespace subsim::render
