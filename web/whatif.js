/* subsim: what-if exploration, without any DOM. Classic script defining the global SubSimWhatIf
 * (used by the page, the embed page and the <subsim-timeline> element).
 *
 * A what-if action is an ordinary scenario action marked `"x-whatif": true` (x- keys are free for
 * authors, SPEC §2), so the scenario text itself carries it: it is simulated, downloaded and
 * shared with the rest, and the scenario "before" is the same text without the marked actions.
 * Actions are edited in the text itself (the author's formatting is kept): a new action goes
 * after every action dated on or before its date, so it runs after that day's other actions
 * (the engine runs same-date actions in file order, SPEC §2.4).
 *
 * The answer to "what happens if…" is the narrator's (the module's narration().answers, found by
 * the action's index in `actions`). Also here: the share-link fragment codec. */
(function (global) {
  'use strict';

  var MARK = 'x-whatif';

  // ---- JSON with positions ----------------------------------------------------------------
  // A small parser that records where every value sits in the text (start/end offsets), for
  // text that the engine already accepted. Objects: { type, start, end, props: [{ key, keyStart,
  // value }] }; arrays: { type, start, end, items: [node] }; scalars: { type, start, end }.
  function parse(text) {
    var i = 0, n = text.length;
    function fail(what) { throw new Error('JSON: ' + what + ' at offset ' + i); }
    function ws() {
      while (i < n) {
        var c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xFEFF) i++; else break;
      }
    }
    function str() {
      if (text[i] !== '"') fail('string expected');
      var s = i++;
      while (i < n) {
        var c = text[i];
        if (c === '\\') i += 2;
        else if (c === '"') { i++; return JSON.parse(text.slice(s, i)); }
        else i++;
      }
      fail('unterminated string');
    }
    function value() {
      ws();
      var start = i, c = text[i];
      if (c === '{') {
        i++;
        var props = [];
        ws();
        if (text[i] === '}') { i++; return { type: 'object', start: start, end: i, props: props }; }
        for (;;) {
          ws();
          var ks = i, key = str();
          ws();
          if (text[i] !== ':') fail('":" expected');
          i++;
          var v = value();
          props.push({ key: key, keyStart: ks, value: v });
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === '}') { i++; break; }
          fail('"," or "}" expected');
        }
        return { type: 'object', start: start, end: i, props: props };
      }
      if (c === '[') {
        i++;
        var items = [];
        ws();
        if (text[i] === ']') { i++; return { type: 'array', start: start, end: i, items: items }; }
        for (;;) {
          items.push(value());
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === ']') { i++; break; }
          fail('"," or "]" expected');
        }
        return { type: 'array', start: start, end: i, items: items };
      }
      if (c === '"') { str(); return { type: 'string', start: start, end: i }; }
      var m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
      if (!m) fail('value expected');
      i += m[0].length;
      return { type: 'scalar', start: start, end: i };
    }
    var root = value();
    ws();
    if (i !== n) fail('trailing text');
    return root;
  }

  function prop(obj, key) {
    if (!obj || obj.type !== 'object') return null;
    var found = null;
    obj.props.forEach(function (p) { if (p.key === key) found = p; });   // the last one wins, as in JSON.parse
    return found;
  }

  // Indentation of the line holding offset `at` (null when that line is the first: one-line JSON).
  function lineIndent(text, at) {
    var nl = text.lastIndexOf('\n', at - 1);
    if (nl < 0) return null;
    var m = /^[ \t]*/.exec(text.slice(nl + 1));
    return m[0];
  }
  function wsBefore(text, at) {
    var s = at;
    while (s > 0 && /\s/.test(text[s - 1])) s--;
    return text.slice(s, at);
  }

  // ---- actions ----------------------------------------------------------------------------
  var KEY_ORDER = ['on', 'do', 'by', 'subscription', 'products', 'number', 'to', 'separate_entity'];
  function serializeAction(a) {
    var parts = [];
    KEY_ORDER.forEach(function (k) { if (a[k] !== undefined && a[k] !== null && a[k] !== '') parts.push(JSON.stringify(k) + ': ' + JSON.stringify(a[k])); });
    Object.keys(a).forEach(function (k) {
      if (KEY_ORDER.indexOf(k) < 0 && k !== MARK && a[k] !== undefined) parts.push(JSON.stringify(k) + ': ' + JSON.stringify(a[k]));
    });
    parts.push(JSON.stringify(MARK) + ': true');
    return '{ ' + parts.join(', ') + ' }';
  }

  function isWhatIf(a) { return !!(a && typeof a === 'object' && a[MARK]); }

  // Every action of the scenario, in file order: { index, action, whatif, start, end }.
  function listActions(text) {
    var root = parse(text), p = prop(root, 'actions');
    if (!p || p.value.type !== 'array') return [];
    return p.value.items.map(function (it, k) {
      var a = null;
      try { a = JSON.parse(text.slice(it.start, it.end)); } catch (e) { a = null; }
      return { index: k, action: a, whatif: isWhatIf(a), start: it.start, end: it.end };
    });
  }
  function whatIfs(text) { return listActions(text).filter(function (x) { return x.whatif; }); }

  // The text with `action` inserted in date order (after every action dated on or before it).
  function insertAction(text, action) {
    var root = parse(text);
    if (root.type !== 'object') throw new Error('the scenario is not a JSON object');
    var item = serializeAction(action);
    var p = prop(root, 'actions');
    if (!p) {
      var after = prop(root, 'subscriptions') || root.props[root.props.length - 1];
      if (!after) return text.slice(0, root.start) + '{ "actions": [ ' + item + ' ] }' + text.slice(root.end);
      var ind = lineIndent(text, after.keyStart);
      var ins = ind == null ? ', "actions": [ ' + item + ' ]'
                            : ',\n' + ind + '"actions": [\n' + ind + ind + item + '\n' + ind + ']';
      return text.slice(0, after.value.end) + ins + text.slice(after.value.end);
    }
    var arr = p.value;
    if (arr.type !== 'array') throw new Error('"actions" is not a list');
    var items = arr.items, dates = items.map(function (it) {
      try { return JSON.parse(text.slice(it.start, it.end)).on; } catch (e) { return null; }
    });
    var idx = 0;
    for (var k = 0; k < items.length; k++) if (typeof dates[k] === 'string' && dates[k] <= action.on) idx = k + 1;
    if (!items.length) {
      var ki = lineIndent(text, p.keyStart);
      var body = ki == null ? '[ ' + item + ' ]' : '[\n' + ki + ki + item + '\n' + ki + ']';
      return text.slice(0, arr.start) + body + text.slice(arr.end);
    }
    if (idx < items.length) {
      var sep = wsBefore(text, items[idx].start);
      return text.slice(0, items[idx].start) + item + ',' + sep + text.slice(items[idx].start);
    }
    var last = items[items.length - 1];
    return text.slice(0, last.end) + ',' + wsBefore(text, last.start) + item + text.slice(last.end);
  }

  // The text without the action at `index` (an index into the `actions` list). An `actions` list
  // left empty is removed altogether (it defaults to []), so adding then removing gives the
  // original text back.
  function removeAction(text, index) {
    var root = parse(text), p = prop(root, 'actions');
    if (!p || p.value.type !== 'array' || !p.value.items[index]) return text;
    var items = p.value.items;
    if (items.length === 1) {
      var pi = root.props.indexOf(p);
      if (pi > 0) return text.slice(0, root.props[pi - 1].value.end) + text.slice(p.value.end);
      if (root.props.length > 1) return text.slice(0, p.keyStart) + text.slice(root.props[1].keyStart);
      return text.slice(0, p.value.start) + '[]' + text.slice(p.value.end);
    }
    if (index > 0) return text.slice(0, items[index - 1].end) + text.slice(items[index].end);
    return text.slice(0, items[0].start) + text.slice(items[1].start);
  }

  // Move the action at `index` to another date (it is placed again in date order).
  function moveAction(text, index, on) {
    var list = listActions(text), x = list[index];
    if (!x || !x.action) return text;
    var a = {};
    Object.keys(x.action).forEach(function (k) { a[k] = x.action[k]; });
    a.on = on;
    return insertAction(removeAction(text, index), a);
  }

  // The scenario without its what-if actions ("before").
  function baseText(text) {
    var list = whatIfs(text);
    for (var k = list.length - 1; k >= 0; k--) text = removeAction(text, list[k].index);
    return text;
  }
  // The scenario without one what-if action (k-th what-if), to isolate that action's effect.
  function withoutWhatIf(text, k) {
    var list = whatIfs(text);
    return list[k] ? removeAction(text, list[k].index) : text;
  }

  // ---- who may do what --------------------------------------------------------------------
  // The people who can act: the account's users, plus the owner when it is not among them
  // (SPEC §2.2: an action without `by` is done by the owner).
  function actors(scenario) {
    var acc = (scenario && scenario.account) || {}, out = [];
    (acc.users || []).forEach(function (u) {
      if (u && typeof u.id === 'string') out.push({ id: u.id, name: typeof u.name === 'string' ? u.name : null, role: acc.owner === u.id ? 'owner' : String(u.role), listedRole: String(u.role) });
    });
    if (typeof acc.owner === 'string' && !out.some(function (u) { return u.id === acc.owner; })) out.push({ id: acc.owner, role: 'owner', listedRole: 'owner' });
    if (typeof acc.owner !== 'string') out.push({ id: '', role: 'owner', listedRole: 'owner' });   // no `by`
    return out;
  }
  function permitted(scenario, actor, action) {
    var perms = (scenario && scenario.permissions) || {};
    var roles = Array.isArray(perms[action]) ? perms[action] : ['owner'];
    return roles.indexOf(actor.role) >= 0 || roles.indexOf(actor.listedRole) >= 0;
  }

  // ---- dates ------------------------------------------------------------------------------
  var DAY = 86400000;
  function dayNum(iso) { return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY); }
  function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }
  function addDays(iso, k) { return isoOf(dayNum(iso) + k); }
  function addMonths(iso, k) {
    var y = +iso.slice(0, 4), m = +iso.slice(5, 7) - 1 + k, d = +iso.slice(8, 10);
    y += Math.floor(m / 12); m = ((m % 12) + 12) % 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return isoOf(Math.round(Date.UTC(y, m, Math.min(d, last)) / DAY));
  }
  function clampIso(iso, lo, hi) { return iso < lo ? lo : (iso > hi ? hi : iso); }

  // ---- effect of one action ---------------------------------------------------------------
  // Only what the page needs to mark an answer (refused, late): read from the engine's events,
  // the result with the action against the result without it. The answer itself is the
  // narrator's (narration().answers); nothing here words it or recomputes a date or an amount.
  function key(e) { return JSON.stringify(e); }
  // Events in `a` that are not in `b` (as a multiset).
  function eventDiff(a, b) {
    var count = {};
    (b.events || []).forEach(function (e) { var k = key(e); count[k] = (count[k] || 0) + 1; });
    return (a.events || []).filter(function (e) {
      var k = key(e);
      if (count[k]) { count[k]--; return false; }
      return true;
    });
  }
  function effect(action, withR, withoutR) {
    var direct = eventDiff(withR, withoutR).filter(function (e) { return e.date === action.on; });
    return {
      refused: direct.some(function (e) { return e.type === 'action_refused' && e.details && e.details.action === action['do']; }),
      missed: direct.some(function (e) { return e.type === 'cancellation_scheduled' && e.details && e.details.deadline_missed === true; }),
    };
  }

  // ---- share fragment ---------------------------------------------------------------------
  // `z=` + base64url(deflate-raw(UTF-8 text)) where CompressionStream exists, otherwise `t=` +
  // base64url(UTF-8 text). Optional `&lang=fr|en`, `&whatif=1`, `&title=0` follow.
  function b64url(bytes) {
    var s = '', CH = 0x8000;
    for (var i = 0; i < bytes.length; i += CH) s += String.fromCharCode.apply(null, bytes.subarray(i, i + CH));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function unb64url(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  function canCompress() { return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'; }
  function encodeText(text) {
    var bytes = new TextEncoder().encode(text);
    if (!canCompress()) return Promise.resolve('t=' + b64url(bytes));
    return pipe(bytes, new CompressionStream('deflate-raw')).then(function (z) { return 'z=' + b64url(z); },
      function () { return 't=' + b64url(bytes); });
  }
  // Parse a fragment ("#z=…&lang=fr") into { text (a promise, or null), params }.
  function parseFragment(hash) {
    var h = String(hash || '').replace(/^#/, '');
    var params = {};
    if (h.indexOf('=') < 0) return { text: null, params: params, plain: h ? decodeURIComponent(h) : '' };
    h.split('&').forEach(function (kv) {
      var eq = kv.indexOf('=');
      if (eq > 0) params[kv.slice(0, eq)] = kv.slice(eq + 1);
    });
    var text = null;
    try {
      if (params.z != null) {
        var z = unb64url(params.z);
        text = canCompress() ? pipe(z, new DecompressionStream('deflate-raw')).then(function (b) { return new TextDecoder().decode(b); })
                             : Promise.reject(new Error('this browser cannot decompress the link (no DecompressionStream)'));
      } else if (params.t != null) {
        text = Promise.resolve(new TextDecoder().decode(unb64url(params.t)));
      }
    } catch (e) { text = Promise.reject(e); }
    if (text) text.catch(function () {});   // the caller handles it; no unhandled-rejection noise
    return { text: text, params: params, plain: '' };
  }

  global.SubSimWhatIf = {
    MARK: MARK,
    parse: parse, listActions: listActions, whatIfs: whatIfs, isWhatIf: isWhatIf, serializeAction: serializeAction,
    insertAction: insertAction, removeAction: removeAction, moveAction: moveAction,
    baseText: baseText, withoutWhatIf: withoutWhatIf,
    actors: actors, permitted: permitted,
    dayNum: dayNum, isoOf: isoOf, addDays: addDays, addMonths: addMonths, clampIso: clampIso,
    eventDiff: eventDiff, effect: effect,
    encodeText: encodeText, parseFragment: parseFragment, canCompress: canCompress, b64url: b64url, unb64url: unb64url,
  };
})(typeof window !== 'undefined' ? window : globalThis);
