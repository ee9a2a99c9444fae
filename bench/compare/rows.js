// Row comparison between the two engines. Both sides render values to the text
// form of tests/ldbc/reference/README.md (kith: reference_text.cpp inside the
// worker; Kuzu: reference_format.js here); rows are compared as multisets
// (sorted texts), and two fields that differ as text but both read as numbers
// are equal when within a relative 1e-9 (doubles summed in another order).
'use strict';

// Splits a row text on unescaped '|'.
function fields(row) {
  const out = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && i + 1 < row.length) { cur += row[i] + row[i + 1]; i++; continue; }
    if (row[i] === '|') { out.push(cur); cur = ''; continue; }
    cur += row[i];
  }
  out.push(cur);
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function sameField(a, b) {
  if (a === b) return true;
  if (!NUMBER.test(a) || !NUMBER.test(b)) return false;
  const x = Number(a);
  const y = Number(b);
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

function sameRow(a, b) {
  if (a === b) return true;
  const fa = fields(a);
  const fb = fields(b);
  return fa.length === fb.length && fa.every((f, i) => sameField(f, fb[i]));
}

// True when the two row lists hold the same rows, in any order.
function sameRows(kithRows, kuzuRows) {
  if (kithRows.length !== kuzuRows.length) return false;
  const a = [...kithRows].sort();
  const b = [...kuzuRows].sort();
  return a.every((r, i) => sameRow(r, b[i]));
}

module.exports = { sameRows };
