/**
 * The vocabulary of WASI preview 1 as it crosses the guest boundary: the errno catalogue ({@link
 * dev.flarec.wasi.abi.Errno}), rights, file types, flags and enumerations, the byte layout of the
 * structures in guest memory, and {@link dev.flarec.wasi.abi.GuestMemory}, through which every
 * pointer and length a guest passes is checked.
 *
 * <p>The lowest layer of the WASI module: depends on the runtime's {@code memory} package and the
 * JDK only, never on descriptors, the file system or the functions. Values and layouts are those of
 * the {@code wasi_snapshot_preview1} witx definitions (typenames.witx), which the C header {@code
 * wasi/api.h} of wasi-libc repeats with static assertions.
 */
package dev.flarec.wasi.abi;
