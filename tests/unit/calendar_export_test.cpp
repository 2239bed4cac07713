// docs/outputs.md "Calendar": the customer's dates and the iCalendar form (RFC 5545). The file as
// a whole is read back by python3-icalendar in tests/outputs/calendar_test.py.
#include <catch2/catch.hpp>

#include <string>

#include "calendar_export/customer_dates.hpp"
#include "calendar_export/icalendar.hpp"

using subsim::Date;
using subsim::Duration;

namespace {
Date d(const char* iso) { return *Date::parse(iso); }
}  // namespace

TEST_CASE("The last day to cancel is the engine's notice deadline, never later than the day before the renewal") {
    CHECK(subsim::last_day_to_cancel(d("2025-02-10"), Duration::days(30)) == d("2025-01-11"));
    CHECK(subsim::last_day_to_cancel(d("2025-02-28"), Duration::months(1)) == d("2025-01-31"));
    CHECK(subsim::last_day_to_cancel(d("2025-02-10"), Duration::days(0)) == d("2025-02-09"));
}

TEST_CASE("Content lines are folded at 75 octets with CRLF and a space, never inside a UTF-8 character") {
    CHECK(subsim::fold_ics_line("VERSION:2.0") == "VERSION:2.0\r\n");
    CHECK(subsim::fold_ics_line(std::string(75, 'a') + "b") == std::string(75, 'a') + "\r\n b\r\n");
    // 74 ASCII octets then "é" (2 octets): the character moves whole to the next line.
    CHECK(subsim::fold_ics_line(std::string(74, 'a') + "\xC3\xA9") == std::string(74, 'a') + "\r\n \xC3\xA9\r\n");
    const std::string folded = subsim::fold_ics_line(std::string(300, 'x'));
    for (std::size_t start = 0, end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2)
        CHECK(end - start <= 75);
}

TEST_CASE("TEXT values escape backslash, semicolon, comma and line breaks") {
    CHECK(subsim::ics_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne");
    CHECK(subsim::ics_text("plain words") == "plain words");
}
