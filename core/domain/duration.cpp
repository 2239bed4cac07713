#include "domain/duration.hpp"

namespace subsim {

std::optional<Duration> Duration::parse(std::string_view s) {
    if (s.size() < 3 || s.front() != 'P') return std::nullopt;
    const std::string_view number = s.substr(1, s.size() - 2);
    if (number.size() > 6) return std::nullopt;
    long count = 0;
    for (char c : number) {
        if (c < '0' || c > '9') return std::nullopt;
        count = count * 10 + (c - '0');
    }
    std::optional<Duration> d;
    switch (s.back()) {
        case 'D': d = Duration{count, Unit::day}; break;
        case 'W': d = Duration{count, Unit::week}; break;
        case 'M': d = Duration{count, Unit::month}; break;
        case 'Y': d = Duration{count, Unit::year}; break;
        default: return std::nullopt;
    }
    if (d->base_units() > (d->is_calendar() ? max_months : max_days)) return std::nullopt;
    return d;
}

std::optional<long> Duration::multiple_of(const Duration& period) const {
    if (is_calendar() != period.is_calendar() || period.base_units() == 0) return std::nullopt;
    if (base_units() % period.base_units() != 0) return std::nullopt;
    return base_units() / period.base_units();
}

std::string Duration::iso() const {  // written backwards into one buffer: "P7D", "P-2M"
    static constexpr char letters[] = {'D', 'W', 'M', 'Y'};
    char text[24];
    char* const end = text + sizeof text;
    char* p = end;
    *--p = letters[static_cast<int>(unit_)];
    unsigned long magnitude = count_ < 0 ? 0 - static_cast<unsigned long>(count_) : static_cast<unsigned long>(count_);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (count_ < 0) *--p = '-';
    *--p = 'P';
    return std::string(p, end);
}

}  // namespace subsim
