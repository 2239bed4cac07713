#include "timeline_printer.hpp"

#include <vector>

#include "io/limits.hpp"
#include "narrate/narrator.hpp"

namespace subsim::cli {
namespace {

// Everything but the event lines: short, bounded by the subscription and expectation limits.
struct Frame {
    std::string head, tail;
};

Frame frame_of(const Scenario& sc, const Result& result, Language lang) {
    Frame f;
    if (const std::optional<std::string> today = narrate_today(sc, lang)) f.head = *today + '\n';
    if (!sc.title.empty()) f.head += sc.title + '\n';
    f.head += narrate_period(sc, lang) + "\n\n";
    f.tail = '\n' + narrate_invoice_total(sc, result, lang) + '\n';
    for (std::size_t i = 0; i < result.final_states.size(); ++i) f.tail += narrate_final_state(sc, result, i, lang) + '\n';
    if (result.expectations.empty()) return f;
    f.tail += '\n';
    for (const ExpectationOutcome& e : result.expectations)
        f.tail += (e.passed ? "  ok    " : "  FAIL  ") + narrate_expectation(sc, e, lang) + '\n';
    return f;
}

}  // namespace

// Each event line is exactly the sentence `subsim explain` gives for it (SPEC §6), with its date
// and rule; the expectation lines are the narrator's too.
std::optional<std::string> print_timeline(std::ostream& out, const Scenario& sc, const Result& result, Language lang) {
    const std::vector<std::string> sentences = narrate_events(sc, result, lang, limits::answer_bytes);
    if (sentences.size() < result.events.size()) return limits::answer_too_large(0, false);
    const Frame frame = frame_of(sc, result, lang);
    std::size_t bytes = frame.head.size() + frame.tail.size();
    for (std::size_t i = 0; i < sentences.size(); ++i)
        bytes += 10 + 2 + sentences[i].size() + 3 + to_string(result.events[i].rule).size() + 2;
    if (bytes > limits::answer_bytes) return limits::answer_too_large(bytes, true);
    out << frame.head;
    for (std::size_t i = 0; i < result.events.size(); ++i)
        out << result.events[i].date.iso() << "  " << sentences[i] << "  [" << to_string(result.events[i].rule) << "]\n";
    out << frame.tail;
    return std::nullopt;
}

}  // namespace subsim::cli
