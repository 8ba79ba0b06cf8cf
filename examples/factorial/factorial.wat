;; Factorial two ways, on i64: recursively (fac) and with a loop (fac_iter).
;; 20! = 2432902008176640000 is the largest factorial that fits in an i64;
;; beyond it the product wraps around modulo 2^64, as i64.mul does.
(module
  (func $fac (export "fac") (param $n i64) (result i64)
    (if (result i64) (i64.lt_u (local.get $n) (i64.const 2))
      (then (i64.const 1))
      (else
        (i64.mul
          (local.get $n)
          (call $fac (i64.sub (local.get $n) (i64.const 1)))))))

  (func $fac_iter (export "fac_iter") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.lt_u (local.get $n) (i64.const 2)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $acc)))
