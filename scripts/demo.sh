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
exec ./build/kith shell --db "$DB"
