#!/usr/bin/env bash
# Sets up (installs missing Debian packages), builds, and runs every test.
# This is the README's test command and what CI runs, verbatim.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
