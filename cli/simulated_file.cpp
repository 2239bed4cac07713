#include "simulated_file.hpp"

#include "engine/simulate.hpp"
#include "file_input.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"

namespace subsim::cli {

std::optional<SimulatedFile> read_and_simulate_file(const std::string& path, std::ostream& err, std::optional<Date> today) {
    const auto text = read_input(path, err);
    if (!text) return std::nullopt;
    ScenarioReading reading = read_scenario(*text, today);
    if (!reading.scenario) {
        print_errors(err, path, reading.errors);
        return std::nullopt;
    }
    SimulatedFile file{std::move(*reading.scenario), {}};
    file.result = simulate(file.scenario);
    if (file.result.limit_exceeded) {
        err << path << ": " << *file.result.limit_exceeded << '\n';
        return std::nullopt;
    }
    return file;
}

int answer_too_large(std::ostream& err, const std::string& path) {
    err << path << ": " << limits::answer_too_large(0, false) << '\n';
    return 2;
}

std::optional<std::string> single_file(const std::vector<std::string>& args, const char* command, std::ostream& err) {
    for (const std::string& a : args)
        if (a.size() > 1 && a[0] == '-') {
            err << "subsim " << command << ": unknown option \"" << a << "\"\n";
            return std::nullopt;
        }
    if (args.size() == 1) return args[0];
    if (args.empty()) err << "subsim " << command << ": missing FILE (use - for standard input)\n";
    else err << "subsim " << command << ": one FILE at a time (got \"" << args[1] << "\" too)\n";
    return std::nullopt;
}

}  // namespace subsim::cli
