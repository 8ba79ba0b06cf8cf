(module
  ;; the imports every HTTP flare uses, so that loading this one binds them
  (import "flaron/v1" "req_method" (func $req_method (result i64)))
  (import "flaron/v1" "req_url" (func $req_url (result i64)))
  (import "flaron/v1" "resp_set_status" (func $resp_set_status (param i32)))
  (import "flaron/v1" "resp_header_set" (func $resp_header_set (param i32 i32 i32 i32)))
  (import "flaron/v1" "resp_body_set" (func $resp_body_set (param i32 i32)))
  (import "flaron/v1" "log_info" (func $log_info (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "content-typetext/plainwarm")
  (func $sum (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (i64.extend_i32_u (local.get $i))))
        (local.set $acc (i64.add (local.get $acc) (i64.load (i32.const 8))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  ;; answers like a flare does (status, a header, a body: action 1, Respond), so that the
  ;; warm-up's requests run the whole response path too
  (func (export "handle_request") (result i64)
    (drop (call $req_method))
    (drop (call $req_url))
    (drop (call $sum (i32.const 10)))
    (call $resp_set_status (i32.const 200))
    (call $resp_header_set (i32.const 64) (i32.const 12) (i32.const 76) (i32.const 10))
    (call $resp_body_set (i32.const 86) (i32.const 4))
    (i64.const 0x1_0000_0000)))
