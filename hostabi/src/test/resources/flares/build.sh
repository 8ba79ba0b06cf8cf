#!/bin/sh
# Rebuilds the test flares' .wasm from their .wat (needs wabt's wat2wasm). The .wasm files are
# committed, so the tests themselves never need wat2wasm.
set -eu
cd "$(dirname "$0")"
for wat in *.wat; do
  wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
