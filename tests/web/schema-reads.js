'use strict';
// "The page reads no field the result schema does not define" (issue 9, point 5), checked while
// the page runs: an init script wraps JSON.parse so that every engine result the page (or an
// embed) parses becomes a Proxy that knows, at each place, which subschemas of
// schema/result.schema.json apply; every property the page reads is looked up there, and a key
// the schema does not define at that place is recorded as a violation (with its path).
//
// A key counts as defined at a place when one of the subschemas that apply there names it in
// `properties` or `patternProperties`, or gives `additionalProperties` as a schema (a map, like
// summary.states). Subschemas that apply: `$ref` (local), `allOf`, the branches of `anyOf` /
// `oneOf` whose discriminators (const, enum, type, required) the actual value matches, and
// `then` / `else` by the actual value against `if`. So `details.effective` is defined on a
// `cancellation_scheduled` event and is a violation on an `invoice` event.
//
// Not reads of data: array `length` and methods, symbols, and Object.prototype members that the
// value does not own (toJSON for JSON.stringify, then for Promise resolution). The root's `errors`
// is allowed too: the page tells a result from the errors object of SPEC §5 by it.
const fs = require('node:fs');
const path = require('node:path');

const SCHEMA = path.join(__dirname, '..', '..', 'schema', 'result.schema.json');

