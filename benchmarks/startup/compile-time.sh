#!/usr/bin/env bash
# Compile time of one module from the command line: `java -jar FLAREC.jar MODULE.wasm -o OUT.jar`,
# the whole process, RUNS times. Several comma-separated flarec JARs (an A/B of two builds) are
# alternated in every round, so that drifting load hits all alike. Prints the median wall-clock
# time, the median CPU time (user + system, all threads, from GNU time) and the load average.
#   compile-time.sh FLAREC.jar[,OTHER.jar...] MODULE.wasm [RUNS=10] [JAVA=java]
# Example: benchmarks/startup/compile-time.sh compiler/target/flarec.jar examples/hello/hello.wasm
set -euo pipefail
IFS=, read -r -a FLARECS <<<"$1"
MODULE="$2"
RUNS="${3:-10}"
JAVA="${4:-java}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for i in "${!FLARECS[@]}"; do : >"$WORK/times$i.txt"; done
for _ in $(seq "$RUNS"); do
  for i in "${!FLARECS[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$WORK/one.txt" \
      "$JAVA" -jar "${FLARECS[$i]}" "$MODULE" -o "$WORK/out$i.jar" >/dev/null
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/one.txt" >>"$WORK/times$i.txt"
  done
done
echo "java: $("$JAVA" -version 2>&1 | head -1)"
for i in "${!FLARECS[@]}"; do
  f="$WORK/times$i.txt"
  echo "$(basename "${FLARECS[$i]}") $(basename "$MODULE"): median $(cut -d' ' -f1 "$f" | median) ms" \
    "of $RUNS ($(cut -d' ' -f1 "$f" | tr '\n' ' ')), CPU $(cut -d' ' -f2 "$f" | median) ms," \
    "output $(stat -c %s "$WORK/out$i.jar") bytes"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
