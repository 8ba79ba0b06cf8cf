#!/usr/bin/env bash
# Rebuilds the .wasm of every example from its source. The built .wasm files are committed, so
# tests and CI never need these tools; run this after editing a source.
#   WAT (.wat):  wat2wasm from WABT (Debian: apt-get install wabt)
#   C (.c):      clang-19 and wasm-ld (Debian: apt-get install clang-19 lld-19), freestanding
#                wasm32 against include/flaron.h, the flaron/v1 guest header
#   AssemblyScript (a directory with package.json): node and npm; `npm ci` installs the asc
#                version its package-lock.json pins, `npm run build` compiles
set -euo pipefail
cd "$(dirname "$0")"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "examples/build.sh: $1 is not installed; it is needed to build $2 ($3)" >&2
    exit 1
  fi
}

shopt -s nullglob
wat_sources=(*/*.wat)
if (( ${#wat_sources[@]} > 0 )); then
  need wat2wasm "${wat_sources[*]}" "Debian: apt-get install wabt"
fi
for wat in "${wat_sources[@]}"; do
  # --debug-names keeps function names, so generated methods and stack traces carry them
  wat2wasm --debug-names "$wat" -o "${wat%.wat}.wasm"
  echo "built ${wat%.wat}.wasm"
done

c_sources=()
for c in */*.c; do
  [[ $c == include/* ]] || c_sources+=("$c")
done
if (( ${#c_sources[@]} > 0 )); then
  need clang-19 "${c_sources[*]}" "Debian: apt-get install clang-19 lld-19"
fi
for c in "${c_sources[@]}"; do
  # freestanding flares: no libc, no _start; the host reads the exported memory
  clang-19 --target=wasm32 -O2 -nostdlib -mbulk-memory -I include \
    -Wl,--no-entry -Wl,--export-memory -o "${c%.c}.wasm" "$c"
  echo "built ${c%.c}.wasm"
done

as_projects=(*/package.json)
if (( ${#as_projects[@]} > 0 )); then
  need npm "${as_projects[*]}" "Debian: apt-get install nodejs npm"
fi
for project in "${as_projects[@]}"; do
  dir=$(dirname "$project")
  (cd "$dir" && npm ci --no-audit --no-fund --silent && npm run --silent build)
  echo "built $dir (AssemblyScript)"
done
