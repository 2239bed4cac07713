#pragma once
// The customer's dates (customer_dates.hpp) as an iCalendar file (RFC 5545), one all-day event
// (DTSTART;VALUE=DATE) per date, its SUMMARY a title from narrate_output_title() and its
// DESCRIPTION the narrator's sentence (the event's, or narrate_cancel_deadline()).
//
// Deterministic, like everything in the core: no clock is read. DTSTAMP, which RFC 5545 wants as
// "when the object was created", is the scenario's `until` at 00:00:00 UTC, the date the answer
// is computed for, so the same scenario always gives the same bytes. UIDs are stable across
// exports (a hash of the account, subscription, kind and date), so re-importing updates events
// instead of duplicating them.
//
// Form: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values
// escaped (\\ \; \, \n).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/limits.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

// None when the file would hold more than max_bytes: the names every event's title and description
// state are added up first (a long id on daily dates is refused before a line is written), and the
// file stops as soon as it passes the budget (docs/limits.md).
std::optional<std::string> calendar_ics(const Scenario& scenario, const Result& result, Language lang,
                                        std::size_t max_bytes = limits::answer_bytes);

// One content line, folded: fold_ics_line(75 'a' + "b") == 75 'a' + "\r\n b\r\n".
std::string fold_ics_line(std::string_view line);

// A TEXT value (RFC 5545 §3.3.11): ics_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne".
std::string ics_text(std::string_view text);

}  // namespace subsim
