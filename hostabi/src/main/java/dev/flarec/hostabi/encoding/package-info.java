/**
 * Byte-string encodings of the {@code encoding_*} host functions (flaron-abi.md §3.8, §8 decision
 * 27): standard padded base64, lowercase hexadecimal and RFC 3986 percent-encoding.
 *
 * <p>Pure functions on byte arrays: every decoder answers {@link java.util.Optional#empty()} for
 * malformed input instead of throwing, so the host function can return its "no result" 0. This
 * package depends on the JDK only; it must not depend on the guest, the invocation or any other
 * flarec package, so that it can be tested (and reused) without an instance.
 */
package dev.flarec.hostabi.encoding;
