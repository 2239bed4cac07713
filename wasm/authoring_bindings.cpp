// The authoring module (subsim-authoring.js/.wasm, wasm/authoring.cmake), loaded by the page only
// when an author opens the tools (web/src/authoring): the reader's entry points (entry_points.hpp)
// plus the field guide and the exported outputs (core/render/output_text_api.hpp). An invalid
// scenario gives the errors object instead, as simulate does. The reader's module (subsim.wasm)
// links none of these.
#include "entry_points.hpp"

#include "narrate/field_guide.hpp"
#include "render/output_text_api.hpp"

namespace {

// Each takes the reference date of relative dates ("" none), as the reader's entry points do;
// utf8_strings.js passes the host's local date when the caller gives none.
constexpr Entry authoring_entries[] = {
    {"field_guide", [](const Call& c) { return subsim::field_guide_json(c.locale); }},
    {"calendar_ics", [](const Call& c) { return answer_in(subsim::calendar_ics_text, c.text, c.locale, c.today); }},
    {"timeline_svg", [](const Call& c) { return answer_in(subsim::timeline_svg_text, c.text, c.locale, c.today); }},
    {"timeline_png", [](const Call& c) { return answer_in(subsim::timeline_png_bytes, c.text, c.locale, c.today); }},
    {"sentence_table_html",
     [](const Call& c) {
         return answer_on([&](std::string_view t, std::optional<subsim::Date> d) { return subsim::sentence_table_html_text(t, c.locale, c.extra, d); },
                          c.text, c.today);
     }},
};

std::span<const Entry> more_entries() { return authoring_entries; }

}  // namespace
