;; Small functions used by the compiler's unit tests.
(module
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 0))
  (global $shared (export "shared") (mut i64) (i64.const 42))

  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 1))
      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))

  ;; sum 1..n with a loop: exercises br_if fused with a comparison
  (func (export "sum") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
        (local.set $acc (i32.add (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  (func (export "div_s") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))

  (func (export "bump") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (global.get $counter))

  (func (export "store_load") (param $addr i32) (param $v i64) (result i64)
    (i64.store offset=8 (local.get $addr) (local.get $v))
    (i64.load offset=8 (local.get $addr)))

  (func (export "swap") (param i32 f64) (result f64 i32) (local.get 1) (local.get 0))

  ;; counts the pairs (i, j) in [0, n) x [0, n) with (i * k) <u (j * k): unsigned compares in a hot loop
  (func (export "count_unsigned_less") (param $n i32) (param $k i32) (result i32)
    (local $i i32) (local $j i32) (local $count i32)
    (loop $outer
      (local.set $j (i32.const 0))
      (loop $inner
        (if (i32.lt_u (i32.mul (local.get $i) (local.get $k)) (i32.mul (local.get $j) (local.get $k)))
          (then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $count))

  (func (export "spin") (loop $forever (br $forever)))
)
