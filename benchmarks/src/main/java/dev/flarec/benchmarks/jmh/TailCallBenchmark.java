package dev.flarec.benchmarks.jmh;

import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a tail call costs: the same step ({@code acc = acc * 31 + n}) repeated 100,000 times as a
 * loop, as a self tail call (a jump), as a mutual tail recursion through {@code return_call} and
 * {@code return_call_indirect} (the trampoline), and as the same mutual recursion through ordinary
 * {@code call} and {@code call_indirect} (1,000 deep at a time, which the JVM stack holds). Scores
 * are per step. The module is assembled by the installed {@code wat2wasm --enable-tail-call}. See
 * docs/RATIONALE.md#why-tail-calls-return-to-a-trampoline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OperationsPerInvocation(TailCallBenchmark.STEPS)
public class TailCallBenchmark {
  static final int ROUNDS = 100;
  static final int DEPTH = 1000;
  static final int STEPS = ROUNDS * DEPTH;

  private static final String STEP =
      "(i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $n))";
  private static final String NEXT = "(i32.sub (local.get $n) (i32.const 1))";

  /** {@code (func NAME (param $n i32) (param $acc i32) (result i32) ...)}, recursing by CALL. */
  private static String recursive(String name, String call) {
    return "(func "
        + name
        + " (param $n i32) (param $acc i32) (result i32)\n"
        + "  (if (result i32) (i32.eqz (local.get $n)) (then (local.get $acc))\n"
        + "    (else "
        + call.replace("ARGS", NEXT + " " + STEP)
        + ")))\n";
  }

  /** An export running {@code ROUNDS} times {@code DEPTH} steps of {@code entry}. */
  private static String driver(String export, String entry) {
    return "(func (export \""
        + export
        + "\") (param $r i32) (result i32) (local $acc i32)\n"
        + "  (loop $l (local.set $acc (call "
        + entry
        + " (i32.const "
        + DEPTH
        + ") (local.get $acc)))\n"
        + "    (br_if $l (local.tee $r (i32.sub (local.get $r) (i32.const 1)))))\n"
        + "  (local.get $acc))\n";
  }

  static String module() {
    return "(module\n"
        + "(type $step (func (param i32 i32) (result i32)))\n"
        + "(table 4 funcref) (elem (i32.const 0) $ti_f $ti_g $ci_f $ci_g)\n"
        + "(func $loop (param $n i32) (param $acc i32) (result i32)\n"
        + "  (block $done (loop $l (br_if $done (i32.eqz (local.get $n)))\n"
        + "    (local.set $acc "
        + STEP
        + ") (local.set $n "
        + NEXT
        + ") (br $l)))\n"
        + "  (local.get $acc))\n"
        + recursive("$self", "(return_call $self ARGS)")
        + recursive("$tf", "(return_call $tg ARGS)")
        + recursive("$tg", "(return_call $tf ARGS)")
        + recursive("$cf", "(call $cg ARGS)")
        + recursive("$cg", "(call $cf ARGS)")
        + recursive("$ti_f", "(return_call_indirect (type $step) ARGS (i32.const 1))")
        + recursive("$ti_g", "(return_call_indirect (type $step) ARGS (i32.const 0))")
        + recursive("$ci_f", "(call_indirect (type $step) ARGS (i32.const 3))")
        + recursive("$ci_g", "(call_indirect (type $step) ARGS (i32.const 2))")
        + driver("loop", "$loop")
        + driver("self_tail", "$self")
        + driver("mutual_tail", "$tf")
        + driver("mutual_call", "$cf")
        + driver("indirect_tail", "$ti_f")
        + driver("indirect_call", "$ci_f")
        + ")\n";
  }

  /** The compiled module's exports. */
  @State(Scope.Benchmark)
  public static class Module {
    IntUnaryOperator loop;
    IntUnaryOperator selfTail;
    IntUnaryOperator mutualTail;
    IntUnaryOperator mutualCall;
    IntUnaryOperator indirectTail;
    IntUnaryOperator indirectCall;

    @Setup
    public void compile() throws IOException, InterruptedException {
      Instance instance = Flarec.compile(assemble(module())).load().instantiate();
      loop = instance.function("loop").as(IntUnaryOperator.class);
      selfTail = instance.function("self_tail").as(IntUnaryOperator.class);
      mutualTail = instance.function("mutual_tail").as(IntUnaryOperator.class);
      mutualCall = instance.function("mutual_call").as(IntUnaryOperator.class);
      indirectTail = instance.function("indirect_tail").as(IntUnaryOperator.class);
      indirectCall = instance.function("indirect_call").as(IntUnaryOperator.class);
    }
  }

  static byte[] assemble(String wat) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("flarec-tail");
    Path in = Files.writeString(dir.resolve("tail.wat"), wat, StandardCharsets.UTF_8);
    Path out = dir.resolve("tail.wasm");
    Process p =
        new ProcessBuilder("wat2wasm", "--enable-tail-call", in.toString(), "-o", out.toString())
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("wat2wasm failed");
    }
    byte[] wasm = Files.readAllBytes(out);
    Files.delete(in);
    Files.delete(out);
    Files.delete(dir);
    return wasm;
  }

  @Benchmark
  public int loop(Module m) {
    return m.loop.applyAsInt(ROUNDS);
  }

  @Benchmark
  public int selfTailCall(Module m) {
    return m.selfTail.applyAsInt(ROUNDS);
  }

  @Benchmark
  public int mutualTailCall(Module m) {
    return m.mutualTail.applyAsInt(ROUNDS);
  }

  @Benchmark
  public int mutualCall(Module m) {
    return m.mutualCall.applyAsInt(ROUNDS);
  }

  @Benchmark
  public int indirectTailCall(Module m) {
    return m.indirectTail.applyAsInt(ROUNDS);
  }

  @Benchmark
  public int indirectCall(Module m) {
    return m.indirectCall.applyAsInt(ROUNDS);
  }
}
