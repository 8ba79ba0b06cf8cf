;; scribble.wat: the isolation test's flare. Every request first checks that it sees the state of
;; a fresh instance, then writes over all of it: a store that straddles two 4 KiB blocks, a v128
;; store that ends 15 bytes into the next block, a memory.fill over several blocks, memory.grow and
;; a store in the new page, a global, a table slot. The body is "clean", or "dirty:" and a letter
;; for every check that saw an earlier request's writes (A to F, as below). Built by build.sh.
(module
  (import "flaron/v1" "resp_body_set" (func $resp_body_set (param i32 i32)))
  (type $answer (func (result i32)))
  (func $one (type $answer) (i32.const 1))
  (func $two (type $answer) (i32.const 2))
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $one $two)
  (elem declare func $two)
  (memory (export "memory") 2 8)
  (global $g (mut i32) (i32.const 7))

  ;; copies of the initial contents, never written
  (data (i32.const 0x0400) "ABCDEFGHIJKLMNOP")
  (data (i32.const 0x0500) "abcdefghijklmnopqrstuvwx")
  (data (i32.const 0x0600) "clean")
  (data (i32.const 0x0610) "dirty:")
  ;; the contents the requests write over
  (data (i32.const 0x0FF8) "ABCDEFGHIJKLMNOP")
  (data (i32.const 0x1FF8) "abcdefghijklmnopqrstuvwx")

  (func $mark (param $at i32) (param $letter i32) (result i32)
    (i32.store8 (local.get $at) (local.get $letter))
    (i32.add (local.get $at) (i32.const 1)))

  (func (export "handle_request") (result i64)
    (local $at i32)
    (local.set $at (i32.const 0x0616))
    ;; A: the 8 bytes at 0x0FFC..0x1003, across the first block boundary
    (if (i64.ne (i64.load (i32.const 0x0FFC)) (i64.load (i32.const 0x0404)))
      (then (local.set $at (call $mark (local.get $at) (i32.const 65)))))
    ;; B: 0x2000..0x200E, the part of a v128 store at 0x1FFF that lies in the next block
    (if (i32.or
          (i64.ne (i64.load (i32.const 0x2000)) (i64.load (i32.const 0x0508)))
          (i64.ne (i64.load (i32.const 0x2007)) (i64.load (i32.const 0x050F))))
      (then (local.set $at (call $mark (local.get $at) (i32.const 66)))))
    ;; C: a byte in the middle of the filled range, zero in a fresh instance
    (if (i32.load8_u (i32.const 0x3000))
      (then (local.set $at (call $mark (local.get $at) (i32.const 67)))))
    ;; D: the memory's size
    (if (i32.ne (memory.size) (i32.const 2))
      (then (local.set $at (call $mark (local.get $at) (i32.const 68)))))
    ;; E: the global
    (if (i32.ne (global.get $g) (i32.const 7))
      (then (local.set $at (call $mark (local.get $at) (i32.const 69)))))
    ;; F: the table's first slot
    (if (i32.ne (call_indirect $t (type $answer) (i32.const 0)) (i32.const 1))
      (then (local.set $at (call $mark (local.get $at) (i32.const 70)))))
    (if (i32.eq (local.get $at) (i32.const 0x0616))
      (then (call $resp_body_set (i32.const 0x0600) (i32.const 5)))
      (else (call $resp_body_set (i32.const 0x0610) (i32.sub (local.get $at) (i32.const 0x0610)))))
    ;; now write over all of it
    (i64.store (i32.const 0x0FFC) (i64.const -1))
    (v128.store (i32.const 0x1FFF) (v128.const i64x2 -1 -1))
    (memory.fill (i32.const 0x2100) (i32.const 0xEE) (i32.const 0x2000))
    (if (i32.ge_s (memory.grow (i32.const 1)) (i32.const 0))
      (then (i32.store (i32.sub (i32.mul (memory.size) (i32.const 0x10000)) (i32.const 4))
                       (i32.const -1))))
    (global.set $g (i32.const 99))
    (table.set $t (i32.const 0) (ref.func $two))
    (i64.const 0x100000000))
)
