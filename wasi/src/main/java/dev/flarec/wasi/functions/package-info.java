/**
 * The {@code wasi_snapshot_preview1} functions, one class per family (arguments and environment,
 * clocks, random, process, polling, sockets, descriptor I/O, descriptor status, the descriptor
 * table, directories, opening, path entries, path status), bound as imports by {@link
 * dev.flarec.wasi.functions.WasiFunctions}.
 *
 * <p>Every function follows one javadoc template: a summary; its parameters, with each
 * pointer/length pair spelled out; its errno results with their conditions; what it writes to guest
 * memory; and the spec reference. A function reads and writes guest memory only through {@link
 * dev.flarec.wasi.abi.GuestMemory} (bad pointers are {@code fault}), reaches the file system only
 * through {@link dev.flarec.wasi.fs.PathResolver} (paths never leave their directory), and fails by
 * throwing {@link dev.flarec.wasi.abi.ErrnoException}.
 *
 * <p>An implementation package of the WASI module: depends on the runtime's {@code instance},
 * {@code memory} and {@code types}, the other WASI packages below it, and the JDK; never on the
 * public {@link dev.flarec.wasi.Wasi} API that assembles it, the compiler or a command line. Spec:
 * WASI preview 1, {@code wasi_snapshot_preview1.witx} and {@code typenames.witx}.
 */
package dev.flarec.wasi.functions;
