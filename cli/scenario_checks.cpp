#include "scenario_checks.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <sstream>
#include <thread>

#include "engine/simulate.hpp"
#include "file_input.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/narrator.hpp"

namespace subsim::cli {

namespace {

ScenarioCheck checked(const std::string& file, const std::string& locale, std::optional<Date> today) {
    ScenarioCheck check;
    check.file = file;
    std::ostringstream problem;
    const auto text = read_input(file, problem);
    const ScenarioReading reading = text ? read_scenario(*text, today) : ScenarioReading{};
    if (!reading.scenario) {
        print_errors(problem, file, reading.errors);
        check.problem = problem.str();
        return check;
    }
    const Scenario& scenario = *reading.scenario;
    check.title = scenario.title;
    check.today = scenario.today;
    const Result result = simulate(scenario);
    if (result.limit_exceeded) {
        check.problem = file + ": " + *result.limit_exceeded + '\n';
        return check;
    }
    const Language lang = language_of(locale, scenario.locale);
    // The lines are under the answer's byte budget, as the module's narration (docs/limits.md).
    std::vector<std::string> lines = narrate_expectations(scenario, result.expectations, lang, limits::answer_bytes);
    std::size_t bytes = 0;
    for (const std::string& line : lines) bytes += line.size();
    if (lines.size() < result.expectations.size() || bytes > limits::answer_bytes) {
        check.problem = file + ": " + limits::answer_too_large(bytes, lines.size() == result.expectations.size()) + '\n';
        return check;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ExpectationOutcome& e = result.expectations[i];
        check.expectations.push_back({e.index, e.passed, std::move(lines[i])});
    }
    check.outcome = result.all_expectations_passed() ? ScenarioCheck::Outcome::pass : ScenarioCheck::Outcome::fail;
    return check;
}

}  // namespace

ScenarioCheck check_scenario(const std::string& file, const std::string& locale, std::optional<Date> today) {
    try {
        return checked(file, locale, today);
    } catch (const std::exception& e) {
        return {file, ScenarioCheck::Outcome::internal_failure, {}, {}, file + ": internal failure: " + e.what() + '\n', {}};
    } catch (...) {
        return {file, ScenarioCheck::Outcome::internal_failure, {}, {}, file + ": internal failure\n", {}};
    }
}

std::vector<ScenarioCheck> check_scenarios(const std::vector<std::string>& files, const std::string& locale,
                                           std::optional<Date> today, unsigned jobs) {
    std::vector<ScenarioCheck> checks(files.size());
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) checks[i] = check_scenario(files[i], locale, today);
    };
    {
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
        work();
    }  // every thread joined here, before `checks` is read
    return checks;
}

}  // namespace subsim::cli
