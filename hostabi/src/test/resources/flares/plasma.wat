;; Test flare for the plasma host functions: each export forwards its arguments to the
;; import of the same name, so a test can call every import with any arguments.
(module
  (import "flaron/v1" "plasma_get" (func $plasma_get (param i32 i32) (result i64)))
  (import "flaron/v1" "plasma_set" (func $plasma_set (param i32 i32 i32 i32) (result i32)))
  (import "flaron/v1" "plasma_delete" (func $plasma_delete (param i32 i32) (result i32)))
  (import "flaron/v1" "plasma_increment" (func $plasma_increment (param i32 i32 i64) (result i64)))
  (import "flaron/v1" "plasma_decrement" (func $plasma_decrement (param i32 i32 i64) (result i64)))
  (import "flaron/v1" "plasma_list" (func $plasma_list (result i64)))
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
  (func (export "plasma_get") (param i32 i32) (result i64) (call $plasma_get (local.get 0) (local.get 1)))
  (func (export "plasma_set") (param i32 i32 i32 i32) (result i32) (call $plasma_set (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "plasma_delete") (param i32 i32) (result i32) (call $plasma_delete (local.get 0) (local.get 1)))
  (func (export "plasma_increment") (param i32 i32 i64) (result i64) (call $plasma_increment (local.get 0) (local.get 1) (local.get 2)))
  (func (export "plasma_decrement") (param i32 i32 i64) (result i64) (call $plasma_decrement (local.get 0) (local.get 1) (local.get 2)))
  (func (export "plasma_list") (result i64) (call $plasma_list ))
)
