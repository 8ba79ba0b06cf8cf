package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Back edges of loops that clang writes as {@code br_if} on {@code i != end} with a step other than
 * ±1 become ordered tests ({@link LoopBackEdge}), and mean exactly what {@code !=} means. The other
 * loops here are the shapes left alone, run for their answers all the same.
 */
class LoopBackEdgeTest {
  /**
   * Loops like clang's: {@code i} steps by a constant, the back edge tests {@code i != end} (or
   * {@code i} non-zero); each also stops after {@code limit} iterations, so that a loop whose
   * {@code i} never equals the end still returns. Each returns its iteration count.
   */
  private static final String LOOPS =
      """
      (module
        (func (export "up4") (param $i i32) (param $end i32) (param $limit i32) (result i32)
          (local $n i32)
          (block $out
            (loop $again
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (br_if $again
                (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $end)))))
          (local.get $n))
        (func (export "down8") (param $i i32) (param $end i32) (param $limit i32) (result i32)
          (local $n i32)
          (block $out
            (loop $again
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (br_if $again
                (i32.ne (local.tee $i (i32.sub (local.get $i) (i32.const 8))) (local.get $end)))))
          (local.get $n))
        (func (export "up4to64") (param $i i32) (param $limit i32) (result i32)
          (local $n i32)
          (block $out
            (loop $again
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (br_if $again
                (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 64)))))
          (local.get $n))
        (func (export "upToZero") (param $i i32) (param $limit i32) (result i32)
          (local $n i32)
          (block $out
            (loop $again
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (br_if $again (local.tee $i (i32.add (local.get $i) (i32.const 2))))))
          (local.get $n))
        (func (export "up1") (param $i i32) (param $end i32) (param $limit i32) (result i32)
          (local $n i32)
          (block $out
            (loop $again
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (br_if $again
                (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end)))))
          (local.get $n))
        (func (export "up2InTwoSteps") (param $i i32) (param $end i32) (param $limit i32)
          (result i32)
          (local $n i32) (local $j i32)
          (block $out
            (loop $again
              (local.set $j (i32.const 0))
              (local.set $n (i32.add (local.get $n) (i32.const 1)))
              (br_if $out (i32.eq (local.get $n) (local.get $limit)))
              (local.set $j (i32.add (local.get $i) (i32.const 1)))
              (br_if $again
                (i32.ne (local.tee $i (i32.add (local.get $j) (i32.const 1))) (local.get $end)))))
          (local.get $n)))
      """;

  /** What the loops compute: iterations of {@code i += step} until {@code i == end}, or limit. */
  private static int reference(int i, int end, int step, int limit) {
    int n = 0;
    while (true) {
      n++;
      if (n == limit) {
        return n;
      }
      i += step;
      if (i == end) {
        return n;
      }
    }
  }

  private static CompiledModule compile(int budget) {
    return Flarec.compile(
        Wat2Wasm.parse(LOOPS), CompileOptions.defaults().withMethodBudget(budget));
  }

  private static String method(CompiledModule compiled, String prefix) {
    StringWriter out = new StringWriter();
    new ClassReader(compiled.classFiles().values().iterator().next())
        .accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
    String code = out.toString();
    int start = code.indexOf(prefix);
    assertTrue(start >= 0, "no method " + prefix + " in\n" + code);
    int end = code.indexOf("\n\n", start);
    return code.substring(start, end < 0 ? code.length() : end);
  }

  @Test
  void aNonUnitStepLoopsBackOnAnOrderedTest() {
    CompiledModule compiled = compile(CompileOptions.defaults().methodBudget());
    String up4 = method(compiled, "public static func0(");
    assertTrue(up4.contains("IF_ICMPLT"), up4);
    assertTrue(up4.contains("IF_ICMPGT"), "and the overshoot still loops:\n" + up4);
    assertFalse(up4.contains("IF_ICMPNE"), up4);
    String down8 = method(compiled, "public static func1(");
    assertTrue(down8.indexOf("IF_ICMPGT") < down8.indexOf("IF_ICMPLT"), "down: > first\n" + down8);
  }

