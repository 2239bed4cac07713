// Embind bindings over the core's text API (core/io/json_api.hpp): the browser and Node get the
// very same bytes as `subsim run --json` / `subsim validate --json`, because both call the same
// functions. Nothing here interprets the scenario.
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "io/json_api.hpp"

#ifndef SUBSIM_VERSION
#define SUBSIM_VERSION "unknown"
#endif

namespace {

// The core never throws by contract; should it do so anyway, the page still gets an errors
// object it knows how to show instead of an opaque wasm exception pointer.
std::string internal_error(const char* what) {
    std::string msg = "internal error: ";
    for (const char* p = what; p && *p; ++p) {  // minimal JSON string escaping
        const char c = *p;
        if (c == '"' || c == '\\') { msg += '\\'; msg += c; }
        else if (static_cast<unsigned char>(c) < 0x20) msg += ' ';
        else msg += c;
    }
    return R"({"subsim":1,"errors":[{"pointer":"","message":")" + msg + R"(","line":1,"column":1}]})";
}

template <class Fn>
std::string answer(Fn fn, const std::string& text) {
    try {
        return fn(text).json;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown exception");
    }
}

std::string simulate(const std::string& text) { return answer(subsim::simulate_json, text); }
std::string validate(const std::string& text) { return answer(subsim::validate_json, text); }
std::string version() { return SUBSIM_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(subsim) {
    emscripten::function("simulate", &simulate);
    emscripten::function("validate", &validate);
    emscripten::function("version", &version);
}
