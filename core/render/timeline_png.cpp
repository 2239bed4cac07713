#include "render/timeline_png.hpp"

#include <algorithm>

#include "render/bitmap_font.hpp"
#include "render/png_encoder.hpp"
#include "render/timeline_layout.hpp"

namespace subsim {

namespace {

using namespace render;

// A palette image being painted; colors are added to the palette as they are first used.
class Canvas {
public:
    Canvas(int width, int height) {
        image_.width = width;
        image_.height = height;
        image_.pixels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), index(paper));
    }

    void fill(int x, int y, int w, int h, Rgb color) {
        const std::uint8_t c = index(color);
        for (int row = std::max(y, 0); row < std::min(y + h, image_.height); ++row)
            for (int col = std::max(x, 0); col < std::min(x + w, image_.width); ++col)
                image_.pixels[static_cast<std::size_t>(row) * static_cast<std::size_t>(image_.width) + static_cast<std::size_t>(col)] = c;
    }

    // Text whose baseline is at y (glyphs stand on it), `scale` pixels per font pixel.
    void text(int x, int y, std::string_view utf8, Rgb color, int scale = 1) {
        for (char ch : ascii_fold(utf8)) {
            const auto& columns = glyph(ch);
            for (int col = 0; col < glyph_width; ++col)
                for (int row = 0; row < glyph_height; ++row)
                    if (columns[static_cast<std::size_t>(col)] >> row & 1)
                        fill(x + col * scale, y - (glyph_height - row) * scale, scale, scale, color);
            x += glyph_advance * scale;
            if (x >= image_.width) return;
        }
    }

    const PaletteImage& image() const { return image_; }

private:
    std::uint8_t index(Rgb c) {
        for (std::size_t i = 0; i < image_.rgb.size(); i += 3)
            if (image_.rgb[i] == c.r && image_.rgb[i + 1] == c.g && image_.rgb[i + 2] == c.b) return static_cast<std::uint8_t>(i / 3);
        image_.rgb.push_back(c.r);  // a dozen colors at most
        image_.rgb.push_back(c.g);
        image_.rgb.push_back(c.b);
        return static_cast<std::uint8_t>(image_.rgb.size() / 3 - 1);
    }
    PaletteImage image_;
};

void marker(Canvas& c, Marker kind, int x, int y) {
    const Rgb color = marker_color(kind);
    if (kind == Marker::invoice) {
        c.fill(x - 2, y - 2, 5, 5, color);
        return;
    }
    for (int row = 0; row < 7; ++row) c.fill(x - row / 2, y - 5 + row, row / 2 * 2 + 1, 1, color);  // a triangle
}

void draw(Canvas& c, const TimelineLayout& t) {
    // The title large when it fits the width, else at the labels' size.
    const bool large = 16 + glyph_advance * 2 * static_cast<int>(ascii_fold(t.title).size()) <= t.width;
    c.text(16, large ? 24 : 20, t.title, ink, large ? 2 : 1);
    for (const Lane& lane : t.lanes) c.text(16, lane.y + lane_height / 2 + 4, lane.label, ink);
    for (const Tick& tick : t.ticks) {
        c.fill(tick.x, t.plot_top, 1, t.plot_bottom + 4 - t.plot_top, grid);
        c.text(tick.x - glyph_advance * static_cast<int>(tick.label.size()) / 2, t.plot_bottom + 18, tick.label, ink);
    }
    for (const Bar& b : t.bars) c.fill(b.x, b.y, b.w, b.h, state_color(b.state));
    for (const Dot& m : t.markers) marker(c, m.kind, m.x, m.y);
    for (const LegendItem& item : t.legend) {
        if (item.state) {
            c.fill(item.x, item.y - 10, 20, 12, grid);
            c.fill(item.x + 1, item.y - 9, 18, 10, state_color(*item.state));
        }
        if (item.marker) marker(c, *item.marker, item.x + 10, item.y - 3);
        c.text(item.x + 26, item.y, item.label, ink);
    }
}

}  // namespace

std::string timeline_png(const Scenario& scenario, const Result& result, Language lang) {
    const TimelineLayout t = timeline_layout(scenario, result, lang);
    Canvas canvas(t.width, t.height);
    draw(canvas, t);
    return encode_png(canvas.image());
}

}  // namespace subsim
