/* The page's interface language: the reader's (?lang=, else the browser's language when it is
 * French or English); the scenario's `locale` only when the reader gives no preference. */
import { languageOf } from '../strings.js';
import { state, $, ui } from './state.js';

export function readerLanguage() {
  const asked = languageOf(new URLSearchParams(location.search).get('lang'));
  if (asked) return asked;
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (const l of langs) { const k = languageOf(l); if (k) return k; }
  return null;
}

export function applyStaticText() {
  const u = ui();
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((n) => {
    const v = u[n.getAttribute('data-i18n')];
    if (typeof v === 'string') n.textContent = v;
  });
  $('source').setAttribute('aria-label', u.editorLabel);
  $('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  $('lang-fr').setAttribute('aria-pressed', String(state.lang === 'fr'));
  const custom = $('picker').querySelector('option[value=""]');
  if (custom) custom.textContent = u.customScenario;
  const other = $('picker').querySelector('optgroup[data-nosource]');
  if (other) other.label = u.otherScenarios;
  showEngineVersion();
  $('undo').title = u.undoTitle;
  $('redo').title = u.redoTitle;
  $('download').title = u.downloadTitle;
  $('share-close').setAttribute('aria-label', u.close);
  $('article-link').href = state.lang === 'fr' ? 'article.fr.html' : 'article.en.html';
  $('doc-tools').setAttribute('aria-label', u.scenario);
}

// The footer's engine version, in the interface language (once the engine is loaded).
export function showEngineVersion() {
  if (state.engine) $('engine-version').textContent = ui().engineVersion(state.engine.version());
}
