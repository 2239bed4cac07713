// `pause` and `resume` (SPEC-v2 §3.1, §3.2, §3.7): the request, its dates and its refusals, and a
// resume action. What happens on P and U is pause_days.cpp; the credit is pause_money.cpp.
#include "engine/pause.hpp"

#include "engine/dunning.hpp"

#include <algorithm>

#include "engine/dunning.hpp"
#include "engine/permissions.hpp"
#include "engine/pause_internal.hpp"
#include "engine/renewal.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// What a `pause` asks, resolved against the lead plan and its calendar on r (SPEC-v2 §3.2).
struct PauseRequest {
    bool immediate = false;
    long k = 0;                    // the first billing period not served
    Date start;                    // P
    std::optional<Date> resumes;   // U
    Rule resume_rule = Rule::pause_resumed;
};

PauseRequest request_of(const SubscriptionRun& run, const Action& a) {
    const Plan& lead = *run.lead;
    const BillingCalendar& cal = run.lead_calendar;
    PauseRequest q;
    q.immediate = a.starts.value_or(lead.pause.starts) == PauseStart::immediate;
    // Immediate: the first boundary on or after r; end_of_period: P is the first boundary after r.
    q.k = cal.first_boundary_after(q.immediate ? a.on.plus_days(-1) : a.on);
    q.start = q.immediate ? a.on : cal.boundary(q.k);
    if (a.until) {
        q.resumes = a.until->plus_days(1);
    } else if (a.cycles && q.immediate) {
        q.resumes = BillingCalendar(a.on, lead.period, 1, 1).boundary(*a.cycles);  // r + c × period
    } else if (a.cycles) {
        q.resumes = cal.boundary(q.k + *a.cycles);
    } else if (lead.pause.max) {
        q.resumes = lead.pause.max->after(q.start);
        q.resume_rule = Rule::pause_max_reached;
    }
    return q;
}

// SPEC-v2 §3.7 `mixed_periods`: the pause moves every line by whole periods of one length.
bool one_period(const Simulation& sim, const SubscriptionRun& run) {
    const Duration period = run.lead->period;
    const bool lines_agree = std::all_of(run.lines.begin(), run.lines.end(),
                                         [&](const ProductLine& l) { return l.plan->period == period; });
    return lines_agree && (!run.sub->bundle || sim.scenario.catalog.bundles[*run.sub->bundle].period == period);
}

// SPEC-v2 §3.7, in the SPEC's order (`past_due` comes with dunning, §4, and is not checked here).
std::optional<Refusal> pause_refusal(const Simulation& sim, const Action& a, const SubscriptionRun& run,
                                     const PauseRequest& q) {
    if (auto standing = standing_refusal(sim, a, run)) return standing;
    const std::optional<State> state = derived_state(run);
    if (state == State::pending_cancellation || state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::pause_already_cancelled};
    if (!state || state == State::expired || run.trial.expired) return Refusal{Reason::not_active, Rule::pause_not_active};
    if (state == State::trialing) return Refusal{Reason::trialing, Rule::pause_trialing};
    if (pause_ahead_or_running(run)) return Refusal{Reason::already_paused, Rule::pause_already_paused};
    if (in_dunning(run)) return Refusal{Reason::past_due, Rule::pause_past_due};  // SPEC-v2 §3.7 item 6
    if (std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.change.has_value(); }))
        return Refusal{Reason::change_pending, Rule::pause_change_pending};
    if (const std::optional<Date> end = renewal_cap(run); end && !(q.start < *end))
        return Refusal{Reason::ends_first, Rule::pause_ends_first};
    if (!one_period(sim, run)) return Refusal{Reason::mixed_periods, Rule::pause_mixed_periods};
    if (!run.lead->pause.allowed) return Refusal{Reason::pause_not_allowed, Rule::pause_not_allowed};
    if (a.until && *a.until < q.start) return Refusal{Reason::ends_before_start, Rule::pause_ends_before_start};
    const std::optional<Duration>& max = run.lead->pause.max;
    if (q.resumes && max && *q.resumes > max->after(q.start)) return Refusal{Reason::pause_too_long, Rule::pause_too_long};
    return std::nullopt;
}

