#!/usr/bin/env python3
"""Writes probe.wat: the string table is laid out here so that offsets never go stale.

Run from this directory, then rebuild probe.wasm with build.sh.
"""
strings = {
    "x-case": b"x-case",
    "x-name": b"x-name",
    "x-status": b"x-status",
    "x-action": b"x-action",
    "x-body": b"x-body",
    "x-grow": b"x-grow",
    "absent": b"absent",
    "ok": b"ok",
    "X-Thing": b"X-Thing",
    "x-thing": b"x-thing",
    "first": b"first",
    "second": b"second",
    "Content-Length": b"Content-Length",
    "999": b"999",
    "Bad Name": b"Bad Name",
    "X-Injected": b"X-Injected",
    "crlf": b"a\r\nb",
    "X-Empty": b"X-Empty",
    "X-Flare": b"X-Flare",
    "yes": b"yes",
    "info line": b"info line",
    "warn line": b"warn line",
    "error line": b"error line",
    "hi": b"hi",
}
base = 1024
offsets = {}
data = []
at = base
for key, value in strings.items():
    offsets[key] = (at, len(value))
    data.append((at, value))
    at += len(value)
    at = (at + 7) & ~7

# An AssemblyScript string for env.abort: u32 byte length at ptr - 4, then UTF-16LE.
as_msg = "assertion failed: probe".encode("utf-16-le")
as_file = "probe.ts".encode("utf-16-le")
at = (at + 7) & ~7
as_msg_ptr = at + 4
data.append((at, len(as_msg).to_bytes(4, "little") + as_msg))
at = (as_msg_ptr + len(as_msg) + 7) & ~7
as_file_ptr = at + 4
data.append((at, len(as_file).to_bytes(4, "little") + as_file))


def s(key):
    p, n = offsets[key]
    return f"(i32.const {p}) (i32.const {n})"


def wat_bytes(b):
    return "".join(f"\\{c:02x}" for c in b)


cases = {}

cases["m"] = f"""(call $respond_packed (call $req_method))"""
cases["u"] = f"""(call $respond_packed (call $req_url))"""
cases["h"] = f"""
    ;; the header named by the value of x-name
    (local.set $v (call $req_header_get {s("x-name")}))
    (call $respond_packed
      (call $req_header_get (call $ptr (local.get $v)) (call $len (local.get $v))))"""
cases["b"] = f"""(call $respond_packed (call $req_body))"""
cases["A"] = f"""
    ;; alloc refuses: every result is 0
    (global.set $fail_alloc (i32.const 1))
    (call $respond_packed (call $req_url))"""
cases["s"] = f"""
    (call $resp_set_status (call $header_int {s("x-status")}))
    (call $resp_body_set {s("ok")})"""
cases["E"] = f"""(nop)"""
cases["H"] = f"""
    (call $resp_header_set {s("X-Thing")} {s("first")})
    (call $resp_header_set {s("x-thing")} {s("second")})
    (call $resp_header_set {s("Content-Length")} {s("999")})
    (call $resp_header_set {s("Bad Name")} {s("first")})
    (call $resp_header_set {s("X-Injected")} {s("crlf")})
    (call $resp_header_set {s("X-Empty")} (i32.const 0) (i32.const 0))"""
cases["B"] = f"""
    (call $resp_body_set {s("first")})
    (call $resp_body_set {s("second")})"""
cases["l"] = f"""
    (call $log_info {s("info line")})
    (call $log_warn {s("warn line")})
    (call $log_error {s("error line")})
    (call $log_info (i32.const 0) (i32.const 0))"""
cases["L"] = f"""
    ;; 150 lines: only the first 100 are kept
    (local.set $i (i32.const 0))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $i) (i32.const 150)))
        (call $log_info {s("info line")})
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))"""
cases["T"] = f"""
    ;; 5000 bytes of 'x' then a 3-byte character straddling byte 4096
    (memory.fill (i32.const 0x20000) (i32.const 0x78) (i32.const 5000))
    (i32.store8 (i32.const 0x20FFF) (i32.const 0xE2))
    (i32.store8 (i32.const 0x21000) (i32.const 0x82))
    (i32.store8 (i32.const 0x21001) (i32.const 0xAC))
    (call $log_warn (i32.const 0x20000) (i32.const 5000))"""
