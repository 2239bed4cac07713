/* Calendar days as integers (days since 1970-01-01, UTC) and ISO dates, for drawing and for the
 * what-if date controls. No engine rule lives here: the engine computes every date it reports. */
export const DAY_MS = 86400000;

export function dayNum(iso) {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}
export function isoOf(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }
export function addDays(iso, k) { return isoOf(dayNum(iso) + k); }
export function addMonths(iso, k) {
  let y = +iso.slice(0, 4), m = +iso.slice(5, 7) - 1 + k;
  const d = +iso.slice(8, 10);
  y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoOf(Math.round(Date.UTC(y, m, Math.min(d, last)) / DAY_MS));
}
export function clampIso(iso, lo, hi) { return iso < lo ? lo : (iso > hi ? hi : iso); }
