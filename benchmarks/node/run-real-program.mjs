// Times one program of the real-program corpus under node's WASI (V8: Liftoff, then TurboFan)
// and prints one JSON object, the same fields as the JVM harness (RealProgramMain):
//   node run-real-program.mjs PROGRAMS_TSV CACHE_DIR NAME LATER_RUNS BUDGET_SECONDS
// compile = WebAssembly.compile; first = the first instance's _start (cold code); steady = the
// median of up to LATER_RUNS further runs, each on a fresh instance, stopping once BUDGET_SECONDS
// have gone. A line is printed after each stage, the complete one last. Every run's standard output must equal the native build's (CACHE/expected/NAME.out).
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WASI } from 'node:wasi';

const [tsv, cache, name, laterRunsArg, budgetArg] = process.argv.slice(2);
const laterRuns = Number(laterRunsArg);
const budgetMs = Number(budgetArg) * 1000;

const line = readFileSync(tsv, 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .find(([n]) => n === name);
if (!line) throw new Error(`${name}: not in ${tsv}`);
const [, binary, args, stdin] = line;
const argv = [binary, ...(args === '(none)' ? [] : args.split(' '))];
const stdinPath = stdin === '(none)' ? null : join(dirname(tsv), stdin);
const expected = readFileSync(join(cache, 'expected', `${name}.out`));
const scratch = mkdtempSync(join(tmpdir(), 'flarec-real-'));

async function runOnce(module, index) {
  const outPath = join(scratch, `out-${index}`);
  const stdoutFd = openSync(outPath, 'w');
  // a program without input keeps node's own standard input (run it with </dev/null): handing
  // node:wasi an opened /dev/null crashed node 20 on the second instance of the Rust programs
  const stdio = stdinPath ? { stdin: openSync(stdinPath, 'r'), stdout: stdoutFd } : { stdout: stdoutFd };
  const wasi = new WASI({ version: 'preview1', args: argv, env: {}, ...stdio, stderr: 2, returnOnExit: true });
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  const status = wasi.start(instance);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  // the whole process's CPU (node 20 has no per-thread figure): V8's compile threads included
  const cpuMs = (used.user + used.system) / 1e3;
  // the WASI object owns both descriptors now and closes them when it is collected: closing them
  // here too would close whatever later reuses their numbers (and crashed node in testing)
  const output = readFileSync(outPath);
  rmSync(outPath);
  if (status !== 0) throw new Error(`${name}: exit status ${status}`);
  if (!output.equals(expected)) {
    throw new Error(`${name}: output differs from the native build's (${output.length} bytes, expected ${expected.length})`);
  }
  return { ms, cpuMs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const result = { program: name, engine: 'node' };
try {
  const bytes = readFileSync(join(cache, 'wasm', `${binary}.wasm`));
  const start = process.hrtime.bigint();
  const module = await WebAssembly.compile(bytes);
  result.compile_ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify(result));
  const first = await runOnce(module, 0);
  result.first_ms = first.ms;
  result.first_cpu_ms = first.cpuMs;
  console.log(JSON.stringify(result));
  const runs = [];
  const cpus = [];
  const began = Date.now();
  while (runs.length < laterRuns && (runs.length === 0 || Date.now() - began < budgetMs)) {
    const later = await runOnce(module, runs.length + 1);
    runs.push(later.ms);
    cpus.push(later.cpuMs);
  }
  result.runs_ms = runs;
  result.steady_ms = median(runs);
  result.steady_cpu_ms = median(cpus);
  result.output = 'matches native';
} catch (e) {
  result.error = String(e.message ?? e);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
result.complete = true;
console.log(JSON.stringify(result));
