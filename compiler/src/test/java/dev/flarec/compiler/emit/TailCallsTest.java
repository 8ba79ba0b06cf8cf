package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.compiler.testing.NativeWat;
import dev.flarec.runtime.instance.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code return_call} and {@code return_call_indirect}: exact results, and constant JVM stack for
 * chains far deeper than any JVM stack holds, at the default method budget and at the tiny one that
 * splits functions into runs.
 */
class TailCallsTest {
  /** The default budget, and one that splits nearly every function. */
  private static final int TINY = 300;

  /** Stack of the threads the deep chains run on: a few thousand frames at most. */
  private static final long SMALL_STACK = 256 * 1024;

  private static final int DEPTH = 1_000_000;

  private static final String MUTUAL =
      """
      (module
        (type $ii (func (param i32) (result i32)))
        (table 2 funcref)
        (elem (i32.const 0) $even_i $odd_i)
        (func $even (export "even") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
            (else (return_call $odd (i32.sub (local.get 0) (i32.const 1))))))
        (func $odd (export "odd") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
            (else (return_call $even (i32.sub (local.get 0) (i32.const 1))))))
        (func $even_i (export "even_i") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
            (else (return_call_indirect (type $ii)
              (i32.sub (local.get 0) (i32.const 1)) (i32.const 1)))))
        (func $odd_i (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
            (else (return_call_indirect (type $ii)
              (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))))
        ;; a loop by self tail calls: each call starts with its declared local at zero
        (func $sum (export "sum") (param $n i32) (param $acc i64) (result i64) (local $fresh i32)
          (if (local.get $fresh) (then (unreachable)))
          (local.set $fresh (i32.const 1))
          (if (result i64) (i32.eqz (local.get $n)) (then (local.get $acc))
            (else (return_call $sum (i32.sub (local.get $n) (i32.const 1))
              (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))))
        ;; every argument type, through the pending call's fields
        (func $mix (export "mix") (param i32 i64 f32 f64 externref) (result f64)
          (if (result f64) (i32.eqz (local.get 0))
            (then (f64.add (f64.add (f64.convert_i64_s (local.get 1)) (f64.promote_f32 (local.get 2)))
              (f64.add (local.get 3) (if (result f64) (ref.is_null (local.get 4))
                (then (f64.const 0)) (else (f64.const 1000))))))
            (else (return_call $mix2 (i32.sub (local.get 0) (i32.const 1))
              (i64.add (local.get 1) (i64.const 1)) (f32.add (local.get 2) (f32.const 0.5))
              (f64.add (local.get 3) (f64.const 0.25)) (local.get 4)))))
        (func $mix2 (param i32 i64 f32 f64 externref) (result f64)
          (return_call $mix (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
        ;; several results
        (func $pair (export "pair") (param i32 i32) (result i32 i32)
          (if (result i32 i32) (i32.eqz (local.get 0)) (then (local.get 0) (local.get 1))
            (else (return_call $pair2 (local.get 0) (local.get 1)))))
        (func $pair2 (param i32 i32) (result i32 i32)
          (return_call $pair (i32.sub (local.get 0) (i32.const 1))
            (i32.add (local.get 1) (i32.const 3))))
        ;; a tail call below other values on the stack: they are dropped
        (func $below (export "below") (param i32) (result i32)
          (i32.const 99) (i32.const 98)
          (if (result i32) (i32.eqz (local.get 0)) (then (return (i32.const 7)))
            (else (return_call $below (i32.sub (local.get 0) (i32.const 1)))))
          (drop) (drop))
      )
      """;

  private static CompiledModule compile(String wat, int budget) {
    CompiledModule compiled =
        Flarec.compile(
            NativeWat.toBinary(wat, "--enable-tail-call"),
            budget == 0
                ? CompileOptions.defaults()
                : CompileOptions.defaults().withMethodBudget(budget));
    if (budget > 0) {
      MethodSizeCheck.assertWithin(compiled, budget);
    }
    return compiled;
  }

