#include "timeline_printer.hpp"

#include "narrate/narrator.hpp"

namespace subsim::cli {

void print_timeline(std::ostream& out, const Scenario& sc, const Result& result, Language lang) {
    const bool fr = lang == Language::fr;
    if (!sc.title.empty()) out << sc.title << '\n';
    out << (fr ? "Du " : "From ") << format_date(sc.start, lang) << (fr ? " au " : " to ") << format_date(sc.until, lang)
        << "\n\n";
    for (const Event& e : result.events)
        out << e.date.iso() << "  " << narrate_event(sc, result, e, lang) << "  [" << to_string(e.rule) << "]\n";
    out << '\n' << (fr ? "Factures : " : "Invoices: ") << result.invoices.size() << ", "
        << (fr ? "total facturé " : "total charged ") << format_money(result.total_charged.minor(), sc.currency, lang) << '\n';
    for (std::size_t i = 0; i < result.final_states.size(); ++i)
        out << (fr ? "État au " : "State on ") << format_date(sc.until, lang) << (fr ? " : " : ": ") << sc.subscriptions[i].id << " "
            << (result.final_states[i] ? to_string(*result.final_states[i]) : "not_started") << '\n';
    if (result.expectations.empty()) return;
    out << '\n';
    for (const ExpectationOutcome& e : result.expectations)
        out << (e.passed ? "  ok    " : "  FAIL  ") << e.message << '\n';
}

}  // namespace subsim::cli
