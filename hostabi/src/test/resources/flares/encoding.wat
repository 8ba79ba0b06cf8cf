;; Test flare for the encoding host functions (flaron-abi.md 3.8): each export forwards its arguments to the
;; import of the same name, so a test can call every import with any arguments.
(module
  (import "flaron/v1" "encoding_base64_encode" (func $encoding_base64_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_base64_decode" (func $encoding_base64_decode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_hex_encode" (func $encoding_hex_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_hex_decode" (func $encoding_hex_decode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_url_encode" (func $encoding_url_encode (param i32 i32) (result i64)))
  (import "flaron/v1" "encoding_url_decode" (func $encoding_url_decode (param i32 i32) (result i64)))
  ;; Memory: page 0 is where the test stages arguments; page 1 is the alloc arena.
  (memory (export "memory") 2)
  (global $next (mut i32) (i32.const 0x10000))
  (global $fail (mut i32) (i32.const 0))
  ;; The SDKs' alloc contract (flaron-abi.md 2.3): 8-byte aligned bump allocation, 0 for
  ;; size <= 0 or when the arena is full; and 0 always while the test has set fail_alloc.
  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32)
    (if (i32.or (global.get $fail) (i32.le_s (local.get $size) (i32.const 0)))
      (then (return (i32.const 0))))
    (local.set $p (global.get $next))
    (if (i32.gt_u (i32.add (local.get $p) (local.get $size)) (i32.const 0x20000))
      (then (return (i32.const 0))))
    (global.set $next
      (i32.and (i32.add (i32.add (local.get $p) (local.get $size)) (i32.const 7)) (i32.const -8)))
    (local.get $p))
  (func (export "reset") (global.set $next (i32.const 0x10000)))
  (func (export "fail_alloc") (param i32) (global.set $fail (local.get 0)))
  (func (export "encoding_base64_encode") (param i32 i32) (result i64) (call $encoding_base64_encode (local.get 0) (local.get 1)))
  (func (export "encoding_base64_decode") (param i32 i32) (result i64) (call $encoding_base64_decode (local.get 0) (local.get 1)))
  (func (export "encoding_hex_encode") (param i32 i32) (result i64) (call $encoding_hex_encode (local.get 0) (local.get 1)))
  (func (export "encoding_hex_decode") (param i32 i32) (result i64) (call $encoding_hex_decode (local.get 0) (local.get 1)))
  (func (export "encoding_url_encode") (param i32 i32) (result i64) (call $encoding_url_encode (local.get 0) (local.get 1)))
  (func (export "encoding_url_decode") (param i32 i32) (result i64) (call $encoding_url_decode (local.get 0) (local.get 1)))
)
