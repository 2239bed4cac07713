// Run inside a scratch project where the packed tarball was installed: every bundled scenario
// through `import { simulate, explain, validate } from 'subsim'`, compared with the native CLI
// (`subsim run --json` byte for byte, `subsim explain` in both locales, `subsim validate`).
// Usage: node parity.mjs SUBSIM SCENARIOS_DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, simulateText, explain, validate, version } from 'subsim';

const [cli, dir] = process.argv.slice(2);
const fail = (message) => { console.log(`FAIL: ${message}`); process.exit(1); };
const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' }).stdout;

if ((await version()) !== execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim().replace('subsim ', ''))
  fail('the package and the CLI have the same version');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
for (const file of files) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if ((await simulateText(text)) !== run('run', path, '--json')) fail(`${file}: simulateText == subsim run --json`);
  const result = await simulate(JSON.parse(text));  // an object works too
  if (JSON.stringify(result) !== JSON.stringify(JSON.parse(run('run', path, '--json')))) fail(`${file}: simulate(object)`);
  for (const locale of ['fr', 'en'])
    if (JSON.stringify(await explain(text, locale)) !== JSON.stringify(JSON.parse(run('explain', path, '--locale', locale))))
      fail(`${file}: explain ${locale}`);
  if ((await validate(text)).errors.length !== 0) fail(`${file}: validate`);
}
// A reference date passes through as the CLI's --today (format 2 relative dates).
const relative = join(dir, 'v2', 'today-cancel-zendesk-annual.json');
for (const day of ['2026-03-31', '2027-01-15']) {
  const text = readFileSync(relative, 'utf8');
  if ((await simulateText(text, { today: day })) !== run('run', relative, '--json', '--today', day))
    fail(`today-cancel-zendesk-annual.json: simulateText(text, { today: ${day} }) == subsim run --json --today ${day}`);
  if (JSON.stringify(await explain(text, 'en', { today: day })) !== JSON.stringify(JSON.parse(run('explain', relative, '--locale', 'en', '--today', day))))
    fail(`today-cancel-zendesk-annual.json: explain with today ${day}`);
}
if (!(await validate('{"subsim": 2}', { today: 'soon' })).errors.some((e) => /reference date/.test(e.message)))
  fail('a malformed today is an error');
const bad = await validate('{"subsim": 1, "start": "2025-02-30"}');
if (!bad.errors.some((e) => e.pointer === '/start')) fail('validate reports positioned errors');
console.log(`ok: ${files.length} scenarios through the installed package, identical to the CLI`);
