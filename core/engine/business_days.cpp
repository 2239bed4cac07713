#include "engine/business_days.hpp"

#include <algorithm>

namespace subsim {

Date nth_business_day_after(Date from, int n, const std::vector<Date>& holidays) {
    Date d = from;
    while (n > 0) {
        d = d.plus_days(1);
        if (!d.is_weekend() && !std::binary_search(holidays.begin(), holidays.end(), d)) --n;
    }
    return d;
}

}  // namespace subsim
