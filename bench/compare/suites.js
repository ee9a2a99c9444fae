// What each suite of the benchmark runs: its data, how each engine loads it, and its
// queries ({name, group, kithText, kuzuText, sets, sortedLists}).
//   ldbc        ../shared/data/ldbc-sf01: LDBC IS1-IS7, IC1-IC14 (tests/ldbc) and the
//               relationship queries of bench/queries/ldbc/
//   demo-<N>    `kith demo --people N --seed 7`: the relationship queries of
//               bench/queries/demo/
'use strict';
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
const REF = path.join(REPO, 'tests/ldbc/reference');
const { parseParams } = require(path.join(REF, 'reference_format.js'));
const { QUERIES: LDBC_QUERIES, queryText: kuzuLdbcText } = require(path.join(REF, 'generate.js'));

// The relationship queries in the order the issue lists them; any other query in a
// bench/queries/<suite>/ folder follows in name order.
const RELATIONSHIP_ORDER = ['reach1', 'reach2', 'reach3', 'intro', 'interests2', 'referral'];

const read = (f) => fs.readFileSync(f, 'utf8');

function ldbcQueries() {
  const params = parseParams(read(path.join(REF, 'params.json')));
  return Object.entries(LDBC_QUERIES).map(([name, meta]) => ({
    name,
    group: name.startsWith('is') ? 'IS' : 'IC',
    kithText: read(path.join(REPO, 'tests/ldbc/queries', `${name}.cypher`)),
    kuzuText: kuzuLdbcText(name),
    sets: params[name],
    sortedLists: meta.unorderedLists || [],
  }));
}

// bench/queries/<folder>/<name>.{kith.cypher,kuzu.cypher,params.json}; params.json is
// a JSON array of parameter sets (integers of 16+ digits are read exactly, as BigInt).
function relationshipQueries(folder) {
  const dir = path.join(REPO, 'bench/queries', folder);
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.kith.cypher'))
    .map((f) => f.slice(0, -'.kith.cypher'.length));
  const rank = (n) => { const i = RELATIONSHIP_ORDER.indexOf(n); return i < 0 ? RELATIONSHIP_ORDER.length : i; };
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({
    name,
    group: 'REL',
    kithText: read(path.join(dir, `${name}.kith.cypher`)),
    kuzuText: read(path.join(dir, `${name}.kuzu.cypher`)).replace(/^\s*\/\/.*$/mg, '').trim(),
    sets: parseParams(read(path.join(dir, `${name}.params.json`))),
    sortedLists: [],
  }));
}

module.exports = { ldbcQueries, relationshipQueries, REPO };
