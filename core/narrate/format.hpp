#pragma once
// Dates and amounts written for a reader, in French or English.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace subsim {

enum class Language { en, fr };

Language language_of(std::string_view locale);  // "fr", "fr-CA" -> fr; anything else -> en
// The reader's locale when one is asked for ("--locale", explain(text, locale)), else the
// scenario's own: language_of("", "fr") == fr, language_of("en", "fr") == en.
Language language_of(std::string_view asked, std::string_view scenario_locale);
std::string format_date(Date d, Language lang);  // "3 March 2025" / "3 mars 2025"
// A date written outside a sentence: in a table, on the timeline's axis, as a slider's spoken
// value. The page takes these from the narrator too, so that a date reads the same in a sentence
// and beside it ("1er mars 2025" in both), and the reader's page needs no Intl formats.
enum class DateLabel { date, weekday_date, month_abbr, month_year, month_abbr_year, year };
// Their names, in DateLabel's order, as JavaScript asks for them (wasm/entry_points.hpp).
inline constexpr std::array<std::string_view, 6> date_label_names = {"date",       "weekday_date",    "month_abbr",
                                                                     "month_year", "month_abbr_year", "year"};
std::optional<DateLabel> date_label_named(std::string_view name);
// date: "3 March 2025" / "3 mars 2025" (format_date); weekday_date: "Monday 3 March 2025" /
// "lundi 3 mars 2025"; month_abbr: "Mar" / "mars" ("janv." ...); month_year: "March 2025" /
// "mars 2025"; month_abbr_year: "Mar 2025" / "mars 2025"; year: "2025".
std::string format_date(Date d, Language lang, DateLabel style);
std::string format_money(std::int64_t minor, std::string_view currency, Language lang);  // "€49.00" / "49,00 €"
// A name from the scenario (product, bundle, subscription, user, company) as a sentence shows it:
// between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), so that a
// right-to-left name, or a stray U+202E inside one, cannot reorder the rest of the sentence.
std::string isolated(std::string_view name);

}  // namespace subsim
