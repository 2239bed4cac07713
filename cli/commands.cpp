#include "commands.hpp"

#include "engine/simulate.hpp"
#include "file_input.hpp"
#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/narrator.hpp"
#include "narrate/rules_doc.hpp"
#include "options.hpp"
#include "timeline_printer.hpp"

namespace subsim::cli {

const char* version() { return "0.1.0"; }

namespace {

// A file that could not be read gives 2; one over the size limit also its errors object, the
// one the reader gives (status 2), for a command that answers in JSON.
int json_size_error(std::ostream& out, const Diagnostics& too_large) {
    if (!too_large.empty()) out << write_errors_json(too_large);
    return 2;
}

}  // namespace

int run(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::optional<Date> today;
    if (!take_today(args, "run", err, today)) return 2;
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
    Diagnostics too_large;
    const auto text = read_input(path, err, json ? &too_large : nullptr);
    if (!text) return json_size_error(out, too_large);
    if (json) {
        const JsonAnswer answer = simulate_json(*text, today);
        out << answer.json;
        return answer.status;
    }
    const ScenarioReading reading = read_scenario(*text, today);
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

int explain(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::optional<Date> today;
    if (!take_today(args, "explain", err, today)) return 2;
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
    Diagnostics too_large;
    const auto text = read_input(path, err, &too_large);
    if (!text) return json_size_error(out, too_large);
    const JsonAnswer answer = explain_json(*text, locale, today);
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

int validate(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    std::optional<Date> today;
    if (!take_today(args, "validate", err, today)) return 2;
    bool missing = false;
    int status = 0;
    const std::vector<std::string> files = scenario_files(args, err, missing);
    if (files.empty() && !missing) {
        err << "subsim validate: no scenario file to validate\n";
        return 2;
    }
    for (const std::string& file : files) {
        const auto text = read_input(file, err);
        if (!text) {
            status = 2;
            continue;
        }
        const ScenarioReading reading = read_scenario(*text, today);
        if (reading.scenario) out << file << ": valid\n";
        else {
            print_errors(err, file, reading.errors);
            status = 2;
        }
    }
    return missing ? 2 : status;
}

}  // namespace subsim::cli
