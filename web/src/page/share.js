/* Download, the share dialog (link, iframe and element code) and opening a share link. */
import { html } from '../dom.js';
import { record } from './history.js';
import { setEditorText, editorText } from './editor.js';
import { guard } from '../engine-guard.js';
import { setOrigin, keptEdits, showRestored, hideRestored } from './saved-edits.js';
import { whatIfs } from '../whatif-model.js';
import { encodeText, parseFragment } from '../share-link.js';
import { escapeAttr } from '../dom.js';
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';

// ---- download, share, embed ---------------------------------------------------------------
function downloadName() {
  var base = state.fileName ? state.fileName.replace(/\.json$/i, '') : '';
  if (!base) {
    var title = state.good && state.good.scenario && state.good.scenario.title;
    base = String(title || 'scenario').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  }
  var n = 0;
  try { n = whatIfs(editorText()).length; } catch (e) { n = 0; }
  return base + (n && !/-whatif$/.test(base) ? '-whatif' : '') + '.json';
}
export function download() {
  var blob = new Blob([editorText()], { type: 'application/json' });
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = downloadName();
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.parentNode.removeChild(a); }, 1000);
}

// Where subsim's files are served from, for embed code: the "public address" field (filled from
// ?base= when given), else this page's directory when it is served over http(s). Never file://.
export function publicBase() {
  var typed = ($('embed-base').value || '').trim();
  var here = location.href.split('#')[0].split('?')[0].replace(/[^/]*$/, '');
  var base = typed || (/^https?:/.test(location.protocol) ? here : '');
  if (!base) return '';
  try { var u = new URL(base, here); } catch (e) { return ''; }
  if (!/^https?:$/.test(u.protocol)) return '';
  return u.href.replace(/[?#].*$/, '').replace(/\/?$/, '/');
}
var shareFrag = '';
function embedHeight(g, whatif) {
  var lanes = refs.timeline.model ? refs.timeline.model.lanes.length : 2;
  // Title and facts, toolbar, axis, lanes, the folded lists and the footer; the what-if form
  // with one answer. Generous: too short an iframe scrolls, too tall leaves a gap.
  return 200 + 34 * Math.min(lanes, 8) + (whatif ? 260 : 0);
}
export function embedCodes() {
  var g = state.good, whatif = $('embed-whatif').checked, lang = $('embed-lang').value;
  var base = publicBase(), title = (g && g.scenario && g.scenario.title) || 'subsim';
  $('embed-base-note').hidden = !!base;
  ['embed-iframe', 'embed-element', 'copy-iframe', 'copy-element'].forEach(function (id) { $(id).disabled = !base; });
  if (!base) { $('embed-iframe').value = ''; $('embed-element').value = ''; return; }
  var frag = shareFrag + (lang !== 'host' ? '&lang=' + lang : '') + (whatif ? '&whatif=1' : '');
  $('embed-iframe').value = '<iframe src="' + escapeAttr(base + 'embed.html#' + frag) + '" title="' + escapeAttr(title) +
    '" width="100%" height="' + embedHeight(g, whatif) + '" loading="lazy"></iframe>';
  // Inside <script type="application/json"> nothing may look like "</script": "<" is escaped,
  // which JSON allows inside strings (the only place a "<" can be).
  var json = editorText().replace(/</g, '\\u003c');
  $('embed-element').value = '<script src="' + escapeAttr(base + 'subsim-embed.js') + '" defer></script>\n' +
    '<subsim-timeline' + (lang !== 'host' ? ' lang="' + lang + '"' : '') + (whatif ? ' whatif' : '') + '>\n' +
    '<script type="application/json">\n' + json.replace(/\s+$/, '') + '\n</script>\n</subsim-timeline>';
}
export function openShare() {
  var dlg = $('share-dialog');
  $('copy-status').textContent = '';
  if ($('embed-lang').value === 'host' && !dlg.dataset.init) { $('embed-lang').value = state.lang; dlg.dataset.init = '1'; }
  return encodeText(editorText()).then(function (frag) {
    shareFrag = frag;
    var url = location.href.split('#')[0] + '#' + frag + (state.langPicked ? '&lang=' + state.lang : '');
    $('share-link').value = url;
    try { history.replaceState(null, '', url); } catch (e) { /* file:// may refuse */ }
    embedCodes();
    if (!dlg.open) dlg.showModal();
    $('share-link').select();
  });
}
export function copyFrom(id) {
  var field = $(id), u = ui();
  function fallback() {
    field.focus();
    field.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    $('copy-status').textContent = ok ? u.copied : u.copyFailed;
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(field.value).then(function () { $('copy-status').textContent = u.copied; }, fallback);
  } else fallback();
}

// A share link (#z=… or #t=…): the scenario it carries, or false when the hash is something else.
export function openFromHash() {
  var f = parseFragment(location.hash);
  if (!f.text) return false;
  if (f.params.lang === 'fr' || f.params.lang === 'en') { state.langPicked = true; actions.setLang(f.params.lang, true); }
  // A link's text is simulated first in a worker with a time budget (engine-guard.js).
  var guarded = function (text) { return guard(state.engine, state.base, text, state.lang).then(function () { return text; }); };
  return f.text.then(guarded).then(function (original) {
    setOrigin('link', location.hash.slice(0, 256));
    state.original = original;
    var kept = keptEdits(original), text = kept != null ? kept : original;
    if (kept != null) showRestored(function () { setEditorText(original); record(original, 'load'); actions.simulate(false); });
    else hideRestored();
    state.pickedKey = null;
    state.fileName = null;
    $('picker').value = '';
    setEditorText(text);
    record(text, 'load');
    actions.simulate(false);
    return true;
  }, function (err) {
    state.linkError = err;
    return 'broken';
  });
}
