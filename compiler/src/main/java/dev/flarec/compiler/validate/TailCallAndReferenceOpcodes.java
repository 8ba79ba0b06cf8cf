package dev.flarec.compiler.validate;

import java.util.EnumSet;
import java.util.Set;
import run.endive.wasm.types.OpCode;

/**
 * The WebAssembly 3.0 instructions of tail calls and typed function references, which flarec
 * compiles beyond 2.0 ({@code ref.eq} and the GC casts belong to GC and stay rejected).
 */
public final class TailCallAndReferenceOpcodes {
  private static final Set<OpCode> COMPILED =
      EnumSet.of(
          OpCode.RETURN_CALL,
          OpCode.RETURN_CALL_INDIRECT,
          OpCode.RETURN_CALL_REF,
          OpCode.CALL_REF,
          OpCode.REF_AS_NON_NULL,
          OpCode.BR_ON_NULL,
          OpCode.BR_ON_NON_NULL);

  private TailCallAndReferenceOpcodes() {}

  public static boolean contains(OpCode op) {
    return COMPILED.contains(op);
  }
}
