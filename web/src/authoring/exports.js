/* The export buttons: the scenario's calendar (.ics), the timeline as SVG and PNG, and the dated
 * sentences as an HTML fragment for help centers, each written by the engine
 * (core/render/output_text_api.*, the module's calendar_ics, timeline_svg, timeline_png,
 * sentence_table_html) and saved through a Blob, which works from file:// too. An invalid
 * scenario gives the engine's errors object instead; its first message is shown. */
import { html, button } from './dom.js';
import { uiOf } from './strings.js';
import { download, fileStem } from './download.js';

// The engine's first error when `answer` is its errors object (text starting with {"subsim"), else ''.
// `at(line, column)` writes the position in the reader's language.
function refusal(answer, at) {
  if (typeof answer !== 'string' || !answer.startsWith('{')) return '';
  try {
    const e = (JSON.parse(answer).errors || [])[0];
    return e ? at(e.line, e.column) + e.message : '';
  } catch (err) { return ''; }
}

function pngAnswer(engine, text, lang, at) {
  const bytes = engine.timeline_png(text, lang).slice();  // the view is only valid until the next call
  const isPng = bytes.length > 4 && bytes[0] === 0x89 && bytes[1] === 0x50;
  return isPng ? { bytes } : { error: refusal(new TextDecoder().decode(bytes), at) || 'PNG' };
}

// An http(s) address of the live page for the HTML fragment's link, or '' (from file://).
function liveLink(getLink) {
  const link = getLink ? getLink() : (typeof location !== 'undefined' ? location.href : '');
  return /^https?:\/\//.test(link || '') ? link : '';
}

/**
 * Mounts the four buttons in `container`.
 * opts: { engine, getText() → the scenario's text, lang ('en'|'fr'), getLink() → the live page's
 * address for the HTML fragment (optional; default location.href when http(s)) }.
 * Returns { setLang, destroy }.
 */
export function mountExports(container, opts) {
  const o = { lang: 'en', ...opts };
  const root = html('section', 'sa-exports', container);
  const render = () => {
    root.textContent = '';
    const ui = uiOf(o.lang);
    html('h3', null, root, ui.exportsTitle);
    const row = html('div', 'sa-export-buttons', root);
    const status = html('p', 'sa-status', root);
    status.setAttribute('role', 'status');
    const copyBox = html('div', 'sa-copy', root);
    const say = (msg) => { status.textContent = msg; };
    const run = (make) => () => {
      copyBox.textContent = '';
      const text = o.getText();
      const out = make(text, o.lang === 'fr' ? 'fr' : 'en', fileStem(text));
      if (out && out.error) say(ui.invalidForExport + out.error);
      else if (out) say(out.message);
    };
    const save = (answer, name, type) => refusal(answer, ui.at) ? { error: refusal(answer, ui.at) } : (download(answer, name, type), { message: ui.saved(name) });
    button('sa-ics', row, ui.ics).addEventListener('click', run((t, l, stem) => save(o.engine.calendar_ics(t, l), stem + '.ics', 'text/calendar;charset=utf-8')));
    button('sa-svg', row, ui.svg).addEventListener('click', run((t, l, stem) => save(o.engine.timeline_svg(t, l), stem + '.svg', 'image/svg+xml')));
    button('sa-png', row, ui.png).addEventListener('click', run((t, l, stem) => {
      const a = pngAnswer(o.engine, t, l, ui.at);
      return a.error ? a : (download(a.bytes, stem + '.png', 'image/png'), { message: ui.saved(stem + '.png') });
    }));
    button('sa-html', row, ui.html).addEventListener('click', run((t, l) => copyHtml(o.engine.sentence_table_html(t, l, liveLink(o.getLink)), copyBox, ui, say)));
  };
  render();
  return { setLang(lang) { o.lang = lang; render(); }, destroy() { root.remove(); } };
}

// Copies the fragment; where the clipboard is refused, shows it selected for a manual copy.
function copyHtml(fragment, box, ui, say) {
  if (refusal(fragment, ui.at)) return { error: refusal(fragment, ui.at) };
  const fallback = () => {
    html('p', null, box, ui.copyFallback);
    const area = html('textarea', 'sa-copy-text', box);
    area.readOnly = true;
    area.value = fragment;
    area.setAttribute('aria-label', ui.html);
    area.focus();
    area.select();
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(fragment).then(() => say(ui.copied), fallback);
  } else {
    fallback();
  }
  box.dataset.fragment = 'ready';
  return null;
}
