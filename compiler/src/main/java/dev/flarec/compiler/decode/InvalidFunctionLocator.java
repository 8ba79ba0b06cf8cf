package dev.flarec.compiler.decode;

import java.util.List;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.CodeSection;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;

/**
 * Finds which function makes a module invalid, for an error message that says where. The parser
 * validates whole modules only; this re-validates copies of the module in which the bodies of all
 * functions but a shrinking range are replaced by {@code unreachable} (valid for any type),
 * bisecting to the first invalid body: a dozen validations of mostly empty modules.
 */
final class InvalidFunctionLocator {
  private InvalidFunctionLocator() {}

  /** Where the first invalid function body is. */
  record Location(int definedIndex, int byteOffset) {}

  /**
   * The first invalid function body of {@code m} (decoded without validation), or null when the
   * module is invalid for a reason outside function bodies.
   */
  static Location locate(WasmModule m) {
    try {
      return bisect(m);
    } catch (RuntimeException e) {
      return null; // only a better message was at stake
    }
  }

  private static Location bisect(WasmModule m) {
    FunctionBody[] bodies = m.codeSection().functionBodies();
    if (bodies.length == 0 || !valid(m, bodies, 0, 0)) {
      return null; // invalid even with no real body: the problem is elsewhere
    }
    int lo = 0;
    int hi = bodies.length;
    if (valid(m, bodies, lo, hi)) {
      return null;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (!valid(m, bodies, lo, mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    List<AnnotatedInstruction> code = bodies[lo].instructions();
    return new Location(lo, code.isEmpty() ? -1 : code.get(0).address());
  }

  /** Whether the module validates with only bodies {@code [from, to)} kept. */
  private static boolean valid(WasmModule m, FunctionBody[] bodies, int from, int to) {
    CodeSection.Builder code =
        CodeSection.builder().setRequiresDataCount(m.codeSection().isRequiresDataCount());
    for (int i = 0; i < bodies.length; i++) {
      code.addFunctionBody(i >= from && i < to ? bodies[i] : unreachableBody(bodies[i]));
    }
    WasmModule.Builder b = ParserValidation.copy(m).setCodeSection(code.build());
    try {
      b.build();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static FunctionBody unreachableBody(FunctionBody original) {
    return new FunctionBody(
        original.localTypes(), List.of(instruction(OpCode.UNREACHABLE), instruction(OpCode.END)));
  }

  private static AnnotatedInstruction instruction(OpCode op) {
    Instruction ins = new Instruction(-1, op, Instruction.EMPTY_OPERANDS);
    AnnotatedInstruction.Builder b = AnnotatedInstruction.builder().from(ins).withDepth(0);
    // the parser gives the function's closing end itself as its scope
    return (op == OpCode.END ? b.withScope(ins) : b).build();
  }
}
