#include "render/timeline_svg.hpp"

#include <string_view>

#include "narrate/narrator.hpp"
#include "render/markup_text.hpp"
#include "render/timeline_layout.hpp"

namespace subsim {

namespace {

using namespace render;

std::string num(int v) { return std::to_string(v); }

void text(std::string& out, int x, int y, std::string_view content, std::string_view extra = {}) {
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + std::string(extra) + ">" + markup_text(content) + "</text>\n";
}

void marker(std::string& out, Marker kind, int x, int y) {
    const std::string fill = "\" fill=\"" + hex(marker_color(kind)) + "\"/>\n";
    if (kind == Marker::invoice) out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"3" + fill;
    else out += "<path d=\"M" + num(x) + " " + num(y - 5) + "l4 7h-8z" + fill;
}

void axis(std::string& out, const TimelineLayout& t) {
    for (const Tick& tick : t.ticks) {
        out += "<line x1=\"" + num(tick.x) + "\" y1=\"" + num(t.plot_top) + "\" x2=\"" + num(tick.x) + "\" y2=\"" +
               num(t.plot_bottom + 4) + "\" stroke=\"" + hex(grid) + "\"/>\n";
        text(out, tick.x, t.plot_bottom + 18, tick.label, " text-anchor=\"middle\"");
    }
}

void bars(std::string& out, const TimelineLayout& t, Language lang) {
    for (const Bar& b : t.bars)
        out += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
               "\" fill=\"" + hex(state_color(b.state)) + "\"><title>" + markup_text(narrate_state(b.state, lang)) +
               "</title></rect>\n";
}

void legend(std::string& out, const TimelineLayout& t) {
    for (const LegendItem& item : t.legend) {
        if (item.state)
            out += "<rect x=\"" + num(item.x) + "\" y=\"" + num(item.y - 10) + "\" width=\"20\" height=\"12\" fill=\"" +
                   hex(state_color(*item.state)) + "\" stroke=\"" + hex(grid) + "\"/>\n";
        if (item.marker) marker(out, *item.marker, item.x + 10, item.y - 3);
        text(out, item.x + 26, item.y, item.label);
    }
}

}  // namespace

std::string timeline_svg(const Scenario& scenario, const Result& result, Language lang) {
    const TimelineLayout t = timeline_layout(scenario, result, lang);
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(t.width) + "\" height=\"" +
                      num(t.height) + "\" viewBox=\"0 0 " + num(t.width) + " " + num(t.height) +
                      "\" role=\"img\" aria-labelledby=\"subsim-title\">\n";
    out += "<title id=\"subsim-title\">" + markup_text(t.title) + "</title>\n";
    out += "<rect width=\"" + num(t.width) + "\" height=\"" + num(t.height) + "\" fill=\"" + hex(paper) + "\"/>\n";
    out += "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"" + hex(ink) + "\">\n";
    text(out, 16, 22, t.title, " font-size=\"15\" font-weight=\"bold\"");
    for (const Lane& lane : t.lanes) text(out, 16, lane.y + lane_height / 2 + 4, lane.label);
    axis(out, t);
    bars(out, t, lang);
    for (const Dot& m : t.markers) marker(out, m.kind, m.x, m.y);
    legend(out, t);
    out += "</g>\n</svg>\n";
    return out;
}

}  // namespace subsim
