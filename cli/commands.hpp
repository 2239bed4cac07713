#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace subsim::cli {

const char* version();
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int explain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace subsim::cli
