#pragma once
// Deterministic JSON text: fixed key order, one record per line, same bytes on every platform.
// An answer is written in one pass, into a buffer reserved at a guess of its size, and stops where
// it passes its budget; only then is it counted (same code, a counting sink) for its exact length.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/diagnostic.hpp"
#include "model/result.hpp"

namespace subsim {

std::string write_result_json(const Result& result);

// The answer when its length (`bytes`, exact) is at most max_bytes; otherwise no text, and `bytes`
// the length it would have: what was written (never more than max_bytes) is dropped, then counted.
struct BudgetedText {
    std::optional<std::string> text;
    std::size_t bytes = 0;
};
BudgetedText write_result_json(const Result& result, std::size_t max_bytes);
// `version`: the file's format version, which the errors object repeats (SPEC-v2 §9).
std::string write_errors_json(const Diagnostics& errors, int version = 1);

// Appends `s` as a JSON string literal, escaped as the result's strings are.
void append_json_string(std::string& out, std::string_view s);
// The length append_json_string would add.
std::size_t json_string_bytes(std::string_view s);

}  // namespace subsim
