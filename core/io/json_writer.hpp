#pragma once
// Deterministic JSON text: fixed key order, one record per line, same bytes on every platform.
#include <string>
#include <string_view>

#include "io/diagnostic.hpp"
#include "model/result.hpp"

namespace subsim {

std::string write_result_json(const Result& result);
// `version`: the file's format version, which the errors object repeats (SPEC-v2 §9).
std::string write_errors_json(const Diagnostics& errors, int version = 1);

// Appends `s` as a JSON string literal, escaped as the result's strings are.
void append_json_string(std::string& out, std::string_view s);

}  // namespace subsim
