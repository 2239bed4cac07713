#include "engine/plan_change.hpp"

#include <algorithm>

#include "engine/billing_day.hpp"
#include "engine/invoicing.hpp"
#include "engine/pause.hpp"
#include "engine/permissions.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"

namespace subsim {
namespace {

// What a `change_plan` asks, resolved against the line's current (from) plan (SPEC-v2 §1.2–§1.3).
struct ChangeRequest {
    const Plan* from;
    const Plan* to;
    Direction direction;
    ChangeTiming setting;  // the from plan's timing for this direction (may be `refused`)
    ChangeTiming timing;
    Proration proration;
    bool reset;
    Date effective;
    Rule rule;
};

// The start of the line's billing period on `r`, or the anchor before the first one.
Date period_start(const BillingCalendar& cal, Date r) {
    if (r < cal.anchor()) return cal.anchor();
    return cal.boundary(cal.first_boundary_after(r) - 1);
}

// By rank when both plans have one, else by the price per day over the period starting at x.
Direction direction_of(const Plan& from, const Plan& to, Date x) {
    if (from.rank && to.rank)
        return *to.rank > *from.rank ? Direction::upgrade : *to.rank < *from.rank ? Direction::downgrade : Direction::lateral;
    const std::int64_t o = x.days_until(from.period.after(x)), n = x.days_until(to.period.after(x));
    const std::int64_t new_rate = to.price.minor() * o, old_rate = from.price.minor() * n;
    return new_rate > old_rate ? Direction::upgrade : new_rate < old_rate ? Direction::downgrade : Direction::lateral;
}

Rule rule_of(ChangeTiming t) {
    if (t == ChangeTiming::end_of_period) return Rule::change_end_of_period;
    if (t == ChangeTiming::end_of_term) return Rule::change_end_of_term;
    return Rule::change_immediate;
}

ChangeRequest request_of(const Simulation& sim, const SubscriptionRun& run, const ProductLine& line, const Action& a) {
    ChangeRequest q{line.plan, &sim.scenario.catalog.plans[*a.to_plan], Direction::lateral, ChangeTiming::immediate,
                    ChangeTiming::immediate, Proration::prorate, false, a.on, Rule::change_immediate};
    q.direction = direction_of(*q.from, *q.to, period_start(line.calendar, a.on));
    q.setting = q.direction == Direction::downgrade ? q.from->change.downgrade : q.from->change.upgrade;
    q.proration = a.proration.value_or(q.from->change.proration);
    if (in_trial(run, a.on)) {
        q.rule = Rule::change_trial;
        return q;
    }
    q.timing = a.timing.value_or(q.setting == ChangeTiming::refused ? ChangeTiming::immediate : q.setting);
    q.reset = a.reset_anchor || !(q.to->period == q.from->period);
    q.rule = rule_of(q.timing);
    const BillingCalendar& cal = line.calendar;
    if (q.timing == ChangeTiming::end_of_period) q.effective = cal.boundary(cal.first_boundary_after(a.on));
    if (q.timing == ChangeTiming::end_of_term) q.effective = cal.boundary(cal.first_term_boundary_after(a.on));
    return q;
}

// SPEC-v2 §1.9, after the standing refusals; `same_plan` excludes a change back (§1.7).
std::optional<Refusal> change_refusal(const Simulation& sim, const Action& a, const SubscriptionRun& run,
                                      const ProductLine& line, const ChangeRequest& q) {
    if (auto standing = standing_refusal(sim, a, run)) return standing;
    if (line.state == State::pending_cancellation || line.state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::change_already_cancelled};
    if (!line.state || line.state == State::expired || run.trial.expired)
        return Refusal{Reason::not_active, Rule::change_not_active};
    if (pause_ahead_or_running(run)) return Refusal{Reason::paused, Rule::change_paused};  // SPEC-v2 §1.9 item 4
    if (in_dunning(run)) return Refusal{Reason::past_due, Rule::change_past_due};  // SPEC-v2 §4.4
    if (a.from_plan && &sim.scenario.catalog.plans[*a.from_plan] != line.plan)
        return Refusal{Reason::not_current_plan, Rule::change_not_current_plan};
    if (q.to == line.plan) {
        if (line.change) return std::nullopt;  // a change back
        return Refusal{Reason::same_plan, Rule::change_same_plan};
    }
    if (billed_through_bundle(sim, run, line.product)) return Refusal{Reason::in_bundle, Rule::change_in_bundle};
    if (q.reset && run.lines.size() > 1) return Refusal{Reason::multiple_plans, Rule::change_multiple_plans};
    if (q.setting == ChangeTiming::refused)
        return q.direction == Direction::downgrade ? Refusal{Reason::downgrade_not_allowed, Rule::change_downgrade_refused}
                                                   : Refusal{Reason::upgrade_not_allowed, Rule::change_upgrade_refused};
    if (const std::optional<Date> end = renewal_cap(run); end && !(q.effective < *end))
        return Refusal{Reason::ends_first, Rule::change_ends_first};
    return std::nullopt;
}

DetailValue current_by(const Simulation& sim) {
    if (!sim.current_action) return nullptr;
    return actor(sim.scenario, sim.scenario.actions[*sim.current_action]);
}

void withdraw(Simulation& sim, SubscriptionRun& run, ProductLine& line, Date day, const char* reason) {
    sim.emit(day, EventType::plan_change_withdrawn, run.index, line.product, Rule::change_withdrawn,
             {{"by", current_by(sim)}, {"to", line.change->to->id}, {"reason", std::string(reason)}});
    line.change.reset();
}

void change_back(Simulation& sim, const Action& a, SubscriptionRun& run, ProductLine& line) {
    sim.emit(a.on, EventType::plan_change_requested, run.index, line.product, Rule::change_withdrawn,
             {{"by", actor(sim.scenario, a)}, {"from", line.plan->id}, {"to", line.plan->id}});
    withdraw(sim, run, line, a.on, "changed_back");
}

// The money of the change on E (SPEC-v2 §1.5, §1.6 step 1), as lines; a line invoiced on E for
// a period starting on E is withdrawn instead (never provided).
std::vector<RuledLine> change_money(Simulation& sim, SubscriptionRun& run, const ProductLine& line,
                                    const PendingChange& ch, Date e) {
    std::vector<RuledLine> out;
    if (ch.proration == Proration::none) return out;
    const Rule rule = ch.proration == Proration::prorate ? Rule::proration_prorate : Rule::proration_full_credit;
    const Index to_plan = plan_index(sim, *ch.to);
    const std::vector<PaidLine> paid_lines = paid_lines_after(sim, run, line.product, e);
    supersede(sim, paid_lines);
    for (const PaidLine& paid : paid_lines) {
        const InvoiceLine& l = paid.line;
        const Date a = l.nominal_from.value_or(l.from);
        const Date s = ch.proration == Proration::prorate ? std::max(e, l.from) : l.from;
        const std::int64_t charge = share(ch.to->price.minor() * l.periods, s.days_until(l.to), a.days_until(l.to));
        if (l.from == e && paid.invoiced_on == e) {
            withdraw_lines_billed_on(sim, run, e, {line.product});
            if (!ch.reset_anchor)
                out.push_back({InvoiceLine{line.product, std::nullopt, l.from, l.to, Money{charge}, to_plan, LineKind::period, a, l.periods}, rule});
            continue;
        }
        const std::int64_t credit = share(l.amount.minor(), s.days_until(l.to), l.from.days_until(l.to));
        out.push_back({InvoiceLine{line.product, std::nullopt, s, l.to, Money{-credit}, l.plan, LineKind::proration_credit}, rule});
        if (!ch.reset_anchor)
            out.push_back({InvoiceLine{line.product, std::nullopt, s, l.to, Money{charge}, to_plan, LineKind::proration_charge, a, l.periods}, rule});
    }
    return out;
}

// The line's plan and calendar become `to`'s (SPEC-v2 §1.4, §1.6); the lead plan's line carries
// the subscription's term. `in_boundaries`: E's own term end is still to come today.
void move_line(SubscriptionRun& run, ProductLine& line, const Plan& to, Date e, bool reset, bool in_boundaries) {
    const Date anchor = reset ? reset_anchor(run, to, e) : run.lead_calendar.anchor();
    line.plan = &to;
    const BillingCalendar before = line.calendar;
    line.calendar = calendar_for(run, to, anchor);
    if (!reset) line.calendar.follow(before);  // the moves of a past pause stay (SPEC-v2 §0.7)
    line.billing.move_to(line.calendar, reset ? reset_first_line(run, line.calendar, to, e).next : line.billing.index());
    line.wake.move_to(line.calendar, 0);
    if (&line != &run.lines.front()) return;
    run.lead = &to;
    run.lead_calendar = line.calendar;
    run.reminders.wake_term.clear();
    const BillingCalendar& cal = run.lead_calendar;
    if (reset || e < cal.anchor()) run.renewal.term_end = first_term_end(run);
    else run.renewal.term_end = cal.first_term_boundary_after(in_boundaries ? e.plus_days(-1) : e);
}

void apply_change(Simulation& sim, SubscriptionRun& run, ProductLine& line, Date e, bool in_boundaries) {
    const PendingChange ch = *line.change;
    line.change.reset();
    const Plan& from = *line.plan;
    std::vector<RuledLine> lines;
    if (ch.rule != Rule::change_trial) lines = change_money(sim, run, line, ch, e);
    move_line(run, line, *ch.to, e, ch.reset_anchor, in_boundaries);
    if (ch.reset_anchor) {
        const ResetLine first = reset_first_line(run, line.calendar, *ch.to, e);  // a stub with a billing day (§6.2)
        lines.push_back({InvoiceLine{line.product, std::nullopt, e, first.to, Money{first.amount}, plan_index(sim, *ch.to),
                                     LineKind::period, first.nominal_from}, Rule::change_reset_anchor});
    }
    std::int64_t credited = 0, charged = 0;
    for (const RuledLine& l : lines) (l.line.amount.minor() < 0 ? credited : charged) += l.line.amount.minor();
    if (run.sub->activation_required) credited = charged = 0;  // a third party bills it (SPEC §2.3)
    sim.emit(e, EventType::plan_changed, run.index, line.product, ch.rule,
             {{"from", from.id}, {"to", ch.to->id}, {"old_amount", from.price.minor()}, {"new_amount", ch.to->price.minor()},
              {"credited", -credited}, {"charged", charged}, {"anchor", run.lead_calendar.anchor()}});
    add_lines(sim, run, e, std::move(lines));
}

void accept(Simulation& sim, const Action& a, SubscriptionRun& run, ProductLine& line, const ChangeRequest& q) {
    sim.emit(a.on, EventType::plan_change_requested, run.index, line.product, q.rule,
             {{"by", actor(sim.scenario, a)}, {"from", q.from->id}, {"to", q.to->id}});
    sim.emit(a.on, EventType::plan_change_scheduled, run.index, line.product, q.rule,
             {{"effective", q.effective},
              {"timing", std::string(to_string(q.timing))},
              {"direction", std::string(to_string(q.direction))},
              {"proration", std::string(to_string(q.proration))},
              {"reset_anchor", q.reset},
              {"replaces", line.change ? DetailValue{line.change->to->id} : DetailValue{nullptr}}});
    line.change = PendingChange{q.to, q.effective, q.proration, q.reset, q.rule};
    if (q.effective == a.on) apply_change(sim, run, line, a.on, false);
}

}  // namespace

const char* to_string(Direction d) {
    switch (d) {
        case Direction::upgrade: return "upgrade";
        case Direction::downgrade: return "downgrade";
        case Direction::lateral: return "lateral";
    }
    return "";
}

void change_plan(Simulation& sim, const Action& a) {
    SubscriptionRun& run = sim.subs[*a.subscription];
    const Plan& to = sim.scenario.catalog.plans[*a.to_plan];
    ProductLine& line = *run.line_for(to.product);
    const ChangeRequest q = request_of(sim, run, line, a);
    if (auto why = change_refusal(sim, a, run, line, q))
        return refuse(sim, a, run.index, line.product, why->reason, why->rule);
    if (q.to == line.plan) return change_back(sim, a, run, line);
    accept(sim, a, run, line, q);
}

void apply_changes_due(Simulation& sim, SubscriptionRun& run, Date day) {
    for (ProductLine& line : run.lines)
        if (line.change && line.change->effective == day) apply_change(sim, run, line, day, true);
}

void withdraw_changes_of_cancelled(Simulation& sim, SubscriptionRun& run, Date day) {
    for (ProductLine& line : run.lines)
        if (line.change && (line.state == State::pending_cancellation || line.state == State::cancelled))
            withdraw(sim, run, line, day, "cancellation");
}

}  // namespace subsim
