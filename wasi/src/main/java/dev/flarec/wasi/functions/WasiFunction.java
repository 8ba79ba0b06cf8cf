package dev.flarec.wasi.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a function family as the host side of one {@code wasi_snapshot_preview1}
 * import. Its Java signature is the Wasm type: {@code int} for i32 (pointers, sizes, fds, flags),
 * {@code long} for i64 (offsets, timestamps, rights); it returns the errno as an {@code int},
 * except {@code proc_exit}, which returns nothing. See {@link WasiFunctions}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface WasiFunction {
  /** The import's name, for example {@code "fd_write"}. */
  String value();
}
