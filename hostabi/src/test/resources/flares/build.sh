#!/bin/sh
# Rebuilds the test flares' .wasm from their .wat (needs wabt's wat2wasm) and .c (clang-19). The .wasm files are
# committed, so the tests themselves never need wat2wasm (or clang).
set -eu
cd "$(dirname "$0")"
for wat in *.wat websocket/*.wat; do
  wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
# WebSocket test flares are C against examples/include/flaron.h (clang-19, as examples/build.sh)
for c in websocket/*.c; do
  clang-19 --target=wasm32 -O2 -nostdlib -mbulk-memory -I ../../../../../examples/include \
    -Wl,--no-entry -Wl,--export-memory -o "${c%.c}.wasm" "$c"
done
