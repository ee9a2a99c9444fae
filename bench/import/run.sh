#!/usr/bin/env bash
# Import benchmark: loads LDBC SF0.1 (../shared/data/ldbc-sf01) with
# `kith import` and with Kuzu 0.11.3's COPY FROM, RUNS times each (default 5),
# alternating which goes first, and prints the median load time and store size
# of both and the ratio kith/Kuzu.
#
# What each time covers:
#   kith         the whole `kith import` process, from exec to exit (process
#                start, reading and parsing every CSV, writing and syncing the
#                store, the atomic rename).
#   kuzu (load)  inside one Node process: opening the database, the DDL, every
#                COPY and the final CHECKPOINT; without Node start-up and
#                without loading the kuzu module.
#   kuzu (proc)  the whole `node kuzu_load.js` process, including Node start-up
#                and module loading: the like-for-like comparison with kith's
#                whole-process time.
#
# usage: bench/import/run.sh [RUNS]
# env:   KITH_BINARY (default build/kith), KITH_DATA_DIR (default
#        ../shared/data/ldbc-sf01), XDG_CACHE_HOME (Kuzu is installed under
#        ${XDG_CACHE_HOME:-$HOME/.cache}/kith-bench, outside the repository).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-5}
data=$(cd "${KITH_DATA_DIR:-$repo/../shared/data/ldbc-sf01}" && pwd)
kith=${KITH_BINARY:-$repo/build/kith}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kith-bench

if [ ! -x "$kith" ]; then
  echo "run.sh: $kith not found; build first (scripts/build.sh) or set KITH_BINARY" >&2
  exit 2
fi
if [ "$(node -p "try { require('$cache/node_modules/kuzu/package.json').version } catch (e) { '' }")" != "0.11.3" ]; then
  echo "installing kuzu@0.11.3 into $cache ..." >&2
  mkdir -p "$cache"
  npm install --silent --no-audit --no-fund --prefix "$cache" kuzu@0.11.3 >&2
fi
export KITH_KUZU_MODULE="$cache/node_modules/kuzu"

work=$(mktemp -d "${TMPDIR:-/tmp}/kith-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs a command, appending "WALL_MS CPU_MS" (CPU = user + system, children
# included) of it to the file named by $1. CPU time is printed as well because
# wall time on a shared 2-core machine depends on what else runs.
timed() {
  local out=$1
  shift
  local TIMEFORMAT="%R %U %S" t
  t=$( { time "$@" >/dev/null 2>"$work/timed.err"; } 2>&1 ) || {
    cat "$work/timed.err" >&2
    exit 1
  }
  echo "$t" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' >>"$out"
}

kith_import() {
  # shellcheck disable=SC2046  # import.args is one argument per line, as the README runs it
  cd "$data" && "$kith" import --db "$work/kith.db" $(cat import.args)
}

run_kith() {
  rm -f "$work/kith.db" "$work/kith.db-lock"
  timed "$work/kith.times" kith_import
  echo "$(stat -c %s "$work/kith.db")" >>"$work/kith.bytes"
}

run_kuzu() {
  rm -rf "$work/kuzu.db" "$work/kuzu.db.wal" "$work/kuzu.db.result.json"
  timed "$work/kuzu.proc" node "$here/kuzu_load.js" "$work/kuzu.db" "$data"
  # kuzu_load.js prints {"loadMs", "storeBytes"}; run it again only to read them would
  # double the work, so it also leaves them in a file.
  node -e 'const r = require(process.argv[1]); console.log(`${Math.round(r.loadMs)} ${r.storeBytes}`)' \
    "$work/kuzu.db.result.json" >>"$work/kuzu.times"
}

for ((i = 1; i <= runs; i++)); do
  if (( i % 2 )); then run_kith; run_kuzu; else run_kuzu; run_kith; fi
  echo "run $i/$runs: kith $(tail -1 "$work/kith.times" | cut -d' ' -f1) ms (cpu $(tail -1 "$work/kith.times" | cut -d' ' -f2) ms)," \
       "kuzu $(tail -1 "$work/kuzu.times" | cut -d' ' -f1) ms in-process," \
       "$(tail -1 "$work/kuzu.proc" | cut -d' ' -f1) ms whole process (cpu $(tail -1 "$work/kuzu.proc" | cut -d' ' -f2) ms)" >&2
done

# Median of column $1 of file $2.
median() { cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

kith_ms=$(median 1 "$work/kith.times")
kith_cpu=$(median 2 "$work/kith.times")
kith_bytes=$(median 1 "$work/kith.bytes")
kuzu_ms=$(median 1 "$work/kuzu.times")
kuzu_bytes=$(median 2 "$work/kuzu.times")
kuzu_proc_ms=$(median 1 "$work/kuzu.proc")
kuzu_cpu=$(median 2 "$work/kuzu.proc")

echo
echo "LDBC SF0.1 load, median of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
awk -v km="$kith_ms" -v kc="$kith_cpu" -v kb="$kith_bytes" -v zm="$kuzu_ms" -v zp="$kuzu_proc_ms" \
    -v zc="$kuzu_cpu" -v zb="$kuzu_bytes" 'BEGIN {
  printf "  %-34s %9s %9s %11s\n", "", "wall", "cpu", "store"
  printf "  %-34s %7.2f s %7.2f s %8.1f MB\n", "kith import (whole process)", km / 1000, kc / 1000, kb / 1e6
  printf "  %-34s %7.2f s %9s %8.1f MB\n", "kuzu COPY (in-process)", zm / 1000, "", zb / 1e6
  printf "  %-34s %7.2f s %7.2f s\n", "kuzu (whole node process)", zp / 1000, zc / 1000
  printf "  ratio kith/kuzu: wall %.2f (vs in-process), %.2f (process vs process); cpu %.2f; store %.2f\n",
         km / zm, km / zp, kc / zc, kb / zb
}'
