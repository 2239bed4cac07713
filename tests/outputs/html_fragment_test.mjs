// `subsim render --html`: every bundled scenario's fragment, in both locales, through DOMPurify set
// up like Zendesk Guide's article allowlist (tags, global attributes, <a> attributes and link
// protocols from "Allowing unsafe HTML in help center articles"): nothing may be removed, and the
// sanitized text must equal the original byte for byte. Usage: node html_fragment_test.mjs SUBSIM SCENARIOS_DIR
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const [subsim, scenarios] = process.argv.slice(2);
const purify = createDOMPurify(new JSDOM('').window);
const zendesk = {
  ALLOWED_TAGS: ['a', 'abbr', 'address', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
    'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'ins', 'kbd',
    'li', 'ol', 'p', 'pre', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
    'thead', 'tr', 'ul', 'var',
    'body'],  // the parsed document's own wrapper, not a tag of the fragment
  ALLOWED_ATTR: ['id', 'class', 'title', 'href', 'target', 'name', 'rel'],
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: true,
  // DOMPurify's own pattern (values without a scheme pass) with Zendesk's link protocols only.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|ftp|sftp|sms|tel):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i,
};

function fail(message) {
  console.log(`FAIL: ${message}`);
  process.exit(1);
}

function check(file, args, where) {
  const html = execFileSync(subsim, ['render', file, '--html', ...args], { encoding: 'utf8' });
  const clean = purify.sanitize(html, zendesk);
  if (purify.removed.length) fail(`${where}: DOMPurify removed ${purify.removed.map((r) => r.element?.nodeName ?? r.attribute?.name)}`);
  if (clean !== html) {
    let i = 0;
    while (html[i] === clean[i]) i++;
    fail(`${where}: sanitized differs at ${i}: ${JSON.stringify(html.slice(i - 40, i + 40))} vs ${JSON.stringify(clean.slice(i - 40, i + 40))}`);
  }
  return html;
}

let count = 0;
for (const name of readdirSync(scenarios).filter((n) => n.endsWith('.json')).sort()) {
  for (const locale of ['en', 'fr']) {
    const html = check(join(scenarios, name), ['--locale', locale, '--link', 'https://example.org/subsim/#z=abc&x=1'], `${name} ${locale}`);
    if (!html.includes('<table') || !html.includes('href="https://example.org/subsim/#z=abc&amp;x=1"')) fail(`${name}: a table and the link`);
    count++;
  }
}

// Names that look like markup stay text.
const dir = mkdtempSync(join(tmpdir(), 'subsim-html-'));
const hostile = join(dir, 'hostile.json');
writeFileSync(hostile, JSON.stringify({
  subsim: 1, title: '<script>alert(1)</script> & <img src=x onerror=alert(2)>', locale: 'fr', currency: 'EUR',
  start: '2025-01-10', until: '2025-03-31',
  catalog: { products: [{ id: 'p', name: '<iframe src="javascript:alert(3)">' }],
    plans: [{ id: 'm', product: 'p', price: 4900, period: 'P1M' }] },
  account: { id: 'a', created: '2025-01-10', owner: 'o', users: [{ id: 'o', role: 'owner', name: '<b onclick=x>Ana</b>' }] },
  subscriptions: [{ id: 's<1>', plans: ['m'], start: '2025-01-10' }],
  actions: [{ on: '2025-02-01', do: 'cancel', by: 'o', subscription: 's<1>' }],
}));
const html = check(hostile, [], 'hostile names');
if (html.includes('<script') || html.includes('<iframe') || html.includes('<img')) fail('markup in names is escaped');
console.log(`ok: ${count + 1} HTML fragments unchanged by DOMPurify with Zendesk Guide's allowlist`);
