#!/bin/sh
# Rebuilds the server tests' flare: gen_probe.py writes probe.wat (it lays out the string
# table), wat2wasm (wabt) builds probe.wasm. Both outputs are committed, so tests need neither.
set -eu
cd "$(dirname "$0")"
python3 gen_probe.py
wat2wasm --debug-names probe.wat -o probe.wasm
wat2wasm --debug-names scribble.wat -o scribble.wasm
