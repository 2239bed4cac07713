#pragma once
// The exported outputs from a scenario's text, for the WebAssembly module (one Embind line each
// in wasm/bindings.cpp, like json_api.hpp's functions): the answer's bytes, or, for an invalid
// scenario, status 2 and the same errors object as simulate_json (SPEC §5). `locale` as in
// explain_json ("" = the scenario's own). The CLI commands `ics` and `render` print the same
// bytes (they call the same (scenario, result) functions).
#include <string_view>

#include "io/json_api.hpp"

namespace subsim {

// `today`: the reference date of relative dates, as in json_api.hpp (SPEC-v2 §8.2).
JsonAnswer calendar_ics_text(std::string_view scenario_text, std::string_view locale, std::optional<Date> today = std::nullopt);
JsonAnswer timeline_svg_text(std::string_view scenario_text, std::string_view locale, std::optional<Date> today = std::nullopt);
JsonAnswer timeline_png_bytes(std::string_view scenario_text, std::string_view locale,
                              std::optional<Date> today = std::nullopt);  // binary in `json`
JsonAnswer sentence_table_html_text(std::string_view scenario_text, std::string_view locale, std::string_view link,
                                    std::optional<Date> today = std::nullopt);

}  // namespace subsim
