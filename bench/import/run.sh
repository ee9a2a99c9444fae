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

now_ns() { date +%s%N; }

run_kith() {
  rm -f "$work/kith.db" "$work/kith.db-lock"
  local t0 t1
  t0=$(now_ns)
  # shellcheck disable=SC2046  # import.args is one argument per line, as the README runs it
  (cd "$data" && "$kith" import --db "$work/kith.db" $(cat import.args)) >"$work/kith.out" 2>"$work/kith.err" || {
    cat "$work/kith.err" >&2
    exit 1
  }
  t1=$(now_ns)
  echo "$(( (t1 - t0) / 1000000 )) $(stat -c %s "$work/kith.db")" >>"$work/kith.times"
}

run_kuzu() {
  rm -rf "$work/kuzu.db" "$work/kuzu.db.wal"
  local t0 t1 json
  t0=$(now_ns)
  json=$(node "$here/kuzu_load.js" "$work/kuzu.db" "$data")
  t1=$(now_ns)
  node -e 'const r = JSON.parse(process.argv[1]); console.log(`${Math.round(r.loadMs)} ${r.storeBytes}`)' "$json" |
    while read -r ms bytes; do echo "$ms $(( (t1 - t0) / 1000000 )) $bytes"; done >>"$work/kuzu.times"
}

for ((i = 1; i <= runs; i++)); do
  if (( i % 2 )); then run_kith; run_kuzu; else run_kuzu; run_kith; fi
  echo "run $i/$runs: kith $(tail -1 "$work/kith.times" | cut -d' ' -f1) ms," \
       "kuzu $(tail -1 "$work/kuzu.times" | cut -d' ' -f1) ms in-process," \
       "$(tail -1 "$work/kuzu.times" | cut -d' ' -f2) ms whole process" >&2
done

# Median of column $1 of file $2.
median() { cut -d' ' -f"$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

kith_ms=$(median 1 "$work/kith.times")
kith_bytes=$(median 2 "$work/kith.times")
kuzu_ms=$(median 1 "$work/kuzu.times")
kuzu_proc_ms=$(median 2 "$work/kuzu.times")
kuzu_bytes=$(median 3 "$work/kuzu.times")

echo
echo "LDBC SF0.1 load, median of $runs runs ($(nproc) cores)"
grep -E '^imported' "$work/kith.out" || true
awk -v km="$kith_ms" -v kb="$kith_bytes" -v zm="$kuzu_ms" -v zp="$kuzu_proc_ms" -v zb="$kuzu_bytes" 'BEGIN {
  printf "  %-34s %9s %11s\n", "", "time", "store"
  printf "  %-34s %7.2f s %8.1f MB\n", "kith import (whole process)", km / 1000, kb / 1e6
  printf "  %-34s %7.2f s %8.1f MB\n", "kuzu COPY (in-process)", zm / 1000, zb / 1e6
  printf "  %-34s %7.2f s\n", "kuzu COPY (whole node process)", zp / 1000
  printf "  ratio kith/kuzu: time %.2f (vs in-process), %.2f (process vs process); store %.2f\n", km / zm, km / zp, kb / zb
}'
