/* Lists updated in place: rows are kept by a key (what the row shows), so re-rendering a list
 * after an edit creates only the rows whose content changed and moves only rows out of place. */

// Puts `nodes` in `parent` in that order: rows no longer shown are removed first, so a row
// added or removed moves no other row; only rows out of place are moved.
export function placeRows(parent, nodes) {
  var keep = new Set(nodes);
  for (var c = parent.firstChild; c;) { var after = c.nextSibling; if (!keep.has(c)) parent.removeChild(c); c = after; }
  var cursor = parent.firstChild;
  nodes.forEach(function (n) {
    if (n === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(n, cursor);
  });
}

// Rows by key from the previous render (a key may repeat: a list of rows per key).
export function takeRow(pool, key) {
  var rows = pool.get(key);
  return rows && rows.length ? rows.shift() : null;
}
export function keepRow(pool, key, row) {
  var rows = pool.get(key);
  if (rows) rows.push(row); else pool.set(key, [row]);
}
