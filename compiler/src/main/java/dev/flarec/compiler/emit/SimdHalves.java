package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * SIMD instructions emitted on {@code v128} values held in halves: two {@code long} locals per
 * value, no {@code V128} object (see docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs). A
 * lane operation whose result halves each depend only on the same half of its operands calls the
 * runtime's {@code nameHalf} once per half; one that moves lanes between halves calls {@code
 * nameLo} and {@code nameHi} with all the operands' halves; one with a scalar result calls {@code
 * name} with the halves. Which form a helper has is read from the runtime's classes when the table
 * is built; an operation without one is the boxed call of {@link SimpleOp#call}.
 */
final class SimdHalves {
  private static final String MEMORY = SimdEmitters.MEMORY;
  private static final String BITS = SimdEmitters.BITS;

  private SimdHalves() {}

  /** The emitter of lane operation {@code owner.name}: in halves where the runtime allows. */
  static Emitter lanes(ValueType[] in, ValueType out, String owner, String name) {
    Class<?> helpers = runtimeClass(owner);
    if (out == ValueType.V128) {
      if (has(helpers, name + "Half", halfParameters(in), long.class)) {
        return (HalvesEmitter) (f, ins) -> emit(f, in, out, owner, List.of(name + "Half"), false);
      }
      if (has(helpers, name + "Lo", wholeParameters(in), long.class)
          && has(helpers, name + "Hi", wholeParameters(in), long.class)) {
        return (HalvesEmitter)
            (f, ins) -> emit(f, in, out, owner, List.of(name + "Lo", name + "Hi"), true);
      }
    } else if (out != null && has(helpers, name, wholeParameters(in), jvmClass(out))) {
      return (HalvesEmitter) (f, ins) -> emit(f, in, out, owner, List.of(name), true);
    }
    return SimpleOp.call(in, out, owner, name);
  }

  /**
   * Pops the operands ({@code v128}s in halves, scalars parked in locals as each is used twice),
   * calls each helper in turn with every operand (both halves of each {@code v128} if {@code
   * whole}, else the half the call computes) and pushes the result: the helpers' two results as
   * halves, or the one helper's scalar. A single half-wise helper computes both halves.
   */
  private static void emit(
      EmitContext f,
      ValueType[] in,
      ValueType out,
      String owner,
      List<String> helpers,
      boolean whole) {
    f.operandsToHalves(in.length);
    int[][] halves = new int[in.length][];
    int[] scalars = new int[in.length];
    for (int i = in.length - 1; i >= 0; i--) {
      if (in[i] == ValueType.V128) {
        halves[i] = f.popHalves();
      } else {
        scalars[i] = f.acquireScratch(in[i]);
        f.mv().visitVarInsn(JvmTypes.storeOpcode(in[i]), scalars[i]);
        f.pop();
      }
    }
    String descriptor = descriptor(in, out, whole);
    int calls = out == ValueType.V128 ? 2 : 1;
    int[] result = new int[calls];
    for (int half = 0; half < calls; half++) {
      for (int i = 0; i < in.length; i++) {
        if (in[i] != ValueType.V128) {
          f.mv().visitVarInsn(JvmTypes.loadOpcode(in[i]), scalars[i]);
        } else if (whole) {
          f.mv().visitVarInsn(LLOAD, halves[i][0]);
          f.mv().visitVarInsn(LLOAD, halves[i][1]);
        } else {
          f.mv().visitVarInsn(LLOAD, halves[i][half]);
        }
      }
      String helper = helpers.get(Math.min(half, helpers.size() - 1));
      f.mv().visitMethodInsn(INVOKESTATIC, owner, helper, descriptor, false);
      if (out == ValueType.V128) {
        result[half] = f.acquireScratch(ValueType.I64);
        f.mv().visitVarInsn(LSTORE, result[half]);
      }
    }
    for (int i = 0; i < in.length; i++) {
      if (in[i] == ValueType.V128) {
        f.releaseHalves(halves[i]);
      } else {
        f.releaseScratch(in[i], scalars[i]);
      }
    }
    if (out == ValueType.V128) {
      f.pushHalves(result[0], result[1]);
    } else {
      f.push(out);
    }
  }

  /** {@code v128.const}: the two halves are constants. */
  static HalvesEmitter constant() {
    return (f, ins) -> {
      int lo = f.acquireScratch(ValueType.I64);
      int hi = f.acquireScratch(ValueType.I64);
      f.mv().visitLdcInsn(ins.operand(0));
      f.mv().visitVarInsn(LSTORE, lo);
      f.mv().visitLdcInsn(ins.operand(1));
      f.mv().visitVarInsn(LSTORE, hi);
      f.pushHalves(lo, hi);
    };
  }

  /** {@code *.extract_lane}: the halves and the constant lane index. */
  static HalvesEmitter extractLane(String helper, ValueType result) {
    return (f, ins) -> {
      f.operandsToHalves(1);
      int[] a = f.popHalves();
      f.mv().visitVarInsn(LLOAD, a[0]);
      f.mv().visitVarInsn(LLOAD, a[1]);
      f.pushInt((int) ins.operand(0));
      f.mv().visitMethodInsn(INVOKESTATIC, BITS, helper, "(JJI)" + result.descriptor(), false);
      f.releaseHalves(a);
      f.push(result);
    };
  }

  /**
   * {@code *.replace_lane}: the scalar's bits, still on the JVM stack, take the lane's place in the
   * half that holds it; the other half is not touched.
   */
  static HalvesEmitter replaceLane(ValueType scalar, int laneBits) {
    return (f, ins) -> {
      f.operandsToHalves(2);
      f.pop();
      int[] vector = f.popHalves();
      JvmTypes.toRawBits(f.mv(), scalar);
      putLane(f, vector, (int) ins.operand(0), laneBits);
      f.pushHalves(vector[0], vector[1]);
    };
  }

  /**
   * {@code v128.loadN_lane}: one scalar load of N bits (checked like any other), put in place of
   * the lane. On a 64-bit memory, the boxed load.
   */
  static HalvesEmitter loadLane(MemoryEmitters.Width width) {
    int laneBits = 8 * width.bytes;
    Emitter boxed = SimdEmitters.loadLane("load" + laneBits + "Lane");
    return (f, ins) -> {
      int[] vector = laneAccessOperands(f, ins, boxed);
      if (vector == null) {
        return;
      }
      int memory = MemoryEmitters.memoryIndex(ins);
      if (!MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
        f.releaseHalves(vector);
        return;
      }
      String size = MemoryEmitters.loadBytesAndSize(f, memory);
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.MEMORY_ACCESS,
              "load" + width.helper,
              "(I[B" + size + ")" + width.desc,
              false);
      putLane(f, vector, (int) ins.operand(3), laneBits);
      f.pushHalves(vector[0], vector[1]);
    };
  }

  /**
   * {@code v128.storeN_lane}: the lane's bits shifted out of its half and stored as a scalar of N
   * bits. Stores mark their block written, as scalar ones. On a 64-bit memory, the boxed store.
   */
  static HalvesEmitter storeLane(MemoryEmitters.Width width) {
    int laneBits = 8 * width.bytes;
    Emitter boxed = SimdEmitters.storeLane("store" + laneBits + "Lane");
    return (f, ins) -> {
      int[] vector = laneAccessOperands(f, ins, boxed);
      if (vector == null) {
        return;
      }
      int memory = MemoryEmitters.memoryIndex(ins);
      if (MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
        int address = MemoryEmitters.keepAddressForMark(f);
        String size = MemoryEmitters.loadBytesAndSize(f, memory);
        int lane = (int) ins.operand(3);
        f.mv().visitVarInsn(LLOAD, vector[lane * laneBits / 64]);
        int shift = lane * laneBits % 64;
        if (shift != 0) {
          f.pushInt(shift);
          f.mv().visitInsn(LUSHR);
        }
        if (laneBits < 64) {
          f.mv().visitInsn(L2I);
          if (laneBits < 32) {
            f.mv().visitInsn(laneBits == 8 ? I2B : I2S);
          }
        }
        f.mv()
            .visitMethodInsn(
                INVOKESTATIC,
                RuntimeNames.MEMORY_ACCESS,
                "store" + width.helper,
                "(I[B" + size + width.desc + ")V",
                false);
        MemoryEmitters.markKeptAddress(f, memory, address);
      }
      f.releaseHalves(vector);
    };
  }

  /**
   * Pops the operands of a lane load or store, the address and the vector: returns the vector's
   * halves, the address left on the JVM stack; or null on a 64-bit memory, after emitting {@code
   * boxed}, the whole access on a boxed vector.
   */
  private static int[] laneAccessOperands(
      EmitContext f, run.endive.wasm.types.AnnotatedInstruction ins, Emitter boxed) {
    if (MemoryEmitters.is64(f, MemoryEmitters.memoryIndex(ins))) {
      f.materializeOperands(2);
      boxed.emit(f, ins);
      return null;
    }
    f.operandsToHalves(2);
    int[] vector = f.popHalves();
    f.pop();
    return vector;
  }

  /**
   * Puts the lane's new bits, on the JVM stack ({@code int} for a lane of up to 32 bits, {@code
   * long} for 64), in place of lane {@code lane} of {@code vector}'s halves, in the half's own
   * local (halves on the operand stack are the instruction's own scratch locals).
   */
  private static void putLane(EmitContext f, int[] vector, int lane, int laneBits) {
    int half = vector[lane * laneBits / 64];
    if (laneBits < 64) {
      long mask = (1L << laneBits) - 1;
      int shift = lane * laneBits % 64;
      f.mv().visitInsn(I2L);
      f.mv().visitLdcInsn(mask);
      f.mv().visitInsn(LAND);
      if (shift != 0) {
        f.pushInt(shift);
        f.mv().visitInsn(LSHL);
      }
      f.mv().visitVarInsn(LLOAD, half);
      f.mv().visitLdcInsn(~(mask << shift));
      f.mv().visitInsn(LAND);
      f.mv().visitInsn(LOR);
    }
    f.mv().visitVarInsn(LSTORE, half);
  }

  /**
   * {@code i8x16.shuffle}: the lane indices are constants, so each half of the result is built in
   * line from the operands' four halves, one shift and mask per run of bytes that keep their order.
   */
  static HalvesEmitter shuffle() {
    return (f, ins) -> {
      f.operandsToHalves(2);
      int[] b = f.popHalves();
      int[] a = f.popHalves();
      int[] sources = {a[0], a[1], b[0], b[1]};
      int lo = f.acquireScratch(ValueType.I64);
      int hi = f.acquireScratch(ValueType.I64);
      shuffleHalf(f, sources, ins.operand(0));
      f.mv().visitVarInsn(LSTORE, lo);
      shuffleHalf(f, sources, ins.operand(1));
      f.mv().visitVarInsn(LSTORE, hi);
      f.releaseHalves(a);
      f.releaseHalves(b);
      f.pushHalves(lo, hi);
    };
  }

  /** Pushes the half of a shuffle whose eight byte indices are {@code indices}, lowest first. */
  private static void shuffleHalf(EmitContext f, int[] sources, long indices) {
    boolean first = true;
    int j = 0;
    while (j < 8) {
      int index = (int) (indices >>> (8 * j)) & 0x1F;
      int source = index >>> 3;
      int from = index & 7;
      int length = 1;
      while (j + length < 8) {
        int next = (int) (indices >>> (8 * (j + length))) & 0x1F;
        if (next >>> 3 != source || (next & 7) != from + length) {
          break;
        }
        length++;
      }
      f.mv().visitVarInsn(LLOAD, sources[source]);
      int shift = 8 * (j - from);
      if (shift != 0) {
        f.pushInt(Math.abs(shift));
        f.mv().visitInsn(shift > 0 ? LSHL : LUSHR);
      }
      if (length < 8) {
        f.mv().visitLdcInsn(((1L << (8 * length)) - 1) << (8 * j));
        f.mv().visitInsn(LAND);
      }
      if (!first) {
        f.mv().visitInsn(LOR);
      }
      first = false;
      j += length;
    }
  }

  /**
   * A load whose runtime helper has halves forms: {@code helperLo} and {@code helperHi}, or one
   * {@code helperHalf} for both halves (a splat); otherwise the boxed load.
   */
  static Emitter load(String helper) {
    Class<?> memory = runtimeClass(MEMORY);
    boolean single =
        has(memory, helper + "Half", new Class<?>[] {int.class, byte[].class}, long.class);
    boolean pair =
        has(memory, helper + "Lo", new Class<?>[] {int.class, byte[].class}, long.class)
            && has(memory, helper + "Hi", new Class<?>[] {int.class, byte[].class}, long.class);
    Emitter boxed = SimdEmitters.load(helper);
    if (!single && !pair) {
      return boxed;
    }
    return (HalvesEmitter)
        (f, ins) -> {
          int memoryIndex = MemoryEmitters.memoryIndex(ins);
          if (MemoryEmitters.is64(f, memoryIndex)) {
            boxed.emit(f, ins); // a 64-bit memory's window of addresses: the boxed load
            return;
          }
          f.pop();
          if (!MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
            return;
          }
          int address = f.acquireScratch(ValueType.I32);
          f.mv().visitVarInsn(ISTORE, address);
          // into lanes: four 32-bit loads, unless the function is past C2's inlining limit with
          // them (FunctionCode.laneMemoryAccesses): then two 64-bit loads, unpacked, are half the
          // calls; a splat is one load (see RATIONALE.md "Why v128 accesses in lanes depend on
          // C2's inlining limit")
          ValueType lane = SimdLanes.wantedBy(f, f.consumerOfResult());
          if (lane != null
              && (helper.equals("load32Splat")
                  || (helper.equals("load") && f.laneMemoryAccesses()))) {
            SimdLanes.load(f, memoryIndex, address, lane, helper.equals("load32Splat"));
            f.releaseScratch(ValueType.I32, address);
            return;
          }
          if (helper.startsWith("load8x8") && ByteWidening.deferrable(f)) {
            loadBytesToWiden(f, memoryIndex, address, helper.equals("load8x8S"));
            f.releaseScratch(ValueType.I32, address);
            return;
          }
          if (lane == ValueType.I32 && helper.startsWith("load16x4")) {
            SimdLanes.loadWidened16(f, memoryIndex, address, helper.equals("load16x4S"));
            f.releaseScratch(ValueType.I32, address);
            return;
          }
          int lo = f.acquireScratch(ValueType.I64);
          int hi = f.acquireScratch(ValueType.I64);
          List<String> calls =
              single ? List.of(helper + "Half") : List.of(helper + "Lo", helper + "Hi");
          List<Integer> targets = new ArrayList<>(List.of(lo, hi));
          for (int c = 0; c < calls.size(); c++) {
            f.mv().visitVarInsn(ILOAD, address);
            if (helper.equals("load")) {
              // the halves of a v128.load as V128Memory.loadLo/loadHi load them (an address + 8
              // that wraps negative traps), but calling the scalar 64-bit load itself: one helper
              // fewer in each chain C2 inlines, which counts against its inlining limit
              if (c == 1) {
                f.mv().visitIntInsn(BIPUSH, 8);
                f.mv().visitInsn(IADD);
              }
              String size = MemoryEmitters.loadBytesAndSize(f, memoryIndex);
              f.mv()
                  .visitMethodInsn(
                      INVOKESTATIC,
                      RuntimeNames.MEMORY_ACCESS,
                      "loadLong",
                      "(I[B" + size + ")J",
                      false);
              f.mv().visitVarInsn(LSTORE, targets.get(c));
              continue;
            }
            String size = MemoryEmitters.loadBytesAndSize(f, memoryIndex);
            f.mv().visitMethodInsn(INVOKESTATIC, MEMORY, calls.get(c), "(I[B" + size + ")J", false);
            if (single) {
              f.mv().visitInsn(DUP2);
              f.mv().visitVarInsn(LSTORE, hi);
            }
            f.mv().visitVarInsn(LSTORE, targets.get(c));
          }
          f.releaseScratch(ValueType.I32, address);
          f.pushHalves(lo, hi);
        };
  }

  /**
   * {@code v128.load8x8_s/u} of the address in local {@code address} as widened bytes (see {@link
   * ByteWidening}): the 8 bytes in one long (the access checked once), the high half zero.
   */
  private static void loadBytesToWiden(EmitContext f, int memory, int address, boolean signed) {
    f.mv().visitVarInsn(ILOAD, address);
    String size = MemoryEmitters.loadBytesAndSize(f, memory);
    f.mv()
        .visitMethodInsn(
            INVOKESTATIC, RuntimeNames.MEMORY_ACCESS, "loadLong", "(I[B" + size + ")J", false);
    int[] bytes = {f.acquireScratch(ValueType.I64), f.acquireScratch(ValueType.I64)};
    f.mv().visitVarInsn(LSTORE, bytes[0]);
    f.mv().visitInsn(LCONST_0);
    f.mv().visitVarInsn(LSTORE, bytes[1]);
    f.pushWidenedBytes(bytes, new ByteWidening(false, signed));
  }

  /** {@code v128.store} of a value in halves. Stores mark their block written, as scalar ones. */
  static HalvesEmitter store() {
    Emitter boxed = SimdEmitters.store();
    return (f, ins) -> {
      int memory = MemoryEmitters.memoryIndex(ins);
      if (MemoryEmitters.is64(f, memory)) {
        f.materializeOperands(2); // a 64-bit memory's window of addresses: the boxed store
        boxed.emit(f, ins);
        return;
      }
      if (f.laneTypeAt(0) != null && f.laneMemoryAccesses()) {
        SimdLanes.store(f, memory, ins);
        return;
      }
      f.operandsToHalves(2);
      int[] value = f.popHalves();
      f.pop();
      if (MemoryEmitters.effectiveAddress(f, ins.operand(1))) {
        int address = MemoryEmitters.keepAddressForMark(f);
        String size = MemoryEmitters.loadBytesAndSize(f, memory);
        f.mv().visitVarInsn(LLOAD, value[0]);
        f.mv().visitVarInsn(LLOAD, value[1]);
        f.mv().visitMethodInsn(INVOKESTATIC, MEMORY, "store", "(I[B" + size + "JJ)V", false);
        MemoryEmitters.markKeptAddress(f, memory, address);
      }
      f.releaseHalves(value);
    };
  }

  private static String descriptor(ValueType[] in, ValueType out, boolean whole) {
    StringBuilder d = new StringBuilder("(");
    for (ValueType t : in) {
      d.append(t == ValueType.V128 ? (whole ? "JJ" : "J") : t.descriptor());
    }
    return d.append(')').append(out == ValueType.V128 ? "J" : out.descriptor()).toString();
  }

  private static Class<?>[] halfParameters(ValueType[] in) {
    Class<?>[] p = new Class<?>[in.length];
    for (int i = 0; i < in.length; i++) {
      p[i] = in[i] == ValueType.V128 ? long.class : jvmClass(in[i]);
    }
    return p;
  }

  private static Class<?>[] wholeParameters(ValueType[] in) {
    List<Class<?>> p = new ArrayList<>();
    for (ValueType t : in) {
      if (t == ValueType.V128) {
        p.add(long.class);
        p.add(long.class);
      } else {
        p.add(jvmClass(t));
      }
    }
    return p.toArray(new Class<?>[0]);
  }

  private static Class<?> jvmClass(ValueType t) {
    return switch (t) {
      case I32 -> int.class;
      case I64 -> long.class;
      case F32 -> float.class;
      case F64 -> double.class;
      default -> throw new IllegalArgumentException("no scalar JVM type for " + t);
    };
  }

  private static Class<?> runtimeClass(String internalName) {
    try {
      return Class.forName(Type.getObjectType(internalName).getClassName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("runtime class missing: " + internalName, e);
    }
  }

  private static boolean has(Class<?> owner, String name, Class<?>[] parameters, Class<?> result) {
    try {
      return owner.getMethod(name, parameters).getReturnType() == result;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
