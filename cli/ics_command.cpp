// subsim ics FILE [--locale L] [--today YYYY-MM-DD]: the dates a customer acts on, as an iCalendar file on stdout
// (core/calendar_export/icalendar.hpp).
#include "calendar_export/icalendar.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "simulated_file.hpp"

namespace subsim::cli {

int ics(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::optional<Date> today;
    if (!take_today(args, "ics", err, today)) return 2;
    const auto path = single_file(args, "ics", err);
    if (!path) return 2;
    const auto file = read_and_simulate_file(*path, err, today);
    if (!file) return 2;
    const auto ics = calendar_ics(file->scenario, file->result, language_of(locale, file->scenario.locale));
    if (!ics) return answer_too_large(err, *path);
    out << *ics;
    return 0;
}

}  // namespace subsim::cli
