/* What the page needs to mark a what-if answer (refused, late): the engine's events with the action
 * against the events without it. The answer itself is the narrator's; nothing here words it or
 * recomputes a date or an amount. */
const key = (e) => JSON.stringify(e);

// Events in `a` that are not in `b` (as a multiset).
export function eventDiff(a, b) {
  const count = new Map();
  (b.events || []).forEach((e) => { const k = key(e); count.set(k, (count.get(k) || 0) + 1); });
  return (a.events || []).filter((e) => {
    const k = key(e), n = count.get(k);
    if (n) { count.set(k, n - 1); return false; }
    return true;
  });
}

export function effect(action, withR, withoutR) {
  const direct = eventDiff(withR, withoutR).filter((e) => e.date === action.on);
  return {
    refused: direct.some((e) => e.type === 'action_refused' && e.details && e.details.action === action['do']),
    missed: direct.some((e) => e.type === 'cancellation_scheduled' && e.details && e.details.deadline_missed === true),
  };
}
