#!/usr/bin/env node
// Times Kuzu 0.11.3 on the LDBC SNB Interactive reference queries
// (tests/ldbc/reference/<q>.kuzu.cypher with every parameter set of params.json).
// Per query: each statement is prepared once; every parameter set is run `warmup` times
// untimed, then `runs` timed runs alternate across the parameter sets. One timed run
// covers conn.execute(prepared, params) + fetching all rows + closing the result, in the
// same process (no Node start-up, no load, no prepare). Prints median / min / max in ms
// over all timed runs of the query.
// Usage: node bench/kuzu/time_queries.js [--db KUZU_DB] [--runs N] [--warmup N] [--json] [query ...]
//        without --db, loads ../shared/data/ldbc-sf01 into a temp dir first (load.js).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { loadLdbc, KUZU_MODULE } = require('./load.js');

const REF = path.resolve(__dirname, '../../tests/ldbc/reference');
const { parseParams } = require(path.join(REF, 'reference_format.js'));
const { QUERIES, queryText } = require(path.join(REF, 'generate.js'));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function runOnce(conn, prepared, params) {
  const t0 = process.hrtime.bigint();
  const res = await conn.execute(prepared, params);
  const rows = await res.getAll();
  res.close();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: rows.length };
}

// Returns [{query, paramSets, runs, medianMs, minMs, maxMs}] for the named queries.
async function timeQueries(dbPath, { names = Object.keys(QUERIES), runs = 10, warmup = 2, onResult = () => {} } = {}) {
  const kuzu = require(KUZU_MODULE);
  const allParams = parseParams(fs.readFileSync(path.join(REF, 'params.json'), 'utf8'));
  const db = new kuzu.Database(dbPath, 0, true, true);
  const conn = new kuzu.Connection(db);
  const results = [];
  try {
    for (const name of names) {
      const prepared = await conn.prepare(queryText(name));
      if (!prepared.isSuccess()) throw new Error(`${name}: ${prepared.getErrorMessage()}`);
      const sets = allParams[name];
      for (const p of sets) for (let i = 0; i < warmup; i++) await runOnce(conn, prepared, p);
      const times = [];
      for (let i = 0; i < runs; i++) for (const p of sets) times.push((await runOnce(conn, prepared, p)).ms);
      results.push({ query: name, paramSets: sets.length, runs: times.length,
        medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) });
      onResult(results[results.length - 1]);
    }
  } finally {
    await conn.close();
    await db.close();
  }
  return results;
}

const f = (x) => x.toFixed(2).padStart(9);
const printRow = (r) => console.log(`${r.query.padEnd(6)} ${String(r.paramSets).padStart(6)} ${String(r.runs).padStart(5)} ${f(r.medianMs)} ${f(r.minMs)} ${f(r.maxMs)}`);

async function main() {
  const args = process.argv.slice(2);
  const opt = (flag, dflt) => { const i = args.indexOf(flag); if (i < 0) return dflt; const v = args[i + 1]; args.splice(i, 2); return v; };
  let dbPath = opt('--db', null);
  const runs = Number(opt('--runs', 10));
  const warmup = Number(opt('--warmup', 2));
  const json = args.includes('--json');
  const names = args.filter((a) => a !== '--json');
  let tmp = null;
  if (!dbPath) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-kuzu-time-'));
    dbPath = path.join(tmp, 'kuzu.db');
    const { loadMs, storeBytes } = await loadLdbc(dbPath);
    console.log(`kuzu load: ${(loadMs / 1000).toFixed(2)} s, store ${(storeBytes / 1e6).toFixed(1)} MB`);
  }
  try {
    if (!json) console.log('query  params  runs  median_ms    min_ms    max_ms');
    const results = await timeQueries(dbPath, { names: names.length ? names : undefined, runs, warmup,
      onResult: json ? () => {} : printRow });
    if (json) console.log(JSON.stringify(results, null, 1));
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { timeQueries };
if (require.main === module) main().catch((e) => { console.error(e.message || e); process.exit(1); });
