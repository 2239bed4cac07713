// SPEC §1 Time: civil dates, single-unit durations, anchor-based month arithmetic.
#include <catch2/catch.hpp>

#include "domain/date.hpp"
#include "domain/duration.hpp"

using namespace subsim;

static Date d(const char* iso) { return *Date::parse(iso); }

TEST_CASE("Monthly boundaries are computed from the anchor and clamp to the month's last day") {
    const Duration month = *Duration::parse("P1M");
    const Date anchor = d("2025-01-31");
    CHECK(month.after(anchor, 1) == d("2025-02-28"));
    CHECK(month.after(anchor, 2) == d("2025-03-31"));
    CHECK(month.after(anchor, 3) == d("2025-04-30"));
    CHECK(month.after(anchor, 4) == d("2025-05-31"));
    CHECK(month.after(d("2024-01-31"), 1) == d("2024-02-29"));
}

TEST_CASE("A yearly anchor on 29 February renews on 28 February, and on 29 February in leap years") {
    const Duration year = *Duration::parse("P1Y");
    const Date anchor = d("2024-02-29");
    CHECK(year.after(anchor, 1) == d("2025-02-28"));
    CHECK(year.after(anchor, 4) == d("2028-02-29"));
}

TEST_CASE("Day and week periods are plain day arithmetic") {
    CHECK(Duration::parse("P2W")->after(d("2025-12-25")) == d("2026-01-08"));
    CHECK(Duration::parse("P14D")->after(d("2025-12-25"), 2) == d("2026-01-22"));
}

TEST_CASE("Durations accept one unit only") {
    for (const char* ok : {"P0D", "P14D", "P2W", "P1M", "P3M", "P1Y"}) CHECK(Duration::parse(ok));
    for (const char* bad : {"", "P", "PD", "P1", "P1M2D", "PT1H", "-P1D", "P-1D", "p1d", "P1.5D", "1D", "P1DT"})
        CHECK_FALSE(Duration::parse(bad));
}

TEST_CASE("Dates are strict YYYY-MM-DD between 1900 and 9999") {
    CHECK(Date::parse("2024-02-29"));
    for (const char* bad : {"2025-02-29", "2025-13-01", "2025-1-01", "1899-12-31", "10000-01-01", "2025/01/01",
                            "2025-01-01T00:00", "", "abcd-ef-gh"})
        CHECK_FALSE(Date::parse(bad));
    CHECK(d("1900-01-01").iso() == "1900-01-01");
    CHECK(d("9999-12-31").iso() == "9999-12-31");
}

TEST_CASE("Weekdays follow the proleptic Gregorian calendar") {
    CHECK(d("2025-11-24").weekday() == 1);  // a Monday
    CHECK(d("2025-11-29").is_weekend());
    CHECK(d("1900-01-01").weekday() == 1);
}
