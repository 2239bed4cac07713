// The authoring module (subsim-authoring.js/.wasm, wasm/authoring.cmake), loaded by the page only
// when an author opens the tools (web/src/authoring): the reader's entry points (bindings.cpp,
// included whole so that its error and view helpers are shared, not copied) plus the field guide
// and the exported outputs (core/render/output_text_api.hpp). An invalid scenario gives the
// errors object instead, as simulate does. The reader's module (subsim.wasm) links none of these.
#include "bindings.cpp"

#include "narrate/field_guide.hpp"
#include "render/output_text_api.hpp"

namespace {

std::string field_guide(const std::string& locale) { return subsim::field_guide_json(locale); }
// Each takes the reference date of relative dates last ("" none), as the reader's entry points do;
// utf8_strings.js passes the host's local date when the caller gives none.
std::string calendar_ics(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_in(subsim::calendar_ics_text, text, locale, today);
}
std::string timeline_svg(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_in(subsim::timeline_svg_text, text, locale, today);
}
emscripten::val timeline_png(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_view(answer_in(subsim::timeline_png_bytes, text, locale, today));
}
std::string sentence_table_html(const std::string& text, const std::string& locale, const std::string& link,
                                const std::string& today) {
    return answer_on([&](std::string_view t, std::optional<subsim::Date> d) { return subsim::sentence_table_html_text(t, locale, link, d); },
                     text, today);
}

}  // namespace

EMSCRIPTEN_BINDINGS(subsim_authoring) {
    emscripten::function("field_guide", &field_guide);
    emscripten::function("calendar_ics", &calendar_ics);
    emscripten::function("timeline_svg", &timeline_svg);
    emscripten::function("timeline_png", &timeline_png);
    emscripten::function("sentence_table_html", &sentence_table_html);
}
