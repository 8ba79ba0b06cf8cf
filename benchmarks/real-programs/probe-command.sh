# Sourced by the scripts that run one program of the corpus under FirstRunProbe
# (benchmarks/startup/first-run-jit.sh, benchmarks/profile/c2-code.sh):
#   corpus_probe NAME RUNS OUT_DIR
# compiles the program's module to OUT_DIR/BINARY.jar (once; an existing JAR is reused) with
# compiler/target/flarec.jar and sets PROBE to FirstRunProbe's arguments for RUNS runs, as
# programs.tsv says the program runs. Exits with status 2 and a message when NAME is not in
# programs.tsv or its module has not been built (benchmarks/real-programs/build.sh).
corpus_probe() {
  local name="$1" runs="$2" out="$3"
  local root corpus cache line binary args stdin script
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  corpus="$root/benchmarks/real-programs"
  cache="${FLAREC_CORPUS_DIR:-$HOME/.cache/flarec-corpus}"
  script="$(basename "$0")"
  line="$(awk -F'\t' -v n="$name" '$1 == n' "$corpus/programs.tsv")"
  [[ -n $line ]] || { echo "$script: no program $name in programs.tsv" >&2; exit 2; }
  IFS=$'\t' read -r _ binary args stdin _ <<<"$line"
  [[ -f $cache/wasm/$binary.wasm ]] || { echo "$script: run benchmarks/real-programs/build.sh $name first" >&2; exit 2; }
  mkdir -p "$out"
  [[ -f $out/$binary.jar ]] || java -jar "$root/compiler/target/flarec.jar" "$cache/wasm/$binary.wasm" -o "$out/$binary.jar"
  PROBE=("$out/$binary.jar" "$runs")
  [[ $stdin != "(none)" ]] && PROBE+=(--stdin "$corpus/$stdin")
  PROBE+=(-- "$binary")
  if [[ $args != "(none)" ]]; then
    local argv
    read -r -a argv <<<"$args"
    PROBE+=("${argv[@]}")
  fi
}
