package dev.flarec.compiler.validate;

import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import java.util.List;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.ActiveElement;
import run.endive.wasm.types.Element;
import run.endive.wasm.types.GlobalImport;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.MemoryImport;
import run.endive.wasm.types.OpCode;

/**
 * Holds a module to WebAssembly 2.0. The parser validates against newer proposals too (multiple
 * memories, extended constant expressions, GC), so modules it accepts may still be invalid in
 * 2.0 — those are rejected here with the 2.0 spec's wording — or valid but beyond what flarec
 * compiles, which is "unsupported".
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/modules.html">Wasm 2.0 §3.4</a>
 */
public final class Wasm2Profile {
  private Wasm2Profile() {}

  public static void check(WasmModule m) {
    int memories = 0;
    int importedGlobals = 0;
    for (int i = 0; i < m.importSection().importCount(); i++) {
      var imp = m.importSection().getImport(i);
      if (imp instanceof MemoryImport mi) {
        memories++;
        if (mi.limits().shared()) {
          throw new UnsupportedModuleException("shared memories (threads) are beyond WebAssembly 2.0");
        }
      } else if (imp instanceof GlobalImport) {
        importedGlobals++;
      }
    }
    memories += m.memorySection().map(s -> s.memoryCount()).orElse(0);
    if (memories > 1) {
      throw new InvalidModuleException("multiple memories");
    }
    if (m.tagSection().isPresent()) {
      throw new UnsupportedModuleException("exception handling (tags) is beyond WebAssembly 2.0");
    }
    for (int i = 0; i < m.globalSection().globalCount(); i++) {
      checkConstant(m.globalSection().getGlobal(i).initInstructions(), importedGlobals);
    }
    for (Element e : m.elementSection().elements()) {
      if (e instanceof ActiveElement a) {
        checkConstant(a.offset(), importedGlobals);
      }
      for (List<Instruction> init : e.initializers()) {
        checkConstant(init, importedGlobals);
      }
    }
    for (var s : m.dataSection().dataSegments()) {
      if (s instanceof ActiveDataSegment a) {
        checkConstant(a.offsetInstructions(), importedGlobals);
      }
    }
  }

  /**
   * 2.0 constant expressions are one constant instruction; {@code global.get} may only read an
   * imported global (§3.3.10).
   */
  private static void checkConstant(List<Instruction> code, int importedGlobals) {
    int count = 0;
    for (Instruction ins : code) {
      OpCode op = ins.opcode();
      if (op == OpCode.END) {
        continue;
      }
      count++;
      switch (op) {
        case I32_CONST, I64_CONST, F32_CONST, F64_CONST, REF_NULL, REF_FUNC -> {}
        case GLOBAL_GET -> {
          if (ins.operand(0) >= importedGlobals) {
            throw new InvalidModuleException("unknown global " + ins.operand(0));
          }
        }
        default -> throw new InvalidModuleException("constant expression required");
      }
    }
    if (count != 1) {
      throw new InvalidModuleException(count == 0 ? "type mismatch" : "constant expression required");
    }
  }
}
