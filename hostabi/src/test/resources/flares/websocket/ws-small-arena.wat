;; A WebSocket flare whose alloc has room for 64 bytes only, as a C or AssemblyScript flare with a
;; small arena: it echoes what ws_event_data hands it. A larger message must never reach it as an
;; empty one (the host closes with 1009 instead).
(module
  (import "flaron/v1" "ws_event_data" (func $ws_event_data (result i64)))
  (import "flaron/v1" "ws_send" (func $ws_send (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "alloc") (param $len i32) (result i32)
    (if (result i32) (i32.gt_u (local.get $len) (i32.const 64))
      (then (i32.const 0))
      (else (i32.const 1024))))
  (func (export "ws_open") (result i32) (i32.const 0))
  (func (export "ws_message") (result i32)
    (local $data i64)
    (local.set $data (call $ws_event_data))
    ;; the echo, an empty one when the host hands over nothing
    (drop (call $ws_send
      (i32.wrap_i64 (i64.shr_u (local.get $data) (i64.const 32)))
      (i32.wrap_i64 (local.get $data))))
    (i32.const 0))
  (func (export "ws_close") (result i32) (i32.const 0)))
