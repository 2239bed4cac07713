#pragma once
// The one narrator (SPEC §4.1): every sentence a reader sees — the event sentences, the what-if
// answers, the refusal advice and the expectation lines — in French or English, built from the
// phrasebook (narrate/phrasebook.hpp) and the facts of the result only. The CLI, the WebAssembly
// module and therefore the page and the embeds all call these functions; nothing rewrites them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

// The sentence of one event ("The cancellation of subscription s1 takes effect on …").
std::string narrate_event(const Scenario& scenario, const Result& result, const Event& event, Language lang);

// One sentence per event, in the order of result.events (what `subsim explain` prints). Stops
// early, with fewer sentences than events, once they hold more than max_bytes: a caller with a
// byte budget never holds more than the budget plus one sentence.
std::vector<std::string> narrate_events(const Scenario& scenario, const Result& result, Language lang,
                                        std::size_t max_bytes = static_cast<std::size_t>(-1));

// A lower bound of the bytes of an event's sentence in any language, known without writing it:
// the names it states (its subscription's, its product's). narrate_events adds these up before
// building a sentence, so that a long id billed daily is refused at once, not after 256 MiB.
std::size_t event_sentence_bytes_at_least(const Scenario& scenario, const Event& event);

// The what-if answer for scenario.actions[action]: "If Ana cancels subscription s1 on 2 March
// 2025: access until 14 March 2025 inclusive; still charged €49.00."
std::string narrate_answer(const Scenario& scenario, const Result& result, std::size_t action, Language lang);

// The what-if answer of every scenario action, in file order (one pass over the result). Stops
// early, with fewer answers than actions, once they hold more than max_bytes (as narrate_events).
std::vector<std::string> narrate_answers(const Scenario& scenario, const Result& result, Language lang,
                                         std::size_t max_bytes = static_cast<std::size_t>(-1));

// The line of one checked expectation ("subscription s1 is pending_cancellation on …", or what
// was expected and what was found).
// `isolate_names` false: names without the FSI/PDI marks (format.hpp isolated), for the
// message the v1 JSON result keeps.
std::string narrate_expectation(const Scenario& scenario, const ExpectationOutcome& outcome, Language lang,
                                bool isolate_names = true);

// A lower bound of the bytes of an expectation's line in any language, known without writing it:
// the names the line repeats (the subscription's, the product's). check_expectations adds these
// up before writing a line, so that a long name in 10,000 expectations is refused at once.
std::size_t expectation_line_bytes_at_least(const Scenario& scenario, const Expectation& expectation);

// The line of every outcome, in order (names isolated). Stops early, with fewer lines than
// outcomes, once they hold more than max_bytes (as narrate_events): a product name repeated in
// 10,000 expectation lines cannot make gigabytes.
std::vector<std::string> narrate_expectations(const Scenario& scenario, const std::vector<ExpectationOutcome>& outcomes,
                                              Language lang, std::size_t max_bytes = static_cast<std::size_t>(-1));

// The lines around the CLI's timeline: "From 1 March 2025 to 30 April 2026", "Invoices: 3, total
// charged €147.00", "State on 30 April 2026: s1 active".
std::string narrate_period(const Scenario& scenario, Language lang);
std::string narrate_invoice_total(const Scenario& scenario, const Result& result, Language lang);
std::string narrate_final_state(const Scenario& scenario, const Result& result, std::size_t subscription, Language lang);

// A state in words ("pending cancellation", « en attente de résiliation »; none: "not started").
std::string narrate_state(std::optional<State> state, Language lang);

// "Today: 31 March 2026" when the scenario used a relative date (SPEC-v2 §8.2), else none: the
// first line of the readable timeline and the date `check` names on a scenario's line.
std::optional<std::string> narrate_today(const Scenario& scenario, Language lang);

}  // namespace subsim
