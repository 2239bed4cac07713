/* Answers without committing: the answer to the form's question before "Simulate this action"
 * (a preview), and two alternatives side by side (the form's action on its date and on another
 * date, or "instead of" against "in addition"): each one's answer (the narrator's) and its total
 * charged. Installed as methods of the form's Panel; the owner gives `answerOf(text)`. */
import { html, button, field } from './dom.js';
import * as W from './whatif-model.js';

// The narrator's answer and the total for `text` with action `a` added: { sentence, total, text }.
function tryAction(panel, a, instead) {
  let text;
  try { text = W.insertAction(panel.text, a, instead); } catch (e) { return null; }
  const ans = panel.opts.answerOf(text), r = ans.result;
  if (r.errors) return null;
  const idx = W.whatIfs(text).filter((x) => x.action && x.action.on === a.on && x.action['do'] === a['do']).map((x) => x.index);
  const narration = ans.narration(panel.opts.getLang());
  const first = idx.slice().sort((a, b) => a - b).find((i) => narration && narration.answerOf(i) !== undefined);
  return { sentence: first != null ? narration.answerOf(first) : '', total: (r.summary || {}).total_charged || 0, text };
}

export function installCompare(Panel) {
  Panel.prototype._buildCompare = function (root) {
    const box = this.cmp = html('details', 'wi-compare', root);
    this.cmpSummary = html('summary', null, box);
    const row = html('div', 'wi-form', box);
    this.cmpDate = html('input', 'wi-cmp-date');
    this.cmpDate.type = 'date';
    this.fCmpDate = field(row, '', this.cmpDate);
    this.btnCmp = button('wi-btn wi-cmp-go', row);
    this.cmpOut = html('div', 'wi-cmp-out', box);
    this.cmpOut.setAttribute('aria-live', 'polite');
    this.btnCmp.addEventListener('click', () => this.compare());
  };

  Panel.prototype._compareTexts = function () {
    const t = this.t();
    this.cmpSummary.textContent = t.compare + '…';
    this.fCmpDate.span.textContent = t.compareDate;
    this.btnCmp.textContent = t.compare;
    this.cmpDate.min = this.scenario.start;
    this.cmpDate.max = this.scenario.until;
  };

  // Two alternatives: A = the form's action on its date, B = the same on the other date.
  Panel.prototype.compare = function () {
    if (!this.text || !this.date || !this.cmpDate.value) return;
    const t = this.t(), instead = this.inInstead.checked && !this.inInstead.disabled;
    const a = this.formAction(), b = Object.assign({}, a, { on: this.cmpDate.value });
    this.cmpOut.textContent = '';
    [a, b].forEach((act, k) => {
      const res = tryAction(this, act, instead);
      const col = html('section', 'wi-alt', this.cmpOut);
      col.setAttribute('data-alt', String(k + 1));
      html('h4', null, col, t.alternative(k + 1) + ' — ' + this.ctx.date(act.on));
      html('p', 'wi-alt-answer', col, res ? res.sentence : '');
      const tot = html('p', 'wi-alt-total', col, t.compareTotal + ': ' + (res ? this.ctx.money(res.total) : '—'));
      tot.setAttribute('data-total', res ? String(res.total) : '');
      if (!res) return;
      const keep = button('wi-btn wi-keep', col, t.keep);
      keep.addEventListener('click', () => { this.pendingFocus = { action: act, focus: 'add' }; this.opts.commit(res.text, { kind: 'add' }); });
    });
  };

  // The answer to the form's question before it is added (shown in place of the prompt).
  Panel.prototype._preview = function () {
    clearTimeout(this.previewTimer);
    if (!this.opts.answerOf || !this.text) return;
    const text = this.text;
    this.previewTimer = setTimeout(() => {
      if (this.text !== text || !this.answer.classList.contains('pending')) return;
      const res = tryAction(this, this.formAction(), this.inInstead.checked && !this.inInstead.disabled);
      if (!res || !res.sentence) return;
      this.answer.textContent = res.sentence;
      this.answer.classList.remove('pending');
      this.answer.classList.add('preview');
    }, 0);
  };
}
