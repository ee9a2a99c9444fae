#!/usr/bin/env bash
# HTTP load test: imports LDBC SF0.1 (../shared/data/ldbc-sf01) with
# `kith import`, serves it with `kith serve` on loopback and drives it with
# wrk (installed from Debian's packages when missing): a point query and a
# 2-hop query, each with CONNECTIONS connections (default 64) for DURATION
# (default 20s), person ids drawn at random per request. Prints requests/s,
# p50/p99 latency and errors (non-200 answers and socket errors) per query.
#
# usage: bench/http/run.sh
# env:   KITH_BINARY (default build/kith), KITH_DATA_DIR (default
#        ../shared/data/ldbc-sf01), CONNECTIONS, DURATION, WRK_THREADS (2),
#        PORT (default 17474)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=$(cd "${KITH_DATA_DIR:-$repo/../shared/data/ldbc-sf01}" && pwd)
kith=${KITH_BINARY:-$repo/build/kith}
connections=${CONNECTIONS:-64}
duration=${DURATION:-20s}
wrk_threads=${WRK_THREADS:-2}
port=${PORT:-17474}

if [ ! -x "$kith" ]; then
  echo "run.sh: $kith not found; build first or set KITH_BINARY" >&2
  exit 2
fi
if ! command -v wrk >/dev/null; then
  echo "installing wrk ..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >&2; else sudo apt-get install -y wrk >&2; fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kith-http-bench.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/ldbc.kith
echo "importing LDBC SF0.1 ..." >&2
# shellcheck disable=SC2046  # import.args is one argument per line
(cd "$data" && "$kith" import --db "$db" $(cat import.args) >/dev/null 2>"$work/import.err") || {
  cat "$work/import.err" >&2
  exit 1
}
"$kith" query --db "$db" "CREATE INDEX IF NOT EXISTS FOR (p:Person) ON (p.id)" >/dev/null
token=$("$kith" token create --db "$db" --role reader --name bench 2>/dev/null)
tail -n +2 "$data/Person.csv" | cut -d'|' -f1 >"$work/ids"

"$kith" serve --db "$db" --listen "127.0.0.1:$port" --threads $((connections + 16)) \
  2>"$work/access.log" &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "server did not start" >&2; cat "$work/access.log" >&2; exit 1; }

export KITH_TOKEN=$token KITH_IDS=$work/ids
run() {
  local name=$1 query=$2
  # One warm-up second so the page cache and the plan cache are not measured.
  KITH_QUERY=$query wrk -t "$wrk_threads" -c "$connections" -d 1s -s "$here/query.lua" \
    "http://127.0.0.1:$port" >/dev/null
  echo "== $name: $query"
  KITH_QUERY=$query wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency \
    -s "$here/query.lua" "http://127.0.0.1:$port" | tee "$work/$name.out" | grep -E "RESULT|Non-2xx|Socket errors" || true
}
run point "MATCH (p:Person {id: \$id}) RETURN p.firstName AS first, p.lastName AS last"
run two_hop "MATCH (p:Person {id: \$id})-[:KNOWS]-()-[:KNOWS]-(f:Person) WHERE f <> p RETURN count(DISTINCT f) AS n"

kill -TERM "$server_pid"
wait "$server_pid" || { echo "server exited with $?" >&2; exit 1; }
server_pid=
echo "server stopped cleanly on SIGTERM; access log lines: $(grep -c '"endpoint"' "$work/access.log")"
