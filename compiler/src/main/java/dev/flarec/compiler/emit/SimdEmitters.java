package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.runtime.types.ValueType;

/**
 * The SIMD memory accesses that work on boxed {@code dev.flarec.runtime.simd.V128} objects: the
 * loads without a form in halves, and every access to a 64-bit memory (whose window of addresses
 * the boxed helpers take). Their operands held in halves are boxed before they run; {@link
 * SimdHalves} has the others (see docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs).
 */
final class SimdEmitters {
  static final String BITS = RuntimeNames.SIMD + "V128Bits";
  static final String MEMORY = RuntimeNames.SIMD + "V128Memory";
  private static final String V = ValueType.V128.descriptor();

  private SimdEmitters() {}

  /** A load that takes only the address: {@code v128.load}, the extending, splat and zero loads. */
  static Emitter load(String helper) {
    return (f, ins) -> {
      f.pop();
      if (MemoryEmitters.is64(f, MemoryEmitters.memoryIndex(ins))) {
        MemoryEmitters.Window64 window = MemoryEmitters.simdWindow64(f, ins);
        if (window != null) {
          f.mv().visitMethodInsn(INVOKESTATIC, MEMORY, helper, "(I[B)" + V, false);
          MemoryEmitters.closeWindow64(f, ins, window, false);
          f.push(ValueType.V128);
        }
        return;
      }
      if (!MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
        return;
      }
      String size = MemoryEmitters.loadBytesAndSize(f, MemoryEmitters.memoryIndex(ins));
      f.mv().visitMethodInsn(INVOKESTATIC, MEMORY, helper, "(I[B" + size + ")" + V, false);
      f.push(ValueType.V128);
    };
  }

  /** {@code v128.loadN_lane}: the address and the vector whose lane the loaded value replaces. */
  static Emitter loadLane(String helper) {
    return (f, ins) -> access(f, ins, helper, true);
  }

  /** {@code v128.store} of a boxed value (on a 64-bit memory; see {@link SimdHalves#store}). */
  static Emitter store() {
    return (f, ins) -> access(f, ins, "store", false);
  }

  /** {@code v128.storeN_lane}. */
  static Emitter storeLane(String helper) {
    return (f, ins) -> access(f, ins, helper, false);
  }

  /**
   * An access whose operands are the address and a vector: the vector waits in a local while the
   * effective address, the memory's array and size are pushed, then the lane index if the
   * instruction has one (its fourth immediate). Stores mark their block written, as scalar ones.
   */
  private static void access(
      EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins, String helper, boolean load) {
    int vector = f.acquireScratch(ValueType.V128);
    f.mv().visitVarInsn(ASTORE, vector);
    f.pop();
    f.pop();
    if (MemoryEmitters.is64(f, MemoryEmitters.memoryIndex(ins))) {
      MemoryEmitters.Window64 window = MemoryEmitters.simdWindow64(f, ins);
      if (window != null) {
        f.mv().visitVarInsn(ALOAD, vector);
        String lane = "";
        if (ins.operandCount() > 3) {
          f.pushInt((int) ins.operand(3));
          lane = "I";
        }
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC, MEMORY, helper, "(I[B" + V + lane + ")" + (load ? V : "V"), false);
        MemoryEmitters.closeWindow64(f, ins, window, !load);
        if (load) {
          f.push(ValueType.V128);
        }
      }
    } else if (MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
      int memory = MemoryEmitters.memoryIndex(ins);
      int address = load ? -1 : MemoryEmitters.keepAddressForMark(f);
      String size = MemoryEmitters.loadBytesAndSize(f, memory);
      f.mv().visitVarInsn(ALOAD, vector);
      String lane = "";
      if (ins.operandCount() > 3) {
        f.pushInt((int) ins.operand(3));
        lane = "I";
      }
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              MEMORY,
              helper,
              "(I[B" + size + V + lane + ")" + (load ? V : "V"),
              false);
      MemoryEmitters.markKeptAddress(f, memory, address);
      if (load) {
        f.push(ValueType.V128);
      }
    }
    f.releaseScratch(ValueType.V128, vector);
  }
}
