#pragma once
// The three ways `subsim check` reports (docs/outputs.md):
//   text   PASS/FAIL/INVALID per file, the failed expectations' lines, "N passed, M failed"
//          (", and some input could not be read" when an argument could not be);
//   TAP    version 13, one test point per expectation (one per invalid file), the failure line in
//          a YAML block: `subsim check --tap scenarios/ | prove -e cat -`;
//   JUnit  one <testsuite> per file, one <testcase> per expectation, the narrator's line (what was
//          expected and what was found) as the <failure> message; invalid files are an <error>.
#include <ostream>
#include <string>
#include <vector>

#include "scenario_checks.hpp"

namespace subsim::cli {

// `unread`: an argument could not be read (the summary line says so).
void print_text_report(std::ostream& out, std::ostream& err, const std::vector<ScenarioCheck>& checks, bool unread);
void print_tap_report(std::ostream& out, const std::vector<ScenarioCheck>& checks);
std::string junit_report(const std::vector<ScenarioCheck>& checks);

// Text for XML character data and attribute values (core/render/markup_text.hpp).
std::string xml_escaped(const std::string& text);

}  // namespace subsim::cli
