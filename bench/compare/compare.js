#!/usr/bin/env node
// kith vs Kuzu 0.11.3, side by side in one run (issue 8). bench/run.sh is the way in;
// `node bench/compare/compare.js --help` lists the options. What every number covers is
// in bench/README.md; in short:
//   kith query ms  steady_clock around Database::query (all rows materialised) inside
//                  kith_bench_worker, a process started once (no start-up, no IPC).
//   Kuzu query ms  process.hrtime around conn.execute(prepared, params) + getAll() +
//                  close() in this Node process; each statement is prepared once.
//   load ms        kith: the importer in-process (kith_bench_worker), incl. fsync and
//                  rename; Kuzu: open + schema + COPY + CHECKPOINT in-process.
// Per query and parameter set: W warm-up runs per engine, then N timed runs alternating
// engines (which goes first swaps every run); the median is over all timed runs of all
// parameter sets. Rows of both engines are compared (multisets of rendered rows) on the
// first run of every parameter set; any MISMATCH or ERROR makes the exit status 1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const { KithWorker } = require('./kith_worker.js');
const { sameRows } = require('./rows.js');
const { median, geomeans, textTable, markdownTable } = require('./report.js');
const { ldbcQueries, relationshipQueries, REPO } = require('./suites.js');
const { describeMachine, machineText } = require('./machine.js');
const { loadLdbc, loadDemo, DEFAULT_DATA_DIR, KUZU_MODULE } = require('../kuzu/load.js');
const { bindParams, paramsJson, renderValue } = require('../../tests/ldbc/reference/reference_format.js');

const USAGE = `usage: node bench/compare/compare.js [options]
  --runs N             timed runs per engine and parameter set (default 10)
  --warmup N           untimed runs per engine and parameter set first (default 2)
  --only q1,q2         run only these queries (e.g. is1,ic13,reach3)
  --out DIR            where results.json and results.md go (default bench/out)
  --no-scale           skip the demo-graph scale run
  --no-ldbc            skip the LDBC suite (the scale run alone)
  --scale-people LIST  people in the demo graphs (default 100000,1000000)
  --query-budget S     seconds a query may take for its timed runs, both engines
                       together; a slower query gets fewer runs (default 120)
  --data DIR           LDBC data (default ../shared/data/ldbc-sf01)
  --worker PATH        kith_bench_worker (default build/bench/compare/kith_bench_worker)
  --kith PATH          kith binary, for \`kith demo\` (default build/kith)
  --tmp DIR            where the data sets and stores are made (default $TMPDIR)`;

function parseArgs(argv) {
  const o = {
    runs: 10, warmup: 2, only: null, out: path.join(REPO, 'bench/out'), scale: true, ldbc: true,
    scalePeople: [100000, 1000000], budgetS: 120, data: DEFAULT_DATA_DIR,
    worker: path.join(REPO, 'build/bench/compare/kith_bench_worker'),
    kith: path.join(REPO, 'build/kith'), tmp: os.tmpdir(),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const int = () => {
      const v = val();
      if (!/^\d+$/.test(v)) throw new Error(`${a} needs a whole number, not ${v}`);
      return Number(v);
    };
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a === '--runs') o.runs = int();
    else if (a === '--warmup') o.warmup = int();
    else if (a === '--only') o.only = val().split(',').filter(Boolean);
    else if (a === '--out') o.out = path.resolve(val());
    else if (a === '--no-scale') o.scale = false;
    else if (a === '--no-ldbc') o.ldbc = false;
    else if (a === '--scale-people') o.scalePeople = val().split(',').map(Number);
    else if (a === '--query-budget') o.budgetS = int();
    else if (a === '--data') o.data = path.resolve(val());
    else if (a === '--worker') o.worker = path.resolve(val());
    else if (a === '--kith') o.kith = path.resolve(val());
    else if (a === '--tmp') o.tmp = path.resolve(val());
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (o.runs < 1) throw new Error('--runs must be at least 1');
  return o;
}

