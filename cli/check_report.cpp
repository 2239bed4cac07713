#include "check_report.hpp"

#include <cstddef>
#include <filesystem>
#include <sstream>

#include "render/markup_text.hpp"

namespace subsim::cli {

namespace {

using Outcome = ScenarioCheck::Outcome;

bool is_invalid(const ScenarioCheck& c) { return c.outcome == Outcome::invalid || c.outcome == Outcome::internal_failure; }

std::size_t failed_expectations(const ScenarioCheck& c) {
    std::size_t n = 0;
    for (const ExpectationLine& e : c.expectations) n += e.passed ? 0 : 1;
    return n;
}

// TAP descriptions end at a '#' (a directive) and at the line's end.
std::string tap_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '#') out += "\\#";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

// A YAML block scalar: every line indented under `message: |`.
void print_tap_message(std::ostream& out, const std::string& message) {
    out << "  ---\n  message: |\n";
    std::istringstream lines(message);
    for (std::string line; std::getline(lines, line);) out << "    " << line << '\n';
    out << "  ...\n";
}

std::string suite_name(const std::string& file) { return std::filesystem::path(file).stem().string(); }

void write_testcase(std::ostream& x, const ScenarioCheck& c, const ExpectationLine& e) {
    x << "    <testcase classname=\"" << xml_escaped(suite_name(c.file)) << "\" name=\"expect["
      << e.index << "]: " << xml_escaped(e.line) << '"';
    if (e.passed) {
        x << "/>\n";
        return;
    }
    x << ">\n      <failure type=\"expectation\" message=\"" << xml_escaped(e.line) << "\">"
      << xml_escaped(e.line) << "</failure>\n    </testcase>\n";
}

void write_suite(std::ostream& x, const ScenarioCheck& c) {
    const bool invalid = is_invalid(c);
    x << "  <testsuite name=\"" << xml_escaped(suite_name(c.file)) << "\" file=\"" << xml_escaped(c.file)
      << "\" tests=\"" << (invalid ? 1 : c.expectations.size()) << "\" failures=\"" << failed_expectations(c)
      << "\" errors=\"" << (invalid ? 1 : 0) << "\" skipped=\"0\">\n";
    if (c.today)
        x << "    <properties>\n      <property name=\"today\" value=\"" << c.today->iso() << "\"/>\n    </properties>\n";
    if (invalid)
        x << "    <testcase classname=\"" << xml_escaped(suite_name(c.file)) << "\" name=\"read and simulate\">\n"
          << "      <error type=\"" << (c.outcome == Outcome::invalid ? "invalid" : "internal") << "\" message=\""
          << xml_escaped(c.problem) << "\">" << xml_escaped(c.problem) << "</error>\n    </testcase>\n";
    for (const ExpectationLine& e : c.expectations) write_testcase(x, c, e);
    x << "  </testsuite>\n";
}

}  // namespace

std::string xml_escaped(const std::string& text) { return markup_text(text); }

void print_text_report(std::ostream& out, std::ostream& err, const std::vector<ScenarioCheck>& checks, bool unread) {
    int passed = 0, failed = 0;
    for (const ScenarioCheck& c : checks) {
        if (is_invalid(c)) {
            out << "INVALID " << c.file << '\n';
            err << c.problem;
            ++failed;
            continue;
        }
        out << (c.outcome == Outcome::pass ? "PASS " : "FAIL ") << c.file << " (" << c.expectations.size()
            << " expectations)" << (c.title.empty() ? "" : " " + c.title)
            << (c.today ? " [today " + c.today->iso() + "]" : std::string()) << '\n';
        for (const ExpectationLine& e : c.expectations)
            if (!e.passed) out << "  - expect[" << e.index << "]: " << e.line << '\n';
        (c.outcome == Outcome::pass ? passed : failed) += 1;
    }
    out << passed << " passed, " << failed << " failed" << (unread ? ", and some input could not be read" : "") << '\n';
}

void print_tap_report(std::ostream& out, const std::vector<ScenarioCheck>& checks) {
    std::size_t points = 0;
    for (const ScenarioCheck& c : checks) points += is_invalid(c) || c.expectations.empty() ? 1 : c.expectations.size();
    out << "TAP version 13\n1.." << points << '\n';
    std::size_t n = 0;
    for (const ScenarioCheck& c : checks) {
        if (is_invalid(c)) {
            out << "not ok " << ++n << " - " << tap_text(c.file) << ": cannot be checked\n";
            print_tap_message(out, c.problem);
        } else if (c.expectations.empty()) {
            out << "ok " << ++n << " - " << tap_text(c.file) << ": no expectations\n";
        }
        if (c.today && !is_invalid(c)) out << "# " << tap_text(c.file) << ": today " << c.today->iso() << '\n';
        for (const ExpectationLine& e : c.expectations) {
            out << (e.passed ? "ok " : "not ok ") << ++n << " - " << tap_text(c.file) << " expect[" << e.index
                << "]" << (e.passed ? ": " + tap_text(e.line) : std::string()) << '\n';
            if (!e.passed) print_tap_message(out, e.line);
        }
    }
}

std::string junit_report(const std::vector<ScenarioCheck>& checks) {
    std::size_t tests = 0, failures = 0, errors = 0;
    for (const ScenarioCheck& c : checks) {
        tests += is_invalid(c) ? 1 : c.expectations.size();
        failures += failed_expectations(c);
        errors += is_invalid(c) ? 1 : 0;
    }
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"subsim check\" tests=\"" << tests
      << "\" failures=\"" << failures << "\" errors=\"" << errors << "\">\n";
    for (const ScenarioCheck& c : checks) write_suite(x, c);
    x << "</testsuites>\n";
    return x.str();
}

}  // namespace subsim::cli
