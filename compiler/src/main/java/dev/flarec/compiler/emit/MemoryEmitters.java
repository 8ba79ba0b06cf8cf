package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.MemoryAccess;
import dev.flarec.runtime.types.ValueType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Loads, stores, {@code memory.size/grow} and the bulk-memory instructions.
 *
 * <p>An access is the effective address (or the base and the static offset apart, see {@link
 * #staticOffset}), then the memory's {@code byte[]} and its size in bytes (both kept in locals of
 * the method), then a call of the runtime's {@code MemoryAccess} helper for its width: it checks
 * the access against the size and makes it through {@code Unsafe} (or a little-endian {@code
 * VarHandle} view where {@code Unsafe} is not used, or the array for bytes). C1 and C2 inline it
 * into one compare and one machine access, the compare hoisted out of loops (see
 * docs/RATIONALE.md#why-memory-grows-by-doubling and
 * docs/RATIONALE.md#why-memory-accesses-use-unsafe), and cold code calls an already compiled helper
 * (docs/RATIONALE.md#why-memory-accesses-call-a-shared-helper).
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#memory-instructions">Wasm
 *     2.0 §4.4.7</a>
 */
final class MemoryEmitters {
  private MemoryEmitters() {}

  /**
   * The access width of a load or store: its JVM type, and the suffix of the {@code MemoryAccess}
   * methods that perform it.
   */
  enum Width {
    BYTE("B", "Byte", 1),
    SHORT("S", "Short", 2),
    INT("I", "Int", 4),
    LONG("J", "Long", 8),
    FLOAT("F", "Float", 4),
    DOUBLE("D", "Double", 8);

    final String desc;
    final String helper;

    /** The bytes of memory one access of this width touches. */
    final int bytes;

    Width(String desc, String helper, int bytes) {
      this.desc = desc;
      this.helper = helper;
      this.bytes = bytes;
    }
  }

  /**
   * A load of {@code width} producing {@code result}; {@code extend} are the instructions that
   * widen the loaded JVM value to the result (sign or zero extension). Like a store, it touches
   * only its own operands, so {@code v128} values deeper on the stack stay in halves across it (a
   * lane replaced by a loaded scalar, a splat of one).
   */
  static TopOnlyEmitter load(Width width, ValueType result, int... extend) {
    return (f, ins) -> {
      f.pop();
      int memory = memoryIndex(ins);
      if (is64(f, memory)) {
        if (!effectiveAddress64(f, offset64(f, ins))) {
          return;
        }
        loadMemory(f, memory);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY64_ACCESS,
                "load" + width.helper,
                "(J" + RuntimeNames.MEMORY64_DESC + ")" + width.desc,
                false);
      } else if (f.accessInBounds()) {
        f.pushInt((int) ins.operand(1));
        loadBytes(f, memory);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                "load" + width.helper + "InBounds",
                "(II[B)" + width.desc,
                false);
      } else {
        String address = staticOffset(f, ins.operand(1), false);
        if (address == null) {
          return;
        }
        String size = loadBytesAndSize(f, memory);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                "load" + width.helper,
                "(" + address + "[B" + size + ")" + width.desc,
                false);
      }
      for (int op : extend) {
        if (op == LAND) {
          f.mv().visitLdcInsn(0xFFFF_FFFFL);
        } else if (op == IAND) {
          f.mv().visitLdcInsn(width == Width.BYTE ? 0xFF : 0xFFFF);
        }
        f.mv().visitInsn(op);
      }
      f.push(result);
    };
  }

  /**
   * A store of {@code width}; {@code narrow} converts the Wasm operand to the stored JVM type (for
   * example {@code L2I} for {@code i64.store32}).
   */
  static TopOnlyEmitter store(Width width, int... narrow) {
    return (f, ins) -> {
      ValueType valueType = f.peek(0);
      for (int op : narrow) {
        f.mv().visitInsn(op);
      }
      if (storeInBounds(f, ins, width) || storeValueFirst(f, ins, width)) {
        return;
      }
      ValueType stored = narrowed(valueType, narrow);
      int slot = f.acquireScratch(stored);
      f.mv().visitVarInsn(dev.flarec.compiler.layout.JvmTypes.storeOpcode(stored), slot);
      f.pop();
      f.pop();
      if (is64(f, memoryIndex(ins))) {
        if (effectiveAddress64(f, offset64(f, ins))) {
          loadMemory(f, memoryIndex(ins));
          f.mv().visitVarInsn(dev.flarec.compiler.layout.JvmTypes.loadOpcode(stored), slot);
          f.mv()
              .visitMethodInsn(
                  INVOKESTATIC,
                  RuntimeNames.MEMORY64_ACCESS,
                  "store" + width.helper,
                  "(J" + RuntimeNames.MEMORY64_DESC + width.desc + ")V",
                  false);
        }
      } else {
        // a store that marks its block needs the effective address itself
        String addressDesc = staticOffset(f, ins.operand(1), f.writtenSlot() >= 0);
        if (addressDesc == null) {
          f.releaseScratch(stored, slot);
          return;
        }
        int memory = memoryIndex(ins);
        int address = keepAddressForMark(f);
        String size = loadBytesAndSize(f, memory);
        f.mv().visitVarInsn(dev.flarec.compiler.layout.JvmTypes.loadOpcode(stored), slot);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                "store" + width.helper,
                "(" + addressDesc + "[B" + size + width.desc + ")V",
                false);
        markKeptAddress(f, memory, address);
      }
      f.releaseScratch(stored, slot);
    };
  }

  /**
   * A store that needs no bounds check ({@link EmitContext#accessInBounds}) and marks no written
   * block: the value stays where it is, the static offset and the memory's array go after it.
   * Returns false, with nothing emitted, for any other store.
   */
  private static boolean storeInBounds(
      EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins, Width width) {
    if (f.writtenSlot() >= 0 || !f.accessInBounds()) {
      return false;
    }
    f.pop();
    f.pop();
    f.pushInt((int) ins.operand(1));
    loadBytes(f, memoryIndex(ins));
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC,
            RuntimeNames.MEMORY_ACCESS,
            "store" + width.helper + "InBounds",
            "(I" + width.desc + "I[B)V",
            false);
    return true;
  }

  /**
   * A store on a 32-bit memory whose address needs no computing once the value is on the stack (no
   * static offset, or one the helper takes apart, for values of 4 bytes or less) and that marks no
   * written block: calls the helper form taking the value before the memory's array and size, so
   * the value stays where it is. Returns false, with nothing emitted, for any other store. See
   * docs/RATIONALE.md#why-stores-take-the-value-before-the-memory.
   */
  private static boolean storeValueFirst(
      EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins, Width width) {
    int memory = memoryIndex(ins);
    long offset = ins.operand(1);
    if (is64(f, memory) || f.writtenSlot() >= 0) {
      return false;
    }
    boolean apart =
        offset > 0 && offset <= MemoryAccess.MAX_OFFSET && f.module().descriptor.checksMemorySize();
    boolean wide = width == Width.LONG || width == Width.DOUBLE;
    if (offset != 0 && (!apart || wide)) {
      return false; // 8-byte values keep the form with the value last when the offset is apart
    }
    f.pop();
    f.pop();
    if (apart) {
      f.pushInt((int) offset);
    }
    String size = loadBytesAndSize(f, memory);
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC,
            RuntimeNames.MEMORY_ACCESS,
            "store" + width.helper,
            "(I" + width.desc + (apart ? "I" : "") + "[B" + size + ")V",
            false);
    return true;
  }

  /**
   * The memory a load or store names: its memarg's memory index, the third immediate (0 when the
   * module has one memory).
   */
  static int memoryIndex(run.endive.wasm.types.AnnotatedInstruction ins) {
    return ins.operandCount() > 2 ? (int) ins.operand(2) : 0;
  }

  /**
   * {@code written[address >>> 12] = 1}, after the store succeeded (Memory.written): memory 0's
   * array from its local, another memory's from its field. The scratch {@code addressSlot} may be
   * overwritten.
   */
  private static void markWritten(EmitContext f, int memory, int addressSlot) {
    if (memory == 0 && f.markedSlot() >= 0) {
      markWrittenOnce(f, addressSlot);
      return;
    }
    if (memory == 0) {
      f.mv().visitVarInsn(ALOAD, f.writtenSlot());
    } else {
      loadMemory(f, memory);
      f.mv().visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "written", "[B");
    }
    f.mv().visitVarInsn(ILOAD, addressSlot);
    f.pushInt(Memory.BLOCK_SHIFT);
    f.mv().visitInsn(IUSHR);
    f.mv().visitInsn(ICONST_1);
    f.mv().visitInsn(BASTORE);
  }

  /**
   * For a store in a function that marks the blocks it writes: keeps a copy of the effective
   * address on the stack in a scratch local for {@link #markKeptAddress}; -1, with nothing emitted,
   * when the function marks nothing.
   */
  static int keepAddressForMark(EmitContext f) {
    if (f.writtenSlot() < 0) {
      return -1;
    }
    int address = f.acquireScratch(ValueType.I32);
    f.mv().visitInsn(DUP);
    f.mv().visitVarInsn(ISTORE, address);
    return address;
  }

  /** Marks written the block at the address {@link #keepAddressForMark} kept, then frees it. */
  static void markKeptAddress(EmitContext f, int memory, int address) {
    if (address >= 0) {
      markWritten(f, memory, address);
      f.releaseScratch(ValueType.I32, address);
    }
  }

  /**
   * Marks memory 0's block of the address unless it is the block this method marked last ({@link
   * EmitContext#markedSlot}): stores in a loop mostly hit one block, and then cost a compare
   * instead of an array store with its range check. See
   * docs/RATIONALE.md#why-does-a-method-remember-the-block-it-marked-last.
   */
  private static void markWrittenOnce(EmitContext f, int addressSlot) {
    MethodVisitor mv = f.mv();
    mv.visitVarInsn(ILOAD, addressSlot);
    f.pushInt(Memory.BLOCK_SHIFT);
    mv.visitInsn(IUSHR);
    mv.visitVarInsn(ISTORE, addressSlot);
    Label marked = new Label();
    mv.visitVarInsn(ILOAD, addressSlot);
    mv.visitVarInsn(ILOAD, f.markedSlot());
    mv.visitJumpInsn(IF_ICMPEQ, marked);
    mv.visitVarInsn(ALOAD, f.writtenSlot());
    mv.visitVarInsn(ILOAD, addressSlot);
    mv.visitInsn(ICONST_1);
    mv.visitInsn(BASTORE);
    mv.visitVarInsn(ILOAD, addressSlot);
    mv.visitVarInsn(ISTORE, f.markedSlot());
    mv.visitLabel(marked);
  }

  private static ValueType narrowed(ValueType t, int[] narrow) {
    for (int op : narrow) {
      if (op == L2I) {
        t = ValueType.I32;
      }
    }
    return t;
  }

  /**
   * Prepares the address of a 32-bit memory's load or store, the base on the stack, and returns the
   * descriptor of what it left there for the {@code MemoryAccess} helper: {@code "II"}, the base
   * and the static offset apart, for a memory checked against its size and an offset within {@code
   * MemoryAccess.MAX_OFFSET} (unless {@code needsAddress}); else {@code "I"}, the effective address
   * ({@link #effectiveAddress}). Returns null after an unconditional trap. See
   * docs/RATIONALE.md#why-a-static-offset-is-checked-with-the-base.
   */
  private static String staticOffset(EmitContext f, long offset, boolean needsAddress) {
    if (!needsAddress
        && offset > 0
        && offset <= MemoryAccess.MAX_OFFSET
        && f.module().descriptor.checksMemorySize()) {
      f.pushInt((int) offset);
      return "II";
    }
    return effectiveAddress(f, offset) ? "I" : null;
  }

  /**
   * Turns the base address on the stack into the effective address. Returns false (after emitting
   * an unconditional trap) when the static offset alone is already past any memory we can have.
   */
  static boolean effectiveAddress(EmitContext f, long offset) {
    if (offset == 0) {
      return true;
    }
    if (offset > Integer.MAX_VALUE) {
      f.mv().visitInsn(POP);
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.TRAP,
              "outOfBoundsMemory",
              RuntimeNames.TRAP_FACTORY_DESC,
              false);
      f.mv().visitInsn(ATHROW);
      f.markUnreachable();
      return false;
    }
    f.pushInt((int) offset);
    f.mv().visitMethodInsn(INVOKESTATIC, RuntimeNames.MEMORY, "effectiveAddress", "(II)I", false);
    return true;
  }

  private static void loadMemory(EmitContext f, int memory) {
    f.loadInstance();
    f.mv()
        .visitFieldInsn(
            GETFIELD,
            f.module().internalName,
            NamingScheme.memoryField(memory),
            is64(f, memory) ? RuntimeNames.MEMORY64_DESC : RuntimeNames.MEMORY_DESC);
  }

  /** The scratch locals of a SIMD access on a 64-bit memory: its effective address, its window. */
  record Window64(int address, int window) {}

  /**
   * For a SIMD access on a 64-bit memory: turns the i64 base on the stack into what the {@code
   * V128Memory} helpers take for a 32-bit memory's array, the index and the array, through {@code
   * Memory64Access.window} (the chunk that holds the access, or a copy of its bytes when it
   * straddles two). The helpers' own check against the array's length then always passes. Returns
   * null after an unconditional trap; else {@link #closeWindow64} must follow the helper's call.
   */
  static Window64 simdWindow64(EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins) {
    if (!effectiveAddress64(f, offset64(f, ins))) {
      return null;
    }
    int address = f.acquireScratch(ValueType.I64);
    int window = f.acquireScratch(ValueType.EXTERNREF);
    f.mv().visitInsn(DUP2);
    f.mv().visitVarInsn(LSTORE, address);
    f.pushInt(f.accessBytes(ins));
    loadMemory(f, memoryIndex(ins));
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC,
            RuntimeNames.MEMORY64_ACCESS,
            "window",
            "(JI" + RuntimeNames.MEMORY64_DESC + ")[B",
            false);
    f.mv().visitVarInsn(ASTORE, window);
    f.mv().visitVarInsn(LLOAD, address);
    f.mv().visitVarInsn(ALOAD, window);
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC, RuntimeNames.MEMORY64_ACCESS, "windowIndex", "(J[B)I", false);
    f.mv().visitVarInsn(ALOAD, window);
    return new Window64(address, window);
  }

  /** After a SIMD access through a window: a store's copy is written back; frees the locals. */
  static void closeWindow64(
      EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins, Window64 w, boolean store) {
    if (store) {
      f.mv().visitVarInsn(LLOAD, w.address());
      f.mv().visitVarInsn(ALOAD, w.window());
      loadMemory(f, memoryIndex(ins));
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.MEMORY64_ACCESS,
              "commitWindow",
              "(J[B" + RuntimeNames.MEMORY64_DESC + ")V",
              false);
    }
    f.releaseScratch(ValueType.EXTERNREF, w.window());
    f.releaseScratch(ValueType.I64, w.address());
  }

  /**
   * The static offset of a load or store on a 64-bit memory: a u64, the module's own even where the
   * parser read a rewritten one (decode.Memory64Offsets).
   */
  static long offset64(EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins) {
    return f.module().memory64Offsets.offsetAt(ins.address(), ins.operand(1));
  }

  /** Whether memory {@code memory} is a 64-bit one (memory64), a {@code Memory64} at run time. */
  static boolean is64(EmitContext f, int memory) {
    return f.module().descriptor.memories().get(memory).is64();
  }

  /**
   * {@link #effectiveAddress} for a 64-bit memory: the base is a {@code long}, and a static offset
   * of 2^63 or more (negative here) is past any memory.
   */
  static boolean effectiveAddress64(EmitContext f, long offset) {
    if (offset == 0) {
      return true;
    }
    if (offset < 0) {
      f.mv().visitInsn(POP2);
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.TRAP,
              "outOfBoundsMemory",
              RuntimeNames.TRAP_FACTORY_DESC,
              false);
      f.mv().visitInsn(ATHROW);
      f.markUnreachable();
      return false;
    }
    f.mv().visitLdcInsn(offset);
    f.mv().visitMethodInsn(INVOKESTATIC, RuntimeNames.MEMORY64, "effectiveAddress", "(JJ)J", false);
    return true;
  }

  /**
   * Pushes the memory's array, and its size in bytes when the module's accesses check it, from the
   * method's locals when it has them (memory 0 only: other memories are read from their fields at
   * each access, see docs/RATIONALE.md#why-only-memory-0-lives-in-locals); returns the descriptor
   * of what it pushed after the array ("I" or nothing).
   */
  static String loadBytesAndSize(EmitContext f, int memory) {
    boolean checks = f.module().descriptor.checksMemorySize();
    if (!checks) {
      loadBytes(f, memory);
      return "";
    }
    if (memory == 0 && f.bytesSlot() >= 0) {
      f.mv().visitVarInsn(ALOAD, f.bytesSlot());
      f.mv().visitVarInsn(ILOAD, f.sizeSlot());
      return "I";
    }
    loadMemory(f, memory);
    f.mv().visitInsn(DUP);
    f.mv().visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "bytes", "[B");
    f.mv().visitInsn(SWAP);
    f.mv().visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "size", "I");
    return "I";
  }

  /** Pushes a memory's array: memory 0's from the method's local when it has one. */
  private static void loadBytes(EmitContext f, int memory) {
    if (memory == 0 && f.bytesSlot() >= 0) {
      f.mv().visitVarInsn(ALOAD, f.bytesSlot());
    } else {
      loadMemory(f, memory);
      f.mv().visitFieldInsn(GETFIELD, RuntimeNames.MEMORY, "bytes", "[B");
    }
  }

  static Emitter size() {
    return (f, ins) -> {
      int memory = (int) ins.operand(0);
      loadMemory(f, memory);
      if (is64(f, memory)) {
        f.mv().visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.MEMORY64, "pages", "()J", false);
        f.push(ValueType.I64);
      } else {
        f.mv().visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.MEMORY, "pages", "()I", false);
        f.push(ValueType.I32);
      }
    };
  }

  static Emitter grow() {
    return (f, ins) -> {
      int memory = (int) ins.operand(0);
      loadMemory(f, memory);
      if (is64(f, memory)) {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY64,
                "grow",
                "(J" + RuntimeNames.MEMORY64_DESC + ")J",
                false);
      } else {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY,
                "grow",
                "(I" + RuntimeNames.MEMORY_DESC + ")I",
                false);
      }
      f.refreshMemoryArray();
    };
  }

  static Emitter fill() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int memory = (int) ins.operand(0);
      loadMemory(f, memory);
      if (is64(f, memory)) {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY64,
                "fill",
                "(JIJ" + RuntimeNames.MEMORY64_DESC + ")V",
                false);
      } else {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY,
                "fill",
                "(III" + RuntimeNames.MEMORY_DESC + ")V",
                false);
      }
    };
  }

  /** {@code memory.copy}: within one memory as before; between two, the runtime's other form. */
  static Emitter copy() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int dst = (int) ins.operand(0);
      int src = (int) ins.operand(1);
      if (is64(f, dst) != is64(f, src)) {
        // i64 and i32 addresses, an i32 length (3.0: the smaller address type)
        loadMemory(f, dst);
        loadMemory(f, src);
        String m32 = RuntimeNames.MEMORY_DESC;
        String m64 = RuntimeNames.MEMORY64_DESC;
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY64,
                "copy",
                is64(f, dst) ? "(JII" + m64 + m32 + ")V" : "(IJI" + m32 + m64 + ")V",
                false);
        return;
      }
      if (is64(f, dst)) {
        loadMemory(f, dst);
        String m64 = RuntimeNames.MEMORY64_DESC;
        if (dst != src) {
          loadMemory(f, src);
        }
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY64,
                "copy",
                "(JJJ" + m64 + (dst != src ? m64 : "") + ")V",
                false);
        return;
      }
      loadMemory(f, dst);
      if (dst == src) {
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY,
                "copy",
                "(III" + RuntimeNames.MEMORY_DESC + ")V",
                false);
      } else {
        loadMemory(f, src);
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY,
                "copy",
                "(III" + RuntimeNames.MEMORY_DESC + RuntimeNames.MEMORY_DESC + ")V",
                false);
      }
    };
  }

  static Emitter init() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int memory = ins.operandCount() > 1 ? (int) ins.operand(1) : 0;
      loadMemory(f, memory);
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      String target =
          is64(f, memory) ? "J" + RuntimeNames.MEMORY64_DESC : "I" + RuntimeNames.MEMORY_DESC;
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.INSTANCE,
              "memoryInit",
              "("
                  + target.charAt(0)
                  + "II"
                  + target.substring(1)
                  + "I"
                  + RuntimeNames.INSTANCE_DESC
                  + ")V",
              false);
    };
  }

  static Emitter dataDrop() {
    return (f, ins) -> {
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.INSTANCE,
              "dataDrop",
              "(I" + RuntimeNames.INSTANCE_DESC + ")V",
              false);
    };
  }
}
