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
        case ActionKind::change_plan: return "change_plan";
        case ActionKind::payment_fails: return "payment_fails";
        case ActionKind::update_payment_method: return "update_payment_method";
        case ActionKind::withdraw: return "withdraw";
        case ActionKind::pause: return "pause";
        case ActionKind::resume: return "resume";
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


const char* to_string(ChangeTiming t) {
    switch (t) {
        case ChangeTiming::immediate: return "immediate";
        case ChangeTiming::end_of_period: return "end_of_period";
        case ChangeTiming::end_of_term: return "end_of_term";
        case ChangeTiming::refused: return "refused";
    }
    return "";
}

const char* to_string(Proration p) {
    switch (p) {
        case Proration::prorate: return "prorate";
        case Proration::full_credit: return "full_credit";
        case Proration::none: return "none";
    }
    return "";
}

const char* to_string(Refund r) {
    switch (r) {
        case Refund::none: return "none";
        case Refund::prorated: return "prorated";
        case Refund::full: return "full";
    }
    return "";
}

const char* to_string(OnExhausted o) {
    switch (o) {
        case OnExhausted::cancel: return "cancel";
        case OnExhausted::expire: return "expire";
        case OnExhausted::keep_past_due: return "keep_past_due";
    }
    return "";
}

const char* to_string(Jurisdiction j) {
    switch (j) {
        case Jurisdiction::fr: return "FR";
        case Jurisdiction::de: return "DE";
        case Jurisdiction::eu: return "EU";
        case Jurisdiction::us_ca: return "US-CA";
    }
    return "";
}
const char* to_string(PauseStart s) { return s == PauseStart::immediate ? "immediate" : "end_of_period"; }

}  // namespace subsim
