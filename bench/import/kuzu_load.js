#!/usr/bin/env node
// One Kuzu load of the LDBC data for run.sh: reuses bench/kuzu/load.js (the
// shared Kuzu schema and COPY plan) and prints its result as one JSON line,
// {"loadMs": ..., "storeBytes": ...}, where loadMs covers opening the
// database, the DDL, every COPY and the final CHECKPOINT inside this process
// (not Node's start-up nor loading the kuzu module). The same object is
// written to DB_PATH.result.json for run.sh.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadLdbc } = require(path.join(__dirname, '..', 'kuzu', 'load.js'));

const [dbPath, dataDir] = process.argv.slice(2);
if (!dbPath || !dataDir) {
  console.error('usage: node kuzu_load.js DB_PATH DATA_DIR');
  process.exit(2);
}
loadLdbc(dbPath, dataDir)
  .then((r) => {
    const json = JSON.stringify({ loadMs: r.loadMs, storeBytes: r.storeBytes });
    fs.writeFileSync(`${dbPath}.result.json`, json);
    console.log(json);
  })
  .catch((e) => { console.error(e.message || e); process.exit(1); });
