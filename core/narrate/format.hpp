#pragma once
// Dates and amounts written for a reader, in French or English.
#include <cstdint>
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
std::string format_money(std::int64_t minor, std::string_view currency, Language lang);  // "€49.00" / "49,00 €"
// A name from the scenario (product, bundle, subscription, user, company) as a sentence shows it:
// between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), so that a
// right-to-left name, or a stray U+202E inside one, cannot reorder the rest of the sentence.
std::string isolated(std::string_view name);

}  // namespace subsim
