'use strict';
// Synthetic scenarios for the page's stress tests and the benchmark: any horizon (one month to
// 100 years) and any number of products, with trials, reminders, a product removal, a refused
// action and a missed notice deadline so that every kind of marker shows up.

function addYears(iso, n) { return String(+iso.slice(0, 4) + n).padStart(4, '0') + iso.slice(4); }
function addDays(iso, n) {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + n * 86400000).toISOString().slice(0, 10);
}

function stressScenario({ start = '2020-01-01', days = null, years = 10, products = 20, perSubscription = 5, locale = 'en' } = {}) {
  const until = days != null ? addDays(start, days - 1) : addDays(addYears(start, years), -1);
  const total = days != null ? days : years * 365;
  const at = (fraction) => addDays(start, Math.max(1, Math.floor(total * fraction)));
  const prods = [], plans = [];
  for (let i = 1; i <= products; i++) {
    const id = `p${String(i).padStart(2, '0')}`;
    prods.push({ id, name: `Product ${i}` });
    const yearly = i % 4 === 0;
    const plan = { id: `${id}-plan`, product: id, price: 500 + 125 * i, period: yearly ? 'P1Y' : 'P1M' };
    if (yearly) { plan.reminders = ['P30D']; plan.notice = 'P30D'; plan.cancellation = 'end_of_term'; }
    if (i === 1) plan.trial = { length: 'P14D' };
    plans.push(plan);
  }
  const subs = [];
  for (let s = 0; s * perSubscription < products; s++) {
    const members = plans.slice(s * perSubscription, (s + 1) * perSubscription);
    // A subscription's plans share one trial length: only the first subscription has a trial.
    subs.push({ id: `s${s + 1}`, plans: members.map((p) => p.id), start });
  }
  // Trials must agree within a subscription: give the trial to every plan of s1 or to none.
  if (perSubscription > 1) for (const p of plans.slice(1, perSubscription)) p.trial = { length: 'P14D' };
  const actions = [
    { on: at(0.3), do: 'cancel', by: 'viewer', subscription: 's1' },
  ];
  if (subs.length > 1) actions.push({ on: at(0.5), do: 'cancel', subscription: 's2', products: [subs[1].plans[0].replace(/-plan$/, '')] });
  if (subs.length > 2) actions.push({ on: at(0.7), do: 'cancel', subscription: subs[subs.length - 1].id });
  actions.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    subsim: 1,
    title: `Stress: ${days != null ? days + ' days' : years + ' years'}, ${products} products`,
    locale,
    currency: 'EUR',
    start,
    until,
    catalog: { products: prods, plans },
    account: { id: 'stress', created: start, owner: 'olga', payment_method: true,
               users: [{ id: 'olga', role: 'owner' }, { id: 'viewer', role: 'viewer' }] },
    subscriptions: subs,
    actions,
    expect: [{ total_charged: 1 }],
  };
}

module.exports = { stressScenario, addDays, addYears };