  /** Calls an export on a thread with a small stack, so that a growing chain would overflow it. */
  static Object[] callOnSmallStack(Instance instance, String name, Object... args) {
    AtomicReference<Object> out = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                out.set(instance.function(name).call(args));
              } catch (Throwable e) {
                out.set(e);
              }
            },
            "small-stack",
            SMALL_STACK);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (out.get() instanceof Throwable e) {
      throw new AssertionError(name + " failed", e);
    }
    return (Object[]) out.get();
  }

  /** Counts down by tail calls into the other instance: through an import, and back by a table. */
  private static final String BOUNCE_A =
      """
      (module
        (import "b" "g" (func $g (param i64 f64) (result i64 f64)))
        (import "b" "leaf" (func $leaf (param i64 f64) (result i64 f64)))
        (func (export "f") (param i64 f64) (result i64 f64)
          (if (result i64 f64) (i64.eqz (local.get 0))
            (then (return_call $leaf (local.get 0) (local.get 1)))
            (else (return_call $g (i64.sub (local.get 0) (i64.const 1))
              (f64.add (local.get 1) (f64.const 1)))))))
      """;

  private static final String BOUNCE_B =
      """
      (module
        (import "a" "t" (table 1 funcref))
        (type $t (func (param i64 f64) (result i64 f64)))
        (func (export "g") (param i64 f64) (result i64 f64)
          (if (result i64 f64) (i64.eqz (local.get 0))
            (then (i64.const 7) (local.get 1))
            (else (return_call_indirect (type $t)
              (i64.sub (local.get 0) (i64.const 1)) (local.get 1) (i32.const 0)))))
        (func (export "leaf") (param i64 f64) (result i64 f64)
          (i64.const 42) (local.get 1)))
      """;

  @ParameterizedTest
  @ValueSource(ints = {0, TINY})
  void aMillionDeepChainBetweenTwoInstancesRunsInConstantStack(int budget) {
    var table =
        new dev.flarec.runtime.table.Table(
            dev.flarec.runtime.types.ValueType.FUNCREF, new dev.flarec.runtime.types.Limits(1, 1));
    Instance b =
        compile(BOUNCE_B, budget)
            .load()
            .instantiate(
                dev.flarec.runtime.instance.Imports.builder().table("a", "t", table).build());
    Instance a =
        compile(BOUNCE_A, budget)
            .load()
            .instantiate(
                dev.flarec.runtime.instance.Imports.builder()
                    .function("b", "g", b.function("g").ref())
                    .function("b", "leaf", b.function("leaf").ref())
                    .build());
    table.set(0, a.function("f").ref());
    // an even count ends in A, by a tail call of B's leaf; an odd one in B's g
    Object[] even = callOnSmallStack(a, "f", (long) DEPTH, 0.0);
    assertEquals(42L, even[0]);
    assertEquals(DEPTH / 2.0, even[1]);
    Object[] odd = callOnSmallStack(a, "f", DEPTH + 1L, 0.0);
    assertEquals(7L, odd[0]);
    assertEquals(DEPTH / 2.0 + 1, odd[1]);
    // ordinary calls into the chain from Java still see each function's own results
    assertEquals(42L, b.function("leaf").call(3L, 1.5)[0]);
    assertEquals(7L, b.function("g").call(0L, 0.0)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, TINY})
  void aMillionDeepMutualRecursionRunsInConstantStack(int budget) {
    Instance m = compile(MUTUAL, budget).load().instantiate();
    assertEquals(1, callOnSmallStack(m, "even", DEPTH)[0]);
    assertEquals(0, callOnSmallStack(m, "even", DEPTH + 1)[0]);
    assertEquals(1, callOnSmallStack(m, "odd", DEPTH + 1)[0]);
    assertEquals(1, callOnSmallStack(m, "even_i", DEPTH)[0]);
    assertEquals(0, callOnSmallStack(m, "even_i", DEPTH - 1)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, TINY})
  void aSelfTailCallStartsAFreshCall(int budget) {
    Instance m = compile(MUTUAL, budget).load().instantiate();
    long n = DEPTH;
    assertEquals(n * (n + 1) / 2, callOnSmallStack(m, "sum", DEPTH, 0L)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, TINY})
  void argumentsOfEveryTypeAndSeveralResultsPassExactly(int budget) {
    Instance m = compile(MUTUAL, budget).load().instantiate();
    // 20 rounds, each through mix and mix2: i64 +20, f32 +10, f64 +5
    assertEquals(
        (1L + 20) + (0.25f + 10) + (1.5 + 5) + 1000,
        callOnSmallStack(m, "mix", 20, 1L, 0.25f, 1.5, "x")[0]);
    assertEquals(
        (1L + 20) + (0.25f + 10) + (1.5 + 5),
        callOnSmallStack(m, "mix", 20, 1L, 0.25f, 1.5, null)[0]);
    Object[] pair = callOnSmallStack(m, "pair", DEPTH, 4);
    assertEquals(0, pair[0]);
    assertEquals(4 + 3 * DEPTH, pair[1]);
    assertEquals(7, callOnSmallStack(m, "below", DEPTH)[0]);
  }

  /** A function split into runs, whose tail call sits in a run, ends the whole function. */
  @Test
  void aTailCallInsideARunEndsTheWholeFunction() {
    StringBuilder busy = new StringBuilder();
    for (int k = 1; k <= 60; k++) {
      busy.append("(local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (i32.const ")
          .append(k)
          .append(")))\n");
    }
    String wat =
        """
        (module
          (func $ping (export "ping") (param $n i32) (param $x i32) (result i32)
            (if (i32.eqz (local.get $n)) (then (return (local.get $x))))
            BUSY
            (return_call $pong (i32.sub (local.get $n) (i32.const 1)) (local.get $x))
            (unreachable))
          (func $pong (param $n i32) (param $x i32) (result i32)
            (block $b
              (br_if $b (i32.eqz (local.get $n)))
              BUSY
              (return_call $ping (i32.sub (local.get $n) (i32.const 1)) (local.get $x)))
            (local.get $x))
        )
        """
            .replace("BUSY", busy);
    CompiledModule compiled = compile(wat, TINY);
    assertTrue(methodNames(compiled).stream().anyMatch(n -> n.contains("$run")), "split into runs");
    int x = 5;
    int rounds = 200_000;
    for (int r = 0; r < rounds; r++) {
      for (int k = 1; k <= 60; k++) {
        x = x * 31 + k;
      }
    }
    Instance m = compiled.load().instantiate();
    assertEquals(x, callOnSmallStack(m, "ping", rounds, 5)[0]);
  }

  @Test
  void modulesWithoutTailCallsGetNoneOfTheirMachinery() {
    String wat =
        """
        (module
          (func $f (export "f") (param i32) (result i32) (call $g (local.get 0)))
          (func $g (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
        """;
    CompiledModule compiled = compile(wat, 0);
    assertFalse(
        methodNames(compiled).stream().anyMatch(n -> n.contains("tail$") || n.endsWith("$tc")));
    assertFalse(fieldNames(compiled).contains(TailCalls.TARGET_FIELD));
  }

  @Test
  void aFunctionTailCallingOnlyItselfJumpsAndHasNoTrampoline() {
    String wat =
        """
        (module
          (func $count (export "count") (param i32 i64) (result i64)
            (if (result i64) (i32.eqz (local.get 0)) (then (local.get 1))
              (else (return_call $count (i32.sub (local.get 0) (i32.const 1))
                (i64.add (local.get 1) (i64.const 2)))))))
        """;
    CompiledModule compiled = compile(wat, 0);
    assertFalse(
        methodNames(compiled).stream().anyMatch(n -> n.contains("tail$") || n.endsWith("$tc")));
    assertEquals(
        2L * DEPTH + 1, callOnSmallStack(compiled.load().instantiate(), "count", DEPTH, 1L)[0]);
  }

  private static List<String> methodNames(CompiledModule compiled) {
    List<String> names = new ArrayList<>();
    for (byte[] c : compiled.classFiles().values()) {
      new ClassReader(c)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String sig, String[] ex) {
                  names.add(name);
                  return null;
                }
              },
              0);
    }
    return names;
  }

  private static List<String> fieldNames(CompiledModule compiled) {
    List<String> names = new ArrayList<>();
    for (byte[] c : compiled.classFiles().values()) {
      new ClassReader(c)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(
                    int access, String name, String desc, String sig, Object value) {
                  names.add(name);
                  return null;
                }
              },
              0);
    }
    return names;
  }
}
