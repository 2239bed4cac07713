#pragma once
// A scenario file read, validated and simulated, for the commands that export the answer
// (ics, render); errors printed as `run` prints them (FILE:LINE:COLUMN: POINTER: message).
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim::cli {

struct SimulatedFile {
    Scenario scenario;
    Result result;
};

// `today`: the reference date of relative dates (SPEC-v2 §8.2).
std::optional<SimulatedFile> read_and_simulate_file(const std::string& path, std::ostream& err, std::optional<Date> today);

// An export that would pass the answer's byte budget (limits::answer_bytes): said as `run` says
// it ("FILE: the answer would be more than the limit of …"); returns the exit status, 2.
int answer_too_large(std::ostream& err, const std::string& path);

// The one FILE argument of `command` left in `args` once its options are taken, or none after
// saying what is wrong.
std::optional<std::string> single_file(const std::vector<std::string>& args, const char* command, std::ostream& err);

}  // namespace subsim::cli
