package dev.flarec.compiler.emit;

import org.objectweb.asm.MethodVisitor;

/**
 * Where the methods of one function go: the classes being written, or a measuring sink that only
 * counts their sizes while a split is being planned. The sink chooses the class, so callers learn
 * the owner to invoke.
 */
interface MethodSink {
  /** A new {@code public static} method, and the internal name of the class it is in. */
  record Opened(String owner, MethodVisitor mv) {}

  Opened open(String name, String descriptor);
}
