;; A module that needs a host function, a host memory and a table of functions.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "add" (func $add (type $binop)))
  (import "env" "memory" (memory 1))
  (table (export "table") 2 funcref)
  (elem (i32.const 0) $add $sub)
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func (export "add_via_host") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
  (func (export "apply") (param $which i32) (param i32 i32) (result i32)
    (call_indirect (type $binop) (local.get 1) (local.get 2) (local.get $which)))
  (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0)))
)
