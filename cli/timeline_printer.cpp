#include "timeline_printer.hpp"

#include <algorithm>
#include <vector>

#include "io/limits.hpp"
#include "narrate/narrator.hpp"

namespace subsim::cli {
namespace {

// What is left of the answer's budget once `used` bytes are counted.
std::size_t left(std::size_t used) { return limits::answer_bytes - std::min(limits::answer_bytes, used); }

std::string head_of(const Scenario& sc, Language lang) {
    std::string head;
    if (const std::optional<std::string> today = narrate_today(sc, lang)) head = *today + '\n';
    if (!sc.title.empty()) head += sc.title + '\n';
    return head + narrate_period(sc, lang) + "\n\n";
}

// The invoices, the final states (short: bounded by the subscription limit) and the expectation lines.
std::string tail_of(const Scenario& sc, const Result& result, const std::vector<std::string>& expectations, Language lang) {
    std::string tail = '\n' + narrate_invoice_total(sc, result, lang) + '\n';
    for (std::size_t i = 0; i < result.final_states.size(); ++i) tail += narrate_final_state(sc, result, i, lang) + '\n';
    if (result.expectations.empty()) return tail;
    tail += '\n';
    for (std::size_t i = 0; i < expectations.size(); ++i)
        tail += (result.expectations[i].passed ? "  ok    " : "  FAIL  ") + expectations[i] + '\n';
    return tail;
}

}  // namespace

// Each event line is exactly the sentence `subsim explain` gives for it (SPEC §6), with its date
// and rule; the expectation lines are the narrator's too. Every part is narrated within what the
// parts before it left of the budget, and the whole is counted before a byte is printed.
std::optional<std::string> print_timeline(std::ostream& out, const Scenario& sc, const Result& result, Language lang) {
    const std::string head = head_of(sc, lang);
    const std::vector<std::string> sentences = narrate_events(sc, result, lang, left(head.size()));
    if (sentences.size() < result.events.size()) return limits::answer_too_large(0, false);
    std::size_t bytes = head.size();
    for (std::size_t i = 0; i < sentences.size(); ++i)
        bytes += 10 + 2 + sentences[i].size() + 3 + to_string(result.events[i].rule).size() + 2;
    if (bytes > limits::answer_bytes) return limits::answer_too_large(bytes, true);
    const std::vector<std::string> expectations = narrate_expectations(sc, result.expectations, lang, left(bytes));
    if (expectations.size() < result.expectations.size()) return limits::answer_too_large(0, false);
    const std::string tail = tail_of(sc, result, expectations, lang);
    if (bytes + tail.size() > limits::answer_bytes) return limits::answer_too_large(bytes + tail.size(), true);
    out << head;
    for (std::size_t i = 0; i < result.events.size(); ++i)
        out << result.events[i].date.iso() << "  " << sentences[i] << "  [" << to_string(result.events[i].rule) << "]\n";
    out << tail;
    return std::nullopt;
}

}  // namespace subsim::cli
