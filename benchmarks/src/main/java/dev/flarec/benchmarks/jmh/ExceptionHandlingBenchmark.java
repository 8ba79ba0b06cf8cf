package dev.flarec.benchmarks.jmh;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What exception handling costs, per loop iteration of 1,000: a call in a loop ({@code plain}), the
 * same call inside a {@code try_table} that never catches ({@code tryNoThrow}: the cost of entering
 * and leaving the block, with the running sum on the JVM stack below it), and a call that throws an
 * i32 exception caught by that {@code try_table} ({@code throwCatch}: the round trip, which C2 may
 * turn into a jump once it inlines the callee), and the same thrown eight calls down ({@code
 * throwDeep}: the JVM unwinds frames C2 did not inline). {@code javaThrowCatch} is plain Java
 * throwing and catching a stackless exception through a call that is not inlined, for scale. The
 * module is written here in the binary format (the text translator does not know {@code
 * try_table}). See docs/RATIONALE.md#why-wasm-exceptions-are-jvm-exceptions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ExceptionHandlingBenchmark {
  private static final int ITERATIONS = 1000;

  /** How many calls deep {@code throwDeep} throws. */
  private static final int DEPTH = 8;

  /** Method budget: the default, or the smallest (every loop body in runs). */
  @Param({"8000"})
  public int budget;

  private IntUnaryOperator plain;
  private IntUnaryOperator tryNoThrow;
  private IntUnaryOperator throwCatch;
  private IntUnaryOperator throwDeep;

  @Setup
  public void compile() {
    Instance instance =
        Flarec.compile(module(), CompileOptions.defaults().withMethodBudget(budget))
            .load()
            .instantiate();
    plain = instance.function("plain").as(IntUnaryOperator.class);
    tryNoThrow = instance.function("try").as(IntUnaryOperator.class);
    throwCatch = instance.function("throwcatch").as(IntUnaryOperator.class);
    throwDeep = instance.function("throwdeep").as(IntUnaryOperator.class);
    if (plain.applyAsInt(ITERATIONS) != 500_500
        || tryNoThrow.applyAsInt(ITERATIONS) != 500_500
        || throwCatch.applyAsInt(ITERATIONS) != 499_500
        || throwDeep.applyAsInt(ITERATIONS) != 499_500) {
      throw new IllegalStateException("the exception-handling module computes wrong sums");
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int plain() {
    return plain.applyAsInt(ITERATIONS);
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int tryNoThrow() {
    return tryNoThrow.applyAsInt(ITERATIONS);
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int throwCatch() {
    return throwCatch.applyAsInt(ITERATIONS);
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int throwDeep() {
    return throwDeep.applyAsInt(ITERATIONS);
  }

  @Benchmark
  @OperationsPerInvocation(ITERATIONS)
  public int javaThrowCatch() {
    int sum = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      try {
        sum += javaThrower(i);
      } catch (JavaException e) {
        sum += e.payload;
      }
    }
    return sum;
  }

  /** A stackless exception carrying an int, as a Wasm exception is stackless. */
  static final class JavaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient int payload;

    JavaException(int payload) {
      super(null, null, false, false);
      this.payload = payload;
    }
  }

  @org.openjdk.jmh.annotations.CompilerControl(
      org.openjdk.jmh.annotations.CompilerControl.Mode.DONT_INLINE)
  private static int javaThrower(int i) {
    throw new JavaException(i);
  }

  /**
   * Types (i32)->i32 and (i32)->(); tag 0 of the second; {@code $leaf(i) = i + 1}, {@code
   * $thrower(i)} throws tag 0 with i; three loops summing {@code f(i)} for i below n.
   */
  static byte[] module() {
    Bytes types =
        new Bytes()
            .u(3)
            .b(0x60, 1, 0x7F, 1, 0x7F)
            .b(0x60, 1, 0x7F, 0)
            .b(0x60, 2, 0x7F, 0x7F, 1, 0x7F);
    Bytes functions = new Bytes().u(7).b(0, 0, 0, 0, 0, 2, 0);
    Bytes tags = new Bytes().u(1).b(0, 1);
    Bytes exports = new Bytes().u(4);
    exports.name("plain").b(0, 2).name("try").b(0, 3).name("throwcatch").b(0, 4);
    exports.name("throwdeep").b(0, 6);
    int[] leaf = {0, 0x20, 0, 0x41, 1, 0x6A, 0x0B};
    int[] thrower = {0, 0x20, 0, 0x08, 0, 0x0B};
    // $s += f($i)
    int[] plainStep = {0x20, 2, 0x20, 1, 0x10, 0, 0x6A, 0x21, 2};
    // $s += block (result i32) try_table (result i32) (catch 0 0) f($i) end end
    int[] tryStep = {
      0x20, 2, 0x02, 0x7F, 0x1F, 0x7F, 1, 0, 0, 0, 0x20, 1, 0x10, 0, 0x0B, 0x0B, 0x6A, 0x21, 2
    };
    int[] throwStep = tryStep.clone();
    throwStep[13] = 1; // call $thrower
    // $deep(i, d): throws tag 0 with i from d calls down (C2 inlines a recursion once at most)
    int[] deep = {
      0, 0x20, 1, 0x45, 0x04, 0x40, 0x20, 0, 0x08, 0, 0x0B, 0x20, 0, 0x20, 1, 0x41, 1, 0x6B, 0x10,
      5, 0x0B
    };
    int[] deepStep = {
      0x20, 2, 0x02, 0x7F, 0x1F, 0x7F, 1, 0, 0, 0, 0x20, 1, 0x41, DEPTH, 0x10, 5, 0x0B, 0x0B, 0x6A,
      0x21, 2
    };
    Bytes code = new Bytes().u(7);
    code.body(leaf).body(thrower).body(loop(plainStep)).body(loop(tryStep)).body(loop(throwStep));
    code.body(deep).body(loop(deepStep));
    Bytes out = new Bytes().b(0, 0x61, 0x73, 0x6D, 1, 0, 0, 0);
    out.section(1, types).section(3, functions).section(13, tags).section(7, exports);
    return out.section(10, code).toArray();
  }

  /** {@code (local $i i32) (local $s i32)}: for $i below the argument, {@code step}; then $s. */
  private static int[] loop(int[] step) {
    int[] head = {1, 2, 0x7F, 0x02, 0x40, 0x03, 0x40, 0x20, 1, 0x20, 0, 0x4E, 0x0D, 1};
    int[] tail = {0x20, 1, 0x41, 1, 0x6A, 0x21, 1, 0x0C, 0, 0x0B, 0x0B, 0x20, 2, 0x0B};
    int[] body = new int[head.length + step.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(step, 0, body, head.length, step.length);
    System.arraycopy(tail, 0, body, head.length + step.length, tail.length);
    return body;
  }

  /** Just enough of the binary format: bytes, unsigned LEB128 (below 2^14), names, sections. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes b(int... bytes) {
      for (int x : bytes) {
        out.write(x);
      }
      return this;
    }

    Bytes u(int v) {
      return v < 0x80 ? b(v) : b(0x80 | (v & 0x7F), v >>> 7);
    }

    Bytes name(String s) {
      u(s.length());
      out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return this;
    }

    Bytes body(int[] bytes) {
      u(bytes.length);
      return b(bytes);
    }

    Bytes section(int id, Bytes content) {
      byte[] c = content.toArray();
      b(id).u(c.length);
      out.writeBytes(c);
      return this;
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
