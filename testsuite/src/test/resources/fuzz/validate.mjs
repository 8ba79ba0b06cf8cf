// Second reference validator for the mutation fuzzer: reads one file path a line and answers
// "valid" or "invalid" as V8's WebAssembly.validate judges it.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

for await (const line of createInterface({ input: process.stdin })) {
  let verdict;
  try {
    verdict = WebAssembly.validate(readFileSync(line)) ? 'valid' : 'invalid';
  } catch (e) {
    verdict = 'invalid';
  }
  process.stdout.write(verdict + '\n');
}
