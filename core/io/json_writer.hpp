#pragma once
// Deterministic JSON text: fixed key order, one record per line, same bytes on every platform.
#include <string>

#include "io/diagnostic.hpp"
#include "model/result.hpp"

namespace subsim {

std::string write_result_json(const Result& result);
std::string write_errors_json(const Diagnostics& errors);

}  // namespace subsim
