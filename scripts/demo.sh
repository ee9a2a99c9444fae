#!/usr/bin/env bash
# Sets up, builds, generates the demo relationship data set into kith-demo.db
# (once; delete the file to regenerate) and opens the shell on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
DB=${KITH_DEMO_DB:-kith-demo.db}
if [ ! -f "$DB" ]; then
  ./build/kith demo --db "$DB" --people "${KITH_DEMO_PEOPLE:-10000}"
fi
cat <<'HINT'
Demo data: examples/README.md. Try, at the prompt:
  :param me = 1
  :param now = "2026-11-01T00:00:00Z"
  :read examples/01-warm-intro-to-dana.cypher
  MATCH (p:Person {id: $me})-[:KNOWS]-(f) RETURN f.name, f.title LIMIT 5;
HINT
exec ./build/kith shell --db "$DB"
