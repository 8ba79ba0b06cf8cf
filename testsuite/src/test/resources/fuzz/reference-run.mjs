// The differential fuzzer's reference: runs each module given on the command line in node's
// WebAssembly engine and writes MODULE.wasm.expected beside it, a transcript in the format
// dev.flarec.testsuite.fuzz.Transcript writes: every exported function in name order, called
// with zero arguments, its host calls and its results or "trap".
import { readFileSync, writeFileSync } from 'node:fs';

const f32 = new Float32Array(1);
const f32bits = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64bits = new BigUint64Array(f64.buffer);

function show(type, v) {
  switch (type) {
    case 'i32': return 'i32 ' + (v | 0);
    case 'i64': return 'i64 ' + BigInt.asIntN(64, v);
    case 'f32':
      if (Number.isNaN(v)) return 'f32 nan';
      f32[0] = v;
      return 'f32 0x' + f32bits[0].toString(16);
    case 'f64':
      if (Number.isNaN(v)) return 'f64 nan';
      f64[0] = v;
      return 'f64 0x' + f64bits[0].toString(16);
    default: return type + (v === null ? ' null' : ' ref');
  }
}

function zero(type) {
  switch (type) {
    case 'i64': return 0n;
    case 'funcref': case 'externref': return null;
    default: return 0;
  }
}

/** Function signatures, from the type and function sections. */
function signatures(bytes) {
  const names = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x70: 'funcref', 0x6f: 'externref' };
  let p = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  const types = []; const funcs = [];
  while (p < bytes.length) {
    const id = bytes[p++]; const size = leb(); const end = p + size;
    if (id === 1) {
      for (let n = leb(); n > 0; n--) {
        p++;
        const params = []; for (let k = leb(); k > 0; k--) params.push(names[bytes[p++]]);
        const results = []; for (let k = leb(); k > 0; k--) results.push(names[bytes[p++]]);
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        for (let k = 0; k < 2; k++) { const len = leb(); p += len; } // module and field names
        const kind = bytes[p++];
        if (kind === 0) funcs.push(types[leb()]);
        else if (kind === 1) { p++; const f = bytes[p++]; leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = bytes[p++]; leb(); if (f & 1) leb(); }
        else { p += 2; }
      }
    } else if (id === 3) {
      for (let n = leb(); n > 0; n--) funcs.push(types[leb()]);
    } else if (id === 7) {
      const exports = [];
      for (let n = leb(); n > 0; n--) {
        const len = leb(); const name = new TextDecoder().decode(bytes.subarray(p, p + len)); p += len;
        const kind = bytes[p++]; const index = leb();
        if (kind === 0) exports.push({ name, type: funcs[index] });
      }
      return exports;
    }
    p = end;
  }
  return [];
}

for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const lines = [];
  const log = (type) => (v) => { lines.push('log ' + show(type, v)); };
  try {
    const module = new WebAssembly.Module(bytes);
    const instance = new WebAssembly.Instance(module, {
      'fuzzing-support': { 'log-i32': log('i32'), 'log-i64': log('i64'), 'log-f32': log('f32'), 'log-f64': log('f64') },
    });
    const exports = signatures(bytes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, type } of exports) {
      lines.push('call ' + name);
      try {
        const r = instance.exports[name](...type.params.map(zero));
        const results = type.results.length === 1 ? [r] : type.results.length === 0 ? [] : [...r];
        lines.push(type.results.map((t, i) => 'result ' + show(t, results[i])).join('\n') || 'result none');
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) lines.push('trap');
        else lines.push('error ' + e);
      }
    }
  } catch (e) {
    lines.push('instantiation failed');
  }
  writeFileSync(file + '.expected', lines.join('\n') + '\n');
}