const progress = (msg) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const elapsedMs = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// Reads every file of a folder once so that neither engine's load pays for a cold page
// cache that the other then enjoys.
function warmPageCache(dir) {
  const buf = Buffer.alloc(1 << 20);
  for (const f of fs.readdirSync(dir)) {
    const fd = fs.openSync(path.join(dir, f), 'r');
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0) { /* discard */ }
    fs.closeSync(fd);
  }
}

class Engines {
  constructor(worker, kuzu, conn, timeoutMs) {
    Object.assign(this, { worker, kuzu, conn, timeoutMs });
  }

  async kith(q, params) {
    const r = await this.worker.requestRaw(`{"op":"query","text":${JSON.stringify(q.kithText)},` +
      `"params":${paramsJson(params)},"sortedLists":${JSON.stringify(q.sortedLists)},"timeoutMs":${this.timeoutMs}}`);
    return { ms: r.ms, rows: r.rows };
  }

  // Timed: execute + getAll + close. Reading the column names and types (to render the
  // rows, only when asked) happens between getAll and close and is left out.
  async kuzuRun(prepared, q, params, render) {
    const t0 = process.hrtime.bigint();
    const res = await this.conn.execute(prepared, bindParams(params));
    const rows = await res.getAll();
    let ms = elapsedMs(t0);
    let rendered = null;
    if (render) {
      const columns = res.getColumnNamesSync();
      const types = res.getColumnDataTypesSync();
      const lists = new Set(q.sortedLists);
      rendered = rows.map((row) => columns.map((c, i) => renderValue(row[c], types[i], lists.has(c))).join('|'));
    }
    const t1 = process.hrtime.bigint();
    res.close();
    ms += elapsedMs(t1);
    return { ms, rows: rendered };
  }
}

async function benchQuery(engines, q, opts) {
  const out = { name: q.name, group: q.group, sets: q.sets.length, runs: 0, rows: [], mismatches: [],
    error: null, kithMedianMs: null, kuzuMedianMs: null, ratio: null, kithMs: [], kuzuMs: [], perSet: [] };
  let prepared;
  try {
    prepared = await engines.conn.prepare(q.kuzuText);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  } catch (e) {
    out.error = `Kuzu: ${e.message}`;
    return out;
  }
  const kuzu = (p, render = false) => engines.kuzuRun(prepared, q, p, render);
  // First run of every parameter set: check the rows (counts as a warm-up run).
  let perRound = 0;
  for (const p of q.sets) {
    let k, z;
    try { k = await engines.kith(q, p); } catch (e) { out.error = `kith: ${e.message} (params ${paramsJson(p)})`; }
    try { z = await kuzu(p, true); } catch (e) { out.error = out.error || `Kuzu: ${e.message} (params ${paramsJson(p)})`; }
    if (out.error) return out;
    out.rows.push(k.rows.length);
    perRound += k.ms + z.ms;
    if (!sameRows(k.rows, z.rows)) out.mismatches.push({ params: paramsJson(p), kith: k.rows, kuzu: z.rows });
  }
  try {
    for (let w = 1; w < opts.warmup; w++) for (const p of q.sets) { await engines.kith(q, p); await kuzu(p); }
    // A slow query gets fewer timed runs, never fewer than one, so a run always ends.
    const runs = Math.max(1, Math.min(opts.runs, Math.floor((opts.budgetS * 1000) / Math.max(perRound, 1e-3))));
    for (let i = 0; i < runs; i++) {
      for (const p of q.sets) {
        if (i % 2 === 0) {
          out.kithMs.push((await engines.kith(q, p)).ms);
          out.kuzuMs.push((await kuzu(p)).ms);
        } else {
          out.kuzuMs.push((await kuzu(p)).ms);
          out.kithMs.push((await engines.kith(q, p)).ms);
        }
      }
    }
    out.runs = runs;
  } catch (e) {
    out.error = e.message;
    return out;
  }
  // Per parameter set (the timed runs go set by set, round after round).
  out.perSet = q.sets.map((p, i) => {
    const pick = (xs) => median(xs.filter((_, j) => j % q.sets.length === i));
    return { params: paramsJson(p), rows: out.rows[i], kithMedianMs: pick(out.kithMs), kuzuMedianMs: pick(out.kuzuMs) };
  });
  out.kithMedianMs = median(out.kithMs);
  out.kuzuMedianMs = median(out.kuzuMs);
  out.ratio = out.kithMedianMs / out.kuzuMedianMs;
  return out;
}

