/**
 * The host file system as a guest may see it: the sandbox's path resolution ({@link
 * dev.flarec.wasi.fs.PathResolver}), file status and directory listings in WASI's terms, and the
 * translation of host I/O errors into WASI errnos.
 *
 * <p>Depends on {@link dev.flarec.wasi.abi} and the JDK's {@code java.nio.file} only; knows nothing
 * of descriptors or of the functions that use it. The rules it enforces are those of WASI preview
 * 1's capability model ({@code wasi_snapshot_preview1}, path resolution in docs/Path.md of the WASI
 * repository): a path is resolved beneath a directory descriptor and may never leave it.
 */
package dev.flarec.wasi.fs;
