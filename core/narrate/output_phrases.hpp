#pragma once
// The few words the exported outputs need beyond the event sentences (docs/outputs.md): calendar
// titles ("Last day to cancel subscription s1"), the sentence of a cancellation deadline (no
// engine event carries it), and the labels of the HTML table and the timeline pictures. Same
// naming as every sentence (subjects from the narrator's context), French and English; owned by
// the outputs, apart from the phrasebook tables of the engine's sentences.
#include <cstddef>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

enum class OutputTitle { last_day_to_cancel, renewal, trial_end, access_end };

// "Last day to cancel subscription s1", « Fin de l’essai de l’abonnement s1 ».
std::string narrate_output_title(const Scenario& scenario, const Result& result, OutputTitle title,
                                 std::optional<std::size_t> subscription, std::optional<std::size_t> product,
                                 Language lang);

// "To stop subscription s1 from renewing on 10 February 2025, cancel by 11 January 2025 at the
// latest (30-day notice)."
std::string narrate_cancel_deadline(const Scenario& scenario, const Result& result, std::size_t subscription,
                                    std::optional<std::size_t> product, Date renewal, Date deadline,
                                    const Duration& notice, Language lang);

// A timeline lane's label: "Subscription s1" (no product: the subscription's only lane),
// "RescueAssist (subscription s1)".
std::string narrate_lane(const Scenario& scenario, const Result& result, std::size_t subscription,
                         std::optional<std::size_t> product, Language lang);

// Interface words of the exported table and pictures (never a sentence about the scenario).
enum class OutputLabel { date, what_happens, open_live, invoice, cancellation, legend, timeline_of };
std::string output_label(OutputLabel label, Language lang);

}  // namespace subsim
