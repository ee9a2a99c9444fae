// The machine a run happened on, for RESULTS.md: CPU (lscpu), memory, OS, compiler,
// Node and Kuzu versions, load average. Every command is optional.
'use strict';
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');

const run = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch (e) { return null; }
};

function describeMachine(kuzuVersion) {
  let debian = null;
  try { debian = fs.readFileSync('/etc/debian_version', 'utf8').trim(); } catch (e) { /* not Debian */ }
  return {
    date: new Date().toISOString(),
    lscpu: run('lscpu', []),
    memory: run('free', ['-h']),
    memBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    debian,
    compiler: (run('c++', ['--version']) || '').split('\n')[0] || null,
    node: process.version,
    kuzu: kuzuVersion,
    loadavgAtEnd: os.loadavg(),
  };
}

function machineText(m) {
  return [`date: ${m.date}`, `os: ${m.os}, Debian ${m.debian}`, `compiler: ${m.compiler}`,
    `node: ${m.node}, kuzu (npm): ${m.kuzu}`, `load average at the end: ${m.loadavgAtEnd.map((x) => x.toFixed(2)).join(' ')}`,
    '', m.lscpu || '(no lscpu)', '', m.memory || '(no free)'].join('\n') + '\n';
}

module.exports = { describeMachine, machineText };
