#pragma once
// The boundaries of one plan for one subscription: boundary k = anchor + k x period, always
// computed from the anchor. Term boundaries are the billing boundaries with index 0, term,
// term + renewal, term + 2 x renewal, ... (terms are whole numbers of periods; see docs).
#include <cstdint>
#include <limits>
#include <optional>

#include "domain/date.hpp"
#include "domain/duration.hpp"

namespace subsim {

class BillingCalendar {
public:
    BillingCalendar(Date anchor, Duration period, long periods_per_term, long periods_per_renewal);
    // SPEC-v2 §6.2: an aligned calendar. Month boundaries fall on `day` (clamped to the month's
    // length; 31 is the last day), not on the anchor's day. Without `anchor_is_term_boundary` the
    // anchor A* lies inside the first term (a prorated stub that belongs to it).
    BillingCalendar(Date anchor, Duration period, long periods_per_term, long periods_per_renewal, unsigned day,
                    bool anchor_is_term_boundary);

    Date anchor() const { return anchor_; }
    Date boundary(long k) const {  // the few boundaries a run asks for again are kept (kept_)
        k += shift_;
        if (!months_) return anchor_.plus_days(k * step_);
        const Kept& kept = kept_[static_cast<unsigned long>(k) & 3];
        return kept.k == k ? kept.date : keep(k);
    }
    // Both calendars give the same boundary for every k (a subscription's products on one period
    // and anchor, not moved apart): one can be computed for the other.
    bool same_boundaries(const BillingCalendar& o) const {
        return key_ == o.key_ && shift_ == o.shift_;
    }
    // Smallest k >= 0 with boundary(k) > date.
    long first_boundary_after(Date date) const;
    // Smallest term-boundary index k >= 0 with boundary(k) > date.
    long first_term_boundary_after(Date date) const;
    // Smallest term-boundary index strictly greater than k. Inline: the reminders' walk asks it
    // on every step.
    long next_term_index(long k) const {
        if (k < term_) return term_;
        if (renewal_ == 1) return k + 1;  // the usual case, without a 64-bit division (~40 cycles)
        return term_ + ((k - term_) / renewal_ + 1) * renewal_;
    }
    bool is_term_boundary(long k) const;

    // Format 2 moves (SPEC-v2 §0.7, §3.4). Term boundaries keep their indices through both.
    // Every boundary moves `periods` periods later: boundary′(i) = boundary(i + periods). Anchored on
    // 2025-01-15, skip_periods(2) makes boundary(2) 2025-05-15 (the calendar, and its billing day, kept).
    void skip_periods(long periods);
    // Re-anchored at `at` for index k: boundary′(k + i) = at + i × period, and anchor() becomes `at`.
    // Anchored on 2025-01-31, reanchor(2025-04-20, 2) gives boundary(2) 04-20, boundary(3) 05-20.
    // An aligned calendar keeps its billing day: `at` is then an aligned date (SPEC-v2 §6.2).
    void reanchor(Date at, long k);
    // Takes the moves of `other`, a calendar on the same anchor (a plan change keeps them).
    void follow(const BillingCalendar& other) { shift_ = other.shift_; }

private:
    Date compute(long k) const;
    void set_key();  // key_ from the anchor, its day, the step and the unit
    Date keep(long k) const;  // computes boundary k (shift included) and keeps it

    Date anchor_;
    // The anchor's civil fields, kept so that a month boundary is one clamp and one conversion.
    int anchor_year_;
    unsigned anchor_month_;
    unsigned anchor_day_;
    Duration period_;
    long term_;
    long renewal_;
    long step_;     // the period in days or months
    bool months_;   // month-based period
    bool aligned_ = false;      // month boundaries on a billing day, not on the anchor's day (SPEC-v2 §6.2)
    bool zero_is_term_ = true;  // boundary 0 is a term boundary (all but a stub inside the first term)
    // The anchor's day count, anchor_day_, months_ and step_ packed (all that same_boundaries
    // compares but the shift): one comparison instead of four, on every line of a billing pass.
    std::uint64_t key_ = 0;
    long shift_ = 0;  // boundary k is the anchor's (k + shift_)-th: moved by a pause (SPEC-v2 §3.4)
    // The last boundaries asked for, by k + shift_ mod 4: a run asks for the same few (the current term's
    // end, a reminder's, a cursor's) on every visited day. Fixed size, so copying a calendar
    // stays a plain copy.
    struct Kept {
        long k = std::numeric_limits<long>::min();  // no index yet (boundary(-1) is asked for: the stub's nominal start, SPEC-v2 §6.2)
        Date date;
    };
    mutable Kept kept_[4];
};

// The boundary last asked for, computed once for the calendars that share their boundaries
// (same_boundaries): 5 products on monthly plans from one anchor compute each month's boundary
// once, not 5 times. Lives for one pass over a subscription's lines.
class SharedBoundary {
public:
    SharedBoundary() = default;
    // Asks `reference` first when a calendar shares its boundaries: the lead plan's calendar, whose
    // next boundaries the term end and the reminders' lookahead have computed already (kept).
    explicit SharedBoundary(const BillingCalendar& reference) : reference_(&reference) {}

    Date of(const BillingCalendar& cal, long k) {
        if (!last_ || k != k_ || !cal.same_boundaries(*last_)) {
            last_ = &cal;
            k_ = k;
            date_ = reference_ && cal.same_boundaries(*reference_) ? reference_->boundary(k) : cal.boundary(k);
        }
        return date_;
    }

private:
    const BillingCalendar* reference_ = nullptr;
    const BillingCalendar* last_ = nullptr;
    long k_ = 0;
    Date date_;
};

// A position on a calendar that moves forward with the days, keeping its boundary's date.
class BoundaryCursor {
public:
    long index() const { return index_; }
    Date date(const BillingCalendar& cal) {
        if (!date_) date_ = cal.boundary(index_);
        return *date_;
    }
    void move_to(const BillingCalendar& cal, long k) {
        index_ = k;
        date_ = cal.boundary(k);
    }
    // The same, through boundaries shared with the other lines of one pass.
    void move_to(const BillingCalendar& cal, long k, SharedBoundary& shared) {
        index_ = k;
        date_ = shared.of(cal, k);
    }
    // The position of `other`, copied field by field: moved just before (move_to), `other` was
    // written field by field, and a whole-object copy would read those stores back as one wider
    // load, which waits for them to retire (no store forwarding; ~7 % of simulate() on the 10-year
    // bench scenario).
    void take(const BoundaryCursor& other) {
        index_ = other.index_;
        if (other.date_) date_.emplace(*other.date_);
        else date_.reset();
    }
    // The first boundary after `today`.
    Date after(const BillingCalendar& cal, Date today) {
        while (date(cal) <= today) move_to(cal, index_ + 1);
        return *date_;
    }
    Date after(const BillingCalendar& cal, Date today, SharedBoundary& shared) {
        while (date(cal) <= today) move_to(cal, index_ + 1, shared);
        return *date_;
    }

private:
    long index_ = 0;
    std::optional<Date> date_;
};

}  // namespace subsim
