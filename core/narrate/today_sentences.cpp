// The reference date in words (SPEC-v2 §8.2): "Today: 31 March 2026", « Aujourd’hui : 31 mars 2026 ».
#include "narrate/narrator.hpp"
#include "narrate/phrasebook.hpp"

namespace subsim {

std::optional<std::string> narrate_today(const Scenario& scenario, Language lang) {
    if (!scenario.today) return std::nullopt;
    return fill(Phrase::timeline_today, lang, {{"date", format_date(*scenario.today, lang)}});
}

}  // namespace subsim
