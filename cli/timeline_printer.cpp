#include "timeline_printer.hpp"

#include "narrate/narrator.hpp"

namespace subsim::cli {

// Each event line is exactly the sentence `subsim explain` gives for it (SPEC §6), with its date
// and rule; the expectation lines are the narrator's too.
void print_timeline(std::ostream& out, const Scenario& sc, const Result& result, Language lang) {
    if (!sc.title.empty()) out << sc.title << '\n';
    out << narrate_period(sc, lang) << "\n\n";
    const std::vector<std::string> sentences = narrate_events(sc, result, lang);
    for (std::size_t i = 0; i < result.events.size(); ++i)
        out << result.events[i].date.iso() << "  " << sentences[i] << "  [" << to_string(result.events[i].rule) << "]\n";
    out << '\n' << narrate_invoice_total(sc, result, lang) << '\n';
    for (std::size_t i = 0; i < result.final_states.size(); ++i) out << narrate_final_state(sc, result, i, lang) << '\n';
    if (result.expectations.empty()) return;
    out << '\n';
    for (const ExpectationOutcome& e : result.expectations)
        out << (e.passed ? "  ok    " : "  FAIL  ") << narrate_expectation(sc, e, lang) << '\n';
}

}  // namespace subsim::cli
