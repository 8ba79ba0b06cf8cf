#!/usr/bin/env bash
# Rebuilds the .wasm of every .wat in this corpus (needs wat2wasm from Debian's wabt package).
set -euo pipefail
cd "$(dirname "$0")"
command -v wat2wasm >/dev/null || { echo "wat2wasm not found: apt-get install wabt" >&2; exit 1; }
for wat in *.wat; do
  wat2wasm --debug-names "$wat" -o "${wat%.wat}.wasm"
done
