;; A memory64 program that really uses more than 4 GiB: grows its memory to $pages pages, fills
;; every byte, writes a word at the start of every page and words and vectors that straddle every
;; 1 GiB mark (the 4 GiB one included), copies 1 MiB from below 4 GiB to above it, then checksums every
;; 8-byte word of the memory in order. Large64ProgramTest computes the same checksum from a model.
(module
  (memory i64 1)
  (func (export "run") (param $pages i64) (result i64)
    (local $size i64) (local $a i64) (local $sum i64)
    (if (i64.eq (memory.grow (i64.sub (local.get $pages) (i64.const 1))) (i64.const -1))
      (then (return (i64.const -1))))
    (local.set $size (i64.shl (memory.size) (i64.const 16)))
    (memory.fill (i64.const 0) (i32.const 0x5A) (local.get $size))
    ;; the first word of every page: its address times a large odd constant
    (block $pagesDone
      (loop $everyPage
        (br_if $pagesDone (i64.ge_u (local.get $a) (local.get $size)))
        (i64.store (local.get $a) (i64.mul (local.get $a) (i64.const 0x9E3779B97F4A7C15)))
        (local.set $a (i64.add (local.get $a) (i64.const 65536)))
        (br $everyPage)))
    ;; a v128, then an i64 across every 1 GiB mark, an i32 across the byte after it; then the
    ;; 16 bytes around the mark, loaded as one v128, stored again 32 bytes above it
    (local.set $a (i64.const 0x4000_0000))
    (block $marksDone
      (loop $everyMark
        (br_if $marksDone (i64.ge_u (local.get $a) (local.get $size)))
        (v128.store offset=2 (i64.sub (local.get $a) (i64.const 12))
          (v128.const i64x2 0x1112131415161718 0x2122232425262728))
        (i64.store offset=5 (i64.sub (local.get $a) (i64.const 8)) (i64.const 0x0102030405060708))
        (i32.store offset=1 (i64.sub (local.get $a) (i64.const 2)) (i32.const 0xCAFEBABE))
        (v128.store offset=32 (local.get $a) (v128.load (i64.sub (local.get $a) (i64.const 8))))
        (local.set $a (i64.add (local.get $a) (i64.const 0x4000_0000)))
        (br $everyMark)))
    (memory.copy (i64.const 0x1_0100_0000) (i64.const 0xFFF0_0000) (i64.const 0x10_0000))
    ;; every word, in order: rotate the sum, add the word
    (local.set $a (i64.const 0))
    (block $sumDone
      (loop $everyWord
        (br_if $sumDone (i64.ge_u (local.get $a) (local.get $size)))
        (local.set $sum (i64.add (i64.rotl (local.get $sum) (i64.const 1)) (i64.load (local.get $a))))
        (local.set $a (i64.add (local.get $a) (i64.const 8)))
        (br $everyWord)))
    (local.get $sum)))
