#include "render/output_text_api.hpp"

#include <optional>

#include "calendar_export/icalendar.hpp"
#include "engine/simulate.hpp"
#include "io/json_api.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"
#include "render/sentence_table_html.hpp"
#include "render/timeline_png.hpp"
#include "render/timeline_svg.hpp"

namespace subsim {

namespace {

// The bytes `write` gives, or the output limit's error (at /until, as simulate_json's) when it
// gives none: the answer would pass limits::answer_bytes.
std::string written(std::string text) { return text; }
std::optional<std::string> written(std::optional<std::string> text) { return text; }

template <class Write>
JsonAnswer exported(std::string_view text, std::string_view locale, std::optional<Date> today, Write write) {
    const Simulated s = read_and_simulate(text, today);
    if (!s.scenario) return s.errors;
    std::optional<std::string> bytes = written(write(*s.scenario, s.result, language_of(locale, s.scenario->locale)));
    if (!bytes) return output_limit_error(text, limits::answer_too_large(0, false), s.scenario->version);
    return {0, std::move(*bytes)};
}

}  // namespace

JsonAnswer calendar_ics_text(std::string_view text, std::string_view locale, std::optional<Date> today) {
    return exported(text, locale, today, [](const Scenario& s, const Result& r, Language lang) {
        return calendar_ics(s, r, lang);
    });
}
JsonAnswer timeline_svg_text(std::string_view text, std::string_view locale, std::optional<Date> today) {
    return exported(text, locale, today, timeline_svg);
}
JsonAnswer timeline_png_bytes(std::string_view text, std::string_view locale, std::optional<Date> today) {
    return exported(text, locale, today, timeline_png);
}

JsonAnswer sentence_table_html_text(std::string_view text, std::string_view locale, std::string_view link,
                                    std::optional<Date> today) {
    return exported(text, locale, today, [link](const Scenario& s, const Result& r, Language lang) {
        return sentence_table_html(s, r, lang, link);
    });
}

}  // namespace subsim
