;; A WASI command for the harness's tests: copies up to 256 bytes of standard input to standard
;; output, then exits with status 0, or 3 when the input starts with '!'.
;; Rebuild with: wat2wasm echo.wat -o echo.wasm
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    ;; one iovec at 0: buffer at 64, 256 bytes; the count read lands at 16
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 256))
    (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)))
    (i32.store (i32.const 4) (i32.load (i32.const 16)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 20)))
    (if (i32.eq (i32.load8_u (i32.const 64)) (i32.const 33))
      (then (call $proc_exit (i32.const 3))))
    (call $proc_exit (i32.const 0))))
