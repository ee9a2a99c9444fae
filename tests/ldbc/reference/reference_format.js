// The plain-text value format of the .expected files (README.md), and parameter handling
// that keeps LDBC dates (yyyyMMddHHmmssSSS, ~2e16 > 2^53) exact in JavaScript.
'use strict';

// JSON.parse would round integers above 2^53: quote every integer literal of 16+ digits
// first and turn it into a BigInt in the reviver.
function parseParams(text) {
  const quoted = text.replace(/([:\[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"__bigint:$2"');
  return JSON.parse(quoted, (k, v) =>
    (typeof v === 'string' && v.startsWith('__bigint:')) ? BigInt(v.slice(9)) : v);
}

// Kuzu's Node.js API binds a BigInt as INT128 (exact) and a Number as INT64/DOUBLE;
// ids fit in a Number, dates do not.
function bindParams(params) {
  const out = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v))
      ? (() => { throw new Error(`parameter ${k}=${v} lost precision`); })() : v;
  }
  return out;
}

function paramsJson(params) {
  return '{' + Object.entries(params).map(([k, v]) =>
    `${JSON.stringify(k)}: ${typeof v === 'bigint' ? v.toString() : JSON.stringify(v)}`).join(', ') + '}';
}

function escapeText(s) {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n');
}

// type is Kuzu's column type name (e.g. DOUBLE, INT64[], STRING[][]); it tells doubles
// that happen to be whole (2.0) from integers, because JS has one number type.
function renderValue(v, type, sortList = false) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (/^(DOUBLE|FLOAT)/.test(type)) {
      return Number.isInteger(v) ? v.toFixed(1) : String(v);
    }
    if (!Number.isSafeInteger(v)) {
      throw new Error(`integer ${v} lost precision in JavaScript: cast it to STRING in the query`);
    }
    return String(v);
  }
  if (typeof v === 'string') return escapeText(v);
  if (Array.isArray(v)) {
    const inner = type.replace(/\[\]$/, '');
    const items = v.map((x) => renderValue(x, inner));
    if (sortList) items.sort();
    return '[' + items.join(', ') + ']';
  }
  throw new Error(`cannot render ${typeof v} ${JSON.stringify(v)} (${type})`);
}

module.exports = { parseParams, bindParams, paramsJson, renderValue };
