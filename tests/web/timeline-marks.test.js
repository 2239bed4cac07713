'use strict';
// Timeline markers (web/src/timeline-marks.js): markers of different kinds on one date sit side by
// side, and in a dense lane no marker is pushed more than one marker's width past its date (a lane
// of daily invoices and reminders once drew markers at x = 2765 on a 964 px chart).
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { ROOT } = require('./helpers');

const marks = () => import(path.join(ROOT, 'web', 'src', 'timeline-marks.js'));
const lane = (items) => ({ items });

test('two kinds on one date sit side by side', async () => {
  const { laneClusters } = await marks();
  const got = laneClusters(lane([{ kind: 'invoice', from: 10 }, { kind: 'reminder', from: 10 }]), 0, 100, (d) => d * 10);
  assert.deepEqual(got.map((c) => [c.kind, c.x]), [['invoice', 100], ['reminder', 111]]);
});

test('a dense lane keeps every marker within one marker of its date', async () => {
  const { laneClusters } = await marks();
  const items = [];
  for (let d = 0; d < 3650; d++) items.push({ kind: 'invoice', from: d }, { kind: 'reminder', from: d }, { kind: 'email', from: d });
  const xOf = (d) => (d * 964) / 3650;   // ten years of days on a 964 px chart
  const got = laneClusters(lane(items), 0, 3649, xOf);
  assert.ok(got.length > 100, `clusters: ${got.length}`);
  for (const c of got) {
    assert.ok(c.x >= c.x0 && c.x <= c.x0 + 11, `${c.kind} at ${c.x}, its date at ${c.x0}`);
    assert.ok(c.x <= 964 + 11, `${c.kind} at ${c.x} past the chart`);
  }
});
