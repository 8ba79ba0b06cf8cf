/**
 * The shape of the generated classes: how Wasm types map to JVM types and descriptors, and how
 * generated members are named. (Method splitting under the JVM's size limits will live here.)
 *
 * <p>Must not depend on {@code emit}; depends on the runtime's types, ASM's opcode constants and
 * the parser's type classes. Follows JVMS §4.3 (descriptors).
 */
package dev.flarec.compiler.layout;
