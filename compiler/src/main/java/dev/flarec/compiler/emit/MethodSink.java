package dev.flarec.compiler.emit;

import org.objectweb.asm.MethodVisitor;

/**
 * Where the methods of one function go: the class being written, or a measuring sink that only
 * counts their sizes while a split is being planned.
 */
interface MethodSink {
  /** A visitor for a new {@code public static} method. */
  MethodVisitor open(String name, String descriptor);
}
