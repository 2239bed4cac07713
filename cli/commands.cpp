#include "commands.hpp"

#include "engine/simulate.hpp"
#include "file_input.hpp"
#include "io/json_api.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/narrator.hpp"
#include "narrate/rules_doc.hpp"
#include "timeline_printer.hpp"

namespace subsim::cli {

const char* version() { return "0.1.0"; }

namespace {

// Takes `--locale L` / `--locale=L` out of `args` (the last one wins); "" when absent, which
// means the scenario's own locale.
std::string take_locale(std::vector<std::string>& args) {
    std::string locale;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--locale" && i + 1 < args.size()) locale = args[++i];
        else if (args[i].rfind("--locale=", 0) == 0) locale = args[i].substr(9);
        else rest.push_back(args[i]);
    }
    args = std::move(rest);
    return locale;
}

}  // namespace

int run(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::string path;
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") json = true;
        else if (path.empty()) path = args[i];
        else {
            err << "subsim run: one FILE at a time (got \"" << args[i] << "\" too)\n";
            return 2;
        }
    }
    if (path.empty()) {
        err << "subsim run: missing FILE (use - for standard input)\n";
        return 2;
    }
    const auto text = read_input(path, err);
    if (!text) return 2;
    if (json) {
        const JsonAnswer answer = simulate_json(*text);
        out << answer.json;
        return answer.status;
    }
    const ScenarioReading reading = read_scenario(*text);
    if (!reading.scenario) {
        print_errors(err, path, reading.errors);
        return 2;
    }
    const Result result = simulate(*reading.scenario);
    if (result.limit_exceeded) {
        err << path << ": " << *result.limit_exceeded << '\n';
        return 2;
    }
    if (const auto too_large = print_timeline(out, *reading.scenario, result, language_of(locale, reading.scenario->locale))) {
        err << path << ": " << *too_large << '\n';
        return 2;
    }
    return result.all_expectations_passed() ? 0 : 1;
}

int check(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    bool missing = false;
    const std::vector<std::string> files = scenario_files(args, err, missing);
    int passed = 0, failed = 0, status = missing ? 2 : 0;
    for (const std::string& file : files) {
        const auto text = read_input(file, err);
        const ScenarioReading reading = text ? read_scenario(*text) : ScenarioReading{};
        if (!reading.scenario) {
            out << "INVALID " << file << '\n';
            print_errors(err, file, reading.errors);
            ++failed;
            status = 2;
            continue;
        }
        const Result result = simulate(*reading.scenario);
        if (result.limit_exceeded) {
            out << "INVALID " << file << ": " << *result.limit_exceeded << '\n';
            ++failed;
            status = 2;
            continue;
        }
        const bool ok = result.all_expectations_passed();
        out << (ok ? "PASS " : "FAIL ") << file << " (" << result.expectations.size() << " expectations)"
            << (reading.scenario->title.empty() ? "" : " " + reading.scenario->title) << '\n';
        for (const ExpectationOutcome& e : result.expectations)
            if (!e.passed)
                out << "  - expect[" << e.index << "]: "
                    << narrate_expectation(*reading.scenario, e, language_of(locale, reading.scenario->locale))
                    << '\n';
        if (ok) ++passed;
        else {
            ++failed;
            if (status == 0) status = 1;
        }
    }
    out << passed << " passed, " << failed << " failed\n";
    return status;
}

int explain(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::string path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (path.empty()) path = args[i];
        else {
            err << "subsim explain: one FILE at a time (got \"" << args[i] << "\" too)\n";
            return 2;
        }
    }
    if (path.empty()) {
        err << "subsim explain: missing FILE (use - for standard input)\n";
        return 2;
    }
    const auto text = read_input(path, err);
    if (!text) return 2;
    const JsonAnswer answer = explain_json(*text, locale);
    out << answer.json;
    return answer.status == 2 ? 2 : 0;
}

int rules(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        err << "subsim rules: takes no arguments\n";
        return 2;
    }
    out << rules_markdown();
    return 0;
}

int validate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool missing = false;
    int status = missing ? 2 : 0;
    for (const std::string& file : scenario_files(args, err, missing)) {
        const auto text = read_input(file, err);
        if (!text) {
            status = 2;
            continue;
        }
        const ScenarioReading reading = read_scenario(*text);
        if (reading.scenario) out << file << ": valid\n";
        else {
            print_errors(err, file, reading.errors);
            status = 2;
        }
    }
    return missing ? 2 : status;
}

}  // namespace subsim::cli
