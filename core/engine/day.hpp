#pragma once
// One visited day of a run, its phases in order (SPEC §3): boundaries, the day's actions (by
// date; on one date, in file order), payments, reminders, consumer law.
//
//   ActionAgenda agenda{scenario};
//   for (Date day = scenario.start; ...; day = next) run_day(sim, day, agenda);
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;

// The scenario's actions sorted by date (stable: file order on one date), consumed day by day.
class ActionAgenda {
public:
    explicit ActionAgenda(const Scenario& scenario);
    // The date of the next action not run yet. Inline: asked once per visited day.
    std::optional<Date> next_date() const {
        return next_ < sorted_.size() ? std::optional<Date>{sorted_[next_]->on} : std::nullopt;
    }

private:
    friend void run_day(Simulation& sim, Date day, ActionAgenda& agenda);
    const Scenario& scenario_;
    std::vector<const Action*> sorted_;
    std::size_t next_ = 0;
};

void run_day(Simulation& sim, Date day, ActionAgenda& agenda);

}  // namespace subsim
