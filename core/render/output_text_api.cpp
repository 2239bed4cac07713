#include "render/output_text_api.hpp"

#include <optional>

#include "calendar_export/icalendar.hpp"
#include "engine/simulate.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"
#include "render/sentence_table_html.hpp"
#include "render/timeline_png.hpp"
#include "render/timeline_svg.hpp"

namespace subsim {

namespace {

// The same steps as json_api.cpp's read_and_simulate (kept private there): a valid scenario and
// its result, or the errors answer, the output-limit error placed on /until.
template <class Write>
JsonAnswer exported(std::string_view text, std::string_view locale, Write write) {
    ScenarioReading reading = read_scenario(text);
    if (!reading.scenario) return {2, write_errors_json(reading.errors)};
    const Result result = simulate(*reading.scenario);
    if (result.limit_exceeded) {
        Diagnostics limit{{"/until", *result.limit_exceeded, 1, 1}};
        JsonDocument::parse(text).locate(limit);
        return {2, write_errors_json(limit)};
    }
    return {0, write(*reading.scenario, result, language_of(locale, reading.scenario->locale))};
}

}  // namespace

JsonAnswer calendar_ics_text(std::string_view text, std::string_view locale) { return exported(text, locale, calendar_ics); }
JsonAnswer timeline_svg_text(std::string_view text, std::string_view locale) { return exported(text, locale, timeline_svg); }
JsonAnswer timeline_png_bytes(std::string_view text, std::string_view locale) { return exported(text, locale, timeline_png); }

JsonAnswer sentence_table_html_text(std::string_view text, std::string_view locale, std::string_view link) {
    return exported(text, locale, [link](const Scenario& s, const Result& r, Language lang) {
        return sentence_table_html(s, r, lang, link);
    });
}

}  // namespace subsim
