package dev.flarec.compiler.decode;

import dev.flarec.compiler.UnsupportedModuleException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;

/**
 * What flarec compiles: WebAssembly 3.0 but garbage collection (GC: struct, array and i31 types and
 * instructions, casts, the abstract heap types {@code any}, {@code eq}, {@code i31}, {@code
 * struct}, {@code array}, {@code none}) and threads (shared memories, atomic instructions). A valid
 * module that uses either is refused as "unsupported" with the feature and the instruction or type
 * named, at its function and byte offset, never as malformed. {@link ModuleChecker} meets them in
 * the bytes, before the parser; {@link #checkDecoded} holds the parser's module to the same line.
 * See docs/RATIONALE.md#why-gc-and-threads-are-unsupported-not-malformed.
 */
public final class UnsupportedFeatures {
  private UnsupportedFeatures() {}

  static final int GC_PREFIX = 0xFB;
  static final int THREADS_PREFIX = 0xFE;

  /** {@code ref.eq}: compares GC references. */
  static final int REF_EQ = 0xD3;

  private static final String[] GC_INSTRUCTIONS = {
    "struct.new",
    "struct.new_default",
    "struct.get",
    "struct.get_s",
    "struct.get_u",
    "struct.set",
    "array.new",
    "array.new_default",
    "array.new_fixed",
    "array.new_data",
    "array.new_elem",
    "array.get",
    "array.get_s",
    "array.get_u",
    "array.set",
    "array.len",
    "array.fill",
    "array.copy",
    "array.init_data",
    "array.init_elem",
    "ref.test",
    "ref.test null",
    "ref.cast",
    "ref.cast null",
    "br_on_cast",
    "br_on_cast_fail",
    "any.convert_extern",
    "extern.convert_any",
    "ref.i31",
    "i31.get_s",
    "i31.get_u"
  };

  /** The message for the GC instruction {@code 0xFB subopcode}. */
  static String gcInstruction(long subopcode) {
    String name =
        subopcode >= 0 && subopcode < GC_INSTRUCTIONS.length
            ? GC_INSTRUCTIONS[(int) subopcode]
            : "instruction 0xfb " + subopcode;
    return "GC " + name + " (garbage collection is not supported yet)";
  }

  /** The atomic read-modify-write operators, in opcode order. */
  private static final String[] RMW = {"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"};

  /** Operand shapes of the loads, stores and read-modify-writes, in opcode order. */
  private static final String[] WIDTHS = {
    "i32", "i64", "i32:8", "i32:16", "i64:8", "i64:16", "i64:32"
  };

  /** The message for the atomic instruction {@code 0xFE subopcode} (threads). */
  static String threadsInstruction(long subopcode) {
    return "threads " + atomicName(subopcode) + " (atomic instructions are not supported yet)";
  }

  private static String atomicName(long sub) {
    if (sub == 0x00) {
      return "memory.atomic.notify";
    }
    if (sub == 0x01 || sub == 0x02) {
      return "memory.atomic.wait" + (sub == 0x01 ? "32" : "64");
    }
    if (sub == 0x03) {
      return "atomic.fence";
    }
    if (sub >= 0x10 && sub <= 0x4E) {
      int k = (int) (sub - 0x10);
      String[] width = WIDTHS[k % 7].split(":");
      String type = width[0];
      String bits = width.length > 1 ? width[1] : "";
      String unsigned = bits.isEmpty() ? "" : "_u";
      if (k < 7) {
        return type + ".atomic.load" + bits + unsigned;
      }
      if (k < 14) {
        return type + ".atomic.store" + bits;
      }
      return type + ".atomic.rmw" + bits + "." + RMW[(k - 14) / 7] + unsigned;
    }
    return "instruction 0xfe " + sub;
  }

  /**
   * The message for a value or heap type byte of GC, or null if {@code code} is not one: the
   * abstract heap types {@code any}, {@code eq}, {@code i31}, {@code struct}, {@code array}, and
   * the bottom types {@code none}, {@code noextern}, {@code nofunc}, each alone or as its reference
   * type's shorthand.
   */
  static String gcType(int code) {
    String name =
        switch (code) {
          case 0x6E -> "anyref";
          case 0x6D -> "eqref";
          case 0x6C -> "i31ref";
          case 0x6B -> "structref";
          case 0x6A -> "arrayref";
          case 0x71 -> "nullref";
          default -> null;
        };
    return name == null ? null : "GC type " + name + " (garbage collection is not supported yet)";
  }

  /** The message for a type-section entry of GC: a struct or an array type. */
  static String gcTypeDefinition(int form) {
    String name =
        switch (form) {
          case 0x5F -> "struct type";
          case 0x5E -> "array type";
          default -> null;
        };
    return name == null ? null : "GC " + name + " (garbage collection is not supported yet)";
  }

  static String sharedMemory() {
    return "threads shared memory (shared memories are not supported yet)";
  }

  /**
   * Whether flarec compiles {@code op}: every instruction the parser knows but those of GC (the
   * {@code 0xFB} prefix and {@code ref.eq}) and threads (the {@code 0xFE} prefix).
   */
  public static boolean compiles(OpCode op) {
    int prefix = op.opcode() >> 8;
    return prefix != GC_PREFIX && prefix != THREADS_PREFIX && op.opcode() != REF_EQ;
  }

  /**
   * Refuses a decoded module holding an instruction flarec does not compile, naming it, its
   * function and its byte offset. {@link ModuleChecker} refuses every such instruction first; this
   * keeps the parser's view of the module to the same line, whatever it learns to decode.
   */
  static void checkDecoded(WasmModule m, int importedFunctions) {
    var bodies = m.codeSection().functionBodies();
    for (int f = 0; f < bodies.length; f++) {
      for (Instruction ins : bodies[f].instructions()) {
        OpCode op = ins.opcode();
        if (compiles(op)) {
          continue;
        }
        int sub = op.opcode() & 0xFF;
        String what =
            op == OpCode.REF_EQ
                ? "GC ref.eq (garbage collection is not supported yet)"
                : op.opcode() >> 8 == GC_PREFIX ? gcInstruction(sub) : threadsInstruction(sub);
        throw new UnsupportedModuleException(what, importedFunctions + f, ins.address(), null);
      }
    }
  }
}
