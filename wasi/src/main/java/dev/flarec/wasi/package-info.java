/**
 * WASI preview 1 for flarec-compiled modules: {@link dev.flarec.wasi.Wasi} gives an instance the
 * {@code wasi_snapshot_preview1} imports, with the arguments, environment, standard streams and
 * pre-opened directories the embedder chooses, and runs a command's {@code _start}.
 *
 * <p>The public face of the WASI module, which depends on the flarec runtime and the JDK only
 * (never on the compiler, the parser or the flare host), so that a compiled WASI command JAR
 * carries it beside the runtime. Below it: {@code abi} (errnos, layouts, guest memory), {@code fs}
 * (the sandbox), {@code fd} (descriptors), {@code functions} (the imports), and {@code launch} (the
 * main class of WASI JARs). Spec: WASI preview 1, {@code wasi_snapshot_preview1} witx.
 */
package dev.flarec.wasi;
