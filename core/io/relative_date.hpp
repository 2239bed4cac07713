#pragma once
// Reader-relative dates (SPEC-v2 §8.1): in a version 2 file any date value may be written
// "today", "today+D" or "today-D", D a v1.3 duration of one unit (P0D allowed), lower case, no
// spaces. It resolves against the reference date the caller passes: the engine never reads the
// clock (§8.2).
//
//   resolve(*parse_relative_date("today-P1M"), 2026-03-31) == 2026-02-28   (month end clamped)
//   resolve(*parse_relative_date("today+P10D"), 2026-03-31) == 2026-04-10
//   parse_relative_date("today + P1D") == nullopt, parse_relative_date("Today") == nullopt
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/duration.hpp"

namespace subsim {

struct RelativeDate {
    Duration offset;     // P0D for plain "today"
    bool before = false;  // "today-D"
};

// True when the text is meant as a relative date: it starts with "today" in any case, spaces
// ignored. Such a text gets a relative-date error rather than the plain bad-date one.
bool looks_relative(std::string_view text);

// The relative date written exactly as §8.1 allows, or none.
std::optional<RelativeDate> parse_relative_date(std::string_view text);

// The reference date moved by the offset with v1.3 arithmetic; none when the result leaves the
// years 1900–9999.
std::optional<Date> resolve(const RelativeDate& relative, Date today);

// The reference date given on the command line or by a caller: strict YYYY-MM-DD, 1900–9999.
std::optional<Date> parse_reference_date(std::string_view text);

}  // namespace subsim
