#pragma once
// Internal to io/: dates as JSON text ("YYYY-MM-DD" with its quotes) for the writers, each
// converted from its day count once per answer. A result repeats few dates many times (an event,
// its invoice lines and its reminder share a boundary; twenty products share a billing date), so
// texts are kept in a small table by day count.
//
//   DateText dates;  dates.of(Date::parse("2025-01-31").value()) == "\"2025-01-31\""
#include <bit>
#include <cstdint>
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
    // A date already converted is a load and a compare, inlined where the writers put dates; the
    // rest is out of line. (In WebAssembly, where the writers did not inline `of` whole, each
    // call also moved the module's stack pointer for the odd date's string.)
    [[gnu::always_inline]] std::string_view of(Date d) {
        const unsigned long k = key(Date{}.days_until(d));
        const std::size_t i = k % slot_count;
        if (keys_[i] == k && k - 1 < calendar_days) return {texts_[i], 12};
        return convert(Date{}.days_until(d));
    }

private:
    static constexpr long first_day = -719528;  // 0000-01-01
    static constexpr long last_day = 2932896;   // 9999-12-31
    static constexpr unsigned long calendar_days = last_day - first_day + 1;
    static constexpr std::size_t slot_count = 512;
    // A day's key: 1 for 0000-01-01 ... calendar_days for 9999-12-31 (unsigned: any other day
    // maps past them or to 0), so that 0 marks an empty slot and the slots start as zeros (one
    // fill of the keys alone, not a store into each slot).
    static unsigned long key(long days) { return static_cast<unsigned long>(days) - static_cast<unsigned long>(first_day) + 1; }
    struct Civil {
        long year;
        unsigned month, day;
    };
    unsigned long keys_[slot_count] = {};
    char texts_[slot_count][12];
    std::string odd_;  // a date past the calendar's years, which arithmetic may reach

    // A date not in its slot: converted into the slot, or, past the calendar's years, into `odd_`.
    [[gnu::noinline]] std::string_view convert(long days) {
        if (days < first_day || days > last_day) {
            odd_ = odd_text(days);
            return odd_;
        }
        const unsigned long k = key(days);
        const Civil c = civil(days);
        fill(texts_[k % slot_count], c.year, c.month, c.day);
        keys_[k % slot_count] = k;
        return {texts_[k % slot_count], 12};
    }
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
    // "YYYY-MM-DD" with quotes, for a year 0..9999: made in two integers and stored as one 8-byte
    // and one 4-byte store, the sizes the writers load it with (put_fixed<12>). Stored byte by
    // byte (what the compiler made of a char array), each first load of a date's text waited
    // for twelve stores to reach memory before it could read them (a store-forwarding stall:
    // the hottest instruction of the WebAssembly writer).
    static void fill(char* p, long year, unsigned month, unsigned day) {
        static_assert(std::endian::native == std::endian::little);  // (x86, wasm)
        const unsigned y = static_cast<unsigned>(year);
        const std::uint64_t head = byte(0, '"') | byte(1, digit(y / 1000)) | byte(2, digit(y / 100 % 10)) |
                                   byte(3, digit(y / 10 % 10)) | byte(4, digit(y % 10)) | byte(5, '-') |
                                   byte(6, digit(month / 10)) | byte(7, digit(month % 10));
        const std::uint32_t tail = static_cast<std::uint32_t>(byte(0, '-') | byte(1, digit(day / 10)) |
                                                              byte(2, digit(day % 10)) | byte(3, '"'));
        std::memcpy(p, &head, 8);
        std::memcpy(p + 8, &tail, 4);
    }
    static std::uint64_t byte(unsigned at, unsigned char c) { return static_cast<std::uint64_t>(c) << (8 * at); }
    static unsigned char digit(unsigned d) { return static_cast<unsigned char>('0' + d); }
    static std::string odd_text(long days) {  // past the calendar's years: all the digits
        const Civil c = civil(days);
        char tail[12];
        fill(tail, 0, c.month, c.day);
        return std::string(c.year < 0 ? "\"-" : "\"").append(std::to_string(c.year < 0 ? -c.year : c.year)) +
               std::string(tail + 5, 7);
    }
};

}  // namespace subsim