// Runs in the page (serialised with its schema argument): installs the recording JSON.parse.
function install(schema) {
  var violations = [];
  var reads = 0;
  function resolve(s) {
    var guard = 0;
    while (s && typeof s === 'object' && typeof s.$ref === 'string' && guard++ < 32) {
      var ref = s.$ref;
      if (ref.indexOf('#') !== 0) return {};
      var node = schema;
      ref.slice(1).split('/').filter(Boolean).forEach(function (k) {
        k = decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~');
        node = node == null ? node : node[k];
      });
      // Keywords beside $ref (2019-09+) still apply.
      var rest = {};
      Object.keys(s).forEach(function (k) { if (k !== '$ref') rest[k] = s[k]; });
      s = Object.keys(rest).length ? { allOf: [node || {}, rest] } : (node || {});
    }
    return s === true || s == null ? {} : s;
  }
  function typeOf(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  // Whether `v` can be an instance of `s`, judged by its discriminators (enough to pick branches).
  function matches(s, v, depth) {
    s = resolve(s);
    if (s === false) return false;
    if (depth > 6) return true;
    if (s.const !== undefined && !same(s.const, v)) return false;
    if (Array.isArray(s.enum) && !s.enum.some(function (e) { return same(e, v); })) return false;
    if (s.type !== undefined) {
      var types = Array.isArray(s.type) ? s.type : [s.type], t = typeOf(v);
      if (types.indexOf(t) < 0 && !(t === 'integer' && types.indexOf('number') >= 0)) return false;
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (Array.isArray(s.required) && !s.required.every(function (k) { return Object.prototype.hasOwnProperty.call(v, k); })) return false;
      if (s.properties) {
        for (var k in s.properties) {
          if (Object.prototype.hasOwnProperty.call(v, k) && !matches(s.properties[k], v[k], depth + 1)) return false;
        }
      }
      if (s.additionalProperties === false) {
        var known = Object.keys(s.properties || {}), pats = Object.keys(s.patternProperties || {});
        var extra = Object.keys(v).some(function (k) {
          return known.indexOf(k) < 0 && !pats.some(function (p) { return new RegExp(p, 'u').test(k); });
        });
        if (extra) return false;
      }
    }
    if (Array.isArray(s.allOf) && !s.allOf.every(function (x) { return matches(x, v, depth + 1); })) return false;
    if (Array.isArray(s.anyOf) && !s.anyOf.some(function (x) { return matches(x, v, depth + 1); })) return false;
    if (Array.isArray(s.oneOf) && !s.oneOf.some(function (x) { return matches(x, v, depth + 1); })) return false;
    if (s.not !== undefined && matches(s.not, v, depth + 1)) return false;
    if (s['if'] !== undefined) {
      var branch = matches(s['if'], v, depth + 1) ? s.then : s['else'];
      if (branch !== undefined && !matches(branch, v, depth + 1)) return false;
    }
    return true;
  }
  // Every subschema that applies to `v` at a place whose schemas are `list`.
  function expand(list, v) {
    var out = [], seen = [];
    (function walk(s, depth) {
      s = resolve(s);
      if (s === false || depth > 24 || seen.indexOf(s) >= 0) return;
      seen.push(s);
      out.push(s);
      (s.allOf || []).forEach(function (x) { walk(x, depth + 1); });
      (s.anyOf || []).concat(s.oneOf || []).forEach(function (x) { if (matches(x, v, 0)) walk(x, depth + 1); });
      if (s['if'] !== undefined) {
        var b = matches(s['if'], v, 0) ? s.then : s['else'];
        if (b !== undefined) walk(b, depth + 1);
      }
      if (s.dependentSchemas && v && typeof v === 'object') {
        Object.keys(s.dependentSchemas).forEach(function (k) { if (Object.prototype.hasOwnProperty.call(v, k)) walk(s.dependentSchemas[k], depth + 1); });
      }
    })({ allOf: list }, 0);
    return out;
  }
  // The schemas of `key` inside `v`, or null when no applicable subschema defines it.
  function child(list, v, key) {
    var all = expand(list, v), found = [], defined = false;
    all.forEach(function (s) {
      if (Array.isArray(v)) {
        var i = +key;
        if (Array.isArray(s.prefixItems) && i < s.prefixItems.length) { found.push(s.prefixItems[i]); defined = true; }
        else if (Array.isArray(s.items) && i < s.items.length) { found.push(s.items[i]); defined = true; }
        else if (s.items && !Array.isArray(s.items)) { found.push(s.items); defined = true; }
        return;
      }
      if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, key)) { found.push(s.properties[key]); defined = true; }
      Object.keys(s.patternProperties || {}).forEach(function (p) {
        if (new RegExp(p, 'u').test(key)) { found.push(s.patternProperties[p]); defined = true; }
      });
      if (s.additionalProperties && typeof s.additionalProperties === 'object' &&
          !(s.properties && Object.prototype.hasOwnProperty.call(s.properties, key))) { found.push(s.additionalProperties); defined = true; }
    });
    return defined ? found : null;
  }
  var proxies = new WeakMap();
  function wrap(v, list, where) {
    if (!v || typeof v !== 'object') return v;
    var known = proxies.get(v);
    if (known) return known;
    var isArray = Array.isArray(v);
    var handler = {
      get: function (target, key, receiver) {
        if (typeof key === 'symbol') return Reflect.get(target, key, receiver);
        var own = Object.prototype.hasOwnProperty.call(target, key);
        if (isArray && !/^(0|[1-9]\d*)$/.test(key)) return Reflect.get(target, key, receiver);   // length, map, forEach…
        if (!own && key in Object.prototype) return Reflect.get(target, key, receiver);          // toJSON, constructor…
        if (!own && (key === 'then' || key === 'toJSON')) return Reflect.get(target, key, receiver);   // JSON.stringify, Promise
        reads++;
        var here = where + (isArray ? '[' + key + ']' : '.' + key);
        if (where === '' && key === 'errors') return Reflect.get(target, key, receiver);
        var c = child(list, target, key);
        if (!c) {
          if (violations.length < 200) violations.push(here + (own ? '' : ' (absent)'));
          return Reflect.get(target, key, receiver);
        }
        return wrap(Reflect.get(target, key, receiver), c, here);
      },
      has: function (target, key) {
        if (typeof key !== 'symbol' && !isArray && !(key in Object.prototype)) {
          reads++;
          if (!(where === '' && key === 'errors') && !child(list, target, key) && violations.length < 200) violations.push(where + '.' + key + ' (in)');
        }
        return Reflect.has(target, key);
      },
    };
    var p = new Proxy(v, handler);
    proxies.set(v, p);
    return p;
  }
  var parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    var v = reviver === undefined ? parse(text) : parse(text, reviver);
    var isResult = function (r) { return r && typeof r === 'object' && !Array.isArray(r) && (r.subsim === 1 || r.subsim === 2) && Array.isArray(r.spans); };
    if (isResult(v)) return wrap(v, [schema], '');
    // The module's answer(text, locale): { locale, result, narration }, and the page's
    // page_answer (engine-page.js): { locale, result }; the result is recorded.
    if (v && typeof v === 'object' && isResult(v.result) && ('narration' in v || 'locale' in v)) v.result = wrap(v.result, [schema], '');
    return v;
  };
  window.__schemaReads = function () { return { reads: reads, violations: violations.slice() }; };
}

function initScript() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  return `(${install.toString()})(${JSON.stringify(schema)});`;
}

module.exports = { SCHEMA, initScript };
