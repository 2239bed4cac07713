#pragma once
// A half-open date range [start, end): service is provided on every date d with start <= d < end.
#include "domain/date.hpp"

namespace subsim {

struct Period {
    Date start;
    Date end;

    bool contains(Date d) const { return start <= d && d < end; }
    bool empty() const { return !(start < end); }
    Date last_day() const { return end.plus_days(-1); }  // "access until"

    friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace subsim