cases["w"] = f"""
    ;; every ws_* function outside a WebSocket invocation; body: five digits
    (i32.store8 (i32.const 0x20000)
      (i32.add (i32.const 48) (call $ws_send {s("hi")})))
    (i32.store8 (i32.const 0x20001)
      (i32.add (i32.const 48) (i64.ne (call $ws_conn_id) (i64.const 0))))
    (i32.store8 (i32.const 0x20002)
      (i32.add (i32.const 48) (i64.ne (call $ws_event_type) (i64.const 0))))
    (i32.store8 (i32.const 0x20003)
      (i32.add (i32.const 48) (i64.ne (call $ws_event_data) (i64.const 0))))
    (i32.store8 (i32.const 0x20004)
      (i32.add (i32.const 48) (call $ws_close_code)))
    (call $ws_close_conn (i32.const 1000))
    (call $resp_body_set (i32.const 0x20000) (i32.const 5))"""
cases["W"] = f"""
    ;; ws_send with a range outside memory traps
    (drop (call $ws_send (i32.const 0x7FFFFFF0) (i32.const 64)))"""
cases["a"] = f"""
    (call $abort (i32.const {as_msg_ptr}) (i32.const {as_file_ptr}) (i32.const 12) (i32.const 5))"""
cases["p"] = f"""
    ;; an argument range past the end of memory
    (call $log_info (i32.const 0x2FFF0) (i32.const 64))"""
cases["P"] = f"""
    ;; a negative length
    (call $resp_body_set (i32.const 0) (i32.const -1))"""
cases["q"] = f"""
    ;; a header name outside memory
    (drop (call $req_header_get (i32.const -16) (i32.const 8)))"""
cases["r"] = f"""
    ;; action from x-action; the low 32 bits are junk the host must ignore
    (if (i64.ne (call $req_header_get {s("x-status")}) (i64.const 0))
      (then (call $resp_set_status (call $header_int {s("x-status")}))))
    (if (i64.ne (call $req_header_get {s("x-body")}) (i64.const 0))
      (then (call $respond_packed (call $req_header_get {s("x-body")}))))
    (call $resp_header_set {s("X-Flare")} {s("yes")})
    (return (i64.or
      (i64.shl (i64.extend_i32_u (call $header_int {s("x-action")})) (i64.const 32))
      (i64.const 0xABC)))"""
cases["i"] = f"""
    ;; forever: only the deadline stops it
    (loop $forever (br $forever))"""
cases["z"] = f"""(unreachable)"""
cases["R"] = f"""
    ;; unbounded recursion: "call stack exhausted"
    (drop (call $recurse (i32.const 0)))"""
cases["g"] = f"""
    ;; grow by x-grow pages; trap when refused, else answer the new size in pages
    (if (i32.eq (memory.grow (call $header_int {s("x-grow")})) (i32.const -1))
      (then (unreachable)))
    (call $respond_int (memory.size))"""
cases["n"] = f"""
    ;; state that survives only with isolation "reuse": a global and a memory cell
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.store (i32.const 0x20100) (i32.add (i32.load (i32.const 0x20100)) (i32.const 1)))
    (call $respond_int (i32.add (i32.mul (global.get $count) (i32.const 10))
                                (i32.load (i32.const 0x20100))))"""

dispatch = []
for key, body in cases.items():
    dispatch.append(f"""    (if (i32.eq (local.get $c) (i32.const {ord(key)})) ;; '{key}'
      (then {body}
        (return (i64.const 0x100000000))))""")

