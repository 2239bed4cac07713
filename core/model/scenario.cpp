#include "model/scenario.hpp"

namespace subsim {

const char* to_string(ActionKind k) {
    switch (k) {
        case ActionKind::cancel: return "cancel";
        case ActionKind::reactivate: return "reactivate";
        case ActionKind::add_payment_method: return "add_payment_method";
        case ActionKind::renew: return "renew";
        case ActionKind::close_account: return "close_account";
        case ActionKind::transfer: return "transfer";
        case ActionKind::activate: return "activate";
    }
    return "";
}

const char* to_string(CancellationPolicy p) {
    switch (p) {
        case CancellationPolicy::immediate: return "immediate";
        case CancellationPolicy::end_of_period: return "end_of_period";
        case CancellationPolicy::end_of_next_period: return "end_of_next_period";
        case CancellationPolicy::end_of_term: return "end_of_term";
    }
    return "";
}

}  // namespace subsim
