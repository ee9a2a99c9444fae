// The benchmark's tables: plain text for the terminal and Markdown for RESULTS.md.
'use strict';

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const geomean = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : null);

const ms = (x) => (x === null || x === undefined ? '-' : x < 10 ? x.toFixed(3) : x < 1000 ? x.toFixed(2) : x.toFixed(0));
const ratio = (x) => (x === null || x === undefined ? '-' : x.toFixed(2));
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const sec = (m) => `${(m / 1000).toFixed(2)} s`;

// Geometric means of kith/Kuzu ratios per group of a suite's queries.
function geomeans(suite) {
  const of = (groups) => geomean(suite.queries.filter((q) => groups.includes(q.group) && q.ratio)
    .map((q) => q.ratio));
  if (suite.name === 'ldbc') {
    return [
      { label: 'IC1-IC14 + relationship queries', value: of(['IC', 'REL']) },
      { label: 'IS1-IS7', value: of(['IS']) },
      { label: 'relationship queries alone', value: of(['REL']) },
    ];
  }
  return [{ label: 'relationship queries', value: of(['REL']) }];
}

// The largest per-parameter-set ratio: a median over all sets can hide one slow case.
function worstSet(q) {
  const rs = (q.perSet || []).filter((p) => p.kithMedianMs !== null && p.kuzuMedianMs)
    .map((p) => p.kithMedianMs / p.kuzuMedianMs);
  return rs.length ? Math.max(...rs) : null;
}

function status(q) {
  if (q.error) return 'ERROR';
  if (q.mismatches.length) return 'MISMATCH';
  return '';
}

// kith's in-memory read snapshot (docs/storage.md): memory, not in the store size.
const snapshotText = (x) => (x.enabled && x.bytes ? `${mb(x.bytes)}, built in ${x.buildS.toFixed(2)} s` :
  `none${x.skip ? ` (${x.skip})` : x.enabled ? '' : ' (off)'}`);

function textTable(suite) {
  const lines = [];
  lines.push(`== ${suite.title}`);
  const l = suite.load;
  lines.push(`load:  kith ${sec(l.kith.ms)}, Kuzu ${sec(l.kuzu.ms)}, ratio ${ratio(l.kith.ms / l.kuzu.ms)}`);
  lines.push(`store: kith ${mb(l.kith.bytes)}, Kuzu ${mb(l.kuzu.bytes)}, ratio ${ratio(l.kith.bytes / l.kuzu.bytes)}`);
  lines.push(`graph: ${l.kith.nodes} nodes, ${l.kith.rels} relationships${suite.loadMismatch ? ` MISMATCH: ${suite.loadMismatch}` : ''}`);
  if (l.kith.snapshot) lines.push(`kith read snapshot: ${snapshotText(l.kith.snapshot)}`);
  lines.push(`${'query'.padEnd(11)}${'sets'.padStart(5)}${'runs'.padStart(6)}${'kith ms'.padStart(11)}${'Kuzu ms'.padStart(11)}${'kith/Kuzu'.padStart(11)}${'worst set'.padStart(11)}  rows`);
  for (const q of suite.queries) {
    lines.push(`${q.name.padEnd(11)}${String(q.sets).padStart(5)}${String(q.runs).padStart(6)}` +
      `${ms(q.kithMedianMs).padStart(11)}${ms(q.kuzuMedianMs).padStart(11)}${ratio(q.ratio).padStart(11)}${ratio(worstSet(q)).padStart(11)}  ` +
      `${q.rows.join(',')} ${status(q)}`);
  }
  for (const g of geomeans(suite)) lines.push(`geometric mean of kith/Kuzu, ${g.label}: ${ratio(g.value)}`);
  return lines.join('\n');
}

// Ratios where kith loses are bold.
const bold = (r) => (r === null || r === undefined ? '-' : r > 1 ? `**${ratio(r)}**` : ratio(r));

function markdownTable(suite) {
  const lines = [];
  const l = suite.load;
  lines.push(`### ${suite.title}`, '');
  lines.push('| | kith | Kuzu | kith/Kuzu |', '|---|---:|---:|---:|');
  lines.push(`| load | ${sec(l.kith.ms)} | ${sec(l.kuzu.ms)} | ${ratio(l.kith.ms / l.kuzu.ms)} |`);
  lines.push(`| store size | ${mb(l.kith.bytes)} | ${mb(l.kuzu.bytes)} | ${ratio(l.kith.bytes / l.kuzu.bytes)} |`);
  lines.push(`| nodes / relationships | ${l.kith.nodes} / ${l.kith.rels} | ${l.kuzu.nodes} / ${l.kuzu.rels} | |`);
  if (l.kith.snapshot) lines.push(`| kith read snapshot (memory, built after open) | ${snapshotText(l.kith.snapshot)} | | |`);
  lines.push('');
  lines.push('| query | param sets | timed runs | kith median ms | Kuzu median ms | kith/Kuzu | worst set kith/Kuzu | rows per set |',
    '|---|---:|---:|---:|---:|---:|---:|---|');
  for (const q of suite.queries) {
    const s = status(q);
    lines.push(`| ${q.name} | ${q.sets} | ${q.runs} | ${ms(q.kithMedianMs)} | ${ms(q.kuzuMedianMs)} | ` +
      `${bold(q.ratio)} | ${bold(worstSet(q))} | ${q.rows.join(', ')}${s ? ` ${s}` : ''} |`);
  }
  lines.push('');
  for (const g of geomeans(suite)) lines.push(`Geometric mean of kith/Kuzu, ${g.label}: **${ratio(g.value)}**  `);
  // The relationship queries' parameter sets vary the start person's degree: how the
  // cost follows it is the point, so they get one line per set.
  const rel = suite.queries.filter((q) => q.group === 'REL' && q.perSet && q.perSet.length);
  if (rel.length) {
    lines.push('', 'Relationship queries per parameter set (medians over that set\'s timed runs):', '',
      '| query | parameters | rows | kith ms | Kuzu ms | kith/Kuzu |', '|---|---|---:|---:|---:|---:|');
    for (const q of rel) {
      for (const p of q.perSet) {
        lines.push(`| ${q.name} | \`${p.params}\` | ${p.rows} | ${ms(p.kithMedianMs)} | ${ms(p.kuzuMedianMs)} | ` +
          `${ratio(p.kithMedianMs / p.kuzuMedianMs)} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

module.exports = { median, geomeans, textTable, markdownTable };
