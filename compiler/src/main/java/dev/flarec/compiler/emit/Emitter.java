package dev.flarec.compiler.emit;

import run.endive.wasm.types.AnnotatedInstruction;

/** Emits the JVM code of one Wasm instruction (one row of the {@link OpcodeTable}). */
@FunctionalInterface
interface Emitter {
  void emit(EmitContext f, AnnotatedInstruction ins);
}