  /** clang's loop unrolled by two steps {@code i} through a second local: still a step of 2. */
  @Test
  void aStepThroughASecondLocalCounts() {
    String up2 = method(compile(CompileOptions.defaults().methodBudget()), "public static func5(");
    assertTrue(up2.contains("IF_ICMPLT") && up2.contains("IF_ICMPGT"), up2);
    assertFalse(up2.contains("IF_ICMPNE"), up2);
  }

  @Test
  void aStepOfOneKeepsItsNotEqualTest() {
    String up1 = method(compile(CompileOptions.defaults().methodBudget()), "public static func4(");
    assertTrue(up1.contains("IF_ICMPNE"), up1);
    assertFalse(up1.contains("IF_ICMPLT") || up1.contains("IF_ICMPGT"), up1);
  }

  /** Rewriting a count up to zero slowed the matmul kernel down: it stays a non-zero test. */
  @Test
  void aNonZeroTestIsLeftAlone() {
    String upToZero =
        method(compile(CompileOptions.defaults().methodBudget()), "public static func3(");
    assertTrue(upToZero.contains("IFNE"), upToZero);
    assertFalse(upToZero.contains("IFLT") || upToZero.contains("IFGT"), upToZero);
  }

  /** Ends reached exactly, from below and above, across the sign bit, and never reached at all. */
  private static final int[][] EDGES = {
    {0, 64},
    {60, 64},
    {64, 64},
    {2, 64},
    {100, 64},
    {-8, 0},
    {0x7ffffff8, 0x80000004},
    {0x80000004, 0x7ffffff8},
    {-1, 3},
    {Integer.MIN_VALUE, Integer.MAX_VALUE},
    {Integer.MAX_VALUE, Integer.MIN_VALUE + 3},
    {5, 5}
  };

  @ParameterizedTest
  @ValueSource(ints = {65535, CompileOptions.MIN_METHOD_BUDGET})
  void theRewrittenLoopsCountWhatNotEqualCounts(int budget) {
    Instance instance = compile(budget).load().instantiate();
    SplittableRandom random = new SplittableRandom(13);
    int limit = 5000;
    for (int k = 0; k < EDGES.length + 200; k++) {
      int i = k < EDGES.length ? EDGES[k][0] : random.nextInt();
      int end = k < EDGES.length ? EDGES[k][1] : i + 4 * random.nextInt(-300, 300);
      String where = "i=" + i + " end=" + end;
      assertArrayEquals(
          new Object[] {reference(i, end, 4, limit)},
          instance.function("up4").call(i, end, limit),
          "up4 " + where);
      assertArrayEquals(
          new Object[] {reference(i, end, -8, limit)},
          instance.function("down8").call(i, end, limit),
          "down8 " + where);
      assertArrayEquals(
          new Object[] {reference(i, 64, 4, limit)},
          instance.function("up4to64").call(i, limit),
          "up4to64 " + where);
      assertArrayEquals(
          new Object[] {reference(i, 0, 2, limit)},
          instance.function("upToZero").call(i, limit),
          "upToZero " + where);
      assertArrayEquals(
          new Object[] {reference(i, end, 2, limit)},
          instance.function("up2InTwoSteps").call(i, end, limit),
          "up2InTwoSteps " + where);
    }
  }

  @Test
  void aLoopThatNeverMeetsItsEndRunsUntilItsOtherExit() {
    Instance instance = compile(CompileOptions.defaults().methodBudget()).load().instantiate();
    // 2 + 4k is never 64: only the limit stops it, as with !=
    assertArrayEquals(new Object[] {1000}, instance.function("up4").call(2, 64, 1000));
    // from the end itself, i wraps all the way around: 2^30 steps, past the limit
    assertArrayEquals(new Object[] {1000}, instance.function("up4").call(64, 64, 1000));
    assertEquals(16, reference(0, 64, 4, 1000));
    assertArrayEquals(new Object[] {16}, instance.function("up4").call(0, 64, 1000));
  }
}
