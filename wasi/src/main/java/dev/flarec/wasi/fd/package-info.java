/**
 * Descriptors and the descriptor table: what a WASI {@code fd} names (a standard stream over a Java
 * stream, a regular file over a {@link java.nio.channels.FileChannel}, a directory by its canonical
 * host path), with the operations each kind supports and the errno each refuses the others with.
 *
 * <p>Depends on {@link dev.flarec.wasi.abi}, {@link dev.flarec.wasi.fs} and the JDK; never on guest
 * memory layouts or the functions. Semantics follow {@code wasi_snapshot_preview1} (witx: {@code
 * $fd}, {@code $fdstat}, {@code $rights}) and, where it is silent, POSIX.
 */
package dev.flarec.wasi.fd;
