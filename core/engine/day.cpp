#include "engine/day.hpp"

#include <algorithm>

#include "engine/actions.hpp"
#include "engine/boundaries.hpp"
#include "engine/dunning.hpp"
#include "engine/law_compliance.hpp"
#include "engine/reminders.hpp"
#include "engine/simulation.hpp"

namespace subsim {

ActionAgenda::ActionAgenda(const Scenario& scenario) : scenario_(scenario) {
    sorted_.reserve(scenario.actions.size());
    for (const Action& a : scenario.actions) sorted_.push_back(&a);
    std::stable_sort(sorted_.begin(), sorted_.end(), [](const Action* a, const Action* b) { return a->on < b->on; });
}

void run_day(Simulation& sim, Date day, ActionAgenda& agenda) {
    run_boundaries(sim, day);
    for (; agenda.next_ < agenda.sorted_.size() && agenda.sorted_[agenda.next_]->on == day; ++agenda.next_) {
        const Action& action = *agenda.sorted_[agenda.next_];
        sim.current_action = static_cast<std::size_t>(&action - agenda.scenario_.actions.data());
        run_action(sim, action);
        sim.current_action.reset();
        // An action moves the dates of its own subscription (all, for an account action); what it does
        // to another (a cascade) comes with an event about that one, which touches it (wakeup_state.hpp).
        sim.touch(action.subscription);
    }
    collect_payments(sim, day);
    send_reminders(sim, day);
    run_law(sim, day);
}

}  // namespace subsim
