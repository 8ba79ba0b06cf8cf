package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code i16x8.mul} by values known to be splats ({@link SimdSplats}): an alpha blend the way clang
 * vectorises it (the factors are splats in locals), a splat constant, and a local that holds a
 * splat at first and then a loaded vector, which must be multiplied lane by lane; at the default
 * and a tiny method budget.
 */
class SimdSplatsTest {
  private static final String MODULE =
      "(module (memory 1)\n"
          // out[i] = (x[i] * a + y[i] * (256 - a)) >> 8 over n blocks of 16 bytes at 0, 4096, 8192
          + "  (func (export \"blend\") (param $a i32) (param $n i32)\n"
          + "    (local $i i32) (local $fa v128) (local $fb v128) (local $x v128) (local $y v128)\n"
          + "    (local.set $fa (i16x8.splat (local.get $a)))\n"
          + "    (local.set $fb (i16x8.splat (i32.sub (i32.const 256) (local.get $a))))\n"
          + "    (loop $l\n"
          + "      (local.set $x (v128.load (local.get $i)))\n"
          + "      (local.set $y (v128.load offset=4096 (local.get $i)))\n"
          + "      (v128.store offset=8192 (local.get $i) (i8x16.narrow_i16x8_u\n"
          + "        (i16x8.shr_u (i16x8.add\n"
          + "          (i16x8.mul (local.get $fa) (i16x8.extend_low_i8x16_u (local.get $x)))\n"
          + "          (i16x8.mul (i16x8.extend_low_i8x16_u (local.get $y)) (local.get $fb)))\n"
          + "          (i32.const 8))\n"
          + "        (i16x8.shr_u (i16x8.add\n"
          + "          (i16x8.mul (local.get $fa) (i16x8.extend_high_i8x16_u (local.get $x)))\n"
          + "          (i16x8.mul (i16x8.extend_high_i8x16_u (local.get $y)) (local.get $fb)))\n"
          + "          (i32.const 8))))\n"
          + "      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 16)))\n"
          + "                          (i32.mul (local.get $n) (i32.const 16))))))\n"
          // lanes of the vector at 0 times a splat constant, and times a local that is a splat
          // only until it is overwritten by the vector at 4096; stored at 12288 and 12304
          + "  (func (export \"mixed\") (param $s i32)\n"
          + "    (local $f v128)\n"
          + "    (local.set $f (i8x16.splat (local.get $s)))\n"
          + "    (v128.store offset=12288 (i32.const 0)\n"
          + "      (i16x8.mul (v128.load (i32.const 0)) (v128.const i16x8 771 771 771 771 771 771 771 771)))\n"
          + "    (local.set $f (v128.load offset=4096 (i32.const 0)))\n"
          + "    (v128.store offset=12304 (i32.const 0)\n"
          + "      (i16x8.mul (local.get $f) (v128.load (i32.const 0)))))\n"
          + "  (func (export \"poke\") (param $at i32) (param $v i32) (i32.store8 (local.get $at) (local.get $v)))\n"
          + "  (func (export \"peek\") (param $at i32) (result i32) (i32.load8_u (local.get $at))))";

  private static Instance instance(int budget) {
    CompiledModule m =
        Flarec.compileText(MODULE, CompileOptions.defaults().withMethodBudget(budget));
    return m.load().instantiate();
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void aBlendByTwoSplatFactorsComputesEveryByte(int budget) {
    Instance in = instance(budget);
    SplittableRandom random = new SplittableRandom(5);
    int n = 8;
    byte[] x = new byte[16 * n];
    byte[] y = new byte[16 * n];
    random.nextBytes(x);
    random.nextBytes(y);
    for (int i = 0; i < 16 * n; i++) {
      in.function("poke").call(i, (int) x[i]);
      in.function("poke").call(4096 + i, (int) y[i]);
    }
    for (int alpha : new int[] {0, 37, 255, 256, 1000, -3}) {
      in.function("blend").call(alpha, n);
      for (int i = 0; i < 16 * n; i++) {
        int lane = ((x[i] & 0xFF) * alpha + (y[i] & 0xFF) * (256 - alpha)) & 0xFFFF;
        int expected = Math.min(255, lane >>> 8);
        assertEquals(expected, in.function("peek").call(8192 + i)[0], "alpha " + alpha + " " + i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void onlyValuesThatAreAlwaysSplatsMultiplyAsSplats(int budget) {
    Instance in = instance(budget);
    SplittableRandom random = new SplittableRandom(6);
    byte[] a = new byte[16];
    byte[] b = new byte[16];
    random.nextBytes(a);
    random.nextBytes(b);
    for (int i = 0; i < 16; i++) {
      in.function("poke").call(i, (int) a[i]);
      in.function("poke").call(4096 + i, (int) b[i]);
    }
    in.function("mixed").call(9);
    for (int lane = 0; lane < 8; lane++) {
      int x = (a[2 * lane] & 0xFF) | (a[2 * lane + 1] & 0xFF) << 8;
      int y = (b[2 * lane] & 0xFF) | (b[2 * lane + 1] & 0xFF) << 8;
      assertEquals((x * 771) & 0xFFFF, short16(in, 12288 + 2 * lane), "constant, lane " + lane);
      assertEquals((x * y) & 0xFFFF, short16(in, 12304 + 2 * lane), "local, lane " + lane);
    }
  }

  /**
   * At the default budget (under a tiny one the outlined runs hold {@code v128} locals as objects,
   * which carry no splat mark, and multiply lane by lane).
   */
  @Test
  void splatFactorsTakeTheTwoMultiplyHelper() {
    CompiledModule m = Flarec.compileText(MODULE, CompileOptions.defaults());
    Map<String, Integer> calls = new HashMap<>();
    for (byte[] classFile : m.classFiles().values()) {
      new ClassReader(classFile)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(
                        int opcode, String owner, String method, String d, boolean itf) {
                      calls.merge(method, 1, Integer::sum);
                    }
                  };
                }
              },
              0);
    }
    // blend's four multiplies and mixed's constant one, a call per half; mixed's second is general
    assertEquals(10, calls.getOrDefault("i16x8MulSplatHalf", 0), calls.toString());
    assertTrue(calls.getOrDefault("i16x8MulHalf", 0) >= 2, calls.toString());
  }

  private static int short16(Instance in, int at) {
    return (int) in.function("peek").call(at)[0] | (int) in.function("peek").call(at + 1)[0] << 8;
  }
}