wat = f""";; probe.wat: the server tests' flare. Every request picks a behaviour with the first byte of
;; its x-case header (see the cases below); without one it answers 200 "ok". Generated by
;; gen_probe.py (which lays out the string table); rebuilt by build.sh.
(module
  (import "flaron/v1" "req_method" (func $req_method (result i64)))
  (import "flaron/v1" "req_url" (func $req_url (result i64)))
  (import "flaron/v1" "req_header_get" (func $req_header_get (param i32 i32) (result i64)))
  (import "flaron/v1" "req_body" (func $req_body (result i64)))
  (import "flaron/v1" "resp_set_status" (func $resp_set_status (param i32)))
  (import "flaron/v1" "resp_header_set" (func $resp_header_set (param i32 i32 i32 i32)))
  (import "flaron/v1" "resp_body_set" (func $resp_body_set (param i32 i32)))
  (import "flaron/v1" "log_info" (func $log_info (param i32 i32)))
  (import "flaron/v1" "log_warn" (func $log_warn (param i32 i32)))
  (import "flaron/v1" "log_error" (func $log_error (param i32 i32)))
  (import "flaron/v1" "ws_send" (func $ws_send (param i32 i32) (result i32)))
  (import "flaron/v1" "ws_close_conn" (func $ws_close_conn (param i32)))
  (import "flaron/v1" "ws_conn_id" (func $ws_conn_id (result i64)))
  (import "flaron/v1" "ws_event_type" (func $ws_event_type (result i64)))
  (import "flaron/v1" "ws_event_data" (func $ws_event_data (result i64)))
  (import "flaron/v1" "ws_close_code" (func $ws_close_code (result i32)))
  (import "env" "abort" (func $abort (param i32 i32 i32 i32)))

  ;; page 0: strings; page 1: the alloc arena; page 2: scratch
  (memory (export "memory") 3)
  (global $next (mut i32) (i32.const 0x10000))
  (global $fail_alloc (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))

  ;; the SDKs' arena contract (flaron-abi.md 2.3)
  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $p i32)
    (if (i32.or (global.get $fail_alloc) (i32.le_s (local.get $size) (i32.const 0)))
      (then (return (i32.const 0))))
    (local.set $p (global.get $next))
    (if (i32.gt_u (i32.add (local.get $p) (local.get $size)) (i32.const 0x20000))
      (then (return (i32.const 0))))
    (global.set $next
      (i32.and (i32.add (i32.add (local.get $p) (local.get $size)) (i32.const 7)) (i32.const -8)))
    (local.get $p))

  (func $recurse (param $n i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))

  (func $ptr (param $packed i64) (result i32)
    (i32.wrap_i64 (i64.shr_u (local.get $packed) (i64.const 32))))
  (func $len (param $packed i64) (result i32)
    (i32.wrap_i64 (local.get $packed)))

  ;; body = the bytes of a packed result; 404 "absent" when it is 0
  (func $respond_packed (param $packed i64)
    (if (i64.eqz (local.get $packed))
      (then
        (call $resp_set_status (i32.const 404))
        (call $resp_body_set {s("absent")}))
      (else
        (call $resp_body_set (call $ptr (local.get $packed)) (call $len (local.get $packed))))))

  ;; body = decimal text of a non-negative number
  (func $respond_int (param $n i32)
    (local $at i32)
    (local.set $at (i32.const 0x20400))
    (loop $digit
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (local.get $n)))
    (call $resp_body_set (local.get $at) (i32.sub (i32.const 0x20400) (local.get $at))))

  ;; the decimal value of a request header (0 when absent); a leading '-' negates
  (func $header_int (param $name i32) (param $name_len i32) (result i32)
    (local $v i64) (local $p i32) (local $end i32) (local $n i32) (local $neg i32)
    (local.set $v (call $req_header_get (local.get $name) (local.get $name_len)))
    (local.set $p (call $ptr (local.get $v)))
    (local.set $end (i32.add (local.get $p) (call $len (local.get $v))))
    (if (i32.and (i32.lt_u (local.get $p) (local.get $end))
                 (i32.eq (i32.load8_u (local.get $p)) (i32.const 45)))
      (then
        (local.set $neg (i32.const 1))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10))
                               (i32.sub (i32.load8_u (local.get $p)) (i32.const 48))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $more)))
    (if (result i32) (local.get $neg)
      (then (i32.sub (i32.const 0) (local.get $n)))
      (else (local.get $n))))

  (func (export "handle_request") (result i64)
    (local $c i32) (local $v i64) (local $i i32)
    (global.set $next (i32.const 0x10000))
    (local.set $v (call $req_header_get {s("x-case")}))
    (if (i64.ne (local.get $v) (i64.const 0))
      (then (local.set $c (i32.load8_u (call $ptr (local.get $v))))))
{chr(10).join(dispatch)}
    (call $resp_body_set {s("ok")})
    (i64.const 0x100000000))

""" + "\n".join(f'  (data (i32.const {p}) "{wat_bytes(b)}")' for p, b in data) + "\n)\n"

open("probe.wat", "w").write(wat)
