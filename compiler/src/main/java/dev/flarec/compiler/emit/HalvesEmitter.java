package dev.flarec.compiler.emit;

import run.endive.wasm.types.AnnotatedInstruction;

/**
 * A {@link TopOnlyEmitter} that takes {@code v128} operands held in halves as they are: before it
 * runs, its operands are on the JVM stack or in halves, never in the frame; it calls {@link
 * EmitContext#operandsToHalves} if it needs all of them in halves.
 */
@FunctionalInterface
interface HalvesEmitter extends TopOnlyEmitter {
  /**
   * Emits {@code ins} with {@code fallback}, from within a halves emitter that chose not to emit it
   * itself: if {@code fallback} is not a halves emitter (a boxed runtime call), its {@code
   * operands} top values are boxed first, as the function emitter would have done for it.
   */
  static void delegate(Emitter fallback, EmitContext f, AnnotatedInstruction ins, int operands) {
    if (!(fallback instanceof HalvesEmitter)) {
      f.materializeOperands(operands);
    }
    fallback.emit(f, ins);
  }
}
