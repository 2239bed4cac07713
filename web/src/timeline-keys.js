/* Keyboard on the timeline: ← → previous/next item in a lane, ↑ ↓ the nearest item in the other
 * lanes, Home/End, + − 0 zoom, Enter shows the event in the list, Escape hides the tip. */
function nearestIn(items, day) {
  let best = -1, bd = Infinity;
  items.forEach((it, j) => {
    const dist = it.kind === 'bar' ? (day < it.from ? it.from - day : (day >= it.to ? day - it.to + 1 : 0)) : Math.abs(it.from - day);
    if (dist < bd) { bd = dist; best = j; }
  });
  return best;
}

function moveVertically(tl, dir) {
  const lanes = tl.model.lanes, s = tl.sel, cur = tl._item(s.lane, s.index);
  const day = cur.kind === 'bar' ? Math.max(cur.from, Math.floor(tl.dayAt(tl.scrollX))) : cur.from;
  for (let l = s.lane + dir; l >= 0 && l < lanes.length; l += dir) {
    const j = nearestIn(lanes[l].items, day);
    if (j >= 0) { tl.select(l, j); return; }
  }
}

function onKey(tl, e) {
  const s = tl.sel, lanes = tl.model.lanes;
  switch (e.key) {
    case 'ArrowRight': case 'ArrowLeft': {
      if (!s) { tl._selectFirstVisible(); break; }
      const n = s.index + (e.key === 'ArrowRight' ? 1 : -1);
      if (n >= 0 && n < lanes[s.lane].items.length) tl.select(s.lane, n);
      break;
    }
    case 'ArrowDown': case 'ArrowUp':
      if (!s) tl._selectFirstVisible(); else moveVertically(tl, e.key === 'ArrowDown' ? 1 : -1);
      break;
    case 'Home': if (s) tl.select(s.lane, 0); else tl._selectFirstVisible(); break;
    case 'End': if (s) tl.select(s.lane, lanes[s.lane].items.length - 1); break;
    case '+': case '=': tl.zoomBy(2); break;
    case '-': case '_': tl.zoomBy(0.5); break;
    case '0': tl.fit(); break;
    case 'Enter': case ' ': {
      const cur = s && tl._item(s.lane, s.index);
      if (cur && tl.opts.onActivate) tl.opts.onActivate(cur);
      break;
    }
    case 'Escape': tl.tip.hidden = true; tl.pinned = false; break;
    default: return false;
  }
  return true;
}

export function bindTimelineKeys(tl) {
  tl.scroller.addEventListener('keydown', (e) => {
    if (!tl.model || e.altKey || e.metaKey || e.ctrlKey) return;
    if (onKey(tl, e)) e.preventDefault();
  });
}
