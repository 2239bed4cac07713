/* Entry point of build/site/authoring.js: the authoring tools as window.SubsimAuthoring, for the
 * page to call once the author opens the editor or the builder (see README.md). */
import { mountEditor } from './editor.js';
import { mountBuilder, templates, templateText } from './builder.js';
import { mountExports } from './exports.js';
import { fieldGuide } from './guide.js';

// Links authoring.css from the directory this script was loaded from (once).
function linkStyles() {
  const script = document.currentScript;
  if (!script || document.querySelector('link[data-subsim-authoring]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = script.src.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'authoring.css';
  link.dataset.subsimAuthoring = '';
  document.head.appendChild(link);
}
linkStyles();

const api = { mountEditor, mountBuilder, mountExports, templates, templateText, fieldGuide };
window.SubsimAuthoring = api;
export default api;