async function runSuite(suite, worker, opts) {
  const kuzuLib = require(KUZU_MODULE);
  const dir = fs.mkdtempSync(path.join(opts.tmp, `kith-bench-${suite.name}-`));
  try {
    if (suite.generate) suite.generate(dir);
    warmPageCache(suite.dataDir(dir));
    progress(`${suite.name}: kith import ...`);
    const kithDb = path.join(dir, 'kith.db');
    const ki = await worker.request({ op: 'import', args: path.join(suite.dataDir(dir), 'import.args'), db: kithDb });
    progress(`${suite.name}: kith import ${(ki.loadMs / 1000).toFixed(2)} s, ${(ki.storeBytes / 1e6).toFixed(1)} MB; Kuzu load ...`);
    const kuzuDb = path.join(dir, 'kuzu.db');
    const zl = await suite.kuzuLoad(kuzuDb, suite.dataDir(dir));
    progress(`${suite.name}: Kuzu load ${(zl.loadMs / 1000).toFixed(2)} s, ${(zl.storeBytes / 1e6).toFixed(1)} MB`);
    const result = { name: suite.name, title: suite.title,
      load: { kith: { ms: ki.loadMs, bytes: ki.storeBytes, nodes: ki.nodes, rels: ki.rels },
        kuzu: { ms: zl.loadMs, bytes: zl.storeBytes } }, queries: [] };

    const opened = await worker.request({ op: 'open', db: kithDb });
    result.load.kith.snapshot = { enabled: opened.snapshotEnabled, bytes: opened.snapshotBytes,
      buildS: opened.snapshotBuildS, skip: opened.snapshotSkip };
    progress(`${suite.name}: kith read snapshot ${opened.snapshotEnabled ? `${(opened.snapshotBytes / 1e6).toFixed(1)} MB in memory, built in ${opened.snapshotBuildS.toFixed(2)} s` : 'off'}${opened.snapshotSkip ? ` (${opened.snapshotSkip})` : ''}`);
    const db = new kuzuLib.Database(kuzuDb, 0, true, true);  // read-only, default buffer pool
    const conn = new kuzuLib.Connection(db);
    // Both engines must hold the same graph, or the comparison means nothing.
    const count = async (q) => { const r = await conn.query(q); const [row] = await r.getAll(); r.close(); return Number(Object.values(row)[0]); };
    result.load.kuzu.nodes = await count('MATCH (n) RETURN count(*)');
    result.load.kuzu.rels = await count('MATCH ()-[r]->() RETURN count(*)');
    if (result.load.kuzu.nodes !== ki.nodes || result.load.kuzu.rels !== ki.rels) {
      result.loadMismatch = `kith loaded ${ki.nodes} nodes, ${ki.rels} relationships; Kuzu ${result.load.kuzu.nodes}, ${result.load.kuzu.rels}`;
      console.log(`MISMATCH ${suite.name} load: ${result.loadMismatch}`);
    }
    progress(`${suite.name}: ${ki.nodes} nodes, ${ki.rels} relationships in kith; ${result.load.kuzu.nodes}, ${result.load.kuzu.rels} in Kuzu`);
    const timeoutMs = opts.budgetS * 1000;
    conn.setQueryTimeout(timeoutMs);
    const engines = new Engines(worker, kuzuLib, conn, timeoutMs);
    try {
      for (const q of suite.queries) {
        if (opts.only && !opts.only.includes(q.name)) continue;
        const r = await benchQuery(engines, q, opts);
        result.queries.push(r);
        progress(`${suite.name} ${q.name}: kith ${r.kithMedianMs?.toFixed(3)} ms, Kuzu ${r.kuzuMedianMs?.toFixed(3)} ms` +
          ` (${r.sets} sets x ${r.runs} runs)${r.error ? ` ERROR ${r.error}` : ''}${r.mismatches.length ? ' MISMATCH' : ''}`);
        for (const m of r.mismatches) {
          console.log(`MISMATCH ${suite.name} ${q.name} params ${m.params}\n  kith (${m.kith.length} rows):\n` +
            m.kith.map((x) => `    ${x}`).join('\n') + `\n  Kuzu (${m.kuzu.length} rows):\n` +
            m.kuzu.map((x) => `    ${x}`).join('\n'));
        }
        if (r.error) console.log(`ERROR ${suite.name} ${q.name}: ${r.error}`);
      }
    } finally {
      await worker.request({ op: 'close' });
      await conn.close();
      await db.close();
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function suitesFor(opts) {
  const suites = [];
  if (opts.ldbc) {
    suites.push({
      name: 'ldbc', title: 'LDBC SNB SF0.1',
      dataDir: () => opts.data,
      kuzuLoad: (db, data) => loadLdbc(db, data),
      queries: [...ldbcQueries(), ...relationshipQueries('ldbc')],
    });
  }
  if (opts.scale) {
    for (const n of opts.scalePeople) {
      suites.push({
        name: `demo-${n}`, title: `demo graph, ${n.toLocaleString('en-US')} people (kith demo --seed 7)`,
        generate: (dir) => {
          progress(`demo-${n}: kith demo --people ${n} --seed 7 ...`);
          execFileSync(opts.kith, ['demo', '--people', String(n), '--seed', '7', '--out', path.join(dir, 'csv')],
            { stdio: ['ignore', 'ignore', 'inherit'] });
        },
        dataDir: (dir) => path.join(dir, 'csv'),
        kuzuLoad: (db, data) => loadDemo(db, data),
        queries: relationshipQueries('demo'),
      });
    }
  }
  return suites;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const worker = new KithWorker(opts.worker);
  const results = [];
  try {
    for (const suite of suitesFor(opts)) {
      const r = await runSuite(suite, worker, opts);
      results.push(r);
      console.log(textTable(r) + '\n');
    }
  } finally {
    await worker.stop();
  }
  const bad = results.flatMap((s) => [...(s.loadMismatch ? [`${s.name}/load`] : []),
    ...s.queries.filter((q) => q.error || q.mismatches.length).map((q) => `${s.name}/${q.name}`)]);
  fs.mkdirSync(opts.out, { recursive: true });
  const machine = describeMachine(require(KUZU_MODULE).VERSION);
  const doc = {
    date: machine.date,
    options: { runs: opts.runs, warmup: opts.warmup, only: opts.only, queryBudgetS: opts.budgetS },
    machine,
    suites: results.map((s) => ({ ...s, geomeans: geomeans(s) })),
    failures: bad,
  };
  fs.writeFileSync(path.join(opts.out, 'results.json'), JSON.stringify(doc, null, 1));
  fs.writeFileSync(path.join(opts.out, 'results.md'), results.map(markdownTable).join('\n'));
  fs.writeFileSync(path.join(opts.out, 'machine.txt'), machineText(machine));
  progress(`wrote results.json, results.md and machine.txt into ${opts.out}`);
  if (bad.length) {
    console.log(`FAILED (rows differ or a query failed): ${bad.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => { console.error(e.stack || e.message || e); process.exit(2); });
