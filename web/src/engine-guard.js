/* A time budget for texts that arrive from outside (share links, opened files, embeds): their
 * first simulation runs in a Web Worker (subsim-worker.js); past the budget the worker is
 * terminated and the caller says so, instead of freezing the page. Where a worker cannot start
 * (file://, or subsim's files on another origin than the page), the caller simulates as before. */
import { seedAnswer } from './engine-answer.js';
import { canStream } from './engine.js';
import { readerToday } from './reader-today.js';

export const BUDGET_MS = 4000;
export const MAX_ANSWER_CHARS = 16 << 20;   // an answer the page can read and draw at once

export class BudgetError extends Error {
  constructor(code, limit) { super(code + ' ' + limit); this.code = code; this.limit = limit; }
}

// Resolves true once `text` is simulated within the budget (its answer is then in the cache, so
// the page does not simulate it again), false when no worker can run it here; rejects with a
// BudgetError past the time budget ('too_slow') or for an answer too large to show ('answer_too_big').
export function guard(engine, base, text, lang, budgetMs = BUDGET_MS) {
  if (typeof Worker !== 'function' || !canStream(base, location.href)) return Promise.resolve(false);
  let worker;
  try { worker = new Worker(base + 'subsim-worker.js'); } catch (e) { return Promise.resolve(false); }
  const today = readerToday();   // the same day as answerFor's, so the cached answer is found
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { worker.terminate(); reject(new BudgetError('too_slow', budgetMs)); }, budgetMs);
    worker.onmessage = (e) => {
      clearTimeout(timer);
      worker.terminate();
      if (e.data.tooBig) { reject(new BudgetError('answer_too_big', e.data.tooBig)); return; }
      if (e.data.error) { resolve(false); return; }
      seedAnswer(engine, text, e.data.result, lang, e.data.narration, today);
      resolve(true);
    };
    worker.onerror = (e) => { e.preventDefault(); clearTimeout(timer); worker.terminate(); resolve(false); };
    worker.postMessage({ text, lang, base, maxChars: MAX_ANSWER_CHARS, today });
  });
}
