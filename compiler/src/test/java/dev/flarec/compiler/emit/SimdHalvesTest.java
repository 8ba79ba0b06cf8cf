package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.simd.IntLanes;
import dev.flarec.runtime.simd.V128;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A loop of lane operations carried in a {@code v128} local, as auto-vectorised kernels are: it
 * compiles to code on two longs per value with no {@code V128} object at all, and computes what the
 * lane definitions say. Values that leave for other consumers (a block result, a call) are boxed
 * there and still right.
 */
class SimdHalvesTest {
  private static final String V128_CLASS = "dev/flarec/runtime/simd/V128";

  /**
   * Sums 4 lanes of (i * [1,2,3,4] + splat i) for i below n, through loads, stores and shuffles.
   */
  private static final String KERNEL =
      "(module (memory 1)\n"
          + "  (func (export \"sum\") (param $n i32) (result i32)\n"
          + "    (local $i i32) (local $acc v128) (local $t v128)\n"
          + "    (v128.store (i32.const 16) (v128.const i32x4 1 2 3 4))\n"
          + "    (block $done (loop $next\n"
          + "      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))\n"
          + "      (local.set $t (i32x4.add (i32x4.mul (v128.load (i32.const 16))"
          + " (i32x4.splat (local.get $i))) (i32x4.splat (local.get $i))))\n"
          + "      (v128.store (i32.const 32) (local.get $t))\n"
          + "      (local.set $acc (i32x4.add (local.get $acc)\n"
          + "        (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"
          + " (v128.load (i32.const 32)) (local.get $acc))))\n"
          + "      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
          + "      (br $next)))\n"
          + "    (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc))"
          + " (i32x4.extract_lane 1 (local.get $acc)))\n"
          + "      (i32.add (i32x4.extract_lane 2 (local.get $acc))"
          + " (i32x4.extract_lane 3 (local.get $acc)))))\n"
          + "  (func (export \"mixed\") (param $x v128) (result v128)\n"
          + "    (local $y v128)\n"
          + "    (local.set $y (i16x8.add (local.get $x) (v128.const i16x8 1 2 3 4 5 6 7 8)))\n"
          + "    (block (result v128) (i32x4.shl (local.get $y) (i32.const 33)))\n"
          + "    (call $id)\n"
          + "    (i8x16.narrow_i16x8_u (local.get $y)))\n"
          + "  (func $id (param v128) (result v128) (local.get 0)))";

  @Test
  void aLoopOfLaneOperationsAllocatesNoVectors() {
    CompiledModule compiled = Flarec.compileText(KERNEL, CompileOptions.defaults());
    List<String> created = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    for (byte[] classFile : compiled.classFiles().values()) {
      new ClassReader(classFile)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  // func0 is "sum", the loop
                  if (!name.equals("func0")) {
                    return null;
                  }
                  methods.add(name);
                  return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                      if (opcode == Opcodes.NEW && type.equals(V128_CLASS)) {
                        created.add(name);
                      }
                    }
                  };
                }
              },
              0);
    }
    assertFalse(methods.isEmpty(), "the kernel's method was found");
    assertTrue(created.isEmpty(), "V128 objects created in " + created);
    int n = 10;
    int expected = 0;
    for (int i = 0; i < n; i++) {
      for (int lane = 1; lane <= 4; lane++) {
        expected += i * lane + i;
      }
    }
    Object[] result = compiled.load().instantiate().function("sum").call(n);
    assertEquals(expected, result[0]);
  }

  @Test
  void valuesLeavingForOtherConsumersAreBoxedThere() {
    CompiledModule compiled = Flarec.compileText(KERNEL, CompileOptions.defaults());
    V128 x =
        V128.ofI16(
            (short) 250,
            (short) -3,
            (short) 0,
            (short) 300,
            (short) 7,
            (short) 1000,
            (short) -200,
            (short) 200);
    // the boxed helpers, which the spec suite checks, are the reference
    V128 y =
        IntLanes.i16x8Add(
            x,
            V128.ofI16(
                (short) 1, (short) 2, (short) 3, (short) 4, (short) 5, (short) 6, (short) 7,
                (short) 8));
    V128 expected = IntLanes.i8x16NarrowI16x8U(IntLanes.i32x4Shl(y, 33), y);
    assertEquals(expected, compiled.load().instantiate().function("mixed").call(x)[0]);
  }
}
