#include "render/timeline_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <utility>

#include "narrate/narrator.hpp"
#include "narrate/output_phrases.hpp"

namespace subsim::render {

namespace {

constexpr int label_width = 260, margin = 16, title_height = 34, axis_height = 24, legend_row = 22;

struct Scale {
    Date from;
    long days;
    int left, right;
    int x(Date d) const {
        const long k = std::clamp(from.days_until(d), 0L, days);
        return left + static_cast<int>((right - left) * k / std::max(days, 1L));
    }
};

using LaneKey = std::pair<std::size_t, std::size_t>;  // subscription, product

std::map<LaneKey, std::size_t> lane_rows(const Result& result) {
    std::map<LaneKey, std::size_t> rows;
    for (const Span& s : result.spans) rows.emplace(LaneKey{s.subscription, s.product}, 0);
    std::size_t i = 0;
    for (auto& [key, row] : rows) row = i++;
    return rows;
}

// Month ticks every `step` months so that at most 8 fit, starting at the first 1st of a month.
std::vector<Tick> ticks(const Scale& scale, Date until) {
    const long months = (until.year() - scale.from.year()) * 12L + static_cast<long>(until.month()) - scale.from.month();
    const long step = std::max(1L, (months + 7) / 8);
    std::vector<Tick> out;
    Date first = Date::from_valid_ymd(scale.from.year(), scale.from.month(), 1);
    if (first < scale.from) first = first.plus_months(1);
    for (long k = 0; first.plus_months(k * step) <= until; ++k)
        out.push_back({scale.x(first.plus_months(k * step)), first.plus_months(k * step).iso()});
    return out;
}

void place_legend(TimelineLayout& t, Language lang) {
    int x = margin, y = t.plot_bottom + axis_height + legend_row;
    auto add = [&](std::string label, std::optional<State> s, std::optional<Marker> m) {
        const int w = 30 + 7 * static_cast<int>(label.size());
        if (x + w > t.width - margin) x = margin, y += legend_row;
        t.legend.push_back({x, y, std::move(label), s, m});
        x += w;
    };
    for (std::size_t i = 0; i < state_count; ++i) add(narrate_state(static_cast<State>(i), lang), static_cast<State>(i), std::nullopt);
    add(output_label(OutputLabel::invoice, lang), std::nullopt, Marker::invoice);
    add(output_label(OutputLabel::cancellation, lang), std::nullopt, Marker::cancellation);
    t.height = y + legend_row;
}

void place_markers(TimelineLayout& t, const Result& result, const Scale& scale, const std::map<LaneKey, std::size_t>& rows) {
    for (const Event& e : result.events) {
        const bool invoice = e.type == EventType::invoice, cancel = e.type == EventType::cancellation_requested;
        if ((!invoice && !cancel) || !e.subscription) continue;
        auto row = rows.lower_bound({*e.subscription, e.product.value_or(0)});
        if (row == rows.end() || row->first.first != *e.subscription) continue;
        const int y = t.lanes[row->second].y + (invoice ? 4 : lane_height - 5);
        t.markers.push_back({scale.x(e.date), y, invoice ? Marker::invoice : Marker::cancellation});
    }
}

}  // namespace

Rgb state_color(State s) {
    switch (s) {
    case State::trialing: return {0xcf, 0xe3, 0xf7};
    case State::pending_activation: return {0xec, 0xe4, 0xfb};
    case State::active: return {0x2f, 0x7d, 0x4f};
    case State::pending_cancellation: return {0xff, 0xe2, 0xa3};
    case State::cancelled: return {0xc6, 0xcc, 0xd5};
    case State::expired: return {0xef, 0xd2, 0xce};
    case State::past_due: return {0xf4, 0xb1, 0x83};  // the page's --st-past-due (web/timeline.css)
    case State::paused: return {0xdd, 0xe6, 0xee};    // the page's --st-paused
    }
    return ink;
}

Rgb marker_color(Marker m) { return m == Marker::invoice ? Rgb{0x1f, 0x5f, 0xbf} : Rgb{0xb4, 0x53, 0x4a}; }

std::string hex(Rgb c) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (unsigned v : {unsigned{c.r}, unsigned{c.g}, unsigned{c.b}}) {
        out += digits[(v >> 4) & 15u];
        out += digits[v & 15u];
    }
    return out;
}

TimelineLayout timeline_layout(const Scenario& scenario, const Result& result, Language lang) {
    TimelineLayout t;
    t.width = picture_width;
    t.title = output_label(OutputLabel::timeline_of, lang);
    t.title.replace(t.title.find("{title}"), 7, scenario.title);
    t.plot_left = label_width;
    t.plot_right = t.width - margin;
    t.plot_top = title_height;
    const auto rows = lane_rows(result);
    t.plot_bottom = t.plot_top + static_cast<int>(rows.size()) * lane_height;
    const Scale scale{scenario.start, scenario.start.days_until(scenario.until) + 1, t.plot_left, t.plot_right};
    for (const auto& [key, row] : rows) {
        const auto next = rows.upper_bound({key.first, SIZE_MAX});
        const bool alone = rows.lower_bound({key.first, 0}) == rows.find(key) && std::next(rows.find(key)) == next;
        t.lanes.push_back({narrate_lane(scenario, result, key.first, alone ? std::nullopt : std::optional(key.second), lang),
                           t.plot_top + static_cast<int>(row) * lane_height});
    }
    for (const Span& s : result.spans) {
        const int y = t.lanes[rows.at({s.subscription, s.product})].y + (lane_height - bar_height) / 2;
        const int x = scale.x(s.from);
        t.bars.push_back({x, y, std::max(1, scale.x(s.to) - x), bar_height, s.state});
    }
    place_markers(t, result, scale, rows);
    t.ticks = ticks(scale, scenario.until);
    place_legend(t, lang);
    return t;
}

}  // namespace subsim::render
