// Times the benchmark kernels under node's WebAssembly (V8: Liftoff, then TurboFan), on the same
// .wasm files and the same work as the JMH benchmarks, and prints one JSON object per kernel.
//   node run-kernels.mjs KERNELS_DIR SECONDS_PER_KERNEL [NAME...]
// Each kernel's answer is checked against kernels.tsv before and during timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, secondsArg, ...only] = process.argv.slice(2);
const seconds = Number(secondsArg ?? '3');
const ROUNDS = 5;

function catalog() {
  return readFileSync(join(dir, 'kernels.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [name, benchN, checkN, expectedBench, expectedCheck] = line.split('\t');
      return { name, benchN: Number(benchN), checkN: Number(checkN),
               expectedBench: BigInt(expectedBench), expectedCheck: BigInt(expectedCheck) };
    });
}

function check(kernel, n, got, expected) {
  if (got !== expected) {
    throw new Error(`${kernel}: run(${n}) = ${got}, expected ${expected}`);
  }
}

// Calls run(n) until `budget` seconds have passed; returns nanoseconds per call.
function round(run, kernel, budget) {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed;
  do {
    check(kernel.name, kernel.benchN, run(kernel.benchN), kernel.expectedBench);
    calls++;
    elapsed = Number(process.hrtime.bigint() - start);
  } while (elapsed < budget * 1e9);
  return elapsed / calls;
}

for (const kernel of catalog()) {
  if (only.length && !only.includes(kernel.name)) continue;
  const module = new WebAssembly.Module(readFileSync(join(dir, `${kernel.name}.wasm`)));
  const run = new WebAssembly.Instance(module, {}).exports.run;
  check(kernel.name, kernel.checkN, run(kernel.checkN), kernel.expectedCheck);
  round(run, kernel, seconds / (ROUNDS + 1)); // warm-up: lets TurboFan replace Liftoff code
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(round(run, kernel, seconds / (ROUNDS + 1)));
  const mean = rounds.reduce((a, b) => a + b, 0) / ROUNDS;
  const stdev = Math.sqrt(rounds.reduce((a, r) => a + (r - mean) ** 2, 0) / (ROUNDS - 1));
  console.log(JSON.stringify({ kernel: kernel.name, mean_ns: mean, min_ns: Math.min(...rounds),
                               stdev_ns: stdev, rounds: ROUNDS, node: process.version }));
}