void accept(Simulation& sim, const Action& a, SubscriptionRun& run, const PauseRequest& q) {
    PauseState& p = run.pause;
    const std::optional<Date> last_resume = p.last_resume, resume_anchor = p.resume_anchor;
    p = PauseState{};
    p.last_resume = last_resume;
    p.resume_anchor = resume_anchor;
    p.scheduled = true;
    p.immediate = q.immediate;
    p.start = q.start;
    p.resumes = q.resumes;
    p.resume_rule = q.resume_rule;
    p.first_unserved = q.k;
    sim.emit(a.on, EventType::pause_scheduled, run.index, std::nullopt,
             q.immediate ? Rule::pause_immediate : Rule::pause_end_of_period,
             {{"by", actor(sim.scenario, a)},
              {"starts", q.start},
              {"resumes", q.resumes ? DetailValue{*q.resumes} : DetailValue{nullptr}},
              {"cycles", a.cycles ? DetailValue{static_cast<std::int64_t>(*a.cycles)} : DetailValue{nullptr}}});
    if (q.immediate) start_pause(sim, run, a.on);
}

void withdraw_scheduled(Simulation& sim, SubscriptionRun& run, Date day, DetailValue by, const char* reason) {
    sim.emit(day, EventType::pause_withdrawn, run.index, std::nullopt, Rule::pause_withdrawn,
             {{"by", std::move(by)}, {"starts", run.pause.start}, {"reason", std::string(reason)}});
    run.pause.scheduled = false;
}

}  // namespace

bool is_paused(const SubscriptionRun& run) {
    return run.pause.started && std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.live(); });
}

bool pause_ahead_or_running(const SubscriptionRun& run) { return run.pause.scheduled || is_paused(run); }

bool billing_suspended(const SubscriptionRun& run) { return run.pause.started && !run.pause.resumes; }

bool resumed_on(const SubscriptionRun& run, Date day) {
    return run.pause.last_resume == day || run.pause.resume_anchor == day;
}

void pause(Simulation& sim, const Action& a) {
    SubscriptionRun& run = sim.subs[*a.subscription];
    const PauseRequest q = request_of(run, a);
    if (auto why = pause_refusal(sim, a, run, q)) return refuse(sim, a, run.index, std::nullopt, why->reason, why->rule);
    accept(sim, a, run, q);
}

void resume(Simulation& sim, const Action& a) {
    SubscriptionRun& run = sim.subs[*a.subscription];
    if (auto why = standing_refusal(sim, a, run)) return refuse(sim, a, run.index, std::nullopt, why->reason, why->rule);
    if (!pause_ahead_or_running(run))
        return refuse(sim, a, run.index, std::nullopt, Reason::not_paused, Rule::resume_not_paused);
    if (run.pause.scheduled) return withdraw_scheduled(sim, run, a.on, actor(sim.scenario, a), "resumed");
    resume_on(sim, run, a.on, Rule::pause_resumed_by_request, actor(sim.scenario, a));
    renew_or_expire_if_due(sim, run, a.on);  // a resume action issues the day's invoice itself (§3.4)
}

void withdraw_pause_of_cancelled(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!run.pause.scheduled) return;
    if (std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.cancellable(); })) return;
    DetailValue by = sim.current_action ? actor(sim.scenario, sim.scenario.actions[*sim.current_action]) : DetailValue{nullptr};
    withdraw_scheduled(sim, run, day, std::move(by), "cancellation");
}

CancellationDate paused_cancellation_date(Date r, Duration notice) {
    CancellationDate out;
    out.notice = notice;
    out.rule = Rule::pause_cancelled_while_paused;
    out.effective = out.notice_deadline = out.earliest = r;
    return out;
}

std::optional<Date> next_pause_date(const SubscriptionRun& run) {
    if (run.pause.scheduled) return run.pause.start;
    if (run.pause.started) return run.pause.resumes;
    return std::nullopt;
}

}  // namespace subsim
