// The page's dates and amounts come from the narrator (narrate/format.hpp): a table, the timeline's
// axis and a slider's spoken value write a date as the sentences beside them do.
#include <catch2/catch.hpp>

#include "narrate/format.hpp"

using namespace subsim;

namespace {
Date on(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST_CASE("A table's date is the sentences' date", "[labels]") {
    CHECK(format_date(on("2025-03-01"), Language::en, DateLabel::date) == format_date(on("2025-03-01"), Language::en));
    CHECK(format_date(on("2025-03-01"), Language::fr, DateLabel::date) == "1er mars 2025");
    CHECK(format_date(on("2025-03-02"), Language::fr, DateLabel::date) == "2 mars 2025");
}

TEST_CASE("A spoken date names its weekday first", "[labels]") {
    CHECK(format_date(on("2025-04-08"), Language::en, DateLabel::weekday_date) == "Tuesday 8 April 2025");
    CHECK(format_date(on("2025-03-01"), Language::fr, DateLabel::weekday_date) == "samedi 1er mars 2025");
}

TEST_CASE("The axis names months whole, abbreviated, with or without their year", "[labels]") {
    CHECK(format_date(on("2025-09-15"), Language::en, DateLabel::month_abbr) == "Sep");
    CHECK(format_date(on("2025-02-15"), Language::fr, DateLabel::month_abbr) == "févr.");
    CHECK(format_date(on("2025-03-15"), Language::fr, DateLabel::month_abbr) == "mars");
    CHECK(format_date(on("2025-12-31"), Language::en, DateLabel::month_year) == "December 2025");
    CHECK(format_date(on("2025-08-01"), Language::fr, DateLabel::month_abbr_year) == "août 2025");
    CHECK(format_date(on("2031-01-01"), Language::fr, DateLabel::year) == "2031");
}

TEST_CASE("Each label style is found by the name JavaScript gives it", "[labels]") {
    for (std::size_t i = 0; i < date_label_names.size(); ++i)
        CHECK(date_label_named(date_label_names[i]) == static_cast<DateLabel>(i));
    CHECK_FALSE(date_label_named("Date").has_value());
    CHECK_FALSE(date_label_named("").has_value());
}
