#include "engine/actions.hpp"

#include "engine/account.hpp"
#include "engine/activation.hpp"
#include "engine/cancellation.hpp"
#include "engine/dunning.hpp"
#include "engine/law_eu_withdrawal.hpp"
#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/reactivation.hpp"
#include "engine/renewal.hpp"
#include "engine/transfer.hpp"

namespace subsim {

void run_action(Simulation& sim, const Action& action) {
    switch (action.kind) {
        case ActionKind::cancel: return cancel(sim, action);
        case ActionKind::reactivate: return reactivate(sim, action);
        case ActionKind::add_payment_method: return add_payment_method(sim, action);
        case ActionKind::renew: return renew(sim, action);
        case ActionKind::close_account: return close_account(sim, action);
        case ActionKind::transfer: return transfer(sim, action);
        case ActionKind::activate: return activate(sim, action);
        case ActionKind::change_plan: return change_plan(sim, action);
        case ActionKind::payment_fails: return payment_fails(sim, action);
        case ActionKind::update_payment_method: return add_payment_method(sim, action);  // same effect (SPEC-v2 §4.1)
        case ActionKind::withdraw: return withdraw(sim, action);
        case ActionKind::pause: return pause(sim, action);
        case ActionKind::resume: return resume(sim, action);
    }
}

}  // namespace subsim
