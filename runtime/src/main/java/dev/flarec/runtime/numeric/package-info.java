/**
 * The numeric operations compiled code calls where no JVM bytecode has the WebAssembly semantics:
 * integer division that must trap instead of throwing {@link ArithmeticException} or wrapping,
 * float-to-integer truncation that must trap instead of saturating, unsigned conversions, and the
 * float operations whose NaN and signed-zero rules differ from {@link java.lang.Math}.
 *
 * <p>Every method is a small {@code public static} one that generated code reaches with {@code
 * invokestatic}, so that HotSpot inlines it into the caller and the hot path costs no more than the
 * handful of instructions the operation needs; for the same reason they do not allocate or box.
 * They also avoid {@code Integer.compareUnsigned}/{@code Long.compareUnsigned}, whose folded forms
 * C2 in JDK 17 can miscompile; where unsigned order is needed, compare biased values ({@code x ^
 * MIN_VALUE}) as signed instead.
 *
 * <p>This package must not depend on anything but {@code dev.flarec.runtime.trap} and the JDK: it
 * sits below everything else in the runtime and is called from every compiled module.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html">Wasm 2.0 §4.3
 *     numerics</a>
 */
package dev.flarec.runtime.numeric;
