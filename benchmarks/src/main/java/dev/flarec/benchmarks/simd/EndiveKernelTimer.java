package dev.flarec.benchmarks.simd;

import java.nio.file.Files;
import java.nio.file.Path;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;

/**
 * Times one kernel {@code .wasm} under Endive's interpreter (the maintained continuation of
 * Chicory, whose interpreter runs SIMD instructions), as {@link SimdKernelTimer} times it under
 * flarec: the reference column of benchmarks/simd.sh.
 *
 * <pre>java -cp ... dev.flarec.benchmarks.simd.EndiveKernelTimer KERNEL.wasm N EXPECTED SECONDS
 * </pre>
 */
public final class EndiveKernelTimer {
  private EndiveKernelTimer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: EndiveKernelTimer KERNEL.wasm N EXPECTED SECONDS");
      System.exit(2);
    }
    ExportFunction run =
        Instance.builder(Parser.parse(Files.readAllBytes(Path.of(args[0])))).build().export("run");
    SimdKernelTimer.report(
        n -> run.apply(n)[0],
        Integer.parseInt(args[1]),
        Long.parseLong(args[2]),
        Double.parseDouble(args[3]));
  }
}
