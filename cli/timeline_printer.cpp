#include "timeline_printer.hpp"

#include "narrate/narrator.hpp"

namespace subsim::cli {

// Each event line is exactly the sentence `subsim explain` gives for it (SPEC §6), with its date
// and rule; the expectation lines are the narrator's too.
void print_timeline(std::ostream& out, const Scenario& sc, const Result& result, Language lang) {
    const bool fr = lang == Language::fr;
    if (!sc.title.empty()) out << sc.title << '\n';
    out << (fr ? "Du " : "From ") << format_date(sc.start, lang) << (fr ? " au " : " to ") << format_date(sc.until, lang)
        << "\n\n";
    const std::vector<std::string> sentences = narrate_events(sc, result, lang);
    for (std::size_t i = 0; i < result.events.size(); ++i)
        out << result.events[i].date.iso() << "  " << sentences[i] << "  [" << to_string(result.events[i].rule) << "]\n";
    out << '\n' << (fr ? "Factures\u202f: " : "Invoices: ") << result.invoices.size() << ", "
        << (fr ? "total facturé " : "total charged ") << format_money(result.total_charged.minor(), sc.currency, lang) << '\n';
    for (std::size_t i = 0; i < result.final_states.size(); ++i)
        out << (fr ? "État au " : "State on ") << format_date(sc.until, lang) << (fr ? "\u202f: " : ": ")
            << (sc.subscriptions[i].number ? *sc.subscriptions[i].number : sc.subscriptions[i].id) << " "
            << narrate_state(result.final_states[i], lang) << '\n';
    if (result.expectations.empty()) return;
    out << '\n';
    for (const ExpectationOutcome& e : result.expectations)
        out << (e.passed ? "  ok    " : "  FAIL  ") << narrate_expectation(sc, e, lang) << '\n';
}

}  // namespace subsim::cli
