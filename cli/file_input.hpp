#pragma once
// Reading scenario files (or standard input for "-") and printing errors in the form
// editors and CI logs link to: FILE:LINE:COLUMN: POINTER: message.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "io/diagnostic.hpp"

namespace subsim::cli {

// The file's bytes, or none after printing why it could not be read.
std::optional<std::string> read_input(const std::string& path, std::ostream& err);

void print_errors(std::ostream& out, const std::string& path, const Diagnostics& errors);

// The scenario files named by the arguments: files as given, directories' *.json (sorted, not recursive
// into hidden folders, skipping *.schema.json).
std::vector<std::string> scenario_files(const std::vector<std::string>& args, std::ostream& err, bool& missing);

}  // namespace subsim::cli
