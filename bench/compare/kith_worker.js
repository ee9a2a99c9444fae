// The driver's side of kith_bench_worker's JSON-lines protocol (see
// kith_bench_worker.cpp): one worker process, one request in flight at a time.
'use strict';
const { spawn } = require('child_process');
const readline = require('readline');

class KithWorker {
  constructor(binary) {
    this.proc = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.waiting = [];
    this.exited = null;
    readline.createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w.resolve(JSON.parse(line));
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = `kith_bench_worker exited (${signal || code})`;
      for (const w of this.waiting.splice(0)) w.reject(new Error(this.exited));
    });
    this.proc.on('error', (e) => {
      this.exited = `cannot run ${binary}: ${e.message}`;
      for (const w of this.waiting.splice(0)) w.reject(new Error(this.exited));
    });
  }

  // `json` is the request already serialised (parameters carry exact 64-bit
  // integers that JSON.stringify cannot write). Resolves with the reply; a
  // reply with ok:false rejects with its error.
  requestRaw(json) {
    if (this.exited) return Promise.reject(new Error(this.exited));
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (r) => (r.ok ? resolve(r) : reject(new Error(r.error))),
        reject,
      });
      this.proc.stdin.write(json + '\n');
    });
  }

  request(obj) { return this.requestRaw(JSON.stringify(obj)); }

  async stop() {
    if (this.exited) return;
    const done = new Promise((resolve) => this.proc.on('exit', resolve));
    this.proc.stdin.end();
    await done;
  }
}

module.exports = { KithWorker };
