#!/usr/bin/env bash
# Rebuilds the WASI test programs: every *.c here becomes ../resources/programs/NAME.wasm. The
# built .wasm files are committed, so tests never need these tools; run this after editing a
# source. Needs Debian's clang-19, lld-19, libclang-rt-19-dev-wasm32 and wasi-libc
# (apt-get install clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc).
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/programs
mkdir -p "$out"

if ! command -v clang-19 >/dev/null 2>&1; then
  echo "wasi/src/test/c/build.sh: clang-19 is not installed" \
    "(apt-get install clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc)" >&2
  exit 1
fi

for c in *.c; do
  # wasm32-wasi with wasi-libc: a command module (exports _start and its memory); debug
  # sections stripped so the committed files stay small and the same on every machine
  clang-19 --target=wasm32-wasi -O2 -Wall -Werror -Wl,--strip-debug -o "$out/${c%.c}.wasm" "$c"
  echo "built $out/${c%.c}.wasm"
done
