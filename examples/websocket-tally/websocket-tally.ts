// websocket-tally — a WebSocket flare in AssemblyScript that keeps state per connection: it
// numbers the messages of each connection and answers every one with "#<n> <message>", answers
// "total" with the bytes received so far, and starts counting again on "reset".
//
// It declares the flaron/v1 imports it uses and exports alloc, ws_open, ws_message and ws_close
// (flaron-abi.md §1.1, §3.12); its entry points return nothing, as AssemblyScript's do (decision
// 1). It works on raw memory (static buffers, no strings or arrays): with the stub runtime
// AssemblyScript never frees what it allocates, and a connection's instance lives as long as the
// connection.

@external("flaron/v1", "ws_send")
declare function ws_send(ptr: usize, len: i32): i32;
@external("flaron/v1", "ws_conn_id")
declare function ws_conn_id(): i64;
@external("flaron/v1", "ws_event_data")
declare function ws_event_data(): i64;
@external("flaron/v1", "ws_close_code")
declare function ws_close_code(): i32;
@external("flaron/v1", "log_info")
declare function log_info(ptr: usize, len: i32): void;

// The host-facing allocator (§2.3): a 256 KiB bump arena, 8-byte aligned, reset by every entry
// point. Host results (the connection id, the message) land here.
const ARENA_SIZE: u32 = 256 * 1024;
const arena: usize = memory.data(ARENA_SIZE, 16);
let arenaTop: u32 = 8;

export function alloc(size: i32): usize {
  if (size <= 0) return 0;
  const rounded = ((<u32>size) + 7) & ~7;
  if (rounded > ARENA_SIZE - arenaTop) return 0;
  const p = arena + arenaTop;
  arenaTop += rounded;
  return p;
}

function resetArena(): void {
  arenaTop = 8;
}

// The answer is built here: "#<n> " and at most OUT_MESSAGE bytes of the message.
const OUT_MESSAGE: u32 = 64 * 1024;
const out: usize = memory.data(OUT_MESSAGE + 32);

// The connection's state, kept between events.
let messages: u32 = 0;
let bytes: u64 = 0;

function ptrOf(packed: i64): usize {
  return <usize>(<u64>packed >>> 32);
}

function lenOf(packed: i64): u32 {
  return <u32>(<u64>packed & 0xffffffff);
}

function putAscii(at: u32, text: string): u32 {
  for (let i = 0; i < text.length; i++) {
    store<u8>(out + at, <u8>text.charCodeAt(i));
    at++;
  }
  return at;
}

function putNumber(at: u32, value: u64): u32 {
  let digits: u32 = 1;
  for (let v = value / 10; v > 0; v /= 10) digits++;
  for (let i = digits; i > 0; i--) {
    store<u8>(out + at + i - 1, <u8>(48 + value % 10));
    value /= 10;
  }
  return at + digits;
}

function is(ptr: usize, len: u32, word: string): bool {
  if (len != <u32>word.length) return false;
  for (let i: u32 = 0; i < len; i++) {
    if (load<u8>(ptr + i) != <u8>word.charCodeAt(i)) return false;
  }
  return true;
}

export function ws_open(): void {
  resetArena();
  const id = ws_conn_id();
  let n = putAscii(0, "tally ready for ");
  const len = min(lenOf(id), 64);
  memory.copy(out + n, ptrOf(id), len);
  ws_send(out, n + len);
}

export function ws_message(): void {
  resetArena();
  const data = ws_event_data();
  const ptr = ptrOf(data);
  const len = lenOf(data);
  if (is(ptr, len, "reset")) {
    messages = 0;
    bytes = 0;
    ws_send(out, putAscii(0, "reset"));
    return;
  }
  if (is(ptr, len, "total")) {
    const n = putAscii(putNumber(putAscii(0, "total "), bytes), " bytes");
    ws_send(out, n);
    return;
  }
  messages++;
  bytes += len;
  let n = putAscii(putNumber(putAscii(0, "#"), messages), " ");
  const shown = min(len, OUT_MESSAGE);
  memory.copy(out + n, ptr, shown);
  ws_send(out, n + shown);
}

export function ws_close(): void {
  resetArena();
  let n = putAscii(0, "tally: closed after ");
  n = putAscii(putNumber(n, messages), " messages, code ");
  n = putNumber(n, <u64>ws_close_code());
  log_info(out, n);
}
