;; The module of the embedding example in the repository's README: add returns the
;; sum of its two arguments, and reports it to the host through the import env.log first.
(module
  (import "env" "log" (func $log (param i32)))
  (func $add (export "add") (param $a i32) (param $b i32) (result i32)
    (local $sum i32)
    (local.set $sum (i32.add (local.get $a) (local.get $b)))
    (call $log (local.get $sum))
    (local.get $sum)))
