package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.simd.V128;
import org.junit.jupiter.api.Test;

/**
 * Relaxed SIMD (WebAssembly 3.0): every instruction compiles and makes the choice docs/RATIONALE.md
 * documents, in a whole function and in one split into runs. The modules are written as bytes: the
 * text translator does not know these instructions.
 */
class RelaxedSimdTest {
  private static final byte V = 0x7B;
  private static final int SMALL_BUDGET = 300;

  /** Appends a relaxed instruction: 0xFD and its subopcode as LEB128 of {@code length} bytes. */
  private static Code relaxed(Code c, int subopcode, int length) {
    c.op(0xFD);
    int v = subopcode;
    for (int i = 0; i < length - 1; i++) {
      c.op((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    return c.op(v & 0x7F);
  }

  private static int operands(int subopcode) {
    return switch (subopcode) {
      case 0x101, 0x102, 0x103, 0x104 -> 1;
      case 0x105, 0x106, 0x107, 0x108, 0x109, 0x10A, 0x10B, 0x10C, 0x113 -> 3;
      default -> 2;
    };
  }

  /**
   * One export per relaxed instruction, {@code r<subopcode in hex>}: (v128 v128 v128) -> v128 on
   * its first operands; and {@code swizzle}, the 2.0 instruction whose encoding is a carrier's.
   */
  private static byte[] everyInstruction() {
    ModuleBuilder m = new ModuleBuilder();
    int t = m.type(new byte[] {V, V, V}, new byte[] {V});
    for (int sub = 0x100; sub <= 0x113; sub++) {
      Code c = new Code();
      for (int i = 0; i < operands(sub); i++) {
        c.localGet(i);
      }
      // one with a padded subopcode, which is still the same instruction
      m.export("r" + Integer.toHexString(sub), m.function(t, new byte[0], relaxed(c, sub, 2)));
    }
    m.export(
        "padded",
        m.function(
            t, new byte[0], relaxed(new Code().localGet(0).localGet(1).localGet(2), 0x105, 4)));
    m.export(
        "swizzle",
        m.function(t, new byte[0], new Code().localGet(0).localGet(1).op(0xFD).op(0x0E)));
    return m.build();
  }

  private static V128 call(Instance i, String name, V128 a, V128 b, V128 c) {
    return (V128) i.function(name).call(a, b, c)[0];
  }

  private static V128 f32s(int bits) {
    return V128.ofI32(bits, bits, bits, bits);
  }

  @Test
  void eachInstructionMakesItsDocumentedChoice() {
    Instance i = Flarec.compile(everyInstruction()).load().instantiate();
    V128 zero = V128.ZERO;

    // swizzle: an index past 15 selects 0, as i8x16.swizzle does
    V128 bytes = V128.ofI32(0x0302_0100, 0x0706_0504, 0x0b0a_0908, 0x0f0e_0d0c);
    V128 indices = V128.ofI32(0x8010_0f00, 0, 0, 0);
    assertEquals(V128.ofI32(0x0000_0f00, 0, 0, 0), call(i, "r100", bytes, indices, zero));
    assertEquals(call(i, "swizzle", bytes, indices, zero), call(i, "r100", bytes, indices, zero));

    // trunc: NaN to 0, out of range saturates (as trunc_sat)
    V128 floats = V128.ofI32(0x7fc0_0000, 0x4f80_0000, 0xcf80_0000, 0x4049_0fdb);
    assertEquals(V128.ofI32(0, 0x7fff_ffff, 0x8000_0000, 3), call(i, "r101", floats, zero, zero));
    assertEquals(V128.ofI32(0, 0xffff_ffff, 0, 3), call(i, "r102", floats, zero, zero));

    // madd rounds twice: (1+2^-22)(1+2^-15) - (1+2^-15+2^-22) is 2^-37 fused, 0 unfused
    V128 a = f32s(0x3f80_0002);
    V128 b = f32s(0x3f80_0100);
    V128 c = f32s(0xbf80_0102);
    assertEquals(f32s(0), call(i, "r105", a, b, c));
    assertEquals(f32s(0), call(i, "padded", a, b, c));
    assertEquals(f32s(0), call(i, "r106", f32s(0xbf80_0002), b, c));

    // laneselect is a bitwise select whatever the mask's lanes hold
    V128 mask = V128.ofI32(0x0ff0_00ff, 0, 0, -1);
    V128 x = V128.ofI32(0x1212_0100, 0x0706_0504, 0x0b0a_0908, 0x0f0e_0d0c);
    V128 y = V128.ofI32(0x3434_1110, 0x1716_1514, 0x1b1a_1918, 0x1f1e_1d1c);
    for (String op : new String[] {"r109", "r10a", "r10b", "r10c"}) {
      assertEquals(
          V128.ofI32(0x3214_1100, 0x1716_1514, 0x1b1a_1918, 0x0f0e_0d0c),
          call(i, op, x, y, mask),
          op);
    }

    // min and max as f32x4.min/max: NaN in, NaN out; -0 below +0
    V128 nans = V128.ofI32(0x7fc0_0000, 0x8000_0000, 0, 0);
    V128 zeros = V128.ofI32(0x3f80_0000, 0, 0x8000_0000, 0);
    assertEquals(
        V128.ofI32(0x7fc0_0000, 0x8000_0000, 0x8000_0000, 0), call(i, "r10d", nans, zeros, zero));
    assertEquals(V128.ofI32(0x7fc0_0000, 0, 0, 0), call(i, "r10e", nans, zeros, zero));

    // q15mulr saturates: -1.0 * -1.0 is 0x7fff
    V128 minus = V128.ofI32(0x8000_8000, 0, 0, 0);
    assertEquals(V128.ofI32(0x7fff_7fff, 0, 0, 0), call(i, "r111", minus, minus, zero));

    // dot products read both operands as signed bytes
    V128 p = V128.ofI32(0x8080_8080, 0, 0, 0);
    V128 q = V128.ofI32(0x8181_8181, 0, 0, 0);
    assertEquals(V128.ofI32(0x7f00_7f00, 0, 0, 0), call(i, "r112", p, q, zero));
    assertEquals(V128.ofI32(0xfe01, 2, 3, 4), call(i, "r113", p, q, V128.ofI32(1, 2, 3, 4)));
  }

  /** A long function mixing every relaxed instruction, split into runs at a small budget. */
  private static byte[] chain(int rounds) {
    ModuleBuilder m = new ModuleBuilder();
    int t = m.type(new byte[] {V, V, V}, new byte[] {V});
    Code c = new Code();
    for (int r = 0; r < rounds; r++) {
      for (int sub = 0x100; sub <= 0x113; sub++) {
        int n = operands(sub);
        for (int k = 0; k < n; k++) {
          c.localGet((r + sub + k) % 3);
        }
        relaxed(c, sub, 2);
        c.localSet((r + sub) % 3);
      }
    }
    c.localGet(0).localGet(1).localGet(2);
    relaxed(c, 0x113, 2);
    m.export("chain", m.function(t, new byte[0], c));
    return m.build();
  }

  @Test
  void aSplitFunctionComputesWhatTheWholeOneDoes() {
    byte[] wasm = chain(20);
    CompiledModule whole = Flarec.compile(wasm, CompileOptions.defaults());
    CompiledModule split =
        Flarec.compile(wasm, CompileOptions.defaults().withMethodBudget(SMALL_BUDGET));
    MethodSizeCheck.assertWithin(split, SMALL_BUDGET);
    assertTrue(
        MethodSizeCheck.methodCount(split) > MethodSizeCheck.methodCount(whole) + 5,
        "the small budget splits the function into runs");
    V128 a = V128.ofI32(0x3f80_0000, 0x4049_0fdb, 0x8081_7f01, -7);
    V128 b = V128.ofI32(0x0102_0304, 0xc000_0000, 0x7fc0_0000, 0x1234_5678);
    V128 c = V128.ofI32(0x0f0e_0d0c, 0x1f1e_1d1c, 0x8000_0000, 0x4f80_0000);
    assertEquals(
        call(whole.load().instantiate(), "chain", a, b, c),
        call(split.load().instantiate(), "chain", a, b, c));
  }
}
