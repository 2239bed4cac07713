#pragma once
// Reading scenario files (or standard input for "-") and printing errors in the form
// editors and CI logs link to: FILE:LINE:COLUMN: POINTER: message.
//
// Nothing that could not be read ever passes (issue 17): an unreadable file or directory, a read
// that fails half-way (EIO), or a path given on the command line that loops back on itself are
// errors the commands turn into exit status 2. A symbolic-link loop met *inside* a directory is
// reported on the error stream and skipped; it is not a scenario file, so it does not fail the run.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "io/diagnostic.hpp"

namespace subsim::cli {

// The file's bytes, or none after printing why it could not be read. A file over the size limit
// (limits::file_bytes) is read no further than one byte past it and is none too, with the
// reader's own error naming its real size (stat, or counted without keeping the bytes): put in
// `too_large` when given (for a JSON answer), else printed as FILE:1:1: /: message.
std::optional<std::string> read_input(const std::string& path, std::ostream& err, Diagnostics* too_large = nullptr);

void print_errors(std::ostream& out, const std::string& path, const Diagnostics& errors);

// The scenario files named by the arguments: files as given, directories' *.json (sorted, not recursive
// into hidden folders, skipping *.schema.json). `missing` becomes true when an argument does not
// exist or cannot be read (a directory that cannot be listed, a link loop given as an argument).
std::vector<std::string> scenario_files(const std::vector<std::string>& args, std::ostream& err, bool& missing);

}  // namespace subsim::cli
