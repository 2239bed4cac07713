#pragma once
// Text in, text out: the one entry point shared by the CLI and the WebAssembly module, so both
// give byte-identical answers for the same scenario.
#include <string>
#include <string_view>

namespace subsim {

struct JsonAnswer {
    // 0 success, 1 an expectation failed, 2 invalid input (the JSON holds "errors").
    int status = 0;
    std::string json;  // the result of SPEC §4, or { "subsim": 1, "errors": [...] } (SPEC §5)
};

// Parse, validate and simulate a scenario file's text.
JsonAnswer simulate_json(std::string_view scenario_text);

// Parse and validate only; the JSON is always the errors object (an empty list when valid).
JsonAnswer validate_json(std::string_view scenario_text);

}  // namespace subsim
