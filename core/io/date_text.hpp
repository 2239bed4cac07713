#pragma once
// Internal to io/: dates as JSON text ("YYYY-MM-DD" with its quotes) for the writers, each
// converted from its day count once per answer. A result repeats few dates many times (an event,
// its invoice lines and its reminder share a boundary; twenty products share a billing date), so
// texts are kept in a small table by day count.
//
//   DateText dates;  dates.of(Date::parse("2025-01-31").value()) == "\"2025-01-31\""
#include <cstring>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace subsim {

class DateText {
public:
    // The length of a date's text without converting it: 12 for the calendar's years.
    static std::size_t bytes(Date d) {
        const long days = Date{}.days_until(d);
        return days >= first_day && days <= last_day ? 12 : odd_text(days).size();
    }
    std::string_view of(Date d) {
        const long days = Date{}.days_until(d);
        if (days < first_day || days > last_day) {
            odd_ = odd_text(days);
            return odd_;
        }
        Slot& slot = slots_[static_cast<unsigned long>(days) % slot_count];
        if (slot.days != days) {
            const Civil c = civil(days);
            fill(slot.text, c.year, c.month, c.day);
            slot.days = days;
        }
        return {slot.text, 12};
    }

private:
    static constexpr long first_day = -719528;  // 0000-01-01
    static constexpr long last_day = 2932896;   // 9999-12-31
    static constexpr std::size_t slot_count = 512;
    struct Slot {
        long days = last_day + 1;  // no date yet
        char text[12];
    };
    struct Civil {
        long year;
        unsigned month, day;
    };
    Slot slots_[slot_count];
    std::string odd_;  // a date past the calendar's years, which arithmetic may reach

    static Civil civil(long days) {  // H. Hinnant's civil_from_days
        const long z = days + 719468;
        const long era = (z >= 0 ? z : z - 146096) / 146097;
        const unsigned doe = static_cast<unsigned>(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned month = mp < 10 ? mp + 3 : mp - 9;
        return {static_cast<long>(yoe) + era * 400 + (month <= 2), month, doy - (153 * mp + 2) / 5 + 1};
    }
    // "YYYY-MM-DD" with quotes, for a year 0..9999.
    static void fill(char* p, long year, unsigned month, unsigned day) {
        const unsigned y = static_cast<unsigned>(year);
        const char text[12] = {'"', digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-',
                               digit(month / 10), digit(month % 10), '-', digit(day / 10), digit(day % 10), '"'};
        std::memcpy(p, text, 12);
    }
    static char digit(unsigned d) { return static_cast<char>('0' + d); }
    static std::string odd_text(long days) {  // past the calendar's years: all the digits
        const Civil c = civil(days);
        char tail[12];
        fill(tail, 0, c.month, c.day);
        return std::string(c.year < 0 ? "\"-" : "\"").append(std::to_string(c.year < 0 ? -c.year : c.year)) +
               std::string(tail + 5, 7);
    }
};

}  // namespace subsim
