package dev.flarec.compiler.validate;

import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.ActiveElement;
import run.endive.wasm.types.Element;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.MemoryImport;
import run.endive.wasm.types.OpCode;

/**
 * Holds a module to WebAssembly 2.0. The parser validates against newer proposals too (multiple
 * memories, extended constant expressions, GC), so modules it accepts may still be invalid in 2.0 —
 * those are rejected here with the 2.0 spec's wording — or valid but beyond what flarec compiles,
 * which is "unsupported".
 *
 * @see <a href="https://webassembly.github.io/spec/core/valid/modules.html">Wasm 2.0 §3.4</a>
 */
public final class Wasm2Profile {
  private Wasm2Profile() {}

  /** Checks {@code m}, decoded from {@code bytes}; throws if it is not a 2.0 module we compile. */
  public static void check(WasmModule m, byte[] bytes) {
    checkTypeIndices(m);
    checkExports(m);
    int memories = 0;
    for (int i = 0; i < m.importSection().importCount(); i++) {
      var imp = m.importSection().getImport(i);
      if (imp instanceof MemoryImport mi) {
        memories++;
        if (mi.limits().shared()) {
          throw new UnsupportedModuleException(
              "threads shared memory (shared memories are not supported yet)");
        }
      }
    }
    memories += m.memorySection().map(s -> s.memoryCount()).orElse(0);
    if (memories <= 1) {
      checkReservedBytes(m, bytes);
    }
    checkInstructions(m, m.importSection().count(ExternalType.FUNCTION));
    for (int i = 0; i < m.globalSection().globalCount(); i++) {
      checkConstant(m.globalSection().getGlobal(i).initInstructions());
    }
    for (Element e : m.elementSection().elements()) {
      if (e instanceof ActiveElement a) {
        checkConstant(a.offset());
      }
      for (List<Instruction> init : e.initializers()) {
        checkConstant(init);
      }
    }
    for (var s : m.dataSection().dataSegments()) {
      if (s instanceof ActiveDataSegment a) {
        checkConstant(a.offsetInstructions());
      }
    }
    for (int i = 0; i < m.tableSection().tableCount(); i++) {
      List<Instruction> init = m.tableSection().getTable(i).initialize();
      if (init != null && !init.isEmpty()) {
        checkConstant(init);
      }
    }
  }

  /** The parser does not check that declared function types exist. */
  private static void checkTypeIndices(WasmModule m) {
    int types = m.typeSection().subTypeCount();
    for (int i = 0; i < m.importSection().importCount(); i++) {
      if (m.importSection().getImport(i) instanceof FunctionImport f && f.typeIndex() >= types) {
        throw new InvalidModuleException("unknown type " + f.typeIndex());
      }
    }
    for (int i = 0; i < m.functionSection().functionCount(); i++) {
      int t = m.functionSection().getFunctionType(i);
      if (t < 0 || t >= types) {
        throw new InvalidModuleException("unknown type " + t);
      }
    }
  }

  /** Export names are unique and name existing things (§3.4.8); the parser checks neither. */
  private static void checkExports(WasmModule m) {
    var imports = m.importSection();
    int functions = imports.count(ExternalType.FUNCTION) + m.functionSection().functionCount();
    int tables = imports.count(ExternalType.TABLE) + m.tableSection().tableCount();
    int memories =
        imports.count(ExternalType.MEMORY) + m.memorySection().map(s -> s.memoryCount()).orElse(0);
    int globals = imports.count(ExternalType.GLOBAL) + m.globalSection().globalCount();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < m.exportSection().exportCount(); i++) {
      Export e = m.exportSection().getExport(i);
      if (!names.add(e.name())) {
        throw new InvalidModuleException("duplicate export name \"" + e.name() + "\"");
      }
      int limit =
          switch (e.exportType()) {
            case FUNCTION -> functions;
            case TABLE -> tables;
            case MEMORY -> memories;
            case GLOBAL -> globals;
            case TAG ->
                m.importSection().count(ExternalType.TAG)
                    + m.tagSection().map(s -> s.tagCount()).orElse(0);
            default -> 0;
          };
      if (e.index() < 0 || e.index() >= limit) {
        String kind = e.exportType().name().toLowerCase(java.util.Locale.ROOT);
        throw new InvalidModuleException("unknown " + kind + " " + e.index());
      }
    }
  }

  /**
   * In 2.0, the memory index of {@code memory.size} and {@code memory.grow} is a reserved single
   * zero byte, not a LEB128 number (§5.4.6); multiple memories (3.0) made it an index, which {@link
   * dev.flarec.compiler.decode.ModuleChecker} checks. Only the wg-2.0 suite still expects a long
   * encoding of zero to be malformed, so a module with at most one memory keeps the 2.0 rule until
   * that suite is retired.
   */
  private static void checkReservedBytes(WasmModule m, byte[] bytes) {
    int imported = m.importSection().count(ExternalType.FUNCTION);
    var bodies = m.codeSection().functionBodies();
    for (int f = 0; f < bodies.length; f++) {
      for (Instruction ins : bodies[f].instructions()) {
        OpCode op = ins.opcode();
        if ((op == OpCode.MEMORY_SIZE || op == OpCode.MEMORY_GROW)
            && (ins.address() + 1 >= bytes.length || bytes[ins.address() + 1] != 0)) {
          throw new MalformedModuleException(
              "zero byte expected", imported + f, ins.address() + 1, null);
        }
      }
    }
  }

  private static void checkInstructions(WasmModule m, int importedFunctions) {
    var bodies = m.codeSection().functionBodies();
    for (int f = 0; f < bodies.length; f++) {
      for (Instruction ins : bodies[f].instructions()) {
        OpCode op = ins.opcode();
        if (Wasm2Opcodes.isCore(op)
            || Wasm2Opcodes.isSimd(op)
            || TailCallAndReferenceOpcodes.contains(op)
            || isExceptionHandling(op)) {
          continue;
        }
        int function = importedFunctions + f;
        throw new MalformedModuleException(
            String.format("illegal opcode 0x%x (%s is beyond WebAssembly 2.0)", op.opcode(), op),
            function,
            ins.address(),
            null);
      }
    }
  }

  /** Exception handling (3.0): {@code throw}, {@code throw_ref}, {@code try_table}. */
  private static boolean isExceptionHandling(OpCode op) {
    return op == OpCode.THROW || op == OpCode.THROW_REF || op == OpCode.TRY_TABLE;
  }

  /**
   * Constant expressions are constant instructions and, since 3.0 (extended constant expressions),
   * integer add, sub and mul over them; {@code global.get} may read any immutable global that
   * {@code ModuleChecker} let through. They leave one value.
   */
  private static void checkConstant(List<Instruction> code) {
    int depth = 0;
    for (Instruction ins : code) {
      OpCode op = ins.opcode();
      if (op == OpCode.END) {
        continue;
      }
      switch (op) {
        case I32_CONST,
            I64_CONST,
            F32_CONST,
            F64_CONST,
            V128_CONST,
            REF_NULL,
            REF_FUNC,
            GLOBAL_GET ->
            depth++;
        case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
          if (depth < 2) {
            throw new InvalidModuleException("type mismatch");
          }
          depth--;
        }
        default -> throw new InvalidModuleException("constant expression required");
      }
    }
    if (depth != 1) {
      throw new InvalidModuleException(
          depth == 0 ? "type mismatch" : "constant expression required");
    }
  }
}
