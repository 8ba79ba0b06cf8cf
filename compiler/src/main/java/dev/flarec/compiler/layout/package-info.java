/**
 * The shape of the generated classes: how Wasm types map to JVM types and descriptors, how
 * generated members are named, and {@code MethodSizes}, a class-file reader that checks emitted
 * methods against the budget independently of the emitter that sized them.
 *
 * <p>Must not depend on {@code emit}; depends on the runtime's types, ASM's opcode constants and
 * the parser's type classes. Follows JVMS §4.3 (descriptors) and §4.7.3 (the Code attribute).
 */
package dev.flarec.compiler.layout;
