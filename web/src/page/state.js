/* What the page's modules share: the reader's state, the views built at start (refs), and the
 * page's few entry points (actions) that main.js fills in. */
import { UI } from '../strings.js';

export const EVENT_PAGE = 200, INVOICE_PAGE = 100;
export const $ = (id) => document.getElementById(id);

export const state = {
  engine: null,
  lang: 'en',
  langChosen: false,    // the reader chose (?lang=, the switch, a link's &lang=)
  text: '',             // the scenario's text as the page has it (editor.js: the textarea shows it when open)
  textStale: false,     // the textarea does not hold it yet (the JSON panel is closed)
  good: null,           // { scenario, answer, result, text, key }: the last valid result, kept on errors
  errors: [],
  pickedKey: null,      // bundled scenario currently in the editor, if unchanged
  eventLimit: EVENT_PAGE,
  invoiceLimit: INVOICE_PAGE,
  filter: 'all',
  renders: 0,
  fileName: null,       // name for "download": the bundled or opened file
  scenarios: [],        // the bundled scenarios' index: { file, title, source }
  texts: {},            // bundled scenario texts loaded so far, by file
  hist: { stack: [], idx: -1, at: 0 },
  debounce: null,
  baseCache: { text: null, result: null },
  ctx: null,
  base: '',             // where subsim's files are (the page's directory)
  origin: null,         // the scenario the editor's text started from (saved-edits.js)
  original: null,       // its text as opened
};
export const refs = { timeline: null, panel: null, tlBefore: null, tlAfter: null, src: null };
export const actions = { simulate: null, setLang: null, baseResult: null, context: null, pick: null };

export function ui() { return UI[state.lang]; }
