/* Builds the "New scenario" templates from the bundled scenarios at build time (build.mjs), so
 * they never drift from scenarios/*.json: for each source, the first scenario file (by name)
 * carrying it, with its catalog, account, permissions, subscriptions and actions kept, and its
 * title, notes (x- keys), schema address and expectations left out for the author to write.
 * Plus a blank one: the smallest valid scenario, its ids to be renamed. */
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['DELL-CANCEL', 'DELL-PREMIER', 'RESCUEASSIST', 'ZENDESK', 'REDHAT'];

function withoutNotes(value) {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('x-')) out[k] = withoutNotes(v);
  return out;
}

export function templateOf(scenario) {
  const { $schema, title, expect, ...rest } = withoutNotes(scenario);
  return { subsim: rest.subsim, title: '', ...rest };
}

export const BLANK = {
  subsim: 1, title: '', locale: 'en', currency: 'EUR', start: '2025-01-01', until: '2025-12-31',
  catalog: { products: [{ id: 'product-1', name: 'Product 1' }],
             plans: [{ id: 'plan-1', product: 'product-1', price: 1000, period: 'P1M' }] },
  account: { id: 'account-1', created: '2025-01-01', owner: 'owner-1', payment_method: true,
             users: [{ id: 'owner-1', role: 'owner' }] },
  subscriptions: [{ id: 'subscription-1', plans: ['plan-1'], start: '2025-01-01' }],
  actions: [],
};

// [{ source, file, scenario }] in the order of SOURCES, then { source: '', file: '', scenario: BLANK }.
export function buildTemplates(scenarioDir) {
  const files = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort();
  const out = [];
  for (const source of SOURCES) {
    for (const file of files) {
      const scenario = JSON.parse(fs.readFileSync(path.join(scenarioDir, file), 'utf8'));
      if (scenario.source === source) { out.push({ source, file, scenario: templateOf(scenario) }); break; }
    }
  }
  out.push({ source: '', file: '', scenario: BLANK });
  return out;
}
