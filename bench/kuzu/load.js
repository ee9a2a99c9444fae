#!/usr/bin/env node
// Loads a folder of neo4j-admin CSVs into a new Kuzu 0.11.3 database, driven by the
// folder's own import.args so that Kuzu and kith load exactly the same files under the
// same label/type names: the LDBC SF0.1 data (../shared/data/ldbc-sf01, schema.cypher,
// '|'-delimited) or a `kith demo --out DIR` folder (demo_schema.cypher, comma-delimited).
// Usage as a module: const {loadLdbc, loadDemo} = require('./load.js');
//                    await loadLdbc(dbPath); await loadDemo(dbPath, demoDir)
// Usage as a CLI:    node bench/kuzu/load.js DB_PATH [DATA_DIR] [--demo]
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const KUZU_MODULE = process.env.KITH_KUZU_MODULE ||
  path.join(os.homedir(), '.cache/kith-bench/node_modules/kuzu');
const DEFAULT_DATA_DIR = path.resolve(__dirname, '../../../shared/data/ldbc-sf01');

function kuzu() { return require(KUZU_MODULE); }

// Statements of a .cypher file: `//` comment lines dropped, split on ';'.
function statementsOf(file) {
  return fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/mg, '')
    .split(';').map((s) => s.trim()).filter((s) => s.length > 0);
}

// import.args lines "--nodes=Label[:Label2]=f1.csv,f2.csv" / "--relationships=TYPE=f.csv".
// Nodes go to the table of the first label (Message is implicit in Kuzu); a relationship
// file goes to the table of its type, with FROM/TO taken from its :START_ID(X)/:END_ID(Y)
// header because a Kuzu rel table group needs to know which pair a file fills.
function copyPlan(dataDir, delim) {
  const nodes = [];
  const rels = [];
  for (const line of fs.readFileSync(path.join(dataDir, 'import.args'), 'utf8').split('\n')) {
    const m = /^--(nodes|relationships)=([^=]+)=(.+)$/.exec(line.trim());
    if (!m) continue;
    const table = m[2].split(':')[0];
    for (const file of m[3].split(',')) {
      const full = path.join(dataDir, file);
      if (m[1] === 'nodes') {
        nodes.push({ table, file: full });
      } else {
        const header = fs.readFileSync(full, 'utf8').slice(0, 200).split('\n')[0];
        const h = new RegExp(`:START_ID\\((\\w+)\\)\\${delim}:END_ID\\((\\w+)\\)`).exec(header);
        if (!h) throw new Error(`no :START_ID/:END_ID header in ${full}`);
        rels.push({ table, file: full, from: h[1], to: h[2] });
      }
    }
  }
  return { nodes, rels };
}

function storeSizeBytes(p) {
  let total = 0;
  const visit = (q) => {
    if (!fs.existsSync(q)) return;
    const st = fs.statSync(q);
    if (st.isDirectory()) for (const e of fs.readdirSync(q)) visit(path.join(q, e));
    else total += st.size;
  };
  visit(p);
  visit(p + '.wal');
  return total;
}

async function run(conn, statement) {
  const res = await conn.query(statement);
  for (const r of Array.isArray(res) ? res : [res]) r.close();
}

// Creates a fresh database at dbPath (must not exist), loads everything, closes it.
// Returns {loadMs, storeBytes}; loadMs covers opening the database, schema creation, all
// COPY statements and the final checkpoint, not Node or module start-up.
async function loadCsvDir(dbPath, dataDir, schemaFile, delim) {
  if (fs.existsSync(dbPath)) throw new Error(`${dbPath} already exists`);
  const { Database, Connection } = kuzu();
  const plan = copyPlan(dataDir, delim);
  const t0 = process.hrtime.bigint();
  const db = new Database(dbPath);
  const conn = new Connection(db);
  for (const s of statementsOf(schemaFile)) await run(conn, s);
  const quote = (f) => `'${f.replace(/'/g, "\\'")}'`;
  for (const n of plan.nodes) {
    await run(conn, `COPY ${n.table} FROM ${quote(n.file)} (header=true, delim='${delim}')`);
  }
  for (const r of plan.rels) {
    await run(conn, `COPY ${r.table} FROM ${quote(r.file)} (header=true, delim='${delim}', from='${r.from}', to='${r.to}')`);
  }
  await run(conn, 'CHECKPOINT');
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  await conn.close();
  await db.close();
  return { loadMs, storeBytes: storeSizeBytes(dbPath) };
}

const loadLdbc = (dbPath, dataDir = DEFAULT_DATA_DIR) =>
  loadCsvDir(dbPath, dataDir, path.join(__dirname, 'schema.cypher'), '|');
// A `kith demo --out DIR` folder: comma-delimited, typed headers (demo_schema.cypher).
const loadDemo = (dbPath, dataDir) =>
  loadCsvDir(dbPath, dataDir, path.join(__dirname, 'demo_schema.cypher'), ',');

module.exports = { loadLdbc, loadDemo, storeSizeBytes, DEFAULT_DATA_DIR, KUZU_MODULE };

if (require.main === module) {
  const args = process.argv.slice(2);
  const demo = args.includes('--demo');
  const [dbPath, dataDir] = args.filter((a) => a !== '--demo');
  if (!dbPath || (demo && !dataDir)) {
    console.error('usage: node bench/kuzu/load.js DB_PATH [DATA_DIR] [--demo]');
    process.exit(2);
  }
  (demo ? loadDemo(dbPath, dataDir) : loadLdbc(dbPath, dataDir || DEFAULT_DATA_DIR)).then(({ loadMs, storeBytes }) => {
    console.log(`kuzu ${kuzu().VERSION} load: ${(loadMs / 1000).toFixed(2)} s (schema + COPY + checkpoint)`);
    console.log(`kuzu store size: ${(storeBytes / 1e6).toFixed(1)} MB (${storeBytes} bytes, ${dbPath})`);
  }).catch((e) => { console.error(e.message || e); process.exit(1); });
}
