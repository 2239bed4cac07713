// libFuzzer target: any byte string through parse + validate + simulate + print (SPEC §5: no input,
// however malformed, may crash the engine, hang it, or make it use unbounded memory).
// Besides crashes (ASan/UBSan, uncaught exceptions), it aborts on answers that break the
// contract: a status outside 0..2, validation and simulation disagreeing, an answer that is not
// JSON, events out of date order, dates outside the calendar, empty spans or invoice lines; and
// on valid inputs the narrator (the page's answer, one language per input, both over a run) gives
// one non-empty sentence per event and one answer per action. One execution parses and simulates
// once (answer_json); the other entry points are compared with it on a share of the inputs.
// Built by fuzz/build.sh; run by .ci/fuzz. SUBSIM_FUZZ_NO_OUTPUT_CHECKS=1 in the environment skips
// the answer checks (to hunt for crashes while a known wrong-answer bug is still open).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"

namespace {

[[noreturn]] void fail(const char* why, const std::string& detail = {}) {
    std::fprintf(stderr, "scenario_fuzzer: invariant broken: %s %s\n", why, detail.substr(0, 500).c_str());
    std::abort();
}

// "YYYY-MM-DD" -> a sortable number; nullopt when the text is not such a date (or the year is
// out of 1..99999: the engine's arithmetic wrapped around).
std::optional<long> date_key(const nlohmann::json& v) {
    if (!v.is_string()) return std::nullopt;
    const std::string& s = v.get_ref<const std::string&>();
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (s.empty() || s[0] == '-' || std::sscanf(s.c_str(), "%d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    return static_cast<long>(y) * 10000 + m * 100 + d;
}

// `in_details`: inside an event's details, where "from" names a plan (plan changes, format 2)
// rather than a day as in spans and invoice lines.
void check_dates_in(const nlohmann::json& v, bool in_details = false) {
    if (v.is_object()) {
        for (const auto& [key, value] : v.items()) {
            const bool datey = key == "date" || (key == "from" && !in_details) || key == "effective" ||
                               key == "access_until" || key == "notice_deadline" || key == "anchor" ||
                               key == "term_from" || key == "term_to";
            if (datey && value.is_string() && !date_key(value)) fail("not a calendar date:", key + "=" + value.dump());
            check_dates_in(value, in_details || key == "details");
        }
    } else if (v.is_array()) {
        for (const auto& e : v) check_dates_in(e, in_details);
    }
}

void check_result_json(const nlohmann::json& r) {
    if (r.contains("errors")) return;
    check_dates_in(r);
    long previous = 0;
    for (const auto& e : r.at("events")) {
        const long key = date_key(e.at("date")).value_or(0);
        if (key < previous) fail("events out of date order at", e.dump());
        previous = key;
    }
    for (const auto& s : r.at("spans"))
        if (!(date_key(s.at("from")) < date_key(s.at("to")))) fail("empty or reversed span", s.dump());
    for (const auto& inv : r.at("invoices"))
        for (const auto& line : inv.at("lines"))
            if (!(date_key(line.at("from")) < date_key(line.at("to")))) fail("empty or reversed invoice line", line.dump());
}

// The errors answer (write_errors_json) is one JSON object: checked by a SAX pass, without
// building it (it has no dates to check).
void check_errors_answer(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || text[first] != '{' || !nlohmann::json::accept(text))
        fail("the errors answer is not a JSON object", text);
}

// The reference date of relative dates ("today-P1M", SPEC-v2 §8): fixed, so that a crash replays.
std::optional<subsim::Date> fuzz_today() { return subsim::Date::parse("2026-03-31"); }

// The narration of the page's answer (answer_json: one parse, one simulation, the result and the
// narration in one language chosen by the input's length, so both are covered over a run): one
// non-empty sentence per event, one answer per action; explain's sentences are the same on one
// input in eight.
void check_narration(std::string_view text, const nlohmann::json& narration, const nlohmann::json& result,
                     const char* locale) {
    if (!narration.is_object() || !narration.contains("events")) fail("narration is not an object with events");
    const nlohmann::json& events = narration.at("events");
    if (result.is_object() && events.size() != result.at("events").size()) fail("not one sentence per event");
    for (const auto& s : events)
        if (!s.is_string() || s.get_ref<const std::string&>().empty()) fail("an event has no sentence", s.dump());
    if (text.size() % 8 != 3) return;
    const subsim::JsonAnswer explained = subsim::explain_json(text, locale, fuzz_today());
    if (explained.status == 2) fail("explain rejects a scenario that simulates");
    if (nlohmann::json::parse(explained.json, nullptr, false) != events) fail("narration's events differ from explain");
}

// The fuzz-only budget (docs/limits.md, "Fuzzing"): a valid scenario is simulated only when its
// work (work_of: about the records it writes) stays under this, so that the fuzzer explores
// breadth instead of simulating a century of daily billing again and again. Measured under ASan
// (.ci/fuzz's build): an execution costs 0.11 ms at the median, 0.33 ms at the 90th percentile
// (99 % of the fuzzer's inputs are invalid); a valid scenario 3 ms at the median, about 50 µs a
// unit of work, so at most about 0.1 s under the budget. Every bundled scenario is under it (the
// largest, 1,848), so their mutants are simulated. What is over it is still parsed and validated;
// the full limits are exercised by bench/ and the regression inputs. SUBSIM_FUZZ_BUDGET in the
// environment changes it (0: no budget).
std::size_t fuzz_budget() {
    static const std::size_t budget = [] {
        const char* env = std::getenv("SUBSIM_FUZZ_BUDGET");
        return env ? static_cast<std::size_t>(std::strtoull(env, nullptr, 10)) : std::size_t{2000};
    }();
    return budget;
}

// Days between two billing boundaries of a plan at the shortest: its period, or its evergreen
// period past the term when that is shorter (a calendar month counted as 28 days).
long shortest_period_days(const subsim::Plan& plan) {
    long days = 1L << 30;
    for (const subsim::Duration* d : {&plan.period, &plan.evergreen_period}) {
        const long n = d->is_calendar() ? 28 * d->base_units() : d->base_units();
        if (n > 0) days = std::min(days, n);
    }
    return days == 1L << 30 ? 1 : days;
}

// About the records a run writes: every product line's billing boundaries over the horizon, each
// with its reminders, plus the actions and expectations.
std::size_t work_of(const subsim::Scenario& sc) {
    const long horizon = sc.start.days_until(sc.until) + 1;
    std::size_t work = sc.actions.size() + sc.expectations.size();
    for (const subsim::Subscription& sub : sc.subscriptions)
        for (const subsim::Index index : sub.plans) {
            const subsim::Plan& plan = sc.catalog.plans[index];
            work += static_cast<std::size_t>(horizon / shortest_period_days(plan) + 1) * (1 + plan.reminders.size());
        }
    return work;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const bool output_checks = std::getenv("SUBSIM_FUZZ_NO_OUTPUT_CHECKS") == nullptr;

    // validate_json is read_scenario + write_errors_json (io/json_api.cpp): the same answer from
    // one parse the budget needs anyway. The thin wrappers are compared with it and with
    // answer_json on a share of the inputs (by length, so that a failure replays), so that an
    // execution parses and simulates once: validate_json and, on invalid inputs, simulate_json on
    // one in 32 (99 % of the fuzzer's inputs are invalid: reading them is most of its time);
    // simulate_json, narration_json and explain_json on one valid input in eight each.
    const subsim::ScenarioReading reading = subsim::read_scenario(text, fuzz_today());
    const subsim::JsonAnswer checked{reading.scenario ? 0 : 2, subsim::write_errors_json(reading.errors, reading.version)};
    if (size % 32 == 0 && subsim::validate_json(text, fuzz_today()).json != checked.json) fail("validate_json differs from read_scenario");
    if (output_checks) check_errors_answer(checked.json);
    if (!reading.scenario) {
        if (size % 32 == 1 && subsim::simulate_json(text, fuzz_today()).json != checked.json) fail("simulate_json accepts what validate_json rejects");
        return 0;
    }
    if (fuzz_budget() > 0 && work_of(*reading.scenario) > fuzz_budget()) return 0;

    const char* locale = text.size() % 2 ? "fr" : "en";
    const subsim::JsonAnswer answer = subsim::answer_json(text, locale, fuzz_today());
    if (answer.status < 0 || answer.status > 2) fail("answer_json status out of range");
    // Answers near the output limit run to 160 MB: checking those would only slow the fuzzer down.
    if (!output_checks || answer.json.size() > (4u << 20)) return 0;
    const nlohmann::json page = nlohmann::json::parse(answer.json, nullptr, false);
    if (page.is_discarded() || !page.is_object() || !page.contains("result")) fail("answer_json is not JSON", answer.json);
    const nlohmann::json& result = page.at("result");
    if (!result.is_object()) fail("the result is not a JSON object");
    if (answer.status == 2) {  // a valid scenario past an output limit
        if (!result.contains("errors")) fail("status 2 without errors", answer.json);
        return 0;
    }
    check_result_json(result);
    if (size % 8 == 2 && nlohmann::json::parse(subsim::simulate_json(text, fuzz_today()).json, nullptr, false) != result)
        fail("simulate_json differs from answer_json's result");
    if (size % 8 == 4 && nlohmann::json::parse(subsim::narration_json(text, locale, fuzz_today()).json, nullptr, false) != page.at("narration"))
        fail("narration_json differs from answer_json's narration");
    check_narration(text, page.at("narration"), result, locale);
    if (page.at("narration").at("answers").size() != reading.scenario->actions.size()) fail("not one answer per action");
    return 0;
}
