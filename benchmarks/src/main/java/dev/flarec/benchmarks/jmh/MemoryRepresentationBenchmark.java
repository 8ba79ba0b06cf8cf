package dev.flarec.benchmarks.jmh;

import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.ExportedFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One kernel, a pass of i64 stores then a pass of i64 loads over 16 MiB, on the three kinds of
 * memory compiled code reaches: memory 0 of 32 bits (its array and size in the method's locals),
 * memory 1 of 32 bits (multiple memories: array and size read from the memory's field at each
 * access), and a 64-bit memory ({@code Memory64}: 1 GiB chunks, found by the address's high bits).
 * Every module has {@code memory.grow}, so 32-bit accesses check the size as most real modules' do.
 * See docs/RATIONALE.md#why-a-64-bit-memory-is-an-array-of-1-gib-chunks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class MemoryRepresentationBenchmark {
  /**
   * The kernel as text, with placeholders: A the address type, I the memory index, V the stored
   * value; {@link #compile} fills them in.
   */
  private static String kernel(String memories) {
    return "(module "
        + memories
        + " (func (export \"grow\") (result A) (memory.grow I (A.const 0)))"
        + " (func (export \"run\") (result i64) (local $a A) (local $sum i64)"
        + "  (block $done (loop $store"
        + "   (br_if $done (A.ge_u (local.get $a) (A.const 0x1000000)))"
        + "   (i64.store I (local.get $a) V)"
        + "   (local.set $a (A.add (local.get $a) (A.const 8)))"
        + "   (br $store)))"
        + "  (local.set $a (A.const 0))"
        + "  (block $done2 (loop $load"
        + "   (br_if $done2 (A.ge_u (local.get $a) (A.const 0x1000000)))"
        + "   (local.set $sum (i64.add (local.get $sum) (i64.load I (local.get $a))))"
        + "   (local.set $a (A.add (local.get $a) (A.const 8)))"
        + "   (br $load)))"
        + "  (local.get $sum)))";
  }

  /** {@code memory0}: 32-bit memory 0; {@code memory1}: 32-bit memory 1; {@code memory64}. */
  @Param({"memory0", "memory1", "memory64"})
  public String memory;

  private ExportedFunction run;

  @Setup
  public void compile() {
    String wat =
        switch (memory) {
          case "memory0" -> kernel("(memory 256)");
          case "memory1" -> kernel("(memory 1) (memory 256)");
          case "memory64" -> kernel("(memory i64 256)");
          default -> throw new IllegalArgumentException(memory);
        };
    String a = memory.equals("memory64") ? "i64" : "i32";
    String i = memory.equals("memory1") ? "1" : "";
    wat = wat.replace("(result A)", "(result " + a + ")").replace("A.", a + ".");
    wat = wat.replace("$a A)", "$a " + a + ")").replace(" I ", i.isEmpty() ? " " : " " + i + " ");
    wat = wat.replace(" V)", " " + value(a) + ")");
    run = Flarec.compileText(wat).load().instantiate().function("run");
  }

  private static String value(String a) {
    return a.equals("i64") ? "(local.get $a)" : "(i64.extend_i32_u (local.get $a))";
  }

  @Benchmark
  public long storeThenLoad16MiB() {
    return (Long) run.call()[0];
  }
}
