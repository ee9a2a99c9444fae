#!/usr/bin/env bash
# kith vs Kuzu 0.11.3, side by side in one run (issue 8): loads LDBC SF0.1 into both
# engines, runs LDBC IS1-IS7, IC1-IC14 and the relationship queries of bench/queries/,
# checks that both return the same rows, then (unless --no-scale) does the same with the
# relationship queries on demo graphs of 100,000 and 1,000,000 people. Prints a table
# and writes results.json + results.md into the output folder. What every number
# covers: bench/README.md.
#
# usage: bench/run.sh [--runs N] [--warmup N] [--no-scale] [--no-ldbc] [--only q1,q2] [--out DIR]
#                     [--scale-people N,M] [--query-budget S]
# env:   KITH_BUILD_DIR (default build; built with scripts/build.sh when it is build),
#        KITH_DATA_DIR (default ../shared/data/ldbc-sf01), XDG_CACHE_HOME (Kuzu goes
#        into ${XDG_CACHE_HOME:-$HOME/.cache}/kith-bench, outside the repository),
#        TMPDIR (where data sets and stores are made; 1M people needs about 5 GB).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)

for a in "$@"; do
  if [ "$a" = --help ] || [ "$a" = -h ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    echo
    exec node "$here/compare/compare.js" --help
  fi
done

build=${KITH_BUILD_DIR:-$repo/build}
data=${KITH_DATA_DIR:-$repo/../shared/data/ldbc-sf01}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kith-bench

if [ ! -f "$data/import.args" ]; then
  echo "run.sh: no LDBC data in $data (set KITH_DATA_DIR)" >&2
  exit 2
fi
if [ -z "${KITH_BUILD_DIR:-}" ]; then
  echo "run.sh: building kith (scripts/build.sh) ..." >&2
  "$repo/scripts/build.sh" >&2
fi
build=$(cd "$build" && pwd)
needed=("$build/bench/compare/kith_bench_worker")
case " $* " in *" --no-scale "*) ;; *) needed+=("$build/kith") ;; esac  # kith demo makes the scale run's data
for f in "${needed[@]}"; do
  if [ ! -x "$f" ]; then
    echo "run.sh: $f is missing; build first" >&2
    exit 2
  fi
done
if [ "$(node -p "try { require('$cache/node_modules/kuzu/package.json').version } catch (e) { '' }")" != "0.11.3" ]; then
  echo "run.sh: installing kuzu@0.11.3 into $cache ..." >&2
  mkdir -p "$cache"
  npm install --silent --no-audit --no-fund --prefix "$cache" kuzu@0.11.3 >&2
fi
export KITH_KUZU_MODULE="$cache/node_modules/kuzu"

exec node "$here/compare/compare.js" --data "$data" --kith "$build/kith" \
  --worker "$build/bench/compare/kith_bench_worker" "$@"
