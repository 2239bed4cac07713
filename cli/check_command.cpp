// subsim check FILE|DIR... [--locale L] [--today YYYY-MM-DD] [--tap] [--junit REPORT.xml] [--jobs N]
#include <fstream>

#include "check_report.hpp"
#include "commands.hpp"
#include "file_input.hpp"
#include "options.hpp"
#include "scenario_checks.hpp"

namespace subsim::cli {

namespace {

// 2 when a file could not be read or is invalid, else 1 when an expectation failed, else 0;
// 3 when the engine failed inside.
int check_status(const std::vector<ScenarioCheck>& checks, bool missing) {
    int status = missing ? 2 : 0;
    for (const ScenarioCheck& c : checks) {
        if (c.outcome == ScenarioCheck::Outcome::internal_failure) return 3;
        if (c.outcome == ScenarioCheck::Outcome::invalid) status = 2;
        if (c.outcome == ScenarioCheck::Outcome::fail && status == 0) status = 1;
    }
    return status;
}

bool write_file(const std::string& path, const std::string& text, std::ostream& err) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
    file.flush();
    if (file) return true;
    err << path << ": cannot be written\n";
    return false;
}

}  // namespace

int check(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::optional<Date> today;
    if (!take_today(args, "check", err, today)) return 2;
    bool missing_value = false;
    const auto junit = take_value(args, "--junit", missing_value);
    const auto jobs = take_value(args, "--jobs", missing_value);
    const bool tap = take_flag(args, "--tap");
    if (missing_value || (jobs && jobs->find_first_not_of("0123456789") != std::string::npos) || (jobs && jobs->empty())) {
        err << "subsim check: --junit takes a file name, --jobs a number\n";
        return 2;
    }
    bool missing = false;
    const std::vector<std::string> files = scenario_files(args, err, missing);
    if (files.empty() && !missing) err << "subsim check: no scenario file to check\n";
    const auto checks = check_scenarios(files, locale, today, jobs ? static_cast<unsigned>(std::stoul(jobs->substr(0, 4))) : 0);
    if (tap) print_tap_report(out, checks);
    else print_text_report(out, err, checks, missing);
    if (tap)
        for (const ScenarioCheck& c : checks) err << c.problem;
    if (junit && !write_file(*junit, junit_report(checks), err)) return 2;
    return files.empty() ? 2 : check_status(checks, missing);
}

}  // namespace subsim::cli
