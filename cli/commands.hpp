#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace subsim::cli {

const char* version();
int run(std::vector<std::string> args, std::ostream& out, std::ostream& err);
int check(std::vector<std::string> args, std::ostream& out, std::ostream& err);
int explain(std::vector<std::string> args, std::ostream& out, std::ostream& err);
int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int validate(std::vector<std::string> args, std::ostream& out, std::ostream& err);
// Exported outputs (docs/outputs.md), each in its own file: ics_command.cpp, render_command.cpp.
int ics(std::vector<std::string> args, std::ostream& out, std::ostream& err);
int render(std::vector<std::string> args, std::ostream& out, std::ostream& err);

}  // namespace subsim::cli
