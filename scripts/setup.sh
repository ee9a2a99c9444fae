#!/usr/bin/env bash
# Installs the Debian 12 packages kith builds with. Idempotent: installs only
# what is missing, runs `apt-get update` at most once. Run as root (no sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  liblmdb-dev lmdb-utils
  libboost-graph-dev libboost-program-options-dev  # options: the CLI
  libantlr4-runtime-dev antlr4 uuid-dev default-jre-headless
  libcpp-httplib-dev libssl-dev
  doctest-dev
  nlohmann-json3-dev   # JSON for the CLI and the HTTP API
  libedit-dev          # line editing for the shell (BSD licence)
  tmux                 # the shell's tests drive it in a real terminal
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run this script as root to install them" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
